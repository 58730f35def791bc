import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, expect, planMeeting, screenshot, setUpStore, test } from './helpers';

/** A calendar date `days` from today in Kyiv, as ДД.ММ.РРРР (what the date box takes). */
function kyivDateIn(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
}

test('the overview says what to do on a new store; a backup made in Settings restores from the unlock screen into a new folder', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await page.goto(harness.url);
  await setUpStore(page);

  // A new store: the set-up steps, and no backup yet.
  const setup = page.getByRole('region', { name: 'Налаштуйте раду' });
  await expect(setup).toContainText('Внесіть номер і дату розпорядження (наказу) про утворення ради.');
  await expect(page.getByTestId('backup-line')).toContainText('Резервних копій ще не створено.');
  // A meeting in six days: its notice must go out within the week.
  await page.getByRole('button', { name: 'Засідання', exact: true }).click();
  await planMeeting(page, kyivDateIn(6));
  await page.getByRole('button', { name: 'Огляд' }).click();
  const todo = page.getByRole('region', { name: 'Що зробити' });
  await expect(todo).toContainText(/Повідомлення про засідання № 1\/\d{4} \(\d\d\.\d\d\.\d{4}\) має бути надіслане членам ради не пізніше|Строк надсилання повідомлення про засідання № 1/);
  await screenshot(page, '60-dashboard-todo-new-store');

  // The set-up step opens the council's rules.
  await setup.getByTestId('setup-order').getByRole('button', { name: 'Перейти' }).click();
  await expect(page.getByRole('tab', { name: 'Положення і правила', selected: true })).toBeVisible();

  // Settings: the backup, its bar, and where it went.
  await page.getByRole('button', { name: 'Налаштування' }).click();
  const section = page.getByRole('region', { name: 'Резервна копія' });
  await expect(section).toContainText('Резервних копій цього сховища ще не створено.');
  await section.getByRole('button', { name: 'Створити резервну копію' }).click();
  const done = section.getByTestId('backup-done');
  await expect(done).toContainText('Копію створено й перевірено:');
  await expect(section).toContainText(/Остання копія: \d\d\.\d\d\.\d{4} \d\d:\d\d, сьогодні\./);
  await screenshot(page, '61-settings-backup');
  const downloads = `${join(harness.storeDir, 'store')}-downloads`;
  const [file] = readdirSync(downloads);
  expect(file).toMatch(/^zlagoda-backup-\d{4}-\d\d-\d\d-\d{4}\.zlagoda$/);
  const bytes = readFileSync(join(downloads, file!));
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.includes(Buffer.from(ADMIN.name))).toBe(false);

  await page.getByRole('button', { name: 'Огляд' }).click();
  await expect(page.getByTestId('backup-line')).toContainText(/Остання резервна копія — \d\d\.\d\d\.\d{4} \d\d:\d\d, сьогодні\./);

  // Locked: restore the copy into a new folder; the app then opens it.
  await page.getByRole('button', { name: /Заблокувати/ }).click();
  await page.getByRole('button', { name: 'Відновити з резервної копії' }).click();
  const restoreForm = page.locator('form', { has: page.getByRole('heading', { name: 'Відновлення з резервної копії' }) });
  await restoreForm.getByRole('button', { name: 'Обрати файл…' }).click();
  await expect(restoreForm.getByLabel('Файл резервної копії')).toHaveText(join(downloads, file!));
  await restoreForm.getByRole('button', { name: 'Обрати папку…' }).click();
  const target = `${join(harness.storeDir, 'store')}-restored-1`;
  await expect(restoreForm.getByLabel('Папка для відновленого сховища')).toHaveText(target);
  await restoreForm.getByLabel(/^Логін користувача з копії/).fill(ADMIN.login);
  await restoreForm.getByLabel(/^Пароль цього користувача/).fill('не той пароль зовсім');
  await restoreForm.getByRole('button', { name: 'Відновити й відкрити' }).click();
  await expect(restoreForm.getByRole('alert')).toContainText('Невірний логін або пароль.');
  expect(existsSync(target)).toBe(false);
  await restoreForm.getByLabel(/^Пароль цього користувача/).fill(ADMIN.passphrase);
  await screenshot(page, '62-unlock-restore');
  await restoreForm.getByRole('button', { name: 'Відновити й відкрити' }).click();

  await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);
  await page.getByRole('button', { name: 'Про програму' }).click();
  await expect(page.getByText(target)).toBeVisible();
  // The restored store is a copy: its meeting is there, and it has no backup of its own yet.
  await page.getByRole('button', { name: 'Огляд' }).click();
  await expect(page.getByRole('region', { name: 'Що зробити' })).toContainText('№ 1/');
  await expect(page.getByTestId('backup-line')).toContainText('Резервних копій ще не створено.');
});
