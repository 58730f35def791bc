import type { TFunction } from 'i18next';
import { AppError } from '../../../shared/errors';
import type { FieldIssue } from '../../../shared/issues';

export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const wrapped = new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
  wrapped.correlationId = 'renderer';
  return wrapped;
}

/** The sentence that tells the user what went wrong and what to do, plus the facts the error carries. */
export function describeError(t: TFunction, error: AppError): string {
  const parts = [t(`errors.${error.code}`, { logins: error.details.logins ?? '', limit: error.details.limit ?? '' })];
  if (error.code === 'BACKUP_INVALID' && typeof error.details.reason === 'string') parts.push(t(`backupProblems.${error.details.reason}`, { defaultValue: '' }));
  if (error.code === 'STORE_CORRUPT') parts.push(restoreHint(t, error));
  if (error.code === 'WEAK_PASSPHRASE' && typeof error.details.problem === 'string') {
    parts.push(t(`passphraseProblems.${error.details.problem}`, { defaultValue: '' }));
  }
  if (error.code === 'THROTTLED' && typeof error.details.retryAfterSeconds === 'number') {
    parts.push(t('errorExtra.retryAfter', { seconds: error.details.retryAfterSeconds }));
  }
  if (error.details.network === true) parts.push(t('errorExtra.network'));
  return parts.filter(Boolean).join(' ');
}

/** A damaged store names the backup to restore when the app knows where the last one went. */
function restoreHint(t: TFunction, error: AppError): string {
  const last = error.details.lastBackup as { path?: unknown; createdAt?: unknown } | undefined;
  if (last && typeof last.path === 'string' && typeof last.createdAt === 'string') {
    return t('errorExtra.lastBackup', { path: last.path, date: new Date(last.createdAt).toLocaleString('uk-UA') });
  }
  return error.details.empty === true ? t('errorExtra.noBackupKnown') : '';
}

export function fieldIssues(error: AppError): FieldIssue[] {
  const issues = error.details.issues;
  return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
}
