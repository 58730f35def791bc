import { PASSPHRASE_MAX, PASSPHRASE_MIN } from './domain/auth';

export type PassphraseProblem = 'too_short' | 'too_long' | 'common' | 'contains_login' | 'context_word';

/**
 * ASVS 6.2: length over composition, no truncation, a block list of the most common choices and of words
 * from this context. The list is short by design: the slow KDF, not the list, is what resists guessing.
 */
const COMMON = new Set(
  [
    '123456789012', '1234567890123', 'qwertyuiopas', 'qwerty123456', 'password1234', 'passwordpassword',
    'iloveyou1234', '111111111111', '000000000000', '123123123123', 'abcdefghijkl', 'qwertyqwerty',
    'йцукенгшщзхї', 'пароль123456', 'парольпароль', 'administrator', 'adminadminadmin', 'letmeinletmein',
    'welcome12345', 'changeme1234', 'ukraine12345', 'україна12345', 'слава україні', 'славаукраїні',
    '1q2w3e4r5t6y', 'zaq12wsxcde3', 'asdfghjkl123', '987654321098', 'qazwsxedcrfv',
  ].map((p) => p.toLowerCase()),
);

const CONTEXT_WORDS = ['zlagoda', 'злагода'];

/** A login longer than any the schema admits names nobody: it is not looked for in the passphrase. */
const LOGIN_MAX = 64;

export function checkPassphrase(passphrase: string, login?: string): PassphraseProblem | null {
  // A character is one or two UTF-16 units: past twice the limit the passphrase is too long whatever it holds, and
  // is refused before anything walks, folds or matches it.
  if (passphrase.length > PASSPHRASE_MAX * 2) return 'too_long';
  const length = [...passphrase].length;
  if (length < PASSPHRASE_MIN) return 'too_short';
  if (length > PASSPHRASE_MAX) return 'too_long';
  const folded = passphrase.toLowerCase().normalize('NFC');
  if (COMMON.has(folded)) return 'common';
  if (/^(.)\1+$/u.test(folded)) return 'common';
  if (login && login.length >= 3 && login.length <= LOGIN_MAX && folded.includes(login.toLowerCase())) return 'contains_login';
  // Letters of any script: `\W` counts Cyrillic as non-word, which once let «Злагода 2026!!» through.
  const letters = folded.replace(/[^\p{L}]/gu, '');
  if (CONTEXT_WORDS.includes(letters)) return 'context_word';
  return null;
}

/**
 * The policy as a form's refinement on a new passphrase and its repetition: the same rule the main process
 * enforces, answered as the user types. Messages are keys of the interface texts.
 */
export function newPassphraseRule(fields: { next: string; confirm?: string; login?: string }, login?: string) {
  return (values: Record<string, unknown>, ctx: { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void }): void => {
    const next = String(values[fields.next] ?? '');
    if (!next) return;
    const who = login ?? (fields.login ? String(values[fields.login] ?? '').trim() : undefined);
    const problem = checkPassphrase(next, who);
    if (problem) ctx.addIssue({ code: 'custom', path: [fields.next], message: `passphraseProblems.${problem}` });
    if (fields.confirm && String(values[fields.confirm] ?? '') !== next) ctx.addIssue({ code: 'custom', path: [fields.confirm], message: 'mismatch' });
  };
}
