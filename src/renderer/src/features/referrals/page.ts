import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./ReferralsPage').then((m) => ({ default: m.ReferralsPage })));

/** Case officers work the referrals; an analyst sees their counts only. */
export const referralsPage: PageSpec = {
  id: 'referrals',
  permission: ['cases.read', 'reports.read'],
  ...code,
};
