import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface HarnessRun {
  url: string;
  storeDir: string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'reports/screenshots');
const URL_LINE = /Zlagoda \(test harness\): (http:\/\/127\.0\.0\.1:\d+\/)/;

/**
 * Starts `out/node/harness.mjs` on a fresh store and a free port; resolves with the URL it prints. The cheap test
 * key derivation runs the same code at a cost that keeps the suite fast; one spec asks for the real one.
 */
export async function startHarness(storeDir: string, realKdf: boolean): Promise<{ url: string; child: ChildProcess }> {
  const args = [join(ROOT, 'out/node/harness.mjs'), '--store', storeDir, '--port', '0', ...(realKdf ? [] : ['--fast-kdf'])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}:\n${output}`));
    });
  });
  return { url, child };
}

export async function stopHarness(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * `zlagoda demo` on a new store, before the harness opens it: two years of a council's work, the admin below
 * its only user. The command's state folder (unlock attempts, log) stays in the test's temporary folder.
 */
async function fillDemoStore(storeDir: string, stateDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'bin/zlagoda.mjs'), 'demo', '--store', storeDir, '--user', ADMIN.login, '--display-name', ADMIN.name],
    { cwd: ROOT, env: { ...process.env, ZLAGODA_PASSPHRASE: ADMIN.passphrase, XDG_STATE_HOME: stateDir } },
  );
}

export const test = base.extend<{ harness: HarnessRun; realKdf: boolean; demoStore: boolean }>({
  /** The production key derivation (256 MiB scrypt), for the spec that measures it; the test one otherwise. */
  realKdf: [false, { option: true }],
  /** A store filled by `zlagoda demo` (the admin's slot then has the production key derivation); empty otherwise. */
  demoStore: [false, { option: true }],
  harness: async ({ realKdf, demoStore }, use) => {
    const storeDir = await mkdtemp(join(tmpdir(), 'zlagoda-e2e-'));
    if (demoStore) await fillDemoStore(join(storeDir, 'store'), storeDir);
    const { url, child } = await startHarness(join(storeDir, 'store'), realKdf);
    try {
      await use({ url, storeDir });
    } finally {
      await stopHarness(child);
      await rm(storeDir, { recursive: true, force: true });
    }
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export const ADMIN = { login: 'admin', name: 'Олена Петренко', passphrase: 'весна прийде в наше місто' };

/** Runs the first-run wizard as the admin; returns the recovery key it showed. */
export async function setUpStore(page: Page, shots = false): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Перше налаштування' })).toBeVisible();
  await page.getByLabel('Логін').fill(ADMIN.login);
  await page.getByLabel('Прізвище, ім’я та по батькові').fill(ADMIN.name);
  await page.getByLabel(/^Пароль/).fill(ADMIN.passphrase);
  await page.getByLabel(/^Повторіть пароль/).fill(ADMIN.passphrase);
  if (shots) await screenshot(page, '01-setup-admin');
  await page.getByRole('button', { name: 'Створити сховище' }).click();
  const keyBox = page.getByTestId('recovery-key');
  await expect(keyBox).toBeVisible();
  const recoveryKey = (await keyBox.textContent())?.trim() ?? '';
  expect(recoveryKey).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){7}$/);
  if (shots) await screenshot(page, '02-setup-recovery-key');
  await page.getByRole('button', { name: 'Я зберіг(-ла) ключ' }).click();
  const confirm = page.getByLabel('Ключ відновлення');
  if (shots) {
    await confirm.fill('AAAA-BBBB');
    await page.getByRole('button', { name: 'Перейти до роботи' }).click();
    await expect(page.getByText(/Ключ не збігається з показаним/)).toBeVisible();
    await screenshot(page, '03-setup-confirm-mismatch');
  }
  // Typed back the way people do: lower case, spaces instead of dashes.
  await confirm.fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Перейти до роботи' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);
  return recoveryKey;
}

/** Types a date into a date box as ДД.ММ.РРРР and leaves the box, as a user does. */
export async function fillDate(field: Locator, date: string): Promise<void> {
  await field.fill(date);
  await field.press('Tab');
}

export async function unlock(page: Page, login: string, passphrase: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Розблокування сховища' })).toBeVisible();
  await page.getByLabel('Логін').fill(login);
  await page.getByLabel('Пароль').fill(passphrase);
  await page.getByLabel('Пароль').press('Enter');
}

/** Chooses from a Mantine Select: open it by its label, then click the option. */
export async function pick(page: Page, label: RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('dialog').getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).first().click();
}

/** Plans a meeting from the meetings list: date, 10:00, the hall, the mixed format. */
export async function planMeeting(page: Page, date: string): Promise<void> {
  await page.getByRole('button', { name: 'Запланувати засідання' }).click();
  const dialog = page.getByRole('dialog');
  await fillDate(dialog.getByLabel(/^Дата/), date);
  // Typed as a person types it: two digits of hours, and the minutes box takes the rest (24 hours, no AM/PM).
  await dialog.getByRole('spinbutton', { name: 'Години' }).pressSequentially('1000');
  await dialog.getByLabel(/^Місце проведення/).fill('м. Полтава, вул. Соборності, 45, зала засідань');
  await pick(page, /^Форма проведення/, 'Змішаний');
  await dialog.getByRole('button', { name: 'Запланувати', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/**
 * Closes the notifications on screen, and those queued behind them, so the next accessibility check does not catch
 * one half-faded in (axe takes a while, and a queued one can come in meanwhile).
 */
export async function dismissNotifications(page: Page): Promise<void> {
  const open = page.locator('.mantine-Notification-root');
  for (let round = 0; round < 10 && (await open.count()) > 0; round++) {
    for (const close of await open.getByRole('button').all()) await close.click().catch(() => undefined);
    await page.waitForTimeout(400);
  }
  await expect(open).toHaveCount(0);
}

export function kyivToday(): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(new Date()).split('-');
  return `${d}.${m}.${y}`;
}

/** The admin adds a user with one role and a generated initial passphrase; returns that passphrase. */
export async function addUser(page: Page, user: { login: string; name: string }, role: string): Promise<string> {
  await page.getByRole('button', { name: 'Додати користувача' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Логін').fill(user.login);
  await dialog.getByLabel('Прізвище, ім’я та по батькові').fill(user.name);
  await dialog.getByLabel(role).check();
  await dialog.getByRole('button', { name: 'Згенерувати' }).click();
  const initial = await dialog.getByLabel('Початковий пароль').inputValue();
  await dialog.getByRole('button', { name: 'Додати' }).click();
  await expect(page.getByTestId('created-credentials')).toContainText(initial);
  await page.getByRole('button', { name: 'Готово' }).click();
  return initial;
}

/** Locks, then signs in as a new user who must first replace the initial passphrase. */
export async function firstSignIn(page: Page, user: { login: string; name: string; own: string }, initial: string): Promise<void> {
  await page.getByRole('button', { name: /Заблокувати/ }).click();
  await unlock(page, user.login, initial);
  await expect(page.getByRole('heading', { name: 'Змініть початковий пароль' })).toBeVisible();
  await page.getByLabel('Поточний пароль').fill(initial);
  await page.getByLabel(/^Новий пароль/).fill(user.own);
  await page.getByLabel('Повторіть новий пароль').fill(user.own);
  await page.getByRole('button', { name: 'Змінити пароль' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.name);
}

/** Chooses from a Mantine Select or MultiSelect inside `scope`: open it by its label, then click the option. */
export async function choose(page: Page, scope: Locator, label: RegExp, option: string): Promise<void> {
  await scope.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

/** Chooses a place in a territory picker inside `scope`: types a name or a code, then clicks the place found. */
export async function chooseTerritory(page: Page, scope: Locator, label: RegExp, typed: string, option: RegExp): Promise<void> {
  await scope.getByRole('textbox', { name: label }).fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}
