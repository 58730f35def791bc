import { createContext, useContext } from 'react';

export type PageId = 'dashboard' | 'meetings' | 'assignments' | 'organisations' | 'group' | 'users' | 'audit' | 'settings' | 'passphrase' | 'about';

/** Where the window is: a page and, for pages that show records, the record opened in it. */
export interface Route {
  page: PageId;
  id?: string;
}

/** Decides whether leaving the current page may happen now: calls `leave` at once, later, or never. */
export type LeaveGuard = (leave: () => void) => void;

export interface Navigation {
  route: Route;
  /** Goes to a page (and a record in it), after the current page's leave guard agrees. */
  open(page: PageId, id?: string): void;
  /** A page with unsaved work sets a guard while it is on screen; null clears it. */
  setLeaveGuard(guard: LeaveGuard | null): void;
}

export const NavigationContext = createContext<Navigation>({ route: { page: 'dashboard' }, open: () => undefined, setLeaveGuard: () => undefined });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
