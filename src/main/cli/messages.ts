import { AppError, type ErrorCode } from '../../shared/errors';
import uk from '../../shared/i18n/uk.json';

const dictionary = uk as unknown as Record<string, Record<string, string> | undefined>;
const errors = (dictionary.errors ?? {}) as Partial<Record<ErrorCode, string>>;
const problems = dictionary.passphraseProblems ?? {};
const validation = dictionary.validation ?? {};

/** The option a contract field comes from, so the user knows which argument to fix. */
const OPTION_OF: Record<string, string> = {
  login: '--name/--user',
  displayName: '--display-name',
  roles: '--roles',
  initialPassphrase: '--initial-passphrase-file',
  passphrase: 'пароль',
};

function issueText(issue: { path: string; code: string; minimum?: number; maximum?: number }): string {
  const template = validation[issue.code] ?? validation.invalid ?? issue.code;
  const text = template.replace('{{minimum}}', String(issue.minimum ?? '')).replace('{{maximum}}', String(issue.maximum ?? ''));
  return `${OPTION_OF[issue.path] ?? issue.path}: ${text}`;
}

/** One line for the terminal, in the same words the window uses. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const details0 = error.details as Record<string, unknown>;
    // A precise reason replaces the general sentence rather than trailing after it.
    if (error.code === 'WEAK_PASSPHRASE' && typeof details0.problem === 'string' && problems[details0.problem]) return problems[details0.problem]!;
    const sentence = errors[error.code] ?? error.message;
    const extra: string[] = [];
    const details = error.details as Record<string, unknown>;
    if (typeof details.retryAfterSeconds === 'number') extra.push(`зачекайте ${details.retryAfterSeconds} с`);
    if (Array.isArray(details.issues)) {
      extra.push((details.issues as Parameters<typeof issueText>[0][]).map(issueText).join('; '));
    }
    return `${sentence}${extra.length ? ` (${extra.join('; ')})` : ''}`.replace(/\s+/g, ' ');
  }
  return error instanceof Error ? error.message : String(error);
}
