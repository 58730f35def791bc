import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./PersonsPage').then((m) => ({ default: m.PersonsPage })));

/** Presumed victims by code: identification, needs, consents, services and referrals around each. */
export const personsPage: PageSpec = {
  id: 'persons',
  permission: 'cases.read',
  ...code,
};
