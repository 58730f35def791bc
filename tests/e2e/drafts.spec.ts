import { ADMIN, expect, planMeeting, screenshot, setUpStore, test, unlock } from './helpers';

test('an idle lock with unsaved minutes: a countdown first, the edits kept encrypted, offered back after unlock', async ({ page, harness }) => {
  // The shortest idle time the settings allow (1 min) with a 20 s countdown: the spec waits about a minute.
  test.setTimeout(180_000);
  await page.goto(harness.url);
  await setUpStore(page);
  await page.getByRole('button', { name: 'Налаштування' }).click();
  await page.getByLabel(/^Автоматичне блокування/).fill('1');
  await page.getByLabel(/^Попередження перед блокуванням/).fill('20');
  await page.getByRole('button', { name: 'Зберегти', exact: true }).click();
  await expect(page.getByText('Налаштування збережено.')).toBeVisible();

  await page.getByRole('button', { name: 'Засідання', exact: true }).click();
  await planMeeting(page, '20.11.2026');
  await expect(page.getByRole('heading', { name: 'Засідання № 1/2026' })).toBeVisible();
  await page.getByRole('tab', { name: 'Відомості' }).click();
  const place = page.getByLabel(/^Місце проведення/);
  await place.fill('м. Полтава, вул. Соборності, 45, мала зала');
  await expect(page.getByText('Є незбережені зміни')).toBeVisible();

  // Hands off: the countdown comes, then the lock, and the lock screen says why and what was kept.
  const countdown = page.getByRole('dialog', { name: 'Сховище скоро буде заблоковано' });
  await expect(countdown).toBeVisible({ timeout: 70_000 });
  await expect(countdown.getByTestId('idle-countdown')).toContainText('сховище буде заблоковано');
  await screenshot(page, '40-idle-countdown');
  await expect(page.getByRole('heading', { name: 'Розблокування сховища' })).toBeVisible({ timeout: 40_000 });
  await expect(page.getByTestId('lock-reason')).toHaveText(
    'Сховище заблоковано через бездіяльність у програмі. Незбережені зміни (1) збережено як зашифровану чернетку: їх буде запропоновано після розблокування.',
  );
  await expect(page.locator('body')).not.toContainText('мала зала');
  await screenshot(page, '41-locked-idle-draft-kept');

  await unlock(page, ADMIN.login, ADMIN.passphrase);
  const offer = page.getByTestId('kept-drafts');
  await expect(offer).toContainText('засідання № 1/2026');
  await screenshot(page, '42-draft-offered');
  await offer.getByRole('button', { name: 'Відкрити' }).click();
  await page.getByTestId('kept-draft').getByRole('button', { name: 'Відновити зміни' }).click();
  await page.getByRole('tab', { name: 'Відомості' }).click();
  await expect(page.getByLabel(/^Місце проведення/)).toHaveValue('м. Полтава, вул. Соборності, 45, мала зала');
  await expect(page.getByText('Є незбережені зміни')).toBeVisible();
  await screenshot(page, '43-draft-restored');
  await page.getByRole('button', { name: 'Зберегти', exact: true }).click();
  await expect(page.getByText('Є незбережені зміни')).toHaveCount(0);
});
