import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

export const auditPage: PageSpec = {
  id: 'audit',
  permission: 'audit.read',
  component: lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage }))),
};
