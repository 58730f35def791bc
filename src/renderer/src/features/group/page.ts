import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

const load = () => import('./GroupPage').then((m) => ({ default: m.GroupPage }));

export const groupPage: PageSpec = {
  id: 'group',
  permission: 'meetings.read',
  component: lazy(load),
  load,
};
