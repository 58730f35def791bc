import { AppError, type ErrorCode } from '../../shared/errors';
import uk from '../../shared/i18n/uk.json';

const errors = ((uk as Record<string, unknown>).errors ?? {}) as Partial<Record<ErrorCode, string>>;

/** One line for the terminal, in the same words the window uses. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const sentence = errors[error.code] ?? error.message;
    const extra: string[] = [];
    const details = error.details as Record<string, unknown>;
    if (typeof details.retryAfterSeconds === 'number') extra.push(`зачекайте ${details.retryAfterSeconds} с`);
    if (Array.isArray(details.issues)) {
      extra.push(
        (details.issues as { path: string; code: string }[]).map((i) => `${i.path || 'значення'}: ${i.code}`).join(', '),
      );
    }
    if (typeof details.problem === 'string') extra.push(String(details.problem));
    return `${sentence}${extra.length ? ` (${extra.join('; ')})` : ''}`.replace(/\s+/g, ' ');
  }
  return error instanceof Error ? error.message : String(error);
}
