import { createContext, useContext } from 'react';
import type { Feature } from '../../../shared/contract';
import type { Permission } from '../../../shared/permissions';
import type { Preloadable } from './preloadable';

/** A page is a feature's screen in the shell; its id is the feature's name, its nav label `<feature>.nav`. */
export type PageId = Feature;

/**
 * The page's code is a chunk of its own (`preloadable`): the window starts without it, the overview's is fetched
 * while the unlock is under way, the others' once the overview is drawn.
 */
export interface PageSpec extends Preloadable {
  id: PageId;
  /** Shown only to users who hold it (or any one of a list); every user sees a page without one. */
  permission?: Permission | readonly Permission[];
}

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
