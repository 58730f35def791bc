import type { TFunction } from 'i18next';
import type { AppError } from '../../../../shared/errors';
import { SERVICE_WORDS, SERVICES } from '../../../../shared/domain/referral-codes';
import { wordsIn } from '../../components/code-words';
import { formatDate } from '../../components/format';

/** Every reason the main process gives in `details.reason` when it refuses a change to a person's file (`persons.errors.*`). */
export const PERSON_REASONS = [
  'future_date',
  'consent_child_giver',
  'consent_incapable_giver',
  'consent_adult_giver',
  'consent_already_revoked',
  'before_consent',
  'assessment_needs_in_use',
  'referral_other_person',
  'referral_not_sent',
  'service_not_referred',
  'assessment_after_referral',
  'anonymised',
  'organisation_inactive',
] as const;

const date = (value: unknown) => (typeof value === 'string' ? formatDate(value) : '');

/** The services a refusal names, in the interface's words («медична допомога, правова допомога»). */
function serviceWords(language: string, value: unknown): string {
  const codes = Array.isArray(value) ? value : [];
  return codes
    .map((code) => SERVICES.find((s) => s === code))
    .filter((s) => s !== undefined)
    .map((s) => wordsIn(SERVICE_WORDS[s], language))
    .join(', ');
}

/**
 * The person file's own sentence for a refusal, saying what to do (dates as ДД.ММ.РРРР), or null when the error
 * carries no reason of ours. `known` adds facts the screen has and the refusal may not (the consent's date).
 */
export function personSentence(t: TFunction, language: string, error: AppError, known: Record<string, unknown> = {}): string | null {
  const reason = PERSON_REASONS.find((r) => r === error.details.reason);
  if (!reason) return null;
  const details = { ...known, ...error.details };
  return t(`persons.errors.${reason}`, { date: date(details.date ?? details.consentDate), services: serviceWords(language, details.services) });
}
