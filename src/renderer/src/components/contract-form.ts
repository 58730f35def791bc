import { toNestErrors } from '@hookform/resolvers';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { get, useForm, type DefaultValues, type FieldError, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AppError } from '../../../shared/errors';
import { describeIssue, issueOf, type FieldIssue, type Translate } from '../../../shared/issues';
import { describeError, fieldIssues } from './describe-error';

/** The translator of validation problems, looking first at the feature's own sentences, then the shared ones. */
export function issueTranslator(t: TFunction, feature?: string): Translate {
  return (key, options) => {
    if (feature && key.startsWith('validation.')) {
      const own = t(`${feature}.${key}`, { ...options, defaultValue: '' });
      if (own) return own;
    }
    return t(key, options ?? {});
  };
}

/** The same words for a problem found in the form as for one the main process found in the same field. */
export function translateIssue(t: TFunction, issue: FieldIssue, feature?: string): string {
  return describeIssue(issueTranslator(t, feature), issue);
}

/** A react-hook-form resolver over a contract schema: zod checks, `translateIssue` speaks, by the contract's paths. */
export function contractResolver<In extends FieldValues, Out>(schema: z.ZodType<Out, In>, t: TFunction, feature?: string, blankIsAbsent = false): Resolver<In, unknown, Out> {
  return async (values, _context, options) => {
    // A filter's emptied box is an absent filter, not an empty value to validate.
    const given = blankIsAbsent ? Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== null && v !== undefined)) : values;
    const result = await schema.safeParseAsync(given);
    if (result.success) return { values: result.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const found = issueOf(issue, given);
      const path = found.path || 'root';
      flat[path] ??= { type: issue.code, message: translateIssue(t, found, feature) };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}

/**
 * A form whose values are a contract schema's input (or a `.pick`/`.extend` of it): the limits and formats are
 * the contract's own, never re-declared, and the submitted values are what the channel accepts.
 */
export function useContractForm<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In>,
  options: { defaultValues?: DefaultValues<In>; values?: In; feature?: string; blankIsAbsent?: boolean },
): UseFormReturn<In, unknown, Out> {
  const { t } = useTranslation();
  const resolver = useMemo(() => contractResolver(schema, t, options.feature, options.blankIsAbsent), [schema, t, options.feature, options.blankIsAbsent]);
  // `values` follows a record as the store has it: the form resets whenever a save brings it back changed.
  return useForm<In, unknown, Out>({ resolver, ...(options.values ? { values: options.values } : { defaultValues: options.defaultValues }) });
}

/**
 * Puts a refusal of the main process next to the field it concerns: VALIDATION issues by their contract path,
 * other errors by the `field` they name (a taken login, a weak passphrase, a taken meeting number), in the words
 * of their `key` where they carry one. Returns the paths it marked: none means nothing on this form matches, so
 * the form shows the error above its buttons instead.
 */
export function placeServerError<T extends FieldValues, O>(form: UseFormReturn<T, unknown, O>, t: TFunction, error: AppError, feature?: string): string[] {
  const known = (path: string) => get(form.formState.defaultValues ?? {}, path.split('.')[0] ?? '') !== undefined || get(form.getValues(), path) !== undefined;
  const placed: string[] = [];
  const mark = (path: string, message: string) => {
    form.setError(path as Path<T>, { type: 'server', message }, { shouldFocus: placed.length === 0 });
    placed.push(path);
  };
  if (error.code === 'VALIDATION') {
    for (const issue of fieldIssues(error)) if (issue.path && known(issue.path)) mark(issue.path, translateIssue(t, issue, feature));
    return placed;
  }
  const { field, key } = error.details;
  if (typeof field === 'string' && known(field)) {
    mark(field, typeof key === 'string' ? translateIssue(t, { path: field, code: 'custom', key }, feature) : describeError(t, error));
  }
  return placed;
}
