/**
 * What the referrals page shows by its route's record id: the list, the counts («counts»), a new referral for a person («new:» and the
 * person's id), a draft's correction («edit:» and the referral's id), or a referral's card by its id. Ids only,
 * never a name: a route is kept in the window's history of pages.
 */
const NEW = 'new:';
const EDIT = 'edit:';
const COUNTS = 'counts';

export type ReferralRoute = { view: 'list' } | { view: 'counts' } | { view: 'new'; personId: string } | { view: 'edit'; id: string } | { view: 'card'; id: string };

/** The route id of the referral form for a person: `open('referrals', newReferralRoute(personId))`. */
export function newReferralRoute(personId: string): string {
  return `${NEW}${personId}`;
}

export function editReferralRoute(referralId: string): string {
  return `${EDIT}${referralId}`;
}

/** The counts, for a case officer who also reads the reports. */
export const COUNTS_ROUTE = COUNTS;

export function referralRouteOf(id: string | undefined): ReferralRoute {
  if (!id) return { view: 'list' };
  if (id === COUNTS) return { view: 'counts' };
  if (id.startsWith(NEW)) return { view: 'new', personId: id.slice(NEW.length) };
  if (id.startsWith(EDIT)) return { view: 'edit', id: id.slice(EDIT.length) };
  return { view: 'card', id };
}
