import { expect, screenshot, test, unlock, ADMIN } from './helpers';

test.use({ demoStore: true });
test('report screen screenshots', async ({ page, harness }) => {
  test.setTimeout(300_000);
  await page.goto(harness.url);
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await page.getByRole('navigation').getByRole('button', { name: 'Звітність' }).click();
  await expect(page.getByRole('heading', { name: 'Звіт за період' })).toBeVisible();
  await expect(page.locator('[data-table="status.decisions"]')).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  await screenshot(page, '110-report-ministry');
  await page.screenshot({ path: 'reports/screenshots/111-report-ministry-full.png', fullPage: true });
  await page.getByRole('radio', { name: 'Для оприлюднення' }).click({ force: true });
  await expect(page.locator('[data-suppressed-count]')).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'reports/screenshots/112-report-publication-full.png', fullPage: true });
});
