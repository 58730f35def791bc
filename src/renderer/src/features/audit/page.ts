import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

const load = () => import('./AuditPage').then((m) => ({ default: m.AuditPage }));

export const auditPage: PageSpec = {
  id: 'audit',
  permission: 'audit.read',
  component: lazy(load),
  load,
};
