import type { Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { ADMIN, dismissNotifications, expect, fillDate, screenshot, test } from './helpers';

test.use({ demoStore: true });

async function signIn(page: Page): Promise<void> {
  await page.getByLabel(/^Логін/).fill(ADMIN.login);
  await page.getByLabel(/^Пароль/).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Розблокувати' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);
}

/** Plans an extraordinary meeting at 10:00 from the meetings list; returns its dialog for what follows. */
async function plan(page: Page, date: string): Promise<void> {
  await page.getByRole('button', { name: 'Запланувати засідання' }).click();
  const dialog = page.getByRole('dialog', { name: 'Нове засідання' });
  await fillDate(dialog.getByLabel(/^Дата/), date);
  await dialog.getByRole('spinbutton', { name: 'Години' }).pressSequentially('1000');
  await dialog.getByRole('textbox', { name: /^Вид засідання/ }).click();
  await page.getByRole('option', { name: 'Позачергове' }).click();
  await dialog.getByRole('button', { name: 'Запланувати', exact: true }).click();
}

async function action(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Дії із засіданням' }).click();
  await page.getByRole('menuitem', { name }).click();
}

test('a secretary’s corrections: numbers follow dates, an odd date is asked about, a meeting is postponed, cancelled or deleted, an absence is explained', async ({ page, harness }) => {
  test.setTimeout(240_000);
  await page.goto(harness.url);
  await signIn(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Засідання', exact: true }).click();

  // A date typed a century ahead is asked about, not saved silently; «Виправити дату» leaves the form as it was.
  await page.getByRole('button', { name: 'Запланувати засідання' }).click();
  const planning = page.getByRole('dialog', { name: 'Нове засідання' });
  await fillDate(planning.getByLabel(/^Дата/), '12.03.2099');
  await planning.getByRole('button', { name: 'Запланувати', exact: true }).click();
  const odd = page.getByRole('dialog', { name: 'Перевірте дату засідання' });
  await expect(odd).toContainText('Дата 12.03.2099 більш ніж на рік наперед. Зберегти засідання з цією датою?');
  await expectAccessible(page, 'an unusual date asked about');
  await screenshot(page, '70-unusual-date');
  await odd.getByRole('button', { name: 'Виправити дату' }).click();
  await expect(planning.getByLabel(/^Дата/)).toHaveValue('12.03.2099');
  await planning.getByRole('button', { name: 'Скасувати' }).click();

  // Two planned meetings, the later one first: the earlier date takes the earlier number, the other moves up.
  await plan(page, '28.12.2026');
  const late = page.getByRole('heading', { level: 1, name: /^Засідання № \d+\/2026$/ });
  await expect(late).toBeVisible();
  const lateNumber = Number((await late.textContent())!.match(/№ (\d+)/)![1]);
  await page.getByRole('button', { name: '← До списку засідань' }).click();
  await plan(page, '01.12.2026');
  const early = page.getByRole('heading', { level: 1, name: /^Засідання № \d+\/2026$/ });
  await expect(early).not.toHaveText(`Засідання № ${lateNumber + 1}/2026`);
  const earlyNumber = Number((await early.textContent())!.match(/№ (\d+)/)![1]);
  expect(earlyNumber).toBeLessThan(lateNumber);
  // Every planned meeting after 1 December (the demo's own next one too) moved up by one.
  const moved = page.getByText(/^Номери наступних запланованих засідань зміщено, щоб іти за датами:/);
  await expect(moved).toContainText(`№ ${lateNumber} → № ${lateNumber + 1}`);
  await screenshot(page, '71-renumbered');

  // Postponed with the reason: the badge, the note, and the number follows the new date.
  await dismissNotifications(page);
  await action(page, 'Перенести');
  const postpone = page.getByRole('dialog', { name: `Перенести засідання № ${earlyNumber}/2026` });
  await fillDate(postpone.getByLabel(/^Нова дата/), '03.12.2026');
  await postpone.getByRole('spinbutton', { name: 'Години' }).pressSequentially('1100');
  await postpone.getByLabel(/^Причина/).fill('Збіг із сесією обласної ради');
  await expectAccessible(page, 'postpone a meeting');
  await screenshot(page, '72-postpone');
  await postpone.getByRole('button', { name: 'Перенести', exact: true }).click();
  await expect(postpone).toHaveCount(0);
  await expect(page.getByText('Перенесено з 01.12.2026 10:00. Причина: Збіг із сесією обласної ради')).toBeVisible();
  await expect(page.locator('[data-status="postponed"]').first()).toHaveText('Перенесено');
  await screenshot(page, '73-postponed');
  await dismissNotifications(page);
  await expectAccessible(page, 'a postponed meeting');

  // The later one is cancelled: it keeps its number and cannot be changed any more.
  await page.getByRole('button', { name: '← До списку засідань' }).click();
  await page.getByRole('table', { name: 'Засідання ради' }).getByRole('row', { name: /28\.12\.2026/ }).click();
  await action(page, 'Скасувати засідання');
  const cancel = page.getByRole('dialog', { name: `Скасувати засідання № ${lateNumber + 1}/2026?` });
  await cancel.getByLabel(/^Причина/).fill('Питання розглянуто на нараді в ОВА');
  await cancel.getByRole('button', { name: 'Скасувати засідання' }).click();
  await expect(page.getByText('Скасовано. Причина: Питання розглянуто на нараді в ОВА')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Зберегти' })).toHaveCount(0);
  await expect(page.getByTestId('quorum')).toHaveCount(0);
  await screenshot(page, '74-cancelled');

  // One planned by mistake is deleted outright.
  await page.getByRole('button', { name: '← До списку засідань' }).click();
  await plan(page, '29.12.2026');
  const extra = page.getByRole('heading', { level: 1, name: /^Засідання № \d+\/2026$/ });
  const extraRef = (await extra.textContent())!.replace('Засідання ', '');
  await action(page, 'Вилучити');
  await page.getByRole('dialog', { name: `Вилучити засідання ${extraRef}?` }).getByRole('button', { name: 'Вилучити' }).click();
  await expect(page.getByRole('table', { name: 'Засідання ради' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Засідання ради' })).not.toContainText('29.12.2026');

  // The latest minutes still a draft: an absence with its reason and who came instead, then the checklist.
  const drafts = page.getByRole('table', { name: 'Засідання ради' }).getByRole('row', { name: /Протокол складено/ });
  await drafts.first().click();
  await page.getByRole('tab', { name: /^Присутні/ }).click();
  const present = page.getByRole('checkbox', { name: /^Присутній/ }).last();
  await present.uncheck();
  await page.getByRole('textbox', { name: /^Причина відсутності/ }).last().fill('відрядження');
  await page.getByRole('textbox', { name: /^За дорученням/ }).last().fill('Гончар В. П., заступник начальника відділу');
  await dismissNotifications(page);
  await expectAccessible(page, 'attendance with an absence');
  await screenshot(page, '75-absence');
  await page.getByRole('button', { name: 'Зберегти' }).click();
  await expect(page.getByText(/^Засідання № \d+\/\d{4} збережено\./)).toBeVisible();
  await page.getByRole('tab', { name: /^Затвердження/ }).click();
  const checks = page.getByRole('list', { name: 'Умови затвердження протоколу' });
  await expect(checks).toContainText('до кожного питання ухвалено рішення — виконано');
  await expect(checks).toContainText('головуючий і секретар присутні (або діє особа за їх дорученням) — виконано');
  await screenshot(page, '76-approval-checklist');
});
