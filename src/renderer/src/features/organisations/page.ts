import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })));

export const organisationsPage: PageSpec = {
  id: 'organisations',
  permission: 'meetings.read',
  ...code,
};
