import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

export const usersPage: PageSpec = {
  id: 'users',
  permission: 'users.read',
  component: lazy(() => import('./UsersPage').then((m) => ({ default: m.UsersPage }))),
};
