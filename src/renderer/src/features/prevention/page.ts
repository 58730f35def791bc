import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./PreventionPage').then((m) => ({ default: m.PreventionPage })));

/** Prevention in the communities: round tables, school sessions, campaigns, outreach; who was reached, where. */
export const preventionPage: PageSpec = {
  id: 'prevention',
  permission: 'trainings.read',
  ...code,
};
