/**
 * The lists as a user meets them: the built renderer in Debian's Chromium, through the harness, against a store
 * filled at demo scale. Measures how long a list takes to appear and to answer a search, and how many rows the
 * page actually draws (the rest are virtual).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';

const CHROMIUM = '/usr/bin/chromium';
const HARNESS = resolve('out/node/harness.mjs');

/** Why the browser phase cannot run here, or null when it can. */
export function browserBenchUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed`;
  if (!existsSync(HARNESS) || !existsSync(resolve('out/web/index.html'))) return 'the harness and renderer are not built (npm run build)';
  return null;
}

async function startHarness(storeDir: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [HARNESS, '--store', storeDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`harness did not start: ${out}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`harness exited with ${code}: ${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

async function openList(page: Page, nav: string, table: string): Promise<number> {
  return timed(async () => {
    await page.getByRole('button', { name: nav, exact: true }).click();
    await page.getByRole('table', { name: table }).locator('tbody tr[data-index]').first().waitFor();
  });
}

export async function benchLists(storeDir: string, admin: { login: string; passphrase: string }, results: Record<string, string>): Promise<void> {
  const harness = await startHarness(storeDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'uk-UA', timezoneId: 'Europe/Kyiv' });
    await page.goto(harness.url);
    await page.getByLabel('Логін').fill(admin.login);
    await page.getByLabel('Пароль').fill(admin.passphrase);
    await page.getByLabel('Пароль').press('Enter');
    await page.getByRole('heading', { name: /Добрий день/ }).waitFor({ timeout: 30_000 });

    const meetings = await openList(page, 'Засідання', 'Засідання ради');
    const meetingRows = await page.getByRole('table', { name: 'Засідання ради' }).locator('tbody tr[data-index]').count();
    results['browser: meetings list shown after a click'] = `${meetings.toFixed(0)} ms (${meetingRows} rows drawn)`;

    await openList(page, 'Доручення', 'Доручення');
    const underControl = (await page.getByText(/^Показано \d+ з \d+$/).textContent()) ?? '';
    const all = await timed(async () => {
      await page.locator('label').filter({ hasText: /^Усі$/ }).click();
      await page.getByText(/^Показано (\d+) з \1$/).filter({ hasNotText: underControl }).waitFor();
    });
    const shown = (await page.getByText(/^Показано \d+ з \d+$/).textContent()) ?? '';
    const drawn = await page.getByRole('table', { name: 'Доручення' }).locator('tbody tr[data-index]').count();
    results['browser: all assignments shown after choosing «Усі»'] = `${all.toFixed(0)} ms (${shown.replace('Показано ', '')} listed, ${drawn} rows drawn)`;

    const search = await timed(async () => {
      await page.getByRole('textbox', { name: 'Пошук' }).fill('навчання');
      await page.getByText(/^Показано (\d+) з (?!\1$)\d+$/).waitFor();
    });
    results['browser: search across every column of all assignments'] = `${search.toFixed(0)} ms`;

    const scroll = await timed(async () => {
      await page.getByRole('textbox', { name: 'Пошук' }).fill('');
      await page.getByRole('table', { name: 'Доручення' }).locator('tbody tr[data-index]').first().waitFor();
      await page.mouse.move(700, 500);
      for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(50);
    });
    results['browser: 20 wheel scrolls of 2000 px through the assignments'] = `${scroll.toFixed(0)} ms`;
  } finally {
    await browser.close();
    harness.stop();
  }
}
