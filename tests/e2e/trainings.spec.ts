import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { expectAccessible } from './a11y';
import { addUser, choose, chooseTerritory, dismissNotifications, expect, firstSignIn, kyivToday, screenshot, setUpStore, test } from './helpers';

const COORDINATOR = { login: 'i.savchenko', name: 'Ірина Савченко', own: 'власний довгий пароль координаторки навчань' };
const CSS = 'Полтавський обласний центр соціальних служб';
const POLICE = 'Головне управління Національної поліції в Полтавській області';
const SURNAMES = ['Андрієнко', 'Бондар', 'Веремій', 'Гнатюк', 'Дорошенко', 'Єрмак', 'Жук', 'Зінченко', 'Іваненко', 'Калина', 'Лисенко', 'Мороз', 'Нечай', 'Олійник', 'Павленко', 'Руденко', 'Савчук', 'Ткач', 'Устименко', 'Федорук'];

function docxText(bytes: Buffer): string {
  return new TextDecoder().decode(unzipSync(bytes)['word/document.xml']).replace(/<[^>]+>/g, '');
}

/** The sign-in sheet as an office keeps it: 20 people, row 8 from an organisation not in the directory, row 14 from a village no codifier knows. */
async function signInSheet(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Реєстрація');
  sheet.addRow(['№', 'ПІБ', 'Посада', 'Організація', 'Громада', 'Години']);
  SURNAMES.forEach((surname, i) => {
    const organisation = i === 6 ? 'Поліція міста Нововигадана' : i % 2 ? POLICE : CSS;
    const place = i === 12 ? 'Нововигаданівка' : 'Решетилівська громада';
    sheet.addRow([i + 1, `${surname} Олена Петрівна`, 'фахівець', organisation, place, 16]);
  });
  const file = join(tmpdir(), `sign-in-${Date.now()}.xlsx`);
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
}

async function addOrganisation(page: Page, name: string, type: string): Promise<void> {
  await page.getByRole('button', { name: 'Додати організацію' }).click();
  const dialog = page.getByRole('dialog', { name: 'Нова організація' });
  await dialog.getByRole('textbox', { name: /^Повна назва/ }).fill(name);
  await choose(page, dialog, /^Тип організації/, type);
  await dialog.getByRole('button', { name: 'Зберегти' }).click();
  await expect(dialog).toHaveCount(0);
}

/** The coverage screen's hromadas with no prevention event in the last 12 months. */
async function withoutEvent(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Охоплення громад' }).click();
  const noEvent = page.getByRole('checkbox', { name: 'заходу за 12 місяців' });
  await noEvent.check();
  return page.getByRole('table', { name: 'Громади області' });
}

test('a coordinator records a training, imports a sign-in sheet with two bad rows, fixes them, issues certificates, and a prevention event takes a hromada off the «no event» list', async ({ page, harness }) => {
  test.setTimeout(300_000);
  await page.goto(harness.url);
  await setUpStore(page);

  // The admin sets the store's oblast, adds the coordinator and two organisations of the directory.
  await page.getByRole('navigation').getByRole('button', { name: 'Налаштування' }).click();
  await choose(page, page.locator('body'), /^Область цього сховища/, 'Полтавська область');
  await page.getByRole('button', { name: 'Зберегти область' }).click();
  await expect(page.getByText('Область сховища збережено.')).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Користувачі' }).click();
  const initial = await addUser(page, COORDINATOR, 'Координатор навчань і профілактики');
  await page.getByRole('navigation').getByRole('button', { name: 'Організації' }).click();
  await addOrganisation(page, CSS, 'Центр соціальних служб');
  await addOrganisation(page, POLICE, 'Національна поліція');
  await firstSignIn(page, COORDINATOR, initial);

  // The training.
  await page.getByRole('navigation').getByRole('button', { name: 'Навчання' }).click();
  await page.getByRole('button', { name: 'Нове навчання' }).click();
  const form = page.getByTestId('training-form');
  await form.getByRole('textbox', { name: /^Назва/ }).fill('Національний механізм взаємодії: практика громад');
  await choose(page, form, /^Теми/, 'Національний механізм взаємодії суб’єктів');
  await page.keyboard.press('Escape');
  await form.getByRole('spinbutton', { name: /^Академічних годин/ }).fill('16');
  await chooseTerritory(page, form, /^Місце проведення/, 'Полтава', /^м\. Полтава, Полтавська громада/);
  await choose(page, form, /^Організатори/, CSS);
  await page.keyboard.press('Escape');
  await dismissNotifications(page);
  await screenshot(page, '100-training-form');
  await form.getByRole('button', { name: 'Зберегти' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Національний механізм взаємодії: практика громад' })).toBeVisible();

  // The sign-in sheet: the columns guessed from its headers, two rows refused with their numbers, nothing stored yet.
  await page.getByRole('button', { name: 'Імпорт з реєстраційного листа' }).click();
  await page.locator('input[type=file]').setInputFiles(await signInSheet());
  await expect(page.getByRole('table', { name: 'Перші рядки листа' })).toContainText('Андрієнко');
  await screenshot(page, '101-import-columns');
  await page.getByRole('button', { name: 'Перевірити рядки' }).click();
  const preview = page.getByRole('table', { name: 'Рядки до імпорту' });
  await expect(page.getByText('2 рядки з помилками')).toBeVisible();
  await expect(preview.locator('tr[data-row="8"]')).toContainText('організації «Поліція міста Нововигадана» немає в довіднику');
  await expect(preview.locator('tr[data-row="14"]')).toContainText('Нововигаданівка');
  await expect(page.getByRole('button', { name: /^Імпортувати/ })).toBeDisabled();
  await dismissNotifications(page);
  await screenshot(page, '102-import-preview-bad-rows');
  await expectAccessible(page, 'the import preview');

  // Fixed in the preview: the organisation from the directory, the place from the codifier.
  await preview.getByRole('button', { name: 'Виправити рядок 8' }).click();
  let fix = page.getByRole('dialog', { name: 'Рядок 8' });
  await choose(page, fix, /^Організація/, POLICE);
  await fix.getByRole('button', { name: 'Застосувати' }).click();
  await preview.getByRole('button', { name: 'Виправити рядок 14' }).click();
  fix = page.getByRole('dialog', { name: 'Рядок 14' });
  await chooseTerritory(page, fix, /^Де працює/, 'Решетилівка', /^м\. Решетилівка, Решетилівська громада/);
  await fix.getByRole('button', { name: 'Застосувати' }).click();
  await expect(page.getByText('20 рядків готові')).toBeVisible();
  await page.getByRole('button', { name: 'Імпортувати 20 учасників' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Учасники (20)' })).toBeVisible();

  // Certificates for all twenty, numbered in the year; one opened as DOCX.
  await page.getByRole('button', { name: 'Видати сертифікати (20)' }).click();
  const issue = page.getByRole('dialog', { name: 'Видача сертифікатів' });
  await issue.getByRole('button', { name: 'Видати' }).click();
  await expect(issue.getByText('Видано 20 сертифікатів.')).toBeVisible();
  await issue.locator('button', { hasText: 'Закрити' }).click();
  const year = kyivToday().slice(6);
  const participants = page.getByRole('table', { name: 'Учасники навчання' });
  await expect(participants.getByRole('row', { name: /Андрієнко/ })).toContainText(`№ ${year}/001`);
  await dismissNotifications(page);
  await screenshot(page, '103-training-card');
  await expectAccessible(page, 'the training card');
  await participants.getByRole('button', { name: 'Сертифікат: Андрієнко Олена Петрівна' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'DOCX' }).click();
  const certificate = docxText(readFileSync(await (await download).path()));
  expect(certificate).toContain('СЕРТИФІКАТ');
  expect(certificate).toContain('Андрієнко Олена Петрівна');
  expect(certificate).toContain(`${year}/001`);

  // Решетилівська громада had a training but no prevention event: it is on the list…
  let table = await withoutEvent(page);
  await expect(table.getByRole('row', { name: /Решетилівська громада/ })).toBeVisible();
  await dismissNotifications(page);
  await screenshot(page, '104b-coverage-list');
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await screenshot(page, '104-coverage');
  await expectAccessible(page, 'the coverage screen');

  // …until an information session at its school.
  await page.getByRole('navigation').getByRole('button', { name: 'Профілактика' }).click();
  await page.getByRole('button', { name: 'Новий захід' }).click();
  const event = page.getByTestId('prevention-form');
  await event.getByRole('textbox', { name: /^Назва, тема/ }).fill('Безпечне працевлаштування за кордоном');
  await chooseTerritory(page, event, /^Громада чи населений пункт/, 'Решетилівка', /^м\. Решетилівка, Решетилівська громада/);
  await choose(page, event, /^Організатори/, CSS);
  await page.keyboard.press('Escape');
  await event.getByRole('spinbutton', { name: 'учні' }).fill('30');
  await screenshot(page, '105-prevention-form');
  await event.getByRole('button', { name: 'Зберегти' }).click();
  await expect(page.getByRole('table', { name: 'Список профілактичних заходів' })).toContainText('Безпечне працевлаштування за кордоном');
  table = await withoutEvent(page);
  await expect(table.getByRole('row', { name: /Решетилівська громада/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /Полтавська громада/ })).toBeVisible();
});
