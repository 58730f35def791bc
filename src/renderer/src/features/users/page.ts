import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./UsersPage').then((m) => ({ default: m.UsersPage })));

export const usersPage: PageSpec = {
  id: 'users',
  permission: 'users.read',
  ...code,
};
