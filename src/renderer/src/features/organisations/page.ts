import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

export const organisationsPage: PageSpec = {
  id: 'organisations',
  permission: 'meetings.read',
  component: lazy(() => import('./OrganisationsPage').then((m) => ({ default: m.OrganisationsPage }))),
};
