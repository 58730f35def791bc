/**
 * The app as a user meets it: the built renderer in Debian's Chromium, through the harness, on a store filled at
 * demo scale. The time from opening the page to the unlock form (the bundle loaded and run), from the unlock to
 * the overview (the key derivation, the unlock, the first page's chunk and its data), and the lists.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

export interface BundleFigures {
  /** Every script the Electron window may load, minified. */
  jsBytes: number;
  /** What the window loads before the first page: the entry chunk(s) index.html names, and the CSS. */
  entryBytes: number;
  cssBytes: number;
  chunks: number;
}

/** The Electron renderer bundle as built (out/renderer): what the packaged app ships. */
export function bundleFigures(dir = resolve('out/renderer')): BundleFigures | null {
  const assets = join(dir, 'assets');
  if (!existsSync(assets)) return null;
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = readdirSync(assets);
  const size = (name: string) => statSync(join(assets, name)).size;
  const js = files.filter((f) => f.endsWith('.js'));
  const entry = js.filter((f) => html.includes(f));
  return {
    jsBytes: js.reduce((n, f) => n + size(f), 0),
    entryBytes: entry.reduce((n, f) => n + size(f), 0),
    cssBytes: files.filter((f) => f.endsWith('.css')).reduce((n, f) => n + size(f), 0),
    chunks: js.length,
  };
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

export interface BrowserFigures {
  toUnlockForm: number;
  unlockToOverview: number;
  meetingsListAtOnce: number;
  meetingsList: number;
  meetingsDrawn: number;
  allAssignments: number;
  allAssignmentsListed: string;
  search: number;
}

export async function benchBrowser(storeDir: string, admin: { login: string; passphrase: string }): Promise<BrowserFigures> {
  const harness = await startHarness(storeDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    let page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'uk-UA', timezoneId: 'Europe/Kyiv' });
    const toUnlockForm = await timed(async () => {
      await page.goto(harness.url);
      await page.getByLabel('Логін').waitFor();
    });
    await page.getByLabel('Логін').fill(admin.login);
    await page.getByLabel('Пароль').fill(admin.passphrase);
    const unlockToOverview = await timed(async () => {
      await page.getByLabel('Пароль').press('Enter');
      await page.getByRole('region', { name: 'Найближчі засідання' }).waitFor({ timeout: 30_000 });
    });

    // A click at once, while the other pages' code is still on its way; then, in a fresh browser context (no
    // cached code), the same click after two seconds on the overview.
    const meetingsListAtOnce = await openList(page, 'Засідання', 'Засідання ради');
    await page.getByRole('button', { name: /^Заблокувати/ }).click();
    await page.getByLabel('Логін').waitFor();
    await page.context().close();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'uk-UA', timezoneId: 'Europe/Kyiv' });
    await page.goto(harness.url);
    await page.getByLabel('Логін').fill(admin.login);
    await page.getByLabel('Пароль').fill(admin.passphrase);
    await page.getByLabel('Пароль').press('Enter');
    await page.getByRole('region', { name: 'Найближчі засідання' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2000);
    const meetingsList = await openList(page, 'Засідання', 'Засідання ради');
    const meetingsDrawn = await page.getByRole('table', { name: 'Засідання ради' }).locator('tbody tr[data-index]').count();

    await openList(page, 'Доручення', 'Доручення');
    const underControl = (await page.getByText(/^Показано \d+ з \d+$/).textContent()) ?? '';
    const allAssignments = await timed(async () => {
      await page.locator('label').filter({ hasText: /^Усі$/ }).click();
      await page.getByText(/^Показано (\d+) з \1$/).filter({ hasNotText: underControl }).waitFor();
    });
    const shown = (await page.getByText(/^Показано \d+ з \d+$/).textContent()) ?? '';
    const search = await timed(async () => {
      await page.getByRole('textbox', { name: 'Пошук' }).fill('навчання');
      await page.getByText(/^Показано (\d+) з (?!\1$)\d+$/).waitFor();
    });
    return { toUnlockForm, unlockToOverview, meetingsListAtOnce, meetingsList, meetingsDrawn, allAssignments, allAssignmentsListed: shown.replace('Показано ', ''), search };
  } finally {
    await browser.close();
    harness.stop();
  }
}
