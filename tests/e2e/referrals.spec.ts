import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expectAccessible } from './a11y';
import { addUser, choose, chooseTerritory, dismissNotifications, expect, fillDate, firstSignIn, kyivToday, screenshot, setUpStore, test } from './helpers';

/** Obviously invented, so a leak is unmistakable. */
const PERSON = { surname: 'Вигаданенко', givenName: 'Фантазія', patronymic: 'Уявлівна', birthDate: '12.04.1998', phone: '+380 67 000 00 00' };
const OFFICER = { login: 'o.melnyk', name: 'Оксана Мельник', own: 'довгий власний пароль фахівця з направлень' };
const SECRETARY = { login: 'm.koval', name: 'Мар’яна Коваль', own: 'мій власний довгий пароль секретаря' };
const ANALYST = { login: 'p.bondar', name: 'Петро Бондар', own: 'власний довгий пароль аналітика звітів' };
const CLINIC = 'Полтавська обласна клінічна лікарня';
const NGO = 'Міжнародний жіночий правозахисний центр «Ла Страда-Україна»';

function docxText(bytes: Buffer): string {
  return new TextDecoder().decode(unzipSync(bytes)['word/document.xml']).replace(/<[^>]+>/g, '');
}

/** Ticks a need (or any checkbox) inside a group, by the words a person reads. */
async function tick(scope: Locator, name: string): Promise<void> {
  await scope.getByRole('checkbox', { name, exact: true }).check();
}

/** A new referral for the person, from the person's page: the need, the recipient among the suggestions, the contact, what it discloses. */
async function makeReferral(page: Page, need: string, recipient: string, disclose: string[], shot?: string): Promise<void> {
  await page.getByRole('region', { name: 'Направлення' }).getByRole('button', { name: 'Нове направлення' }).click();
  const form = page.getByTestId('referral-form');
  await expect(form.getByRole('textbox', { name: 'Відповідальна посадова особа' })).toHaveValue(OFFICER.name);
  await tick(form.getByRole('group', { name: /^Потреби, щодо яких направляють/ }), need);
  const suggestions = form.getByRole('table', { name: `Надавачі: ${need}` });
  await suggestions.getByRole('button', { name: `Обрати отримувачем: ${recipient}` }).click();
  await expect(form.getByRole('textbox', { name: /^Отримувач/ })).toHaveValue(new RegExp(`^${recipient.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await form.getByRole('textbox', { name: /^Як з нею зв’язатися/ }).fill('(0532) 00-00-00, o.melnyk@example.gov.ua');
  for (const category of disclose) await tick(form.getByRole('group', { name: /^Що передати отримувачу/ }), category);
  if (shot) {
    await dismissNotifications(page);
    await screenshot(page, shot);
  }
  await form.getByRole('button', { name: 'Зберегти чернетку' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Чернетка направлення' })).toBeVisible();
}

/** Records a change on the referral card: the action, its form filled by `fill`, then «Внести». */
async function recordChange(page: Page, action: string, fill: (form: Locator) => Promise<void> = async () => undefined): Promise<void> {
  await page.getByRole('region', { name: 'Дії' }).getByRole('button', { name: action }).click();
  const form = page.getByTestId('event-form');
  await expect(form.getByRole('textbox', { name: /^Дата/ })).toHaveValue(kyivToday());
  await fill(form);
  await form.getByRole('button', { name: 'Внести' }).click();
  await expect(form).toHaveCount(0);
}

test('a case officer refers a presumed victim to an NGO and a hospital under consent; the recipient sees only what the consent allows; a secretary sees no trace', async ({ page, harness }) => {
  test.setTimeout(300_000);
  await page.goto(harness.url);
  await setUpStore(page);

  // The admin adds the officer and a secretary, and a hospital to the service directory as a subject of the mechanism.
  await page.getByRole('button', { name: 'Користувачі' }).click();
  const officerInitial = await addUser(page, OFFICER, 'Фахівець із встановлення статусу');
  const secretaryInitial = await addUser(page, SECRETARY, 'Секретар');
  const analystInitial = await addUser(page, ANALYST, 'Аналітик');
  await page.getByRole('navigation').getByRole('button', { name: 'Організації' }).click();
  await page.getByRole('button', { name: 'Додати організацію' }).click();
  const organisation = page.getByRole('dialog', { name: 'Нова організація' });
  await organisation.getByRole('textbox', { name: /^Повна назва/ }).fill(CLINIC);
  await choose(page, organisation, /^Тип організації/, 'Заклад охорони здоров’я');
  await chooseTerritory(page, organisation, /^Код КАТОТТГ/, 'Полтава', /^м\. Полтава, Полтавська громада/);
  await organisation.locator('label', { hasText: 'Суб’єкт національного механізму взаємодії' }).click();
  await choose(page, organisation, /^Форма власності/, 'комунальна');
  await choose(page, organisation, /^Послуги, які надає/, 'медична допомога');
  await page.keyboard.press('Escape');
  await dismissNotifications(page);
  await screenshot(page, '90-directory-form');
  await organisation.getByRole('button', { name: 'Зберегти' }).click();
  await expect(organisation).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Організації' })).toContainText(CLINIC);
  await firstSignIn(page, OFFICER, officerInitial);

  // A presumed victim the police identified today, with no application.
  await page.getByRole('navigation').getByRole('button', { name: 'Особи' }).click();
  await page.getByRole('button', { name: 'Внести ймовірно постраждалу особу' }).click();
  const record = page.getByRole('dialog', { name: 'Ймовірно постраждала особа' });
  await record.getByRole('textbox', { name: /^Прізвище/ }).first().fill(PERSON.surname);
  await record.getByRole('textbox', { name: /^Ім’я/ }).fill(PERSON.givenName);
  await record.getByRole('textbox', { name: /^По батькові/ }).fill(PERSON.patronymic);
  await fillDate(record.getByRole('textbox', { name: /^Дата народження/ }), PERSON.birthDate);
  await choose(page, record, /^Стать/, 'жіноча');
  await record.getByRole('textbox', { name: /^Телефон/ }).fill(PERSON.phone);
  await fillDate(record.getByRole('textbox', { name: /^Дата виявлення/ }), kyivToday());
  await choose(page, record, /^Хто виявив/, 'Головне управління Національної поліції в області (ГУНП)');
  await chooseTerritory(page, record, /^Код КАТОТТГ/, 'UA53080370010073240', /^м\. Полтава, Полтавська громада/);
  await dismissNotifications(page);
  await screenshot(page, '91-person-record');
  await record.getByRole('button', { name: 'Внести особу' }).click();
  const title = page.getByRole('heading', { level: 1, name: /^Особа ОС-[0-9A-Z]{4}-[0-9A-Z]{4}$/ });
  await expect(title).toBeVisible();
  const code = (await title.textContent())!.replace('Особа ', '');
  await expect(page.locator('main')).not.toContainText(PERSON.surname);

  // Needs assessed: medical and psychological.
  await page.getByRole('button', { name: 'Внести оцінку потреб' }).click();
  const assessment = page.getByRole('form', { name: 'Оцінка потреб' });
  await assessment.getByRole('textbox', { name: /^Хто оцінював/ }).fill('Мельник Оксана Іванівна');
  await choose(page, assessment, /^Потреби/, 'медична допомога');
  await choose(page, assessment, /^Потреби/, 'психологічна допомога');
  await page.keyboard.press('Escape');
  await assessment.getByRole('button', { name: 'Зберегти' }).click();
  await expect(assessment).toHaveCount(0);

  // Written consent: to NGOs and health facilities, her name and contacts and her needs.
  await page.getByRole('button', { name: 'Внести згоду' }).click();
  const consent = page.getByRole('form', { name: 'Внести згоду' });
  await choose(page, consent, /^Кому можна передавати: види організацій/, 'Громадська організація');
  await choose(page, consent, /^Кому можна передавати: види організацій/, 'Заклад охорони здоров’я');
  await page.keyboard.press('Escape');
  await consent.getByRole('checkbox', { name: 'прізвище, ім’я, по батькові та контакти' }).check();
  await dismissNotifications(page);
  await screenshot(page, '92-consent-form');
  await consent.getByRole('button', { name: 'Зберегти' }).click();
  await expect(consent).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Згоди на передавання даних' })).toContainText('чинна');

  // The first referral, to the NGO for psychological help, disclosing her name and contacts.
  await makeReferral(page, 'психологічна допомога', NGO, ['прізвище, ім’я, по батькові та контакти'], '93-referral-form');
  const preview = page.getByRole('region', { name: 'Що побачить отримувач' });
  await expect(preview).toContainText(code);
  await expect(preview).toContainText(`${PERSON.surname} ${PERSON.givenName} ${PERSON.patronymic}`);
  await expect(preview).toContainText(PERSON.phone);
  await expect(preview.getByTestId('withheld')).toContainText('дата народження');
  await dismissNotifications(page);
  await screenshot(page, '94-referral-draft-preview');
  await recordChange(page, 'Надіслати');
  await expect(page.getByRole('heading', { level: 1, name: /^Направлення № 1\/\d{4}$/ })).toBeVisible();
  await expectAccessible(page, 'the referral card');

  // The letter, as DOCX: named by the code; it carries the code and, as the consent allows, her name.
  await page.getByRole('button', { name: 'Документи' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Лист-направлення — DOCX' }).click();
  const letter = await download;
  expect(letter.suggestedFilename()).toBe(`napravlennia-${code}.docx`);
  const text = docxText(readFileSync(await letter.path()));
  expect(text).toContain(code);
  expect(text).toContain('психологічна допомога');
  expect(text).toContain(PERSON.surname);
  expect(text).not.toContain('медична допомога');
  expect(text).not.toContain('12.04.1998');
  await dismissNotifications(page);

  // The NGO accepts, then reports the help given in full.
  await recordChange(page, 'Прийнято отримувачем');
  await recordChange(page, 'Завершити', async (form) => {
    await choose(page, form, /^Результат/, 'допомогу отримано повністю');
    await form.getByRole('textbox', { name: /^Примітка/ }).fill('Проведено п’ять консультацій психолога.');
  });
  await expect(page.locator('[data-state="completed"]').first()).toBeVisible();
  const history = page.getByRole('table', { name: 'Історія направлення' });
  await expect(history.getByRole('row')).toHaveCount(5);
  await dismissNotifications(page);
  await screenshot(page, '95-referral-card');

  // The second referral, to the hospital for medical help; the hospital declines for lack of capacity.
  await page.getByRole('button', { name: `Відкрити сторінку особи ${code}` }).click();
  await makeReferral(page, 'медична допомога', CLINIC, []);
  await expect(page.getByRole('region', { name: 'Що побачить отримувач' })).not.toContainText(PERSON.surname);
  await recordChange(page, 'Надіслати');
  // This letter, under the same consent but disclosing nothing more, carries the code and no name or phone.
  await page.getByRole('button', { name: 'Документи' }).click();
  const narrowDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Лист-направлення — DOCX' }).click();
  const narrow = docxText(readFileSync(await (await narrowDownload).path()));
  expect(narrow).toContain(code);
  expect(narrow).toContain('медична допомога');
  for (const part of [PERSON.surname, PERSON.givenName, PERSON.phone]) expect(narrow).not.toContain(part);
  await dismissNotifications(page);
  await recordChange(page, 'Відхилено отримувачем', async (form) => {
    await choose(page, form, /^Причина відхилення/, 'немає вільних місць чи спроможності');
    await form.getByRole('textbox', { name: /^Опишіть причину/ }).fill('Усі ліжка відділення зайняті до кінця місяця.');
  });
  await expect(page.locator('[data-state="declined"]').first()).toBeVisible();

  // The person's timeline: identification, assessment, consent, every referral event, in date order.
  await page.getByRole('button', { name: `Відкрити сторінку особи ${code}` }).click();
  const timeline = page.getByRole('list', { name: 'Хронологія' }).getByRole('listitem');
  await expect(timeline).toHaveCount(8);
  await expect(timeline.first()).toContainText('Виявлення');
  await expect(timeline.last()).toContainText('немає вільних місць чи спроможності');
  await dismissNotifications(page);
  await screenshot(page, '96-person-file');
  await expectAccessible(page, 'the person’s page');

  // The list of referrals: by code, never a name; the analyst's words are not here.
  await page.getByRole('navigation').getByRole('button', { name: 'Направлення' }).click();
  const list = page.getByRole('table', { name: 'Направлення' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(list).toContainText(code);
  await expect(list).not.toContainText(PERSON.surname);
  await dismissNotifications(page);
  await screenshot(page, '97-referrals-list');
  await expectAccessible(page, 'the referral list');

  // A secretary on the same store: no people, no referrals, and no part of the person on any screen they may open.
  await firstSignIn(page, SECRETARY, secretaryInitial);
  const nav = page.getByRole('navigation').getByRole('button');
  const entries = await nav.allInnerTexts();
  expect(entries).not.toContain('Особи');
  expect(entries).not.toContain('Направлення');
  for (const entry of entries) {
    await nav.filter({ hasText: entry }).first().click();
    await expect(page.locator('h1')).toHaveCount(1);
    await page.waitForLoadState('networkidle');
    const body = await page.locator('body').innerText();
    for (const part of [PERSON.surname, PERSON.givenName, PERSON.phone, code]) expect(body, `${entry}: ${part}`).not.toContain(part);
  }

  // The analyst counts the referrals by service, kind of recipient, state and outcome, and sees no person.
  await firstSignIn(page, ANALYST, analystInitial);
  await page.getByRole('navigation').getByRole('button', { name: 'Направлення' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Направлення: підрахунки' })).toBeVisible();
  const byMonth = page.getByRole('table', { name: 'За місяцями й видами допомоги' });
  await expect(byMonth).toContainText(/психологічна допомога/i);
  await expect(byMonth).toContainText(/медична допомога/i);
  await expect(page.getByRole('table', { name: 'За результатом' })).toContainText(/допомогу отримано повністю/i);
  const counted = await page.locator('body').innerText();
  for (const part of [PERSON.surname, code]) expect(counted).not.toContain(part);
  await dismissNotifications(page);
  await screenshot(page, '98-referral-counts');
  await expectAccessible(page, 'the referral counts');
});
