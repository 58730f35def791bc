import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

export const meetingsPage: PageSpec = {
  id: 'meetings',
  permission: 'meetings.read',
  component: lazy(() => import('./MeetingsPage').then((m) => ({ default: m.MeetingsPage }))),
};
