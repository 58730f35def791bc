import type { App, BrowserWindow, PowerMonitor } from 'electron';
import type { AppStatus } from '../../shared/domain/auth';
import { focusWindow } from './window';

/** Two instances would open the same store twice; the second one hands over to the first and quits. */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusWindow(getWindow()));
  return true;
}

export interface LockableCore {
  lock(reason?: string): void;
  checkIdle(): boolean;
  status(): AppStatus;
  onLock(listener: (reason: string) => void): () => void;
}

export const IDLE_POLL_MS = 15_000;

export interface LockTriggerDeps {
  core: LockableCore;
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener' | 'getSystemIdleTime'>;
  pollMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Locks when the computer is locked or goes to sleep, and when the whole machine (not just this app) has
 * been idle longer than the store's setting. The store's own idle check only sees app calls, so a window
 * left open and untouched would otherwise stay unlocked until the next call.
 */
export function watchLockTriggers(deps: LockTriggerDeps): () => void {
  const { core, powerMonitor } = deps;
  const every = deps.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const stopTimer = deps.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout));
  const onScreenLock = (): void => core.lock('os-lock');
  const onSuspend = (): void => core.lock('suspend');
  powerMonitor.on('lock-screen', onScreenLock);
  powerMonitor.on('suspend', onSuspend);
  const poll = (): void => {
    try {
      core.checkIdle();
      const status = core.status();
      if (status.storeState === 'unlocked' && status.idleLockMinutes > 0 && powerMonitor.getSystemIdleTime() >= status.idleLockMinutes * 60) core.lock('system-idle');
    } catch (error) {
      console.error('idle check failed', error instanceof Error ? error.message : String(error));
    }
  };
  const timer = every(poll, deps.pollMs ?? IDLE_POLL_MS);
  (timer as { unref?: () => void } | null)?.unref?.();
  return () => {
    stopTimer(timer);
    powerMonitor.removeListener('lock-screen', onScreenLock);
    powerMonitor.removeListener('suspend', onSuspend);
  };
}

/** Lock reasons after which the page is not reloaded: the app is closing, or an unlock is under way in the same call. */
const NO_RELOAD = new Set(['shutdown', 'switch-user']);

/** Reloading drops everything the page held (lists, names, form drafts); it comes back to the lock screen. */
export function reloadOnLock(core: Pick<LockableCore, 'onLock'>, getWindow: () => Pick<BrowserWindow, 'isDestroyed' | 'webContents'> | null): () => void {
  return core.onLock((reason) => {
    if (NO_RELOAD.has(reason)) return;
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.reload();
  });
}
