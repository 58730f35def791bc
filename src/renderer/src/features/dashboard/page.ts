import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

export const dashboardPage: PageSpec = {
  id: 'dashboard',
  permission: 'meetings.read',
  ...code,
};
