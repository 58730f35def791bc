import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { createMainWindow, focusWindow, hardenedWebPreferences } = await import('../../../src/main/app/window');
const { initialPlacement } = await import('../../../src/main/app/window-state');

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 };

class FakeWindow {
  static created: FakeWindow[] = [];
  readonly listeners = new Map<string, Array<() => void>>();
  maximized = false;
  bounds = { x: 10, y: 20, width: 1400, height: 800 };
  constructor(readonly options: Record<string, unknown>) {
    FakeWindow.created.push(this);
  }
  on(event: string, fn: () => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: () => void) {
    return this.on(event, fn);
  }
  emit(event: string) {
    for (const fn of this.listeners.get(event) ?? []) fn();
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return this.bounds;
  }
  isDestroyed() {
    return false;
  }
  show = vi.fn();
}

let dir: string;
let statePath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zlagoda-win-'));
  statePath = join(dir, 'window-state.json');
  FakeWindow.created = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(workAreas = [PRIMARY], isPackaged = true) {
  createMainWindow({
    BrowserWindow: FakeWindow as never,
    screen: { getAllDisplays: () => workAreas.map((workArea) => ({ workArea })) } as never,
    preloadPath: '/app/out/preload/index.cjs',
    statePath,
    isPackaged,
  });
  return FakeWindow.created.at(-1)!;
}

describe('main window', () => {
  it('uses exactly the hardened web preferences', () => {
    const win = open();
    expect(win.options['webPreferences']).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('allows developer tools only in an unpackaged build', () => {
    expect(hardenedWebPreferences('p', false).devTools).toBe(true);
    expect(hardenedWebPreferences('p', true).devTools).toBe(false);
    expect(hardenedWebPreferences('p', false)).not.toHaveProperty('enableBlinkFeatures');
  });

  it('opens at the default size with the minimum size set, hidden until ready', () => {
    const win = open();
    expect(win.options).toMatchObject({ width: 1366, height: 768, minWidth: 1024, minHeight: 700, show: false });
    expect(win.options).not.toHaveProperty('x');
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('saves its size, position and maximized state on close and restores them', () => {
    const first = open();
    first.bounds = { x: 100, y: 50, width: 1200, height: 750 };
    first.maximized = true;
    first.emit('close');
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toEqual({ bounds: { x: 100, y: 50, width: 1200, height: 750 }, maximized: true });
    const second = open();
    expect(second.options).toMatchObject({ x: 100, y: 50, width: 1200, height: 750 });
    expect(second.maximized).toBe(true);
  });

  it('ignores a saved position that is on no display', () => {
    writeFileSync(statePath, JSON.stringify({ bounds: { x: 5000, y: 3000, width: 1200, height: 750 }, maximized: false }));
    const win = open();
    expect(win.options).not.toHaveProperty('x');
    expect(win.options).toMatchObject({ width: 1366, height: 768 });
  });

  it('keeps a position on a second display that is still attached', () => {
    writeFileSync(statePath, JSON.stringify({ bounds: { x: 2000, y: 100, width: 1200, height: 750 }, maximized: false }));
    const win = open([PRIMARY, { x: 1920, y: 0, width: 1920, height: 1040 }]);
    expect(win.options).toMatchObject({ x: 2000, y: 100 });
  });

  it('ignores a damaged state file', () => {
    writeFileSync(statePath, '{not json');
    expect(open().options).toMatchObject({ width: 1366, height: 768 });
    writeFileSync(statePath, JSON.stringify({ bounds: { x: 'a' } }));
    expect(open().options).toMatchObject({ width: 1366, height: 768 });
  });

  it('never restores below the minimum size', () => {
    expect(initialPlacement({ bounds: { x: 0, y: 0, width: 300, height: 200 }, maximized: false }, [PRIMARY])).toMatchObject({ width: 1024, height: 700 });
  });

  it('treats a window with only a sliver on screen as off-screen', () => {
    expect(initialPlacement({ bounds: { x: 1900, y: 0, width: 1200, height: 750 }, maximized: false }, [PRIMARY])).not.toHaveProperty('x');
  });

  it('does not write the state file before the window closes', () => {
    open();
    expect(existsSync(statePath)).toBe(false);
  });
});

describe('focusWindow', () => {
  it('restores a minimised window and focuses it', () => {
    const win = { isDestroyed: () => false, isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    focusWindow(win);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('does nothing without a window', () => {
    expect(() => focusWindow(null)).not.toThrow();
  });
});
