import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./CasesPage').then((m) => ({ default: m.CasesPage })));

export const casesPage: PageSpec = {
  id: 'cases',
  permission: 'cases.read',
  ...code,
};
