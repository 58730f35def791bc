import { z } from 'zod';
import { Id, IsoDate, MultilineText, Text } from './fields';
import { KatottgSchema } from './organisations';
import { PREVENTION_KINDS, TARGET_GROUPS, type TargetGroup } from './training-codes';

/** Prevention in communities: round tables, school sessions, campaigns, media, outreach, job fairs. */

const Count = z.number({ error: 'number' }).int('number').min(0, 'positive').max(100_000_000, 'tooLarge');

/**
 * People reached in each target group; a group left out (or left empty in the form) reached nobody, and is dropped
 * here so every later sum sees numbers only. A strict object rather than a record: a record of enum keys silently
 * drops a `__proto__` key where a strict object refuses it, as every input must.
 */
const NullableCount = Count.nullish();
export const GroupCountsSchema = z
  .object(Object.fromEntries(TARGET_GROUPS.map((g) => [g, NullableCount])) as Record<TargetGroup, typeof NullableCount>)
  .strict()
  .transform((groups) => Object.fromEntries(Object.entries(groups).filter(([, n]) => typeof n === 'number')) as Partial<Record<TargetGroup, number>>);
export type GroupCounts = z.output<typeof GroupCountsSchema>;

export const PreventionInputSchema = z
  .object({
    id: Id.optional(),
    kind: z.enum(PREVENTION_KINDS),
    title: Text(300).min(1, 'required'),
    date: IsoDate,
    /** The settlement, hromada or raion it was held in: the hromada it lies in counts as reached. */
    territory: KatottgSchema.refine((c) => c !== '', 'required'),
    place: Text(300).default(''),
    organiserIds: z.array(Id).min(1, 'required').max(20),
    partnerIds: z.array(Id).max(30).default([]),
    groups: GroupCountsSchema.default({}),
    materials: Count.default(0),
    mediaAudience: Count.default(0),
    note: MultilineText(2000).default(''),
  })
  .strict();
export type PreventionInput = z.input<typeof PreventionInputSchema>;

const OrganisationRefSchema = z.object({ id: z.string(), name: z.string() });

export const PreventionSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(PREVENTION_KINDS),
  title: z.string(),
  date: z.string(),
  territory: z.string(),
  /** People reached in person: the sum of the groups. */
  people: z.number().int(),
  materials: z.number().int(),
  mediaAudience: z.number().int(),
});
export type PreventionSummary = z.infer<typeof PreventionSummarySchema>;

export const PreventionEventSchema = PreventionSummarySchema.extend({
  place: z.string(),
  organisers: z.array(OrganisationRefSchema),
  partners: z.array(OrganisationRefSchema),
  groups: GroupCountsSchema,
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PreventionEvent = z.infer<typeof PreventionEventSchema>;

export const PreventionFilterSchema = z
  .object({
    year: z.number().int().min(2000).max(2100).nullable().default(null),
    kind: z.enum(PREVENTION_KINDS).nullable().default(null),
    /** A raion's or hromada's code: events held within it. */
    within: KatottgSchema.default(''),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
