import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, fillDate, pick, planMeeting, screenshot, setUpStore, test } from './helpers';

/** The council as the head's order sets it: eight members, with the organisations a new store comes with. */
const MEMBERS = [
  { surname: 'Мельник', given: 'Оксана', patronymic: 'Іванівна', position: 'Заступник голови обласної військової адміністрації', org: 'Обласна військова адміністрація', role: 'Голова' },
  { surname: 'Шевчук', given: 'Андрій', patronymic: 'Петрович', position: 'Директор департаменту соціального захисту населення', org: 'Департамент соціального захисту населення', role: 'Заступник голови' },
  { surname: 'Коваль', given: 'Наталія', patronymic: 'Олегівна', position: 'Головний спеціаліст відділу з питань сім’ї', org: 'Департамент соціального захисту населення', role: 'Секретар' },
  { surname: 'Бондар', given: 'Ігор', patronymic: 'Васильович', position: 'Начальник відділу протидії торгівлі людьми ГУНП', org: 'Головне управління Національної поліції', role: 'Член' },
  { surname: 'Кравець', given: 'Олена', patronymic: 'Романівна', position: 'Начальник служби у справах дітей', org: 'Служба у справах дітей', role: 'Член' },
  { surname: 'Олійник', given: 'Марія', patronymic: 'Степанівна', position: 'Директор обласного центру соціальних служб', org: 'Обласний центр соціальних служб', role: 'Член' },
  { surname: 'Ткаченко', given: 'Сергій', patronymic: 'Миколайович', position: 'Прокурор відділу обласної прокуратури', org: 'Обласна прокуратура', role: 'Член' },
  { surname: 'Лисенко', given: 'Тарас', patronymic: 'Юрійович', position: 'Директор обласного центру зайнятості', org: 'Обласний центр зайнятості', role: 'Член' },
];

async function addMember(page: Page, member: (typeof MEMBERS)[number]): Promise<void> {
  await page.getByRole('button', { name: 'Додати члена ради' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Прізвище/).fill(member.surname);
  await dialog.getByLabel(/^Ім’я/).fill(member.given);
  await dialog.getByLabel('По батькові').fill(member.patronymic);
  await dialog.getByLabel(/^Посада/).fill(member.position);
  await dialog.getByLabel('Організація').fill(member.org);
  await page.getByRole('option', { name: new RegExp(member.org) }).first().click();
  await pick(page, /^Роль у раді/, member.role);
  await fillDate(dialog.getByLabel(/^У складі з/), '15.01.2026');
  await dialog.getByRole('button', { name: 'Зберегти' }).click();
  await expect(dialog).toHaveCount(0);
}

test('a council of eight meets, decides, assigns, approves its minutes, and the next meeting reviews the assignments', async ({ page, harness }) => {
  test.setTimeout(240_000);
  await page.goto(harness.url);
  await setUpStore(page);
  await expect(page.getByRole('heading', { name: /Добрий день/ })).toBeVisible();
  await screenshot(page, '30-dashboard-empty');

  // The council: eight members valid from the head's order.
  await page.getByRole('button', { name: 'Склад ради' }).click();
  for (const member of MEMBERS) await addMember(page, member);
  const members = page.getByRole('table', { name: 'Склад ради' });
  await expect(members.getByRole('row')).toHaveCount(MEMBERS.length + 1);
  await expect(members).toContainText('Мельник О. І.');
  await screenshot(page, '31-council-members');

  // Plan the first meeting of the year: it gets № 1 and the standing first item.
  await page.getByRole('button', { name: 'Засідання', exact: true }).click();
  await planMeeting(page, '20.11.2026');
  await expect(page.getByRole('heading', { name: 'Засідання № 1/2026' })).toBeVisible();

  await page.getByRole('tab', { name: 'Відомості' }).click();
  // The chair and the secretary of the council sign unless someone else is chosen.
  await expect(page.getByRole('textbox', { name: /^Головуючий/ })).toHaveValue(/^Мельник О\. І\./);
  await expect(page.getByRole('textbox', { name: /^Секретар/ })).toHaveValue(/^Коваль Н\. О\./);

  // Attendance: the quorum is shown before anything is decided.
  await page.getByRole('tab', { name: 'Присутні' }).click();
  for (const member of MEMBERS.slice(0, 4)) await page.getByRole('checkbox', { name: `Присутній: ${short(member)}` }).check();
  await expect(page.getByText(/^Кворуму немає: присутні 4 з 8, потрібно щонайменше 5/)).toBeVisible();
  await screenshot(page, '32-attendance-no-quorum');
  for (const member of MEMBERS.slice(4, 6)) await page.getByRole('checkbox', { name: `Присутній: ${short(member)}` }).check();
  await expect(page.getByText('Кворум є: присутні 6 з 8, потрібно щонайменше 5.').first()).toBeVisible();
  await page.getByRole('button', { name: 'Додати запрошеного' }).click();
  await page.getByLabel(/^Прізвище, ім’я/).fill('Гриценко Лариса');
  await page.getByLabel(/^Посада, організація/).fill('Представниця МОМ в Україні');
  await screenshot(page, '33-attendance-quorum');

  // Two items: the standing one and a report, with speeches, decisions and a vote tally.
  await page.getByRole('tab', { name: /^Порядок денний/ }).click();
  const first = page.getByTestId('agenda-item').nth(0);
  await first.getByLabel(/^СЛУХАЛИ/).fill('Про стан виконання доручень: невиконаних доручень немає.');
  await first.getByRole('button', { name: /^Додати рішення/ }).click();
  await first.getByLabel(/^Текст рішення/).fill('Інформацію взяти до відома.');
  await page.getByRole('button', { name: 'Додати питання' }).click();
  const second = page.getByTestId('agenda-item').nth(1);
  await second.getByLabel(/^Питання/).fill('Про стан протидії торгівлі людьми в області у 2026 році');
  await second.getByLabel(/^Інший доповідач/).fill('Бондар І. В., начальник відділу ГУНП');
  await second.getByLabel(/^СЛУХАЛИ/).fill('Про виявлені випадки торгівлі людьми та перенаправлення постраждалих осіб (справа K-2026-014).');
  await second.getByRole('button', { name: /^Додати виступ/ }).click();
  await second.getByLabel(/^Хто виступав/).fill('Олійник М. С.');
  await second.getByLabel(/^Зміст виступу/).fill('Про соціальні послуги, надані постраждалим особам.');
  await second.getByRole('button', { name: /^Додати рішення/ }).click();
  await second.getByLabel(/^Текст рішення/).nth(0).fill('Провести навчання для фахівців громад з виявлення постраждалих осіб.');
  await second.getByRole('spinbutton', { name: 'За' }).nth(0).fill('6');
  await second.getByRole('spinbutton', { name: 'Проти' }).nth(0).fill('0');
  await second.getByRole('spinbutton', { name: 'Утрималися' }).nth(0).fill('0');
  await second.getByRole('button', { name: /^Додати рішення/ }).click();
  await second.getByLabel(/^Текст рішення/).nth(1).fill('Оприлюднити інформацію про гарячу лінію 527 на сайтах громад.');
  await save(page);
  await expect(second.getByText('Рішення 2.2')).toBeVisible();
  await screenshot(page, '34-agenda-decisions');

  // Three assignments from the decisions.
  await giveAssignment(page, second, '2.1', 'Обласний центр соціальних служб', '15.12.2026');
  await giveAssignment(page, second, '2.1', 'Служба у справах дітей', '20.12.2026');
  await giveAssignment(page, second, '2.2', 'Департамент соціального захисту', '30.11.2026');
  await expect(second.getByRole('button', { name: /^Відкрити доручення/ })).toHaveCount(3);
  await screenshot(page, '35-assignments-given');

  // Minutes drafted, then approved: locked, with the content hash shown.
  await page.getByRole('tab', { name: 'Відомості' }).click();
  await pickIn(page, /^Стан/, 'Протокол складено');
  await save(page);
  await page.getByRole('tab', { name: 'Затвердження' }).click();
  await page.getByRole('button', { name: 'Затвердити протокол' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Затвердити' }).click();
  await expect(page.getByText('Протокол затверджено', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/^[0-9a-f]{8}/).first()).toBeVisible();
  await screenshot(page, '36-approved');

  // The minutes as DOCX: headings and decisions in order, no victim's name (cases by code only).
  await page.getByRole('button', { name: 'Документи' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Протокол (DOCX)' }).click();
  const file = await (await download).path();
  const xml = new TextDecoder().decode(unzipSync(readFileSync(file))['word/document.xml']);
  const text = xml.replace(/<[^>]+>/g, '');
  let at = -1;
  for (const part of ['ПРОТОКОЛ', '20.11.2026', '№ 1', 'Присутні', 'ПОРЯДОК ДЕННИЙ', 'СЛУХАЛИ', 'УХВАЛИЛИ', '1.1.', 'Інформацію взяти до відома', 'СЛУХАЛИ', 'ВИСТУПИЛИ', 'Олійник М. С.', 'УХВАЛИЛИ', '2.1.', 'Провести навчання', '2.2.', 'Оприлюднити інформацію', 'Оксана МЕЛЬНИК', 'Наталія КОВАЛЬ']) {
    const next = text.indexOf(part, at + 1);
    expect(next, part).toBeGreaterThan(at);
    at = next;
  }
  expect(text).toContain('K-2026-014');

  // The PDF is the print page itself, printed by the browser engine (Chromium here, Electron in the app).
  await page.getByRole('button', { name: 'Документи' }).click();
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Протокол (PDF)' }).click();
  const pdfFile = await (await pdfDownload).path();
  expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  for (const part of ['ПРОТОКОЛ', 'ПОРЯДОК ДЕННИЙ', 'УХВАЛИЛИ', 'Провести навчання', 'Оксана МЕЛЬНИК']) expect(pdfText).toContain(part);
  expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);

  // The next regular meeting opens with the review of every open assignment.
  await page.getByRole('button', { name: /До списку засідань/ }).click();
  await planMeeting(page, '18.12.2026');
  await expect(page.getByRole('heading', { name: 'Засідання № 2/2026' })).toBeVisible();
  await page.getByRole('tab', { name: /^Порядок денний/ }).click();
  const review = page.getByTestId('agenda-item').nth(0);
  await expect(review.getByLabel(/^Питання/)).toHaveValue('Про стан виконання доручень попередніх засідань');
  await expect(review).toContainText('Усього доручень: 3');
  for (const organisation of ['Обласний центр соціальних служб', 'Служба у справах дітей', 'Департамент соціального захисту']) {
    await expect(review).toContainText(organisation);
  }
  await screenshot(page, '37-next-meeting-review');

  await page.getByRole('button', { name: 'Огляд' }).click();
  await expect(page.getByRole('region', { name: 'Найближчі засідання' })).toContainText('№ 2/2026');
  await screenshot(page, '38-dashboard');
});

function short(member: (typeof MEMBERS)[number]): string {
  return `${member.surname} ${member.given[0]}. ${member.patronymic[0]}.`;
}

/** A Select outside a dialog: open it by its label, then click the option. */
async function pickIn(page: Page, label: RegExp, option: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Зберегти', exact: true }).click();
  await expect(page.getByText(/^Засідання № \d+\/\d+ збережено\.$/).first()).toBeVisible();
}

async function giveAssignment(page: Page, item: ReturnType<Page['getByTestId']>, decision: string, organisation: string, due: string): Promise<void> {
  await item.getByRole('button', { name: `Доручення за рішенням ${decision}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^Відповідальний виконавець/ }).fill(organisation);
  await page.getByRole('option', { name: new RegExp(organisation) }).first().click();
  await fillDate(dialog.getByLabel(/^Строк виконання/), due);
  await dialog.getByRole('button', { name: 'Створити доручення' }).click();
  await expect(dialog).toHaveCount(0);
}
