import type { Clock, Refusal } from './case-procedure';
import type { OrganisationType } from './domain/organisations';
import type { ClientGroup, ConsentGiver, DataCategory, ReferralState, Urgency } from './domain/referral-codes';
import type { ReferralEvent } from './domain/referrals';
import { daysBetween, termEnd } from './terms';

/**
 * The rules of a referral as pure functions: which change may follow which, whether a consent covers what a
 * referral discloses to whom, when the answer and the service are due, and which providers suit a person. The main
 * process refuses with the reason these return; the window offers only what they allow.
 */

/** The changes each state allows. Declined, completed, revoked and closed are final. */
export const NEXT_EVENTS: Record<ReferralState, readonly ReferralEvent[]> = {
  draft: ['send'],
  sent: ['accept', 'decline', 'revoke', 'close'],
  accepted: ['start', 'complete', 'revoke'],
  in_progress: ['complete', 'revoke'],
  declined: [],
  completed: [],
  revoked: [],
  closed: [],
};

export const STATE_AFTER: Record<ReferralEvent, ReferralState> = {
  send: 'sent',
  accept: 'accepted',
  decline: 'declined',
  start: 'in_progress',
  complete: 'completed',
  revoke: 'revoked',
  close: 'closed',
};

/** States in which the recipient is still at work on the referral: a revoked consent is recorded on these. */
export const LIVE_STATES: readonly ReferralState[] = ['sent', 'accepted', 'in_progress'];

export interface ReferralFacts {
  state: ReferralState;
  /** The date of the last change recorded (creation counts for a draft). */
  lastDate: string;
  answerDueOn: string | null;
}

/**
 * Why a change may not be recorded now, or null. A change is never dated in the future (Kyiv's today) or before the
 * change before it; a referral is closed without answer only once the answer is overdue.
 */
export function eventRefusal(referral: ReferralFacts, event: ReferralEvent, date: string, today: string): Refusal | null {
  if (!NEXT_EVENTS[referral.state].includes(event)) return { reason: 'event_not_allowed', details: { state: referral.state, event } };
  if (date > today) return { reason: 'future_date' };
  if (date < referral.lastDate) return { reason: 'before_previous', details: { date: referral.lastDate } };
  if (event === 'close' && (!referral.answerDueOn || date <= referral.answerDueOn)) return { reason: 'answer_not_overdue', details: { dueOn: referral.answerDueOn } };
  return null;
}

export function allowedEvents(referral: ReferralFacts, today: string): ReferralEvent[] {
  return NEXT_EVENTS[referral.state].filter((event) => !eventRefusal(referral, event, today, today));
}

export interface ConsentFacts {
  id: string;
  date: string;
  validUntil: string | null;
  revokedOn: string | null;
  organisationIds: readonly string[];
  organisationTypes: readonly OrganisationType[];
  categories: readonly DataCategory[];
}

export function consentInForce(consent: ConsentFacts, on: string): boolean {
  return consent.date <= on && (!consent.validUntil || on <= consent.validUntil) && (!consent.revokedOn || on < consent.revokedOn);
}

export const coversRecipient = (consent: ConsentFacts, recipient: { id: string; type: OrganisationType }) =>
  consent.organisationIds.includes(recipient.id) || consent.organisationTypes.includes(recipient.type);

/** What a referral discloses, always: its needs. The rest is what the officer chose within the scope. */
export const disclosedCategories = (chosen: readonly DataCategory[]): DataCategory[] => [...new Set<DataCategory>(['needs', ...chosen])];

/**
 * The consent that covers sending `categories` to `recipient` on `on`, or the refusal that says what is missing: no
 * consent in force at all, none naming this recipient (or its kind), or the categories the nearest one leaves out.
 * Of several that cover, the latest given is taken.
 */
export function coveringConsent(
  consents: readonly ConsentFacts[],
  recipient: { id: string; type: OrganisationType },
  categories: readonly DataCategory[],
  on: string,
): { consent: ConsentFacts } | { refusal: Refusal } {
  const inForce = consents.filter((c) => consentInForce(c, on));
  if (inForce.length === 0) return { refusal: { reason: consents.length ? 'consent_not_in_force' : 'consent_missing' } };
  const forRecipient = inForce.filter((c) => coversRecipient(c, recipient)).sort((a, b) => b.date.localeCompare(a.date));
  if (forRecipient.length === 0) return { refusal: { reason: 'consent_recipient', details: { recipientType: recipient.type } } };
  const missing = (c: ConsentFacts) => categories.filter((k) => !c.categories.includes(k));
  const covering = forRecipient.find((c) => missing(c).length === 0);
  if (covering) return { consent: covering };
  const nearest = [...forRecipient].sort((a, b) => missing(a).length - missing(b).length)[0]!;
  return { refusal: { reason: 'consent_categories', details: { categories: missing(nearest), consentDate: nearest.date } } };
}

/**
 * Who may consent: a child (or a person declared incapable) through the legal representative or the children's
 * service; an adult who is capable only personally.
 */
export function giverRefusal(giver: ConsentGiver, person: { child: boolean; incapable: boolean }): Refusal | null {
  if (person.child && giver === 'person') return { reason: 'consent_child_giver' };
  if (!person.child && person.incapable && giver !== 'representative') return { reason: 'consent_incapable_giver' };
  if (!person.child && !person.incapable && giver !== 'person') return { reason: 'consent_adult_giver' };
  return null;
}

/** The answer is due a term after sending, the service a term after acceptance; an urgent referral has its own terms. */
export function answerDue(sentOn: string, urgency: Urgency, clock: Clock): string {
  const term = clock.termAt(urgency === 'urgent' ? 'referral_answer_urgent' : 'referral_answer', sentOn);
  return termEnd(sentOn, term, clock.calendar);
}

export function serviceDue(acceptedOn: string, urgency: Urgency, clock: Clock): string {
  const term = clock.termAt(urgency === 'urgent' ? 'referral_service_urgent' : 'referral_service', acceptedOn);
  return termEnd(acceptedOn, term, clock.calendar);
}

/** What is awaited in a state: the recipient's answer while sent, the service while accepted or in progress. */
export function awaited(state: ReferralState, answerDueOn: string | null, serviceDueOn: string | null): { kind: 'answer' | 'service'; dueOn: string } | null {
  if (state === 'sent' && answerDueOn) return { kind: 'answer', dueOn: answerDueOn };
  if ((state === 'accepted' || state === 'in_progress') && serviceDueOn) return { kind: 'service', dueOn: serviceDueOn };
  return null;
}

/** Days left to a due date as of Kyiv's today: negative once overdue, so the day after the due date is the first late one. */
export const daysLeft = (dueOn: string | null, today: string): number | null => (dueOn ? daysBetween(today, dueOn) : null);

/**
 * How near two КАТОТТГ codes are: 4 in the same settlement, 3 the same hromada, 2 the same raion, 1 the same oblast,
 * 0 otherwise or when either is unknown. The code's levels are 2, 2, 3 and 3 digits after «UA»; zeros mean the
 * level is not given.
 */
export function nearness(a: string, b: string): number {
  if (!a || !b) return 0;
  const levels: [number, number][] = [
    [2, 4],
    [4, 6],
    [6, 9],
    [9, 12],
  ];
  let near = 0;
  for (const [from, to] of levels) {
    const x = a.slice(from, to);
    if (/^0+$/.test(x) || x !== b.slice(from, to)) break;
    near += 1;
  }
  return near;
}

/** The client groups a person belongs to; a provider that names no group serves everyone. */
export function groupsOf(person: { child: boolean; sex: string | null; foreigner: boolean }): ClientGroup[] {
  const groups: ClientGroup[] = [person.child ? 'children' : 'adults'];
  if (person.sex === 'male') groups.push('men');
  if (person.sex === 'female') groups.push('women');
  if (person.foreigner) groups.push('foreigners');
  return groups;
}

/**
 * Whether a provider serves the person: age group always has to match when the provider names any; sex when it names
 * men or women; a provider for foreigners only serves foreigners.
 */
export function serves(clientGroups: readonly ClientGroup[], person: { child: boolean; sex: string | null; foreigner: boolean }): boolean {
  if (clientGroups.length === 0) return true;
  const has = (g: ClientGroup) => clientGroups.includes(g);
  if ((has('adults') || has('children')) && !has(person.child ? 'children' : 'adults')) return false;
  if ((has('men') || has('women')) && person.sex !== null && !has(person.sex === 'male' ? 'men' : 'women')) return false;
  if (clientGroups.every((g) => g === 'foreigners') && !person.foreigner) return false;
  return true;
}
