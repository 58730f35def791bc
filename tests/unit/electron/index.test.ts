/* eslint-disable @typescript-eslint/no-explicit-any -- a loose stand-in for the many electron classes the composition root touches */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src/shared/contract';

type Listener = (...args: unknown[]) => void;

/** A stand-in for the electron module, rebuilt for every test so the composition root starts fresh. */
const fake = vi.hoisted(() => {
  const state = {} as Record<string, any>;
  const emitter = () => {
    const listeners = new Map<string, Listener[]>();
    return {
      listeners,
      on(event: string, fn: Listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), fn]);
        return this;
      },
      once(event: string, fn: Listener) {
        return this.on(event, fn);
      },
      removeListener(event: string, fn: Listener) {
        listeners.set(event, (listeners.get(event) ?? []).filter((f) => f !== fn));
      },
      emit(event: string, ...args: unknown[]) {
        for (const fn of listeners.get(event) ?? []) fn(...args);
      },
    };
  };
  function reset(options: { gotLock: boolean; userData: string; packaged: boolean }) {
    const windows: any[] = [];
    class BrowserWindow {
      webContents = { ...emitter(), reload: vi.fn(), isDestroyed: () => false, mainFrame: { url: 'app://bundle/' }, session: emitter() };
      events = emitter();
      loadURL = vi.fn(async () => undefined);
      constructor(readonly options: Record<string, any>) {
        windows.push(this);
      }
      on(event: string, fn: Listener) {
        this.events.on(event, fn);
        return this;
      }
      once(event: string, fn: Listener) {
        this.events.on(event, fn);
        return this;
      }
      maximize() {}
      isMaximized() {
        return false;
      }
      getNormalBounds() {
        return { x: 0, y: 0, width: 1366, height: 768 };
      }
      isDestroyed() {
        return false;
      }
      isMinimized() {
        return false;
      }
      restore = vi.fn();
      show = vi.fn();
      focus = vi.fn();
    }
    Object.assign(state, {
      windows,
      app: {
        ...emitter(),
        isPackaged: options.packaged,
        requestSingleInstanceLock: vi.fn(() => options.gotLock),
        quit: vi.fn(),
        exit: vi.fn(),
        whenReady: vi.fn(() => Promise.resolve()),
        getPath: vi.fn(() => options.userData),
        getAppPath: vi.fn(() => '/app'),
        getVersion: vi.fn(() => '0.1.0'),
        setAppUserModelId: vi.fn(),
        enableSandbox: vi.fn(),
      },
      BrowserWindow,
      ipcMain: { handle: vi.fn() },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
      powerMonitor: { ...emitter(), getSystemIdleTime: vi.fn(() => 0) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
      dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
      session: {
        defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
      },
    });
  }
  return { state, reset };
});

vi.mock('electron', () => ({
  get app() {
    return fake.state['app'];
  },
  get BrowserWindow() {
    return fake.state['BrowserWindow'];
  },
  get ipcMain() {
    return fake.state['ipcMain'];
  },
  get Menu() {
    return fake.state['Menu'];
  },
  get powerMonitor() {
    return fake.state['powerMonitor'];
  },
  get protocol() {
    return fake.state['protocol'];
  },
  get screen() {
    return fake.state['screen'];
  },
  get dialog() {
    return fake.state['dialog'];
  },
  get session() {
    return fake.state['session'];
  },
}));

let userData: string;

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'zlagoda-main-'));
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});

afterEach(() => {
  fake.state['app']?.emit('will-quit');
  vi.useRealTimers();
  rmSync(userData, { recursive: true, force: true });
});

async function boot(gotLock = true, packaged = false) {
  fake.reset({ gotLock, userData, packaged });
  await import('../../../src/main/index');
  // whenReady().then(start) runs on the microtask queue.
  await new Promise((resolve) => setImmediate(resolve));
  return fake.state;
}

describe('composition root', () => {
  it('registers the app scheme and the web-contents guard before the app is ready', async () => {
    const s = await boot();
    expect(s['protocol'].registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(s['app'].listeners.get('web-contents-created')).toHaveLength(1);
    expect(s['app'].enableSandbox).toHaveBeenCalledOnce();
  });

  it('registers every contract channel exactly once', async () => {
    const s = await boot();
    const channels = (s['ipcMain'].handle as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0] as string);
    expect(channels.sort()).toEqual([...CHANNELS].sort());
  });

  it('serves the renderer from app:// and denies permissions', async () => {
    const s = await boot();
    expect(s['protocol'].handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(s['session'].defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(s['session'].defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
  });

  it('opens one hardened window on app://bundle/', async () => {
    const s = await boot();
    expect(s['windows']).toHaveLength(1);
    const win = s['windows'][0];
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: expect.stringMatching(/out[\\/]preload[\\/]index\.cjs$/) });
    expect(win.loadURL).toHaveBeenCalledWith('app://bundle/');
  });

  it('asks where to save every download, starting in the Documents folder', async () => {
    const s = await boot();
    const downloads = s['windows'][0].webContents.session.listeners.get('will-download') as Listener[];
    expect(downloads).toHaveLength(1);
    const item = { getFilename: () => 'Протокол_2_2026.docx', setSaveDialogOptions: vi.fn(), setSavePath: vi.fn() };
    downloads[0]!({ preventDefault: vi.fn() }, item, {});
    expect(s['app'].getPath).toHaveBeenCalledWith('documents');
    expect(item.setSaveDialogOptions).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ defaultPath: join(userData, 'Протокол_2_2026.docx') }));
    expect(item.setSavePath).not.toHaveBeenCalled();
  });

  describe('ZLAGODA_STORE_DIR', () => {
    let override: string;
    beforeEach(() => {
      // A file named like the store's database makes session:status say "locked" instead of "absent".
      override = join(userData, 'elsewhere');
      mkdirSync(override);
      writeFileSync(join(override, 'zlagoda.db'), '');
      vi.stubEnv('ZLAGODA_STORE_DIR', override);
    });
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    async function storeState(s: Record<string, any>): Promise<unknown> {
      const call = (s['ipcMain'].handle as ReturnType<typeof vi.fn>).mock.calls.find((c) => c[0] === 'session:status')!;
      const result = await (call[1] as (e: unknown, i: unknown) => Promise<any>)({ senderFrame: s['windows'][0].webContents.mainFrame }, {});
      return result.ok ? result.value.storeState : result;
    }

    it('is honoured by an unpackaged build', async () => {
      expect(await storeState(await boot(true, false))).toBe('locked');
    });

    it('is ignored by a packaged build, which keeps the store in its profile', async () => {
      expect(await storeState(await boot(true, true))).toBe('absent');
    });
  });

  it('listens for screen lock and suspend', async () => {
    const s = await boot();
    expect(s['powerMonitor'].listeners.get('lock-screen')).toHaveLength(1);
    expect(s['powerMonitor'].listeners.get('suspend')).toHaveLength(1);
  });

  it('as a second instance, quits without opening anything', async () => {
    const s = await boot(false);
    expect(s['app'].quit).toHaveBeenCalled();
    expect(s['app'].whenReady).not.toHaveBeenCalled();
    expect(s['ipcMain'].handle).not.toHaveBeenCalled();
    expect(s['windows']).toHaveLength(0);
  });

  it('as the first instance, focuses its window when a second one starts', async () => {
    const s = await boot();
    s['app'].emit('second-instance', {}, [], '/');
    expect(s['windows'][0].focus).toHaveBeenCalled();
  });

  it('quits when the last window closes', async () => {
    const s = await boot();
    s['app'].emit('window-all-closed');
    expect(s['app'].quit).toHaveBeenCalled();
  });
});
