import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, screen, session } from 'electron';
import { join, resolve } from 'node:path';
import { askWhereToSaveDownloads } from './app/downloads';
import { createElectronFileChooser } from './app/file-chooser';
import { claimSingleInstance, reloadOnLock, watchLockTriggers } from './app/lifecycle';
import { installMenu } from './app/menu';
import { APP_URL, hardenAllWebContents, hardenSession, installAppProtocol, registerAppScheme } from './app/security';
import { createElectronPdfPrinter } from './app/pdf-printer';
import { rememberedStoreDir, rememberStoreDir } from './app/store-location';
import { createMainWindow } from './app/window';
import { FileAttemptLog } from './kernel/attempts';
import { registerIpc } from './ipc/register';
import { appRoot, appVersion } from './paths';
import { createRuntime, type Runtime } from './runtime';

// Scheme privileges and the web-contents guard must be in place before anything can load a page.
registerAppScheme(protocol);
hardenAllWebContents(app);
// Sandboxes every renderer, including any a future change creates without the window helper.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let runtime: Runtime | null = null;
let stopLockTriggers: (() => void) | null = null;

/** electron-vite dev serves the renderer over http with hot reload; a packaged app never does. */
function devServerUrl(): string | null {
  const url = process.env['ELECTRON_RENDERER_URL'];
  return !app.isPackaged && url ? url : null;
}

function storeDir(userData: string): string {
  // The override exists for end-to-end tests of the unpackaged build; a packaged app always uses its profile.
  const override = process.env['ZLAGODA_STORE_DIR'];
  if (override && !app.isPackaged) return resolve(override);
  // A store restored into another folder is the app's store from then on.
  return rememberedStoreDir(userData) ?? join(userData, 'store');
}

function openWindow(): void {
  const userData = app.getPath('userData');
  const win = createMainWindow({
    BrowserWindow,
    screen,
    preloadPath: join(appRoot(), 'out/preload/index.cjs'),
    statePath: join(userData, 'window-state.json'),
    isPackaged: app.isPackaged,
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  // Exports leave the encrypted store as downloads: each one asks where to save it, never into a default folder.
  askWhereToSaveDownloads(win.webContents.session, () => app.getPath('documents'));
  void win.loadURL(devServerUrl() ?? APP_URL);
}

function start(): void {
  if (process.platform === 'win32') app.setAppUserModelId('ua.gov.zlagoda');
  const userData = app.getPath('userData');
  runtime = createRuntime({
    storeDir: storeDir(userData),
    migrationsFolder: join(appRoot(), 'migrations'),
    // Read from our package.json, not app.getVersion(): started as `electron out/main/index.js` (tests),
    // Electron finds no package.json beside the script and reports its own version instead.
    version: app.isPackaged ? app.getVersion() : appVersion(),
    attempts: new FileAttemptLog(join(userData, 'unlock-attempts.json')),
    validateOutput: !app.isPackaged,
    pdf: createElectronPdfPrinter(BrowserWindow),
    files: createElectronFileChooser(dialog, () => mainWindow, () => app.getPath('documents')),
    onStoreMoved: (dir) => rememberStoreDir(userData, dir),
    // The app's own log folder: the correlation id a user reads out from an error finds its line here.
    logDir: app.getPath('logs'),
  });
  hardenSession(session.defaultSession);
  // From appRoot(), not app.getAppPath(): the latter is out/main when a test starts the script directly.
  installAppProtocol(protocol, join(appRoot(), 'out/renderer'));
  installMenu(Menu, process.platform, app.isPackaged);
  const dev = devServerUrl();
  registerIpc({
    ipcMain,
    dispatch: runtime.dispatch,
    getWindow: () => mainWindow,
    allowedUrls: dev ? [APP_URL, dev] : [APP_URL],
    onRejected: (channel, reason) => runtime?.logger.warn('ipc refused', { channel, fault: reason }),
  });
  reloadOnLock(runtime.core, () => mainWindow);
  stopLockTriggers = watchLockTriggers({ core: runtime.core, powerMonitor });
  openWindow();
}

function shutdown(): void {
  stopLockTriggers?.();
  stopLockTriggers = null;
  try {
    runtime?.core.close();
  } catch (error) {
    console.error('closing the store failed', error instanceof Error ? error.message : String(error));
  }
  runtime = null;
}

if (claimSingleInstance(app, () => mainWindow)) {
  // The store is closed with the last window on every platform: an app left running in the macOS dock
  // without a window would keep the store open for no one.
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (runtime && !mainWindow) openWindow();
  });
  app.on('will-quit', shutdown);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('start-up failed', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
