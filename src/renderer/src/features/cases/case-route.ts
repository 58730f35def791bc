/**
 * What the cases page shows by its route's record id: a case card by the case's id, a person's card by
 * «person:» and the person's id. Ids only, never a name: a route is kept in the window's history of pages.
 */
const PERSON = 'person:';

export type CaseRoute = { view: 'list' } | { view: 'case'; id: string } | { view: 'person'; id: string };

export function personRoute(personId: string): string {
  return `${PERSON}${personId}`;
}

export function caseRouteOf(id: string | undefined): CaseRoute {
  if (!id) return { view: 'list' };
  return id.startsWith(PERSON) ? { view: 'person', id: id.slice(PERSON.length) } : { view: 'case', id };
}
