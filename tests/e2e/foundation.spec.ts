import { readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, expect, screenshot, setUpStore, test, unlock } from './helpers';

const SECRETARY = { login: 'm.koval', name: 'Мар’яна Коваль', own: 'мій власний довгий пароль секретаря' };

test('set-up, a new secretary’s first sign-in, and the audit log that records it', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setUpStore(page, true);
  await screenshot(page, '04-home-admin');

  // The admin adds a secretary with a generated initial passphrase.
  await page.getByRole('button', { name: 'Користувачі' }).click();
  await expect(page.getByRole('table', { name: 'Користувачі' })).toContainText(ADMIN.name);
  await screenshot(page, '05-users');
  await page.getByRole('button', { name: 'Додати користувача' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Додати' }).click();
  await expect(dialog.getByText('Оберіть хоча б одну роль.')).toBeVisible();
  await screenshot(page, '06-add-user-validation');
  await dialog.getByLabel('Логін').fill(SECRETARY.login);
  await dialog.getByLabel('Прізвище, ім’я та по батькові').fill(SECRETARY.name);
  await dialog.getByLabel('Секретар').check();
  await dialog.getByRole('button', { name: 'Згенерувати' }).click();
  const initial = await dialog.getByLabel('Початковий пароль').inputValue();
  expect(initial).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  await screenshot(page, '07-add-user-filled');
  await dialog.getByRole('button', { name: 'Додати' }).click();
  await expect(page.getByTestId('created-credentials')).toContainText(initial);
  await screenshot(page, '08-user-created');
  await page.getByRole('button', { name: 'Готово' }).click();
  const usersTable = page.getByRole('table', { name: 'Користувачі' });
  await expect(usersTable.getByRole('row').filter({ hasText: SECRETARY.login })).toContainText('Ще не змінено');

  // After a suspected leak the admin gives the store a new data key; the secretary's slot follows it.
  await page.getByRole('button', { name: 'Змінити ключ шифрування' }).click();
  const rotate = page.getByRole('dialog');
  await expect(rotate).toContainText('старі копії файлу ключів доступу більше нічого не відкриватимуть');
  // Only for the picture: the modal finishes fading in.
  await page.waitForTimeout(400);
  await screenshot(page, '08b-rotate-key');
  await rotate.getByRole('button', { name: 'Змінити ключ' }).click();
  await expect(page.getByText('Ключ шифрування сховища змінено. Зробіть нову резервну копію.')).toBeVisible();

  // Locking leaves nothing on screen.
  await page.getByRole('button', { name: /Заблокувати/ }).click();
  await expect(page.getByRole('heading', { name: 'Розблокування сховища' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(SECRETARY.name);
  await screenshot(page, '09-unlock');

  // The secretary must replace the initial passphrase before seeing anything.
  await unlock(page, SECRETARY.login, initial);
  await expect(page.getByRole('heading', { name: 'Змініть початковий пароль' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByLabel('Поточний пароль').fill(initial);
  await page.getByLabel(/^Новий пароль/).fill('коротко');
  await page.getByLabel('Повторіть новий пароль').fill('коротко');
  await page.getByRole('button', { name: 'Змінити пароль' }).click();
  await expect(page.getByText(/Пароль закороткий/)).toBeVisible();
  await screenshot(page, '10-forced-change');
  await page.getByLabel(/^Новий пароль/).fill(SECRETARY.own);
  await page.getByLabel('Повторіть новий пароль').fill(SECRETARY.own);
  await page.getByRole('button', { name: 'Змінити пароль' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(SECRETARY.name);
  // A secretary has no users.read or audit.read: those pages are not offered.
  await expect(page.getByRole('button', { name: 'Користувачі' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Журнал подій' })).toHaveCount(0);
  await screenshot(page, '11-home-secretary');

  // Ctrl+L locks from the keyboard.
  await page.keyboard.press('Control+l');
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);

  await page.getByRole('button', { name: 'Журнал подій' }).click();
  const log = page.getByRole('table', { name: 'Журнал подій' });
  for (const action of ['user.created', 'auth.unlock', 'auth.passphrase_changed', 'auth.lock', 'store.created']) {
    await expect(log.locator(`[data-action="${action}"]`).first()).toBeVisible();
  }
  await expect(log).toContainText('Користувача додано');
  await expect(log).toContainText('Пароль змінено');
  await expect(log.getByRole('row').filter({ hasText: 'Пароль змінено' }).first()).toContainText(SECRETARY.login);
  // ДД.ММ.РРРР ГГ:ХХ
  await expect(log.getByRole('row').nth(1)).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  await screenshot(page, '12-audit');

  await page.getByRole('button', { name: 'Перевірити весь журнал' }).click();
  // The admin's lock and the secretary's signed the head: both signatures are checked.
  await expect(page.getByTestId('verify-result')).toHaveText(/^Журнал цілісний \(\d+ поді[яїй]\) Засвідчених підписами точок: [1-9]\d*\.$/);
  // The next check starts where this one ended: only the events written since are walked.
  await page.getByRole('button', { name: 'Перевірити нові події' }).click();
  await expect(page.getByTestId('verify-result')).toHaveText(/^Нові події цілісні: перевірено 1 подію після перевіреної раніше № \d+; усього в журналі \d+\. Засвідчених підписами точок: \d+\.$/);
  await screenshot(page, '13-audit-verified');

  await page.getByRole('textbox', { name: 'Дія' }).click();
  await page.getByRole('option', { name: 'Пароль змінено' }).click();
  await page.getByRole('button', { name: 'Показати' }).click();
  await expect(log.getByRole('row')).toHaveCount(2);
  await expect(log.getByRole('row').nth(1)).toContainText('Пароль змінено');
  await screenshot(page, '14-audit-filtered');

  // Records by name, and why each lock happened; the whole log saved for the auditor as CSV and PDF.
  await page.getByRole('button', { name: 'Скинути фільтри' }).click();
  await expect(log.getByRole('row').filter({ hasText: 'Пароль змінено' }).first()).toContainText(`${SECRETARY.login} — ${SECRETARY.name}`);
  await expect(log.getByRole('row').filter({ has: page.locator('[data-action="auth.lock"]') }).first()).toContainText('вручну');
  await page.getByRole('button', { name: 'Зберегти журнал' }).click();
  await expect(page.getByRole('menuitem', { name: 'Зберегти в PDF' })).toBeVisible();
  await screenshot(page, '14b-audit-export');
  const csvSaved = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Зберегти в CSV' }).click();
  const csv = await csvSaved;
  expect(csv.suggestedFilename()).toMatch(/^zhurnal-podii-pochatok--\d{4}-\d{2}-\d{2}\.csv$/);
  const table = readFileSync(await csv.path(), 'utf8');
  expect(table.startsWith('\uFEFF№ події;Час (Київ);')).toBe(true);
  expect(table).toContain(`;Пароль змінено;auth.passphrase_changed;Користувач;${SECRETARY.login} — ${SECRETARY.name};`);
  await page.getByRole('button', { name: 'Зберегти журнал' }).click();
  const pdfSaved = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Зберегти в PDF' }).click();
  const pdf = await pdfSaved;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(log.locator('[data-action="audit.exported"]').first()).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: 'Журнал вивантажено у файл' }).first()).toContainText('формат PDF');
  await screenshot(page, '14c-audit-exported');

  await page.getByRole('button', { name: 'Налаштування' }).click();
  await expect(page.getByLabel(/Автоматичне блокування/)).toHaveValue(/\d+/);
  await screenshot(page, '15-settings');
  await page.getByRole('button', { name: 'Про програму' }).click();
  await expect(page.getByRole('table').first()).toContainText(harness.storeDir);
  await screenshot(page, '16-about');
  await page.getByRole('button', { name: 'Мій пароль' }).click();
  await screenshot(page, '17-my-passphrase');

  await page.getByText('ENG').click();
  await page.getByRole('button', { name: 'Users' }).click();
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('Secretary');
  await screenshot(page, '18-users-english');
});

test('a wrong passphrase is answered with a Ukrainian sentence; the recovery key resets the admin', async ({ page, harness }) => {
  await page.goto(harness.url);
  const recoveryKey = await setUpStore(page);
  await page.getByRole('button', { name: /Заблокувати/ }).click();

  await unlock(page, ADMIN.login, 'зовсім не той пароль');
  await expect(page.getByRole('alert')).toContainText(
    'Невірний логін або пароль. Перевірте розкладку клавіатури й Caps Lock і спробуйте ще раз.',
  );
  await expect(page.getByLabel('Пароль')).toHaveValue('');
  await screenshot(page, '19-unlock-wrong-passphrase');

  await page.getByRole('button', { name: 'Забули пароль? Скористайтеся ключем відновлення' }).click();
  await page.getByLabel('Ключ відновлення').fill(recoveryKey);
  await page.getByLabel('Логін адміністратора').fill(ADMIN.login);
  await page.getByLabel(/^Новий пароль/).fill('осінь теж прийде в наше місто');
  await page.getByLabel('Повторіть новий пароль').fill('осінь теж прийде в наше місто');
  await screenshot(page, '20-recover');
  await page.getByRole('button', { name: 'Встановити пароль і розблокувати' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);

  await page.getByRole('button', { name: /Заблокувати/ }).click();
  await unlock(page, ADMIN.login, 'осінь теж прийде в наше місто');
  await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);

  // The failed attempt entered the log at the recovery; the log says when it was, and whose account it tried.
  await page.getByRole('button', { name: 'Журнал подій' }).click();
  const failed = page.getByRole('table', { name: 'Журнал подій' }).getByRole('row').filter({ hasText: 'Невдала спроба входу' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(/спроба о \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}/);
  await expect(failed).toContainText(`${ADMIN.login} — ${ADMIN.name}`);
  await screenshot(page, '20b-audit-failed-attempt');
});

test('a database emptied outside the app is named as damaged, not as a wrong passphrase, and never rebuilt', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setUpStore(page);
  await page.getByRole('button', { name: /Заблокувати/ }).click();
  const db = join(harness.storeDir, 'store', 'zlagoda.db');
  truncateSync(db, 0);
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Сховище пошкоджене.');
  await expect(alert).toContainText('Як відновити: «zlagoda restore --from ФАЙЛ-КОПІЇ --store НОВИЙ-КАТАЛОГ --user ЛОГІН».');
  await screenshot(page, '21-unlock-store-damaged');
  expect(statSync(db).size).toBe(0);
});
