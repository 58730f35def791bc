import type { z } from 'zod';

/**
 * A validation problem as it crosses the boundary and as a form sees it: where (the contract path), what
 * (zod's code) and the bounds. `key` is a schema's own reason (`katottg`, `dateOrder`), which names a sentence.
 */
export interface FieldIssue {
  path: string;
  code: string;
  origin?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  expected?: string;
  key?: string;
  /** Facts a refinement names in its sentence (a date, a number). */
  params?: Record<string, string | number>;
  /** Nothing was given at all: the sentence asks for a value rather than judging one. */
  empty?: boolean;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let node = input;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0) || (typeof value === 'number' && Number.isNaN(value));
}

/** A schema's own message is a key (`katottg`); zod's default messages are sentences, and stay behind. */
const KEY = /^[A-Za-z][\w.]*$/;

/** `input` is what was validated, so that an issue can say whether the field was left empty. */
export function issueOf(issue: z.core.$ZodIssue, input?: unknown): FieldIssue {
  // A union (an e-mail or nothing) fails as a whole; its own reason is the first a branch names.
  const branches = issue.code === 'invalid_union' ? ((issue as { errors?: z.core.$ZodIssue[][] }).errors ?? []).flat() : [];
  const named = branches.find((b) => KEY.test(b.message));
  const extra = issue as { origin?: unknown; minimum?: unknown; maximum?: unknown; format?: unknown; expected?: unknown; params?: unknown };
  return {
    path: issue.path.map(String).join('.'),
    code: issue.code,
    ...(typeof extra.origin === 'string' ? { origin: extra.origin } : {}),
    ...(extra.minimum !== undefined ? { minimum: Number(extra.minimum) } : {}),
    ...(extra.maximum !== undefined ? { maximum: Number(extra.maximum) } : {}),
    ...(typeof extra.format === 'string' ? { format: extra.format } : {}),
    ...(typeof extra.expected === 'string' ? { expected: extra.expected } : {}),
    ...(KEY.test(issue.message) ? { key: issue.message } : named ? { key: named.message } : {}),
    ...(extra.params && typeof extra.params === 'object' ? { params: extra.params as Record<string, string | number> } : {}),
    ...(input !== undefined && issue.code !== 'custom' && isBlank(valueAt(input, issue.path)) ? { empty: true } : {}),
  };
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The one translation of a validation problem into the user's words, for the window and the command line alike. */
export function describeIssue(t: Translate, issue: FieldIssue): string {
  if (issue.key) {
    const options = { ...issue.params, defaultValue: '', minimum: issue.minimum, maximum: issue.maximum };
    // A bare key names a validation sentence; a dotted one names any sentence (`passphraseProblems.too_short`).
    const own = t(`validation.${issue.key}`, options) || (issue.key.includes('.') ? t(issue.key, options) : '');
    if (own) return own;
  }
  const bounds = { minimum: issue.minimum, maximum: issue.maximum };
  if (issue.empty) return issue.origin === 'array' || issue.origin === 'set' ? t('validation.chooseOne') : t('validation.required');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return t('validation.numberTooSmall', bounds);
      if (issue.origin === 'array' || issue.origin === 'set') return (issue.minimum ?? 0) <= 1 ? t('validation.chooseOne') : t('validation.tooFewItems', bounds);
      return (issue.minimum ?? 0) <= 1 ? t('validation.required') : t('validation.too_small', bounds);
    case 'too_big':
      if (issue.origin === 'number') return t('validation.numberTooBig', bounds);
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooManyItems', bounds);
      return t('validation.too_big', bounds);
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? t('validation.number') : t('validation.required');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date');
      return t('validation.invalid_format');
    case 'invalid_value':
      return t('validation.choose');
    case 'not_multiple_of':
      return t('validation.number');
    default:
      return t('validation.invalid');
  }
}
