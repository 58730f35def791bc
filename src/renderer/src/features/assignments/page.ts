import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./AssignmentsPage').then((m) => ({ default: m.AssignmentsPage })));

export const assignmentsPage: PageSpec = {
  id: 'assignments',
  permission: 'meetings.read',
  ...code,
};
