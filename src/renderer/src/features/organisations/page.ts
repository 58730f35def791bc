import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

const load = () => import('./OrganisationsPage').then((m) => ({ default: m.OrganisationsPage }));

export const organisationsPage: PageSpec = {
  id: 'organisations',
  permission: 'meetings.read',
  component: lazy(load),
  load,
};
