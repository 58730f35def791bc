import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

const load = () => import('./UsersPage').then((m) => ({ default: m.UsersPage }));

export const usersPage: PageSpec = {
  id: 'users',
  permission: 'users.read',
  component: lazy(load),
  load,
};
