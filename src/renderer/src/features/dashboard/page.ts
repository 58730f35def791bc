import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

export const dashboardPage: PageSpec = {
  id: 'dashboard',
  permission: 'meetings.read',
  component: lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage }))),
};
