import { createContext, useContext } from 'react';

export type PageId = 'dashboard' | 'meetings' | 'assignments' | 'organisations' | 'group' | 'users' | 'audit' | 'settings' | 'passphrase' | 'about';

/** Where the window is: a page and, for pages that show records, the record opened in it. */
export interface Route {
  page: PageId;
  id?: string;
}

export interface Navigation {
  route: Route;
  open(page: PageId, id?: string): void;
}

export const NavigationContext = createContext<Navigation>({ route: { page: 'dashboard' }, open: () => undefined });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
