import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const mainScript = join(root, 'out/main/index.js');

/**
 * The electron package resolves to the binary's path, or throws when its download never happened
 * (the case on the build machines, where only the npm registry is reachable).
 */
function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

/** What the page sees of its own window; typed here because the Node tsconfig has no DOM library. */
interface PageGlobals {
  require?: unknown;
  process?: unknown;
  zlagoda: { invoke(channel: string, input: unknown): Promise<unknown> };
  open(url: string): unknown;
  location: { href: string };
}

test.describe('Electron shell', () => {
  test.skip(!binary, 'Electron binary not installed on this machine (downloads are blocked); runs where it exists');

  let app: ElectronApplication;
  let page: Page;
  let storeDir: string;

  test.beforeAll(async () => {
    expect(existsSync(mainScript), 'run `npm run build:app` first').toBe(true);
    storeDir = mkdtempSync(join(tmpdir(), 'zlagoda-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [mainScript],
      env: { ...process.env, ZLAGODA_STORE_DIR: storeDir, ELECTRON_ENABLE_SECURITY_WARNINGS: 'true' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (storeDir) rmSync(storeDir, { recursive: true, force: true });
  });

  test('loads the renderer from app://bundle/', async () => {
    expect(new URL(page.url()).protocol).toBe('app:');
    expect(new URL(page.url()).host).toBe('bundle');
  });

  test('the window runs sandboxed, isolated, without Node', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0];
      // Not in Electron's typings, but present at run time: the preferences the page was actually created with.
      const contents = win?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> } | undefined;
      const p = contents?.getLastWebPreferences?.();
      return p
        ? { sandbox: p.sandbox, contextIsolation: p.contextIsolation, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag }
        : null;
    });
    expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    const globals = await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return { require: typeof w.require, process: typeof w.process, bridge: Object.keys(w.zlagoda) };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke'] });
  });

  test('window.open is denied', async () => {
    const opened = await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('navigation away is blocked', async () => {
    const before = page.url();
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });

  test('an unknown channel is refused by the preload', async () => {
    const message = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).zlagoda.invoke('shell:openExternal', {}).then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
    );
    expect(message).toMatch(/unknown channel/);
  });

  test('an empty store directory shows the set-up screen', async () => {
    await expect(page.getByText('Перше налаштування').first()).toBeVisible({ timeout: 15_000 });
  });
});
