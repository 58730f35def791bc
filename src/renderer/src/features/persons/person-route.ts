/**
 * What the persons page shows by its route's record id: the list without one, a person's file by the person's id.
 * Ids only, never a name: a route is kept in the window's history of pages.
 */
export type PersonRoute = { view: 'list' } | { view: 'file'; id: string };

export function personsRouteOf(id: string | undefined): PersonRoute {
  return id ? { view: 'file', id } : { view: 'list' };
}

/** The referrals page opens a new referral for a person by this route id (the referrals screens own it). */
export function newReferralRoute(personId: string): string {
  return `new:${personId}`;
}
