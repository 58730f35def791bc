import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

const load = () => import('./MeetingsPage').then((m) => ({ default: m.MeetingsPage }));

export const meetingsPage: PageSpec = {
  id: 'meetings',
  permission: 'meetings.read',
  component: lazy(load),
  load,
};
