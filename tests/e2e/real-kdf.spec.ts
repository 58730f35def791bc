import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, expect, setUpStore, test, unlock } from './helpers';

// The other specs unlock with the cheap test key derivation; this one runs the production scrypt (256 MiB), as
// an office PC would, and records how long the unlock takes to show the overview. A record, not a limit: timings
// belong to `npm run bench`.
test.use({ realKdf: true });

test('unlocks with the production key derivation and records the time to the overview', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setUpStore(page);
  await page.getByRole('button', { name: /Заблокувати/ }).click();
  const started = Date.now();
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await expect(page.getByRole('heading', { name: /Добрий день/ })).toBeVisible();
  const ms = Date.now() - started;
  test.info().annotations.push({ type: 'unlock to overview, production KDF', description: `${ms} ms` });
  mkdirSync('reports', { recursive: true });
  writeFileSync(join('reports', 'e2e-real-kdf.json'), JSON.stringify({ unlockToOverviewMs: ms, store: harness.storeDir }, null, 2));
  await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);
});
