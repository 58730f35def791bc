import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { AppError } from '../../../../shared/errors';
import { fieldIssues } from '../../components/describe-error';
import { applyServerError } from '../../components/form-errors';

/**
 * `applyServerError`, plus a field's own sentence where the generic one would mislead: a malformed КАТОТТГ code or
 * e-mail address should say what a good one looks like, not speak of logins. Lengths keep the generic wording.
 */
export function placeServerError<T extends FieldValues>(
  t: TFunction,
  error: AppError,
  setError: UseFormSetError<T>,
  fields: Partial<Record<string, Path<T>>>,
  overrides: Partial<Record<string, string>> = {},
): boolean {
  const placed = applyServerError(t, error, setError, fields);
  if (placed && error.code === 'VALIDATION') {
    for (const issue of fieldIssues(error)) {
      const path = issue.path.split('.')[0] ?? '';
      const field = fields[path];
      const message = overrides[path];
      if (field && message && issue.code !== 'too_small' && issue.code !== 'too_big') setError(field, { type: 'server', message });
    }
  }
  return placed;
}
