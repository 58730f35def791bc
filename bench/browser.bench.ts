/**
 * The app as a user meets it: the built renderer in Debian's Chromium, through the harness, on a store filled at
 * demo scale. The time from opening the page to the unlock form (the bundle loaded and run), from the unlock to
 * the overview (the key derivation, the unlock, the first page's chunk and its data), and the lists; all timed by
 * the page's own clock, from the input to the first frame's DOM that shows the result.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/**
 * Milliseconds, as the page's own clock has them, from the user's input (a click, a key, typed text) to the first
 * moment an element matching `selector` (and `text`, when given) is in the document. Timed in the page: Playwright's
 * waiting polls at 100 ms and longer steps, which would add up to half a second to a figure.
 */
async function untilShown(page: Page, act: () => Promise<unknown>, selector: string, text?: RegExp): Promise<number> {
  // Plain script text: the function runs in the page, whose DOM this Node program does not type.
  await page.evaluate(`(() => {
    const pattern = ${JSON.stringify(text?.source ?? null)} === null ? null : new RegExp(${JSON.stringify(text?.source ?? '')});
    const selector = ${JSON.stringify(selector)};
    const mark = (window.benchMark = { start: 0, end: 0 });
    const begin = () => (mark.start ||= performance.now());
    for (const kind of ['click', 'keydown', 'input']) document.addEventListener(kind, begin, { capture: true, once: true });
    const shown = () => Array.from(document.querySelectorAll(selector)).some((el) => !pattern || pattern.test(el.textContent || ''));
    const observer = new MutationObserver(() => {
      if (mark.start && shown()) {
        mark.end = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  })()`);
  await act();
  await page.waitForFunction(() => (globalThis as unknown as { benchMark: { end: number } }).benchMark.end > 0, undefined, { timeout: 30_000 });
  return page.evaluate<number>('window.benchMark.end - window.benchMark.start');
}

const MEETINGS_ROW = 'table[aria-label="Засідання ради"] tbody tr[data-index]';
const OVERVIEW = 'section[aria-label="Найближчі засідання"]';
const COUNT = '[aria-live="polite"]';

async function unlock(page: Page, url: string, admin: { login: string; passphrase: string }): Promise<number> {
  await page.goto(url);
  await page.getByLabel('Логін').fill(admin.login);
  await page.getByLabel('Пароль').fill(admin.passphrase);
  return untilShown(page, () => page.getByLabel('Пароль').press('Enter'), OVERVIEW);
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
  const newPage = () => browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'uk-UA', timezoneId: 'Europe/Kyiv' });
  try {
    let page = await newPage();
    // From the start of navigation (the page's time origin) to the unlock form's passphrase box in the document.
    await page.addInitScript(`new MutationObserver((_, observer) => {
      if (document.querySelector('form input[type="password"]')) {
        window.benchFormShown = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });`);
    await page.goto(harness.url);
    await page.getByLabel('Логін').waitFor();
    const toUnlockForm = await page.evaluate<number>('window.benchFormShown');
    const unlockToOverview = await unlock(page, harness.url, admin);

    // A click at once, while the other pages' code may still be on its way; then, in a fresh browser context (no
    // cached code), the same click after two seconds on the overview.
    const openMeetings = () => page.getByRole('button', { name: 'Засідання', exact: true }).click();
    const meetingsListAtOnce = await untilShown(page, openMeetings, MEETINGS_ROW);
    await page.getByRole('button', { name: /^Заблокувати/ }).click();
    await page.getByLabel('Логін').waitFor();
    await page.context().close();
    page = await newPage();
    await unlock(page, harness.url, admin);
    await page.waitForTimeout(2000);
    const meetingsList = await untilShown(page, openMeetings, MEETINGS_ROW);
    const meetingsDrawn = await page.locator(MEETINGS_ROW).count();

    await page.getByRole('button', { name: 'Доручення', exact: true }).click();
    await page.getByRole('table', { name: 'Доручення' }).waitFor();
    const underControl = (await page.getByText(/^Показано \d+ з \d+$/).textContent()) ?? '';
    const allAssignments = await untilShown(
      page,
      () => page.locator('label').filter({ hasText: /^Усі$/ }).click(),
      COUNT,
      new RegExp(`^(?!${underControl}$)Показано (\\d+) з \\1$`),
    );
    const shown = (await page.getByText(/^Показано \d+ з \d+$/).textContent()) ?? '';
    const search = await untilShown(page, () => page.getByRole('textbox', { name: 'Пошук' }).fill('навчання'), COUNT, /^Показано (\d+) з (?!\1$)\d+$/);
    return { toUnlockForm, unlockToOverview, meetingsListAtOnce, meetingsList, meetingsDrawn, allAssignments, allAssignmentsListed: shown.replace('Показано ', ''), search };
  } finally {
    await browser.close();
    harness.stop();
  }
}
