import { z } from 'zod';
import { Text } from './fields';

/** `<page>:<record id>`: where the edits belong and where the offer after unlock leads. */
export const DraftKeySchema = z
  .string()
  .max(120, { abort: true })
  .regex(/^[a-z]+:[A-Za-z0-9-]{1,64}$/, 'draftKey');

/** A form's values as JSON; generous, but bounded: a draft is a form, not a file. */
export const DRAFT_MAX = 2 * 1024 * 1024;

export const DraftSaveSchema = z
  .object({
    key: DraftKeySchema,
    label: Text(200).pipe(z.string().min(1)),
    payload: z.string().max(DRAFT_MAX, { abort: true }),
  })
  .strict();

export const DraftSummarySchema = z.object({ key: z.string(), label: z.string(), savedAt: z.string() });
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

export const DraftSchema = DraftSummarySchema.extend({ payload: z.string() });
export type Draft = z.infer<typeof DraftSchema>;
