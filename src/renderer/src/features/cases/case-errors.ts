import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { AppError } from '../../../../shared/errors';
import { placeServerError } from '../../components/contract-form';
import { formatDate } from '../../components/format';

/** Every reason the main process gives in `details.reason` when it refuses a case change (`cases.errors.*`). */
export const CASE_REASONS = [
  'registration_fixed',
  'future_date',
  'before_registration',
  'before_previous',
  'not_foreigner',
  'already_recorded',
  'interview_exists',
  'needs_interview',
  'decided',
  'needs_police_request',
  'police_answered',
  'needs_file',
  'already_forwarded',
  'decision_before_interview',
  'needs_forwarding',
  'needs_decision',
  'already_notified',
  'certificate_without_grant',
  'needs_certificate',
  'status_ended',
  'until_danger',
  'status_expired',
  'danger_foreigner_only',
  'extension_not_later',
  'extension_too_long',
  'danger_not_open',
  'appeal_without_refusal',
  'kind_changed',
  'others_depend',
  'after_steps',
  'registration_number_taken',
  'aid_without_status',
  'aid_before_status',
  'no_minimum',
  'anonymised',
  'retention_not_over',
  'document_needs_step',
  'not_young',
  'aid_after_status',
  'aid_category_age',
] as const;

const date = (value: unknown) => (typeof value === 'string' ? formatDate(value) : '');

/** The case's own sentence for a refusal (dates as ДД.ММ.РРРР), or null when the error carries no reason of ours. */
export function caseSentence(t: TFunction, error: AppError): string | null {
  return reasonSentence(t, error.details.reason, error.details);
}

/** The sentence of a procedure's reason with its facts, whether the main process refused or the window foresaw it. */
export function reasonSentence(t: TFunction, given: unknown, details: Record<string, unknown> = {}): string | null {
  const reason = CASE_REASONS.find((r) => r === given);
  if (!reason) return null;
  const step = typeof details.step === 'string' ? t(`cases.steps.${details.step}`) : '';
  return t(`cases.errors.${reason}`, { date: date(details.date), validUntil: date(details.validUntil), limit: date(details.limit), step, age: details.age });
}

/**
 * placeServerError, plus a refusal that names its field (a registration number taken this year): the field gets the
 * case's sentence rather than the general one. `prefix` is where the channel's fields sit in this form («fields.»).
 */
export function placeCaseError<T extends FieldValues, O>(form: UseFormReturn<T, unknown, O>, t: TFunction, error: AppError, prefix = ''): string[] {
  const sentence = caseSentence(t, error);
  const field = error.details.field;
  if (sentence && typeof field === 'string') {
    const path = `${prefix}${field}` as Path<T>;
    form.setError(path, { type: 'server', message: sentence }, { shouldFocus: true });
    return [path];
  }
  return placeServerError(form, t, error, 'cases');
}
