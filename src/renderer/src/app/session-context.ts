import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../../shared/domain/auth';

export interface SessionControls {
  session: SessionInfo;
  /** Drops everything on screen at once, then asks the main process to lock. */
  lock(): void;
  replaceSession(session: SessionInfo): void;
}

export const SessionContext = createContext<SessionControls | null>(null);

export function useSession(): SessionControls {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside an unlocked session');
  return value;
}

export function can(session: SessionInfo, permission: string): boolean {
  return session.permissions.includes(permission);
}
