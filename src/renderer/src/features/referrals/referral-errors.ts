import type { TFunction } from 'i18next';
import type { AppError } from '../../../../shared/errors';
import { DATA_CATEGORIES, DATA_CATEGORY_WORDS, REFERRAL_STATE_WORDS, SERVICES, SERVICE_WORDS } from '../../../../shared/domain/referral-codes';
import { REFERRAL_EVENTS } from '../../../../shared/domain/referrals';
import { wordsIn } from '../../components/code-words';
import { formatDate } from '../../components/format';

/** Every reason the main process gives in `details.reason` when it refuses a referral (`referrals.errors.*`). */
export const REFERRAL_REASONS = [
  'event_not_allowed',
  'future_date',
  'before_previous',
  'answer_not_overdue',
  'consent_missing',
  'consent_not_in_force',
  'consent_recipient',
  'consent_categories',
  'consent_revoked',
  'consent_expired',
  'consent_ended_since',
  'not_a_subject',
  'organisation_inactive',
  'needs_not_assessed',
  'not_draft',
  'officer_not_case_officer',
  'anonymised',
  'referral_other_person',
] as const;

const date = (value: unknown) => (typeof value === 'string' ? formatDate(value) : '');

/** Coded words of a list the details carry, joined; codes not in the list are left out. */
function wordsOf<C extends string>(value: unknown, codes: readonly C[], words: Record<C, { uk: string; en: string }>, language: string): string {
  const given = Array.isArray(value) ? value : [];
  return given
    .filter((code): code is C => codes.includes(code as C))
    .map((code) => wordsIn(words[code], language))
    .join(', ');
}

/**
 * The sentence of a referral's reason with its facts (dates as ДД.ММ.РРРР, categories and services in words), whether
 * the main process refused or the preview foresaw it; null when the reason is not one of ours.
 */
export function referralSentence(t: TFunction, language: string, given: unknown, details: Record<string, unknown> = {}): string | null {
  const reason = REFERRAL_REASONS.find((r) => r === given);
  if (!reason) return null;
  const state = typeof details.state === 'string' && details.state in REFERRAL_STATE_WORDS ? wordsIn(REFERRAL_STATE_WORDS[details.state as keyof typeof REFERRAL_STATE_WORDS], language) : '';
  const event = REFERRAL_EVENTS.find((e) => e === details.event);
  const recipientType = typeof details.recipientType === 'string' ? t(`organisations.types.${details.recipientType}`, { defaultValue: details.recipientType }) : '';
  return t(`referrals.errors.${reason}`, {
    state,
    event: event ? t(`referrals.events.${event}`) : '',
    date: date(details.date),
    dueOn: date(details.dueOn),
    consentDate: date(details.consentDate),
    recipientType,
    categories: wordsOf(details.categories, DATA_CATEGORIES, DATA_CATEGORY_WORDS, language),
    services: wordsOf(details.services, SERVICES, SERVICE_WORDS, language),
  });
}

/** The referral's own sentence for a refusal of the main process, or null. */
export function referralErrorSentence(t: TFunction, language: string, error: AppError): string | null {
  return referralSentence(t, language, error.details.reason, error.details);
}
