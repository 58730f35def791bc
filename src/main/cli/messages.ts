import { AppError, type ErrorCode } from '../../shared/errors';
import type { ChainIssue, ChainWarning } from '../../shared/domain/audit';
import auditUk from '../../shared/i18n/features/audit.uk.json';
import uk from '../../shared/i18n/uk.json';
import { describeIssue, type FieldIssue, type Translate } from '../../shared/issues';

const dictionary = uk as unknown as Record<string, Record<string, string> | undefined>;
const errors = (dictionary.errors ?? {}) as Partial<Record<ErrorCode, string>>;
const problems = dictionary.passphraseProblems ?? {};
const backupProblems = dictionary.backupProblems ?? {};

/** The shell's sentences with i18next's {{placeholders}} filled, as the window shows them. */
const translate: Translate = (key, options = {}) => {
  const [group, name] = key.split('.', 2);
  const template = (group && name && dictionary[group]?.[name]) || ((options.defaultValue as string | undefined) ?? key);
  return template.replace(/\{\{(\w+)\}\}/g, (_, field: string) => String(options[field] ?? ''));
};

/** The option a contract field comes from, so the user knows which argument to fix. */
const OPTION_OF: Record<string, string> = {
  login: '--name/--user',
  displayName: '--display-name',
  roles: '--roles',
  initialPassphrase: '--initial-passphrase-file',
  passphrase: 'пароль',
};

function issueText(issue: FieldIssue): string {
  return `${OPTION_OF[issue.path] ?? issue.path}: ${describeIssue(translate, issue)}`;
}

/** One line for the terminal, in the same words the window uses. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const details = error.details as Record<string, unknown>;
    // A precise reason replaces the general sentence rather than trailing after it.
    if (error.code === 'WEAK_PASSPHRASE' && typeof details.problem === 'string' && problems[details.problem]) return problems[details.problem]!;
    const sentence = translate(`errors.${error.code}`, { defaultValue: errors[error.code] ?? error.message, logins: details.logins ?? '' });
    const extra: string[] = [];
    const follow: string[] = [];
    if (error.code === 'BACKUP_INVALID' && typeof details.reason === 'string' && backupProblems[details.reason]) follow.push(backupProblems[details.reason]!);
    if (error.code === 'STORE_CORRUPT') {
      const last = details.lastBackup as { path?: unknown; createdAt?: unknown } | undefined;
      if (last && typeof last.path === 'string' && typeof last.createdAt === 'string') follow.push(translate('errorExtra.lastBackup', { path: last.path, date: new Date(last.createdAt).toLocaleString('uk-UA') }));
      else if (details.empty === true) follow.push(translate('errorExtra.noBackupKnown'));
    }
    if (typeof details.retryAfterSeconds === 'number') extra.push(`зачекайте ${details.retryAfterSeconds} с`);
    if (Array.isArray(details.issues)) extra.push((details.issues as FieldIssue[]).map(issueText).join('; '));
    return [`${sentence}${extra.length ? ` (${extra.join('; ')})` : ''}`, ...follow].join(' ').replace(/\s+/g, ' ');
  }
  return error instanceof Error ? error.message : String(error);
}

const auditTexts = (auditUk as unknown as { audit: { issues: Record<string, string>; clockWarning: string } }).audit;

function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, field: string) => String(values[field] ?? ''));
}

/** A finding of the audit verifier, in the words of the audit screen. */
export function describeChainIssue(issue: ChainIssue): string {
  return fill(auditTexts.issues[issue.kind] ?? issue.kind, { seq: issue.seq, to: issue.to, user: issue.login ?? issue.userId ?? '' });
}

export function describeClockWarning(warning: ChainWarning): string {
  return fill(auditTexts.clockWarning, warning);
}
