import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./GroupPage').then((m) => ({ default: m.GroupPage })));

export const groupPage: PageSpec = {
  id: 'group',
  permission: 'meetings.read',
  ...code,
};
