import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { AppError } from '../../../shared/errors';
import { describeError, fieldIssues, issueMessage } from './describe-error';

/**
 * Puts a server error next to the field it concerns. `fields` maps contract paths (and the pseudo-paths
 * `passphrase` and `login` for WEAK_PASSPHRASE and LOGIN_TAKEN) to form fields. Returns false when the error
 * belongs to no field, so the form shows it above the buttons instead.
 */
export function applyServerError<T extends FieldValues>(
  t: TFunction,
  error: AppError,
  setError: UseFormSetError<T>,
  fields: Partial<Record<string, Path<T>>>,
): boolean {
  if (error.code === 'VALIDATION') {
    let placed = false;
    for (const issue of fieldIssues(error)) {
      const field = fields[issue.path.split('.')[0] ?? ''];
      if (!field) continue;
      setError(field, { type: 'server', message: issueMessage(t, issue) });
      placed = true;
    }
    return placed;
  }
  const target =
    error.code === 'WEAK_PASSPHRASE' || error.code === 'SAME_PASSPHRASE'
      ? fields.passphrase
      : error.code === 'LOGIN_TAKEN'
        ? fields.login
        : undefined;
  if (!target) return false;
  setError(target, { type: 'server', message: describeError(t, error) }, { shouldFocus: true });
  return true;
}
