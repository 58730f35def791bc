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
}

/** A schema's own message is a key (`katottg`); zod's default messages are sentences, and stay behind. */
const KEY = /^[A-Za-z][\w.]*$/;

export function issueOf(issue: z.core.$ZodIssue): FieldIssue {
  const extra = issue as { origin?: unknown; minimum?: unknown; maximum?: unknown; format?: unknown; expected?: unknown };
  return {
    path: issue.path.map(String).join('.'),
    code: issue.code,
    ...(typeof extra.origin === 'string' ? { origin: extra.origin } : {}),
    ...(extra.minimum !== undefined ? { minimum: Number(extra.minimum) } : {}),
    ...(extra.maximum !== undefined ? { maximum: Number(extra.maximum) } : {}),
    ...(typeof extra.format === 'string' ? { format: extra.format } : {}),
    ...(typeof extra.expected === 'string' ? { expected: extra.expected } : {}),
    ...(KEY.test(issue.message) ? { key: issue.message } : {}),
  };
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The one translation of a validation problem into the user's words, for the window and the command line alike. */
export function describeIssue(t: Translate, issue: FieldIssue): string {
  if (issue.key) {
    const own = t(`validation.${issue.key}`, { defaultValue: '', minimum: issue.minimum, maximum: issue.maximum });
    if (own) return own;
  }
  const bounds = { minimum: issue.minimum, maximum: issue.maximum };
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
