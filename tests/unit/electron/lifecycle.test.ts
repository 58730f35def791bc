import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { claimSingleInstance, reloadOnLock, watchLockTriggers, IDLE_POLL_MS } = await import('../../../src/main/app/lifecycle');

type Listener = (...args: unknown[]) => void;

function emitter() {
  const listeners = new Map<string, Listener[]>();
  return {
    listeners,
    on: vi.fn((event: string, fn: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
    }),
    removeListener: vi.fn((event: string, fn: Listener) => {
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((f) => f !== fn),
      );
    }),
    emit(event: string, ...args: unknown[]) {
      for (const fn of listeners.get(event) ?? []) fn(...args);
    },
  };
}

function fakeCore(state: 'unlocked' | 'locked' = 'unlocked', idleLockMinutes = 10) {
  const lockListeners: Array<(reason: string) => void> = [];
  return {
    lock: vi.fn((reason?: string) => lockListeners.forEach((fn) => fn(reason ?? 'manual'))),
    checkIdle: vi.fn(() => false),
    status: vi.fn(() => ({ storeState: state, session: null, idleLockMinutes, lockWarningSeconds: 60, idleLockInSeconds: null, lastLock: null })),
    onLock: vi.fn((fn: (reason: string) => void) => {
      lockListeners.push(fn);
      return () => undefined;
    }),
  };
}

describe('single instance', () => {
  it('the second instance quits, the first brings its window forward', () => {
    const first = { ...emitter(), requestSingleInstanceLock: () => true, quit: vi.fn() };
    const win = { isDestroyed: () => false, isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    expect(claimSingleInstance(first as never, () => win as never)).toBe(true);
    expect(first.quit).not.toHaveBeenCalled();
    first.emit('second-instance', {}, ['zlagoda'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();

    const second = { ...emitter(), requestSingleInstanceLock: () => false, quit: vi.fn() };
    expect(claimSingleInstance(second as never, () => null)).toBe(false);
    expect(second.quit).toHaveBeenCalled();
    expect(second.on).not.toHaveBeenCalled();
  });
});

describe('lock triggers', () => {
  function watch(core = fakeCore(), idleSeconds = 0) {
    const powerMonitor = { ...emitter(), getSystemIdleTime: vi.fn(() => idleSeconds) };
    let tick: (() => void) | null = null;
    const setInterval = vi.fn((fn: () => void) => {
      tick = fn;
      return 7;
    });
    const clearInterval = vi.fn();
    const stop = watchLockTriggers({ core, powerMonitor: powerMonitor as never, setInterval, clearInterval });
    return { core, powerMonitor, tick: () => tick!(), stop, setInterval, clearInterval };
  }

  it('locks when the screen is locked', () => {
    const { core, powerMonitor } = watch();
    powerMonitor.emit('lock-screen');
    expect(core.lock).toHaveBeenCalledExactlyOnceWith('os-lock');
  });

  it('locks when the computer suspends', () => {
    const { core, powerMonitor } = watch();
    powerMonitor.emit('suspend');
    expect(core.lock).toHaveBeenCalledExactlyOnceWith('suspend');
  });

  it('polls every 15 seconds and runs the store idle check', () => {
    const { core, setInterval, tick } = watch();
    expect(setInterval).toHaveBeenCalledWith(expect.any(Function), IDLE_POLL_MS);
    expect(IDLE_POLL_MS).toBe(15_000);
    tick();
    expect(core.checkIdle).toHaveBeenCalled();
    expect(core.lock).not.toHaveBeenCalled();
  });

  it('locks when the system has been idle for the store setting', () => {
    const { core, tick } = watch(fakeCore('unlocked', 10), 600);
    tick();
    expect(core.lock).toHaveBeenCalledWith('system-idle');
  });

  it('does not lock before the system idle time reaches the setting', () => {
    const { core, tick } = watch(fakeCore('unlocked', 10), 599);
    tick();
    expect(core.lock).not.toHaveBeenCalled();
  });

  it('does not lock a store that is not open', () => {
    const { core, tick } = watch(fakeCore('locked', 10), 100_000);
    tick();
    expect(core.lock).not.toHaveBeenCalled();
  });

  it('keeps polling when a check throws', () => {
    const core = fakeCore();
    core.checkIdle.mockImplementation(() => {
      throw new Error('disk');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { tick } = watch(core);
    expect(() => tick()).not.toThrow();
    error.mockRestore();
  });

  it('stops listening when stopped', () => {
    const { core, powerMonitor, stop, clearInterval } = watch();
    stop();
    expect(clearInterval).toHaveBeenCalledWith(7);
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('suspend');
    expect(core.lock).not.toHaveBeenCalled();
  });
});

describe('reload on lock', () => {
  function setup() {
    const core = fakeCore();
    const reload = vi.fn();
    const win = { isDestroyed: () => false, webContents: { reload, isDestroyed: () => false } };
    reloadOnLock(core, () => win as never);
    return { core, reload };
  }

  it.each(['manual', 'idle', 'os-lock', 'suspend', 'system-idle'])('reloads the page after a %s lock', (reason) => {
    const { core, reload } = setup();
    core.lock(reason);
    expect(reload).toHaveBeenCalledOnce();
  });

  it.each(['shutdown', 'switch-user'])('does not reload after a %s lock', (reason) => {
    const { core, reload } = setup();
    core.lock(reason);
    expect(reload).not.toHaveBeenCalled();
  });

  it('does nothing when the window is gone', () => {
    const core = fakeCore();
    reloadOnLock(core, () => null);
    expect(() => core.lock('manual')).not.toThrow();
  });
});
