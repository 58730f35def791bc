import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./ReportsPage').then((m) => ({ default: m.ReportsPage })));

/** The report for the Ministry: the period's figures, the two profiles, the files and the signed bundle. */
export const reportsPage: PageSpec = {
  id: 'reports',
  permission: 'reports.read',
  ...code,
};
