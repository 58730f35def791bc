import type { TFunction } from 'i18next';
import { END_WORDS, OUTCOME_WORDS as DECISION_WORDS, type Words } from '../../../../shared/domain/case-codes';
import {
  CONSENT_GIVER_WORDS,
  DECLINE_REASON_WORDS,
  OUTCOME_WORDS,
  REVOKE_REASON_WORDS,
  SERVICE_WORDS,
  URGENCY_WORDS,
  type Service,
} from '../../../../shared/domain/referral-codes';
import type { TimelineEntry } from '../../../../shared/domain/referrals';
import { wordsIn } from '../../components/code-words';
import { formatDate } from '../../components/format';

/** Needs or services in the interface's words, one after another. */
export function servicesText(services: readonly Service[], language: string): string {
  return services.map((s) => wordsIn(SERVICE_WORDS[s], language)).join(', ');
}

/**
 * The code lists a timeline entry's detail may come from: a reason to decline or revoke, a referral's outcome, an
 * assessment's urgency, who consented, a status decision or the end of a status.
 */
const DETAIL_WORDS: Record<string, Words> = {
  ...DECLINE_REASON_WORDS,
  ...REVOKE_REASON_WORDS,
  ...OUTCOME_WORDS,
  ...URGENCY_WORDS,
  ...CONSENT_GIVER_WORDS,
  ...DECISION_WORDS,
  ...END_WORDS,
};

/** A detail as the reader understands it: a code in words, anything written (a number, a note) as it is. */
function detailText(detail: string, language: string): string {
  const words = Object.hasOwn(DETAIL_WORDS, detail) ? DETAIL_WORDS[detail] : undefined;
  return words ? wordsIn(words, language) : detail;
}

/** What happened: the referral's event, or the status step, in words. */
function eventText(t: TFunction, entry: TimelineEntry): string {
  if (!entry.event) return '';
  return entry.kind === 'case_step' ? t(`cases.steps.${entry.event}`) : t(`persons.timeline.events.${entry.event}`);
}

/**
 * One entry of a person's timeline as one readable line, without its date: the kind and what happened, then the
 * services, the organisation, the detail and the text, each where the entry has one.
 */
export function timelineText(t: TFunction, language: string, entry: TimelineEntry): string {
  const event = eventText(t, entry);
  const head = event ? `${t(`persons.timeline.kinds.${entry.kind}`)}: ${event}` : t(`persons.timeline.kinds.${entry.kind}`);
  const parts = [head, servicesText(entry.services, language), entry.organisationName, entry.detail ? detailText(entry.detail, language) : '', entry.text];
  return parts.filter(Boolean).join(' — ');
}

/** The whole line, dated as ДД.ММ.РРРР. */
export function timelineLine(t: TFunction, language: string, entry: TimelineEntry): string {
  return `${formatDate(entry.date)} — ${timelineText(t, language, entry)}`;
}
