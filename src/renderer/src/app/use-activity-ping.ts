import { useEffect } from 'react';
import type { AppApi } from './api';

export const ACTIVITY_THROTTLE_MS = 30_000;
const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/** Tells the main process the user is here (for the idle lock), at most once per 30 s. */
export function useActivityPing(api: AppApi, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    // The unlock itself counted as activity.
    let last = Date.now();
    const onActivity = (): void => {
      const now = Date.now();
      if (now - last < ACTIVITY_THROTTLE_MS) return;
      last = now;
      // A LOCKED answer reaches the gate through api.onError; nothing else here is worth showing.
      api.call('session:activity', {}).catch(() => undefined);
    };
    for (const name of EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [api, enabled]);
}
