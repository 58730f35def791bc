import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

const load = () => import('./AssignmentsPage').then((m) => ({ default: m.AssignmentsPage }));

export const assignmentsPage: PageSpec = {
  id: 'assignments',
  permission: 'meetings.read',
  component: lazy(load),
  load,
};
