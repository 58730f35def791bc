import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./CoveragePage').then((m) => ({ default: m.CoveragePage })));

/** The referral mechanism on the ground: every raion and hromada of the oblast, what it has and what it lacks. */
export const coveragePage: PageSpec = {
  id: 'coverage',
  permission: 'trainings.read',
  ...code,
};
