import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./MeetingsPage').then((m) => ({ default: m.MeetingsPage })));

export const meetingsPage: PageSpec = {
  id: 'meetings',
  permission: 'meetings.read',
  ...code,
};
