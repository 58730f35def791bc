import { RECORDABLE_STEPS, type CaseState, type StepKind } from './domain/cases';
import type { DecisionOutcome, EndReason } from './domain/case-codes';
import type { DayOff, TermKey, TermVersion } from './domain/parameters';
import { addDays } from './time';
import { daysBetween, termEnd, type DaysOffCalendar } from './terms';

/**
 * The order of the status procedure and its clock, as pure functions: the main process refuses a step out of order
 * with the reason this returns, and the window offers only the steps it allows.
 */
export interface ProcedureStep {
  kind: StepKind;
  date: string;
  waiverReason?: string | null;
  outcome?: DecisionOutcome | null;
  validUntil?: string | null;
  endReason?: EndReason | string | null;
}

export interface ProcedureFacts {
  foreigner: boolean;
  /** Age at registration; null when not established. */
  age?: number | null;
}

/** Малолітство (Civil Code art. 31): under 14. The interview is waived for young age only below it. */
export const YOUNG_AGE_BELOW = 14;

/** The term version in force on a date. */
export type TermAt = (key: TermKey, onDate: string) => Pick<TermVersion, 'value' | 'unit' | 'dayKind' | 'countsFrom'>;
type Version = Pick<TermVersion, 'value' | 'unit' | 'dayKind' | 'countsFrom' | 'validFrom'>;

export interface Clock {
  termAt: TermAt;
  /** Every version of a term, oldest first: a step's term is the one in force on the day of the event it counts from. */
  versions?: (key: TermKey) => readonly Version[];
  calendar: DaysOffCalendar;
  today: string;
}

export interface Refusal {
  reason: string;
  details?: Record<string, unknown>;
}

const last = (steps: readonly ProcedureStep[], ...kinds: StepKind[]) => [...steps].reverse().find((s) => kinds.includes(s.kind)) ?? null;
const lastDecision = (steps: readonly ProcedureStep[]) => last(steps, 'decision');

/**
 * The clock from the parameters as stored: each term's versions oldest first, the one in force on a date the latest
 * not after it. The main process builds it from the store, the window from `parameters:get`, so both count alike.
 */
export function clockFrom(terms: readonly (Version & Pick<TermVersion, 'key'>)[], daysOff: readonly DayOff[], moveEndOffDays: boolean, today: string): Clock {
  const byKey = new Map<TermKey, Version[]>();
  for (const term of [...terms].sort((a, b) => a.validFrom.localeCompare(b.validFrom))) byKey.set(term.key, [...(byKey.get(term.key) ?? []), term]);
  return {
    today,
    calendar: { holidays: new Set(daysOff.map((d) => d.date)), moveEndOffDays },
    versions: (key) => byKey.get(key) ?? [],
    termAt: (key, onDate) => {
      const versions = byKey.get(key) ?? [];
      const inForce = [...versions].reverse().find((v) => v.validFrom <= onDate) ?? versions[0];
      if (!inForce) throw new Error(`no term ${key}`);
      return inForce;
    },
  };
}

/** Steps in the order they happened: by date, and in the order recorded within one day. */
export function ordered<S extends ProcedureStep>(steps: readonly S[]): S[] {
  return steps.map((s, i) => ({ s, i })).sort((a, b) => (a.s.date === b.s.date ? a.i - b.i : a.s.date < b.s.date ? -1 : 1)).map((x) => x.s);
}

function after(steps: readonly ProcedureStep[], step: ProcedureStep | null): ProcedureStep[] {
  if (!step) return [...steps];
  return steps.slice(steps.indexOf(step) + 1);
}

/**
 * The decision that settles the application: a grant, or a refusal. A refusal under appeal stays the last word (the
 * clock stops: a court takes its own time) until the file is forwarded again after the appeal, when the procedure
 * runs again towards a new decision.
 */
function finalDecision(steps: readonly ProcedureStep[]): ProcedureStep | null {
  const decision = lastDecision(steps);
  if (!decision || decision.outcome === 'incomplete') return null;
  if (reopened(steps)) return null;
  return decision;
}

/** A refusal appealed, and the file forwarded again after the appeal (the court sent it back). */
function reopened(steps: readonly ProcedureStep[]): boolean {
  const decision = lastDecision(steps);
  if (decision?.outcome !== 'refused') return false;
  const appeal = last(after(steps, decision), 'appeal');
  return appeal !== null && after(steps, appeal).some((s) => s.kind === 'forwarded');
}

/** An appeal after the last refusal, with nothing forwarded since. */
function underAppeal(steps: readonly ProcedureStep[]): ProcedureStep | null {
  const decision = lastDecision(steps);
  if (decision?.outcome !== 'refused') return null;
  const appeal = last(after(steps, decision), 'appeal');
  return appeal && !reopened(steps) ? appeal : null;
}

/** The end of a granted status as it stands: the certificate's term or the last extension (null: until the danger ends). */
export function statusValidUntil(steps: readonly ProcedureStep[]): { validUntil: string | null; open: boolean } | null {
  const certificate = last(steps, 'certificate');
  if (!certificate) return null;
  const extension = last(steps, 'extension');
  if (extension) return { validUntil: extension.validUntil ?? null, open: extension.validUntil == null };
  return { validUntil: certificate.validUntil ?? null, open: false };
}

/** The latest end an extension may set: the certificate's term plus the extension term (at most a year, art. 15(5)). */
export function extensionLimit(steps: readonly ProcedureStep[], clock: Clock): string | null {
  const certificate = last(steps, 'certificate');
  if (!certificate?.validUntil) return null;
  const term = clock.termAt('extension', certificate.date);
  return termEnd(certificate.validUntil, term, { ...clock.calendar, moveEndOffDays: false });
}

/** The end of the status term for a grant on `decisionDate`: decision date plus the status duration then in force. */
export function certificateValidUntil(decisionDate: string, clock: Clock): string {
  return termEnd(decisionDate, clock.termAt('status', decisionDate), { ...clock.calendar, moveEndOffDays: false });
}

/**
 * Why a step cannot be recorded now (null when it can). `steps` are the case's steps in order, without the one being
 * recorded; `date` is the new step's date.
 */
export function stepRefusal(steps: readonly ProcedureStep[], input: ProcedureStep, facts: ProcedureFacts, clock: Clock): Refusal | null {
  const registration = last(steps, 'registration');
  if (input.kind === 'registration') return { reason: 'registration_fixed' };
  if (input.date > clock.today) return { reason: 'future_date' };
  if (registration && input.date < registration.date) return { reason: 'before_registration', details: { date: registration.date } };
  const interview = last(steps, 'interview', 'interview_waived');
  const decision = lastDecision(steps);
  const final = finalDecision(steps);
  const notBefore = (step: ProcedureStep | null): Refusal | null =>
    step && input.date < step.date ? { reason: 'before_previous', details: { step: step.kind, date: step.date } } : null;
  const status = statusValidUntil(steps);
  const ended = last(steps, 'ended');

  switch (input.kind) {
    case 'foreigner_certificate':
      if (!facts.foreigner) return { reason: 'not_foreigner' };
      if (last(steps, 'foreigner_certificate')) return { reason: 'already_recorded' };
      return null;
    case 'interview':
    case 'interview_waived':
      if (interview) return { reason: 'interview_exists' };
      if (input.kind === 'interview_waived' && input.waiverReason === 'young_age' && facts.age != null && facts.age >= YOUNG_AGE_BELOW) {
        return { reason: 'not_young', details: { age: facts.age } };
      }
      return null;
    case 'undertaking':
      // Signed at the interview; one recorded late (after the decision, even) still belongs to the file.
      if (!interview) return { reason: 'needs_interview' };
      if (last(steps, 'undertaking')) return { reason: 'already_recorded' };
      return notBefore(interview);
    case 'file_compiled':
      if (!interview) return { reason: 'needs_interview' };
      if (final) return { reason: 'decided' };
      return notBefore(interview);
    case 'police_request':
      if (!interview) return { reason: 'needs_interview' };
      if (final) return { reason: 'decided' };
      return notBefore(interview);
    case 'police_answer': {
      const request = last(steps, 'police_request');
      if (!request) return { reason: 'needs_police_request' };
      if (last(after(steps, request), 'police_answer')) return { reason: 'police_answered' };
      return notBefore(request);
    }
    case 'forwarded': {
      const appeal = underAppeal(steps);
      if (appeal) return notBefore(appeal);
      if (final) return { reason: 'decided' };
      const file = last(steps, 'file_compiled');
      if (!file) return { reason: 'needs_file' };
      if (!last(steps, 'police_request')) return { reason: 'needs_police_request' };
      if (last(after(steps, decision), 'forwarded')) return { reason: 'already_forwarded' };
      return notBefore(decision ?? file);
    }
    case 'decision': {
      if (!interview) return { reason: 'decision_before_interview' };
      if (final) return { reason: 'decided' };
      const forwarded = last(after(steps, decision), 'forwarded');
      if (!forwarded) return { reason: 'needs_forwarding' };
      return notBefore(forwarded);
    }
    case 'notified': {
      if (!decision) return { reason: 'needs_decision' };
      if (last(after(steps, decision), 'notified')) return { reason: 'already_notified' };
      return notBefore(decision);
    }
    case 'certificate':
      if (!final || final.outcome !== 'granted') return { reason: 'certificate_without_grant' };
      if (last(steps, 'certificate')) return { reason: 'already_recorded' };
      return notBefore(final);
    case 'extension': {
      if (!status) return { reason: 'needs_certificate' };
      if (ended) return { reason: 'status_ended' };
      if (status.open) return { reason: 'until_danger' };
      if (status.validUntil && input.date > status.validUntil) return { reason: 'status_expired', details: { validUntil: status.validUntil } };
      if (input.validUntil == null) return facts.foreigner ? notBefore(last(steps, 'certificate', 'extension')) : { reason: 'danger_foreigner_only' };
      const limit = extensionLimit(steps, clock);
      if (status.validUntil && input.validUntil <= status.validUntil) return { reason: 'extension_not_later', details: { validUntil: status.validUntil } };
      if (limit && input.validUntil > limit) return { reason: 'extension_too_long', details: { limit } };
      return notBefore(last(steps, 'certificate', 'extension'));
    }
    case 'ended': {
      if (!status) return { reason: 'needs_certificate' };
      if (ended) return { reason: 'status_ended' };
      if (input.endReason === 'danger_ended' && !status.open) return { reason: 'danger_not_open' };
      if (status.validUntil && input.date > status.validUntil) return { reason: 'status_expired', details: { validUntil: status.validUntil } };
      return notBefore(last(steps, 'certificate', 'extension'));
    }
    case 'appeal': {
      if (!decision || decision.outcome !== 'refused') return { reason: 'appeal_without_refusal' };
      if (last(after(steps, decision), 'appeal')) return { reason: 'already_recorded' };
      return notBefore(decision);
    }
  }
}

/** Which term each due step runs by, and the step whose date it counts from when the term names none recorded. */
const DUE_TERMS: Partial<Record<StepKind, TermKey>> = {
  interview: 'interview',
  police_request: 'police_request',
  police_answer: 'police_answer',
  forwarded: 'forward',
  decision: 'decision',
  notified: 'notify',
  certificate: 'certificate',
};

function eventDate(steps: readonly ProcedureStep[], event: string): string | null {
  const kinds: StepKind[] = event === 'interview' ? ['interview', 'interview_waived'] : [event as StepKind];
  return last(steps, ...kinds)?.date ?? null;
}

/**
 * The version of a term that counts a step, and the date it counts from: the latest version in force on the day of
 * the event it names, so a version from a later date never reaches a step whose event came before it.
 */
function termFor(key: TermKey, before: readonly ProcedureStep[], clock: Clock): { term: Pick<TermVersion, 'value' | 'unit' | 'dayKind'>; from: string } | null {
  const versions = clock.versions?.(key) ?? [{ ...clock.termAt(key, clock.today), validFrom: '0000-00-00' }];
  for (let i = versions.length - 1; i >= 0; i -= 1) {
    const version = versions[i]!;
    const from = eventDate(before, version.countsFrom);
    if (from && (version.validFrom <= from || i === 0)) return { term: version, from };
  }
  return null;
}

/** The day a step falls due given the steps before it (null when its term has nothing to count from). */
export function dueDateOf(kind: StepKind, before: readonly ProcedureStep[], clock: Clock): string | null {
  const key = DUE_TERMS[kind === 'interview_waived' ? 'interview' : kind];
  if (!key) return null;
  const found = termFor(key, before, clock);
  // A file returned for documents, or sent back by a court, is forwarded again counting from that decision or appeal.
  const restart = kind === 'forwarded' ? last(before, 'decision', 'appeal') : null;
  const counted = restart && (!found || restart.date > found.from) ? { term: clock.termAt(key, restart.date), from: restart.date } : found;
  if (!counted) return null;
  const due = termEnd(counted.from, counted.term, clock.calendar);
  if (['interview', 'police_request', 'police_answer', 'forwarded', 'decision'].includes(kind)) {
    const overall = procedureDue(before, clock);
    if (overall && overall < due) return overall;
  }
  return due;
}

/** One calendar month from the interview (art. 15(3)), while no decision is final. */
export function procedureDue(steps: readonly ProcedureStep[], clock: Clock): string | null {
  // After a court sent the file back the month from the interview is long past: the court's own terms govern.
  if (finalDecision(steps) || underAppeal(steps) || last(steps, 'appeal')) return null;
  const interview = last(steps, 'interview', 'interview_waived');
  if (!interview) return null;
  return termEnd(interview.date, clock.termAt('procedure', interview.date), clock.calendar);
}

function nextStepOf(steps: readonly ProcedureStep[]): StepKind | null {
  const decision = lastDecision(steps);
  const final = finalDecision(steps);
  if (last(steps, 'ended')) return null;
  if (reopened(steps)) return 'decision';
  if (final) {
    if (!last(after(steps, final), 'notified')) return 'notified';
    if (final.outcome === 'granted' && !last(steps, 'certificate')) return 'certificate';
    return null;
  }
  if (!last(steps, 'interview', 'interview_waived')) return 'interview';
  if (decision?.outcome === 'incomplete') return last(after(steps, decision), 'forwarded') ? 'decision' : 'forwarded';
  if (!last(steps, 'police_request')) return 'police_request';
  if (!last(after(steps, last(steps, 'police_request')), 'police_answer')) return 'police_answer';
  if (!last(steps, 'forwarded')) return 'forwarded';
  return 'decision';
}

export interface ProcedureView {
  state: CaseState;
  nextStep: StepKind | null;
  dueOn: string | null;
  daysLeft: number | null;
  procedureDueOn: string | null;
  validUntil: string | null;
  endedOn: string | null;
  endReason: EndReason | 'expired' | null;
  allowedSteps: StepKind[];
}


/** Where a case stands today: its state, the next step and when it is due, and the status's term. */
export function procedureView(steps: readonly ProcedureStep[], facts: ProcedureFacts, clock: Clock): ProcedureView {
  const final = finalDecision(steps);
  const decision = lastDecision(steps);
  const ended = last(steps, 'ended');
  const status = statusValidUntil(steps);
  const expired = !ended && status?.validUntil != null && clock.today > status.validUntil;
  const state: CaseState = ended || expired ? 'ended' : final ? (final.outcome === 'granted' ? 'granted' : 'refused') : decision?.outcome === 'incomplete' ? 'incomplete' : 'open';
  const nextStep = state === 'ended' ? null : nextStepOf(steps);
  const dueOn = nextStep ? dueDateOf(nextStep, steps, clock) : null;
  const probe = (kind: StepKind): ProcedureStep => ({ kind, date: clock.today, outcome: 'granted', validUntil: extensionLimit(steps, clock), endReason: 'own_request' });
  return {
    state,
    nextStep,
    dueOn,
    daysLeft: dueOn ? daysBetween(clock.today, dueOn) : null,
    procedureDueOn: procedureDue(steps, clock),
    validUntil: status?.validUntil ?? null,
    endedOn: ended ? ended.date : expired ? addDays(status!.validUntil!, 1) : null,
    endReason: ended ? ((ended.endReason as EndReason) ?? null) : expired ? 'expired' : null,
    allowedSteps: RECORDABLE_STEPS.filter((kind) => stepRefusal(steps, probe(kind), facts, clock) === null),
  };
}
