import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { expectAccessible } from './a11y';
import { ADMIN, addUser, dismissNotifications, expect, firstSignIn, screenshot, setUpStore, startHarness, stopHarness, test, unlock } from './helpers';

/**
 * The report's way out and in: in the oblast's store (two years of the demo) the reporting officer opens the last
 * quarter's report, looks at its charts and its publication profile, signs a bundle and saves the public key; in a
 * second store, the recipient registers that key and imports the bundle and a tampered copy: one accepted, one
 * refused with the reason.
 */

test.use({ demoStore: true });

const OFFICER = { login: 'o.zvitna', name: 'Оксана Звітна', own: 'власний довгий пароль відповідальної за звітність' };
const POLTAVSKA = 'UA53000000000028050';

test('a quarter’s report signed in one store is verified and taken in by another, and a tampered copy is refused', async ({ page, harness }) => {
  test.setTimeout(300_000);
  await page.goto(harness.url);
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);

  // The report of the quarter just ended, with its charts (SVG from the app's one chart library).
  await page.getByRole('navigation').getByRole('button', { name: 'Звітність', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Звіт за період' })).toBeVisible();
  await expect(page.locator('[data-table="status.decisions"]')).toBeVisible({ timeout: 60_000 });
  const charts = page.locator('[data-chart]');
  await expect(charts).toHaveCount(5);
  await expect(charts.first().locator('svg')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Рішення за заявами' })).toBeVisible();
  await screenshot(page, '113-report-charts');
  await expectAccessible(page, 'report for a period');

  // For publication: small counts hidden as «<5», the count of hidden cells said.
  await page.getByText('Для оприлюднення', { exact: true }).click();
  await expect(page.locator('[data-suppressed-count]')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, '114-report-publication');
  await page.getByText('Для Міністерства', { exact: true }).click();
  await expect(page.locator('[data-suppressed-count]')).toHaveCount(0);

  // Signed: the bundle, then the public key the Ministry registers.
  const bundleDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Підписати й зберегти пакет' }).click();
  const bundle = await (await bundleDownload).path();
  const zip = await readFile(bundle);
  const entries = Object.keys(unzipSync(new Uint8Array(zip)));
  expect(entries).toEqual(expect.arrayContaining(['bagit.txt', 'bag-info.txt', 'manifest-sha512.txt', 'tagmanifest-sha512.txt', 'tagmanifest-sha512.txt.minisig', 'data/report.json', 'data/report.xlsx', 'data/report.docx']));
  const fingerprint = (await page.locator('[data-fingerprint]').textContent())?.trim() ?? '';
  expect(fingerprint.length).toBeGreaterThan(8);
  const keyDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Зберегти відкритий ключ (.pub)' }).click();
  const publicKey = await readFile(await (await keyDownload).path(), 'utf8');
  expect(publicKey).toMatch(/^untrusted comment: minisign public key [0-9A-F]{16}\n/);
  await expect(page.getByRole('cell', { name: 'підписаний пакет' })).toBeVisible();
  await screenshot(page, '115-report-signed');

  const folder = await mkdtemp(join(tmpdir(), 'zlagoda-bundles-'));
  const good = join(folder, 'poltavska-2026.zip');
  const bad = join(folder, 'poltavska-2026-pidrobka.zip');
  await writeFile(good, zip);
  const tampered = Buffer.from(zip);
  // A byte of the first entry's content (bag-info.txt, the entries are sorted): the manifest no longer agrees.
  tampered[80] = tampered[80]! ^ 0x20;
  await writeFile(bad, tampered);

  // The recipient: a store of its own, its reporting officer, the sender's key, then the two files.
  const second = await mkdtemp(join(tmpdir(), 'zlagoda-e2e-recipient-'));
  const recipient = await startHarness(join(second, 'store'), false);
  try {
    await page.goto(recipient.url);
    await setUpStore(page);
    await page.getByRole('navigation').getByRole('button', { name: 'Користувачі' }).click();
    const initial = await addUser(page, OFFICER, 'Відповідальний за звітність');
    await firstSignIn(page, OFFICER, initial);
    await page.getByRole('navigation').getByRole('button', { name: 'Вхідні звіти' }).click();
    await page.getByLabel('Код КАТОТТГ відправника').fill(POLTAVSKA);
    await page.getByLabel('Назва відправника').fill('Полтавська обласна військова адміністрація');
    await page.getByLabel('Відкритий ключ minisign').fill(publicKey);
    await page.getByRole('button', { name: 'Додати ключ', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Довірені ключі відправників' })).toContainText(POLTAVSKA);
    await dismissNotifications(page);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Імпортувати пакети (.zip)' }).click();
    await (await chooser).setFiles([good, bad]);
    const results = page.getByRole('table', { name: 'Результати імпорту' });
    await expect(results).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Прийнято: 1, відхилено: 1')).toBeVisible();
    await expect(results.getByRole('row').filter({ hasText: 'poltavska-2026.zip' })).toContainText('прийнято');
    const refused = results.getByRole('row').filter({ hasText: 'pidrobka' });
    await expect(refused).toContainText('відхилено');
    // The reason in words, not a code alone.
    await expect(refused.getByRole('cell').nth(3)).not.toBeEmpty();
    await screenshot(page, '116-inbox-import');
    await expectAccessible(page, 'inbox after an import');
  } finally {
    await stopHarness(recipient.child);
    await rm(second, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
  }
});
