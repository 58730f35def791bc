import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

export const assignmentsPage: PageSpec = {
  id: 'assignments',
  permission: 'meetings.read',
  component: lazy(() => import('./AssignmentsPage').then((m) => ({ default: m.AssignmentsPage }))),
};
