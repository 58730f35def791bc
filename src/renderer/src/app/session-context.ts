import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../../shared/domain/auth';
import type { DraftRegistry } from './drafts';

export interface SessionControls {
  session: SessionInfo;
  /** Keeps unsaved edits as drafts, drops everything on screen, then asks the main process to lock. */
  lock(): void;
  /** The forms whose unsaved edits a lock keeps. */
  drafts: DraftRegistry;
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

/** Whether the user may open a page: it asks for nothing, or for a permission (any one of a list) the user holds. */
export function mayOpen(session: SessionInfo, page: { permission?: string | readonly string[] }): boolean {
  if (!page.permission) return true;
  return (typeof page.permission === 'string' ? [page.permission] : page.permission).some((p) => can(session, p));
}
