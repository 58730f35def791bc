import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })));

export const auditPage: PageSpec = {
  id: 'audit',
  permission: 'audit.read',
  ...code,
};
