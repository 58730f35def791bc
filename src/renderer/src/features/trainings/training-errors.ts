import type { TFunction } from 'i18next';
import type { AppError } from '../../../../shared/errors';
import { formatDate } from '../../components/format';

/** A refusal of the trainings' main process in its own words (`trainings.errors.<reason>`), or null for the general sentence. */
export function trainingErrorSentence(t: TFunction, error: AppError): string | null {
  const reason = error.details.reason;
  if (typeof reason !== 'string') return null;
  const given = error.details.date ?? error.details.endsOn;
  const date = typeof given === 'string' ? formatDate(given) : '';
  const sentence = t(`trainings.errors.${reason}`, {
    defaultValue: '',
    date,
    count: Number(error.details.count ?? 0),
  });
  return sentence || null;
}
