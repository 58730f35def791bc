import type { BrowserWindow, BrowserWindowConstructorOptions, Screen, WebPreferences } from 'electron';
import { initialPlacement, MIN_SIZE, readWindowState, writeWindowState, type Rect } from './window-state';

/**
 * Every security-relevant preference is spelled out even where it equals Electron's default: a default
 * may change between majors, and Electronegativity flags what is not written down (security.md §1.2).
 */
export function hardenedWebPreferences(preload: string, isPackaged: boolean): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    devTools: !isPackaged,
    preload,
  };
}

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  screen: Pick<Screen, 'getAllDisplays'>;
  preloadPath: string;
  statePath: string;
  isPackaged: boolean;
  title?: string;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const workAreas: Rect[] = deps.screen.getAllDisplays().map((d) => d.workArea);
  const placement = initialPlacement(readWindowState(deps.statePath), workAreas);
  const win = new deps.BrowserWindow({
    width: placement.width,
    height: placement.height,
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: deps.title ?? 'Zlagoda',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(deps.preloadPath, deps.isPackaged),
  });
  if (placement.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  // Saved on close only: writing on every move would mean a disk write per pixel dragged.
  win.on('close', () => saveWindowState(win, deps.statePath));
  return win;
}

export function saveWindowState(win: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>, statePath: string): void {
  if (win.isDestroyed()) return;
  try {
    writeWindowState(statePath, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  } catch {
    // Losing the window placement must never block quitting.
  }
}

/** Brings the existing window forward, e.g. when someone starts the app a second time. */
export function focusWindow(win: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus' | 'isDestroyed'> | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
