import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

const load = () => import('./DashboardPage').then((m) => ({ default: m.DashboardPage }));

export const dashboardPage: PageSpec = {
  id: 'dashboard',
  permission: 'meetings.read',
  component: lazy(load),
  load,
};
