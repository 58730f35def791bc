import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { checkPassphrase } from '../../../../shared/passphrase-policy';

interface Names {
  next: string;
  confirm: string;
  login?: string;
}

/**
 * The same policy the main process applies, checked as the user types so the answer comes at once;
 * the main process still has the last word.
 */
export function newPassphraseSchema(t: TFunction, names: Names) {
  return (values: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const next = String(values[names.next] ?? '');
    const confirm = String(values[names.confirm] ?? '');
    const login = names.login ? String(values[names.login] ?? '').trim() : undefined;
    if (!next) {
      ctx.addIssue({ code: 'custom', path: [names.next], message: t('validation.required') });
      return;
    }
    const problem = checkPassphrase(next, login);
    if (problem) ctx.addIssue({ code: 'custom', path: [names.next], message: t(`passphraseProblems.${problem}`) });
    if (confirm !== next) ctx.addIssue({ code: 'custom', path: [names.confirm], message: t('validation.mismatch') });
  };
}
