import type { Locator, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expectAccessible } from './a11y';
import { addUser, choose, dismissNotifications, expect, fillDate, firstSignIn, kyivToday, screenshot, setUpStore, test } from './helpers';

/** Obviously invented, so a leak is unmistakable: no screen a secretary may open shows any part of it. */
const PERSON = { surname: 'Вигаданенко', givenName: 'Фантазія', patronymic: 'Уявлівна', birthDate: '12.04.1998' };
const OFFICER = { login: 'i.savchenko', name: 'Ірина Савченко', own: 'довгий власний пароль фахівця зі статусу' };
const SECRETARY = { login: 'm.koval', name: 'Мар’яна Коваль', own: 'мій власний довгий пароль секретаря' };
const REQUEST_NUMBER = '01-15/233';

/** «Внести етап» → the step → its form, filled by `fill`, then «Внести»; waits for the step on the timeline. */
async function recordStep(page: Page, step: string, fill: (form: Locator) => Promise<void> = async () => undefined, shot?: string): Promise<void> {
  await page.getByRole('button', { name: 'Внести етап' }).click();
  await page.getByRole('menuitem', { name: step, exact: true }).click();
  const form = page.getByTestId('step-form');
  await expect(form.getByRole('heading', { name: `Новий етап: ${step}` })).toBeVisible();
  await expect(form.getByRole('textbox', { name: /^Дата/ })).toHaveValue(kyivToday());
  await expect(form.getByRole('textbox', { name: /^Посадова особа/ })).toHaveValue(OFFICER.name);
  await fill(form);
  if (shot) {
    await dismissNotifications(page);
    await screenshot(page, shot);
  }
  await form.getByRole('button', { name: 'Внести', exact: true }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('timeline-step').filter({ has: page.getByRole('heading', { name: step, exact: true }) })).toHaveCount(1);
}

test('a case officer runs an application from registration to the certificate; a secretary sees no trace of the person', async ({ page, harness }) => {
  test.setTimeout(300_000);
  await page.goto(harness.url);
  await setUpStore(page);

  // The admin adds a case officer and a secretary.
  await page.getByRole('button', { name: 'Користувачі' }).click();
  const officerInitial = await addUser(page, OFFICER, 'Фахівець із встановлення статусу');
  const secretaryInitial = await addUser(page, SECRETARY, 'Секретар');
  await firstSignIn(page, OFFICER, officerInitial);

  // An empty list, with the way to register the first application.
  await page.getByRole('navigation').getByRole('button', { name: 'Справи щодо статусу' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Справи щодо встановлення статусу' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Справи щодо статусу' })).toContainText('Справ ще немає');

  // Registration: who the person is, the application, the official (the signed-in officer by default).
  await page.getByRole('button', { name: 'Зареєструвати заяву' }).click();
  const register = page.getByRole('dialog', { name: 'Реєстрація заяви про встановлення статусу' });
  await register.getByRole('textbox', { name: /^Прізвище/ }).first().fill(PERSON.surname);
  await register.getByRole('textbox', { name: /^Ім’я/ }).fill(PERSON.givenName);
  await register.getByRole('textbox', { name: /^По батькові/ }).fill(PERSON.patronymic);
  await fillDate(register.getByRole('textbox', { name: /^Дата народження/ }), PERSON.birthDate);
  await choose(page, register, /^Стать/, 'жіноча');
  await register.getByRole('textbox', { name: /^Орган, що прийняв заяву/ }).fill('Полтавська районна державна адміністрація');
  await register.getByRole('textbox', { name: /^Реєстраційний номер заяви/ }).fill('1');
  await expect(register.getByRole('textbox', { name: /^Дата реєстрації/ })).toHaveValue(kyivToday());
  await choose(page, register, /^Форми експлуатації/, 'трудова експлуатація');
  await register.getByRole('textbox', { name: /^Країни експлуатації/ }).fill('Поль');
  await page.getByRole('option', { name: 'Польща', exact: true }).click();
  await register.getByRole('textbox', { name: /^Документи, що надійшли із заявою/ }).fill('копія паспорта\nмедичний висновок');
  await expect(register.getByRole('textbox', { name: /^Відповідальна посадова особа/ })).toHaveValue(OFFICER.name);
  await dismissNotifications(page);
  await register.getByRole('textbox', { name: /^Прізвище/ }).first().scrollIntoViewIfNeeded();
  await screenshot(page, '80-case-register');
  await register.getByRole('button', { name: 'Зареєструвати', exact: true }).click();
  await expect(register).toHaveCount(0);

  // The card is titled by the code; the name is on the person's card only.
  const title = page.getByRole('heading', { level: 1, name: /^Справа ОС-[0-9A-Z]{4}-[0-9A-Z]{4}$/ });
  await expect(title).toBeVisible();
  const code = (await title.textContent())!.replace('Справа ', '');
  await expect(page.locator('main')).not.toContainText(PERSON.surname);
  await expect(page.getByTestId('timeline-next')).toContainText('Очікується: Співбесіда');
  // A step the procedure does not allow yet is in the menu, disabled, with the reason in words.
  await dismissNotifications(page);
  await page.getByRole('button', { name: 'Внести етап' }).click();
  const early = page.getByRole('menuitem').filter({ hasText: 'Рішення не можна внести до співбесіди' });
  await expect(early).toBeDisabled();
  await expect(page.getByRole('menu')).toHaveCSS('opacity', '1');
  await screenshot(page, '81a-case-step-menu');
  await page.keyboard.press('Escape');

  await recordStep(page, 'Співбесіда', async (form) => {
    await form.getByRole('textbox', { name: /^Примітка/ }).fill('Співбесіду проведено з опитувальником; перекладач не потрібен.');
  }, '81-case-step-form');
  await recordStep(page, 'Розписка про нерозголошення відомостей');
  await recordStep(page, 'Запит до Національної поліції', async (form) => {
    await form.getByRole('textbox', { name: /^Вихідний номер запиту/ }).fill(REQUEST_NUMBER);
  });
  await expect(page.getByTestId('timeline-step').filter({ hasText: REQUEST_NUMBER })).toContainText(`Вихідний номер запиту: ${REQUEST_NUMBER}`);

  // The police request as DOCX: named by the case code, never the person, and holding the request's number.
  await dismissNotifications(page);
  await page.getByRole('button', { name: 'Документи' }).click();
  const requestDocx = page.getByRole('menuitem', { name: 'Запит до Національної поліції — DOCX' });
  const download = page.waitForEvent('download');
  await requestDocx.click();
  const saved = await download;
  expect(saved.suggestedFilename()).not.toContain(PERSON.surname);
  expect(saved.suggestedFilename()).toMatch(/^zapyt-politsiia-ОС-[0-9A-Z]{4}-[0-9A-Z]{4}\.docx$/);
  const xml = new TextDecoder().decode(unzipSync(readFileSync(await saved.path()))['word/document.xml']);
  expect(xml.replace(/<[^>]+>/g, '')).toContain(REQUEST_NUMBER);
  expect(xml.replace(/<[^>]+>/g, '')).toContain('Про надання інформації');
  await dismissNotifications(page);

  await recordStep(page, 'Відповідь Національної поліції', async (form) => {
    await form.getByRole('textbox', { name: /^Номер відповіді/ }).fill('12/4471');
    await form.getByRole('radio', { name: 'Ні' }).check();
  });
  await recordStep(page, 'Формування особової справи');
  await recordStep(page, 'Надсилання справи органу, що ухвалює рішення', async (form) => {
    await form.getByRole('textbox', { name: /^Вихідний номер супровідного листа/ }).fill('01-15/240');
    await expect(form).toContainText('Національна соціальна сервісна служба України');
  });
  await expect(page.getByTestId('timeline-step').filter({ hasText: '01-15/240' })).toContainText('Орган, що ухвалює рішення: Національна соціальна сервісна служба України');
  await recordStep(page, 'Рішення', async (form) => {
    await choose(page, form, /^Рішення/, 'статус встановлено');
    await form.getByRole('textbox', { name: /^Номер рішення/ }).fill('НСС-2026/17');
  });
  await recordStep(page, 'Повідомлення заявника про рішення');
  await recordStep(page, 'Видача довідки про встановлення статусу', async (form) => {
    await form.getByRole('textbox', { name: /^Номер довідки/ }).fill('Д-5');
    await expect(form).toContainText(/Статус діятиме до \d{2}\.\d{2}\.\d{4}/);
  });
  await expect(page.locator('[data-state="granted"]').first()).toHaveText('Статус встановлено');
  await expect(page.getByTestId('timeline-next')).toHaveCount(0);
  await expect(page.getByTestId('timeline-step')).toHaveCount(10);
  await dismissNotifications(page);
  await screenshot(page, '82-case-card');
  await expectAccessible(page, 'the case card');

  // The same card in English, the glossary's words in the same places; then back to Ukrainian.
  await page.getByText('ENG', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Case ${code}` })).toBeVisible();
  await expect(page.getByTestId('timeline-step').filter({ hasText: REQUEST_NUMBER })).toContainText(`Request reference number: ${REQUEST_NUMBER}`);
  await screenshot(page, '82b-case-card-en');
  await page.getByText('УКР', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');

  // The person's card: who the person is, for the officer, titled by the code.
  await page.getByRole('button', { name: 'Картка особи' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Картка особи ${code}` })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Прізвище/ }).first()).toHaveValue(PERSON.surname);
  await expect(page.getByRole('table', { name: 'Справи особи' })).toContainText('Статус встановлено');
  await screenshot(page, '83-person-card');
  await expectAccessible(page, 'the person’s card');

  // Nothing is due any more: the case leaves the due list.
  await page.getByRole('button', { name: '← До списку справ' }).click();
  const list = page.getByRole('table', { name: 'Справи щодо статусу' });
  const row = list.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('Статус встановлено');
  await expect(row).toContainText('№ 1 від');
  // Mantine draws the switch's track over its input: the label is what a person clicks.
  const overdueOnly = page.locator('label', { hasText: 'Лише прострочені' });
  await overdueOnly.click();
  await expect(page.getByRole('switch', { name: 'Лише прострочені' })).toBeChecked();
  await expect(list).toContainText('За цими умовами справ немає');
  await overdueOnly.click();
  await choose(page, page.getByRole('search'), /^Наступний етап/, 'Видача довідки про встановлення статусу');
  await expect(list).toContainText('За цими умовами справ немає');
  await page.getByRole('button', { name: 'Скинути фільтри' }).click();
  await expect(row).toBeVisible();
  // Searching by surname finds the person, by name, for the officer alone.
  await page.getByRole('textbox', { name: 'Прізвище, ім’я або їх частина' }).fill('Вигад');
  await page.getByRole('button', { name: 'Знайти', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Знайдені особи' })).toContainText(`${PERSON.surname} ${PERSON.givenName} ${PERSON.patronymic}`);
  await page.getByRole('button', { name: 'Очистити' }).click();
  // The year's application register as a workbook: the code and the name, one row a case.
  await dismissNotifications(page);
  await page.getByRole('button', { name: 'Журнали' }).click();
  const registerDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Журнал реєстрації заяв — XLSX' }).click();
  const book = await registerDownload;
  expect(book.suggestedFilename()).toMatch(/^zhurnal-zaiav-\d{4}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await book.path()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getRow(2).values).toEqual(expect.arrayContaining([code, `${PERSON.surname} ${PERSON.givenName} ${PERSON.patronymic}`]));
  await dismissNotifications(page);
  await screenshot(page, '84-cases-list');
  await expectAccessible(page, 'the case list');

  await page.getByRole('navigation').getByRole('button', { name: 'Огляд' }).click();
  const clock = page.getByRole('region', { name: 'Процедура встановлення статусу' });
  await expect(clock.getByTestId('cases-overdue')).toHaveText('Прострочено: 0');
  await expect(clock).not.toContainText(code);

  // The parameters the procedure counts by, read-only for a case officer.
  await page.getByRole('navigation').getByRole('button', { name: 'Параметри процедури' }).click();
  await expect(page.getByRole('table', { name: 'Співбесіда' })).toContainText('3 робочі дні');
  await expect(page.getByRole('button', { name: /^Нова версія/ })).toHaveCount(0);
  await screenshot(page, '85-parameters');
  await expectAccessible(page, 'the procedure parameters');

  // A secretary on the same store: every screen they may open, none with any part of the person.
  await firstSignIn(page, SECRETARY, secretaryInitial);
  const nav = page.getByRole('navigation').getByRole('button');
  const entries = await nav.allInnerTexts();
  expect(entries).toEqual(expect.arrayContaining(['Огляд', 'Засідання', 'Доручення']));
  expect(entries).not.toContain('Справи щодо статусу');
  expect(entries).not.toContain('Параметри процедури');
  for (const entry of entries) {
    await nav.filter({ hasText: entry }).first().click();
    await expect(page.locator('h1')).toHaveCount(1);
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    for (const part of [PERSON.surname, PERSON.givenName, PERSON.patronymic, code]) expect(text, `${entry}: ${part}`).not.toContain(part);
  }
});
