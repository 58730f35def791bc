import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

export const groupPage: PageSpec = {
  id: 'group',
  permission: 'meetings.read',
  component: lazy(() => import('./GroupPage').then((m) => ({ default: m.GroupPage }))),
};
