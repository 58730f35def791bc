import { z } from 'zod';
import { IsoDate, Text } from './fields';
import { KatottgSchema } from './organisations';
import { AGREEMENT_KINDS, PREVENTION_KINDS } from './training-codes';

/** The referral mechanism on the ground: what each hromada of the store's oblast has, and what it lacks. */

/** How far back a training or an event still counts as recent. */
export const RECENT_MONTHS = 12;

export const HromadaSetupInputSchema = z
  .object({
    /** The hromada's КАТОТТГ code (category H). */
    code: KatottgSchema.refine((c) => c !== '', 'required'),
    coordinatorName: Text(200).default(''),
    coordinatorPosition: Text(300).default(''),
    coordinatorSince: IsoDate.nullable().default(null),
    agreementKind: z.enum(AGREEMENT_KINDS).nullable().default(null),
    agreementNumber: Text(50).default(''),
    agreementDate: IsoDate.nullable().default(null),
  })
  .strict()
  .refine((h) => h.coordinatorName !== '' || (h.coordinatorPosition === '' && h.coordinatorSince === null), { path: ['coordinatorName'], message: 'required' })
  .refine((h) => h.agreementKind !== null || (h.agreementNumber === '' && h.agreementDate === null), { path: ['agreementKind'], message: 'required' })
  .refine((h) => h.agreementKind === null || h.agreementDate !== null, { path: ['agreementDate'], message: 'required' });
export type HromadaSetupInput = z.input<typeof HromadaSetupInputSchema>;

export const HromadaCoverageSchema = z.object({
  code: z.string(),
  name: z.string(),
  raionCode: z.string(),
  coordinator: z.object({ name: z.string(), position: z.string(), since: z.string().nullable() }).nullable(),
  agreement: z.object({ kind: z.enum(AGREEMENT_KINDS), number: z.string(), date: z.string() }).nullable(),
  /** The last training held in the hromada or attended by staff working in it. */
  lastTraining: z.object({ id: z.string(), title: z.string(), date: z.string() }).nullable(),
  lastEvent: z.object({ id: z.string(), kind: z.enum(PREVENTION_KINDS), title: z.string(), date: z.string() }).nullable(),
  /** Staff of the hromada trained in the last 12 months (distinct persons). */
  trainedRecently: z.number().int(),
});
export type HromadaCoverage = z.infer<typeof HromadaCoverageSchema>;

/** One bar group of the chart: a raion's hromadas and how many of them have each thing. */
export const RaionCoverageSchema = z.object({
  code: z.string(),
  name: z.string(),
  hromadas: z.number().int(),
  withCoordinator: z.number().int(),
  withAgreement: z.number().int(),
  trainedRecently: z.number().int(),
  eventRecently: z.number().int(),
});
export type RaionCoverage = z.infer<typeof RaionCoverageSchema>;

export const COVERAGE_GAPS = ['no_training', 'no_event', 'no_coordinator', 'no_agreement'] as const;
export type CoverageGap = (typeof COVERAGE_GAPS)[number];

export const CoverageFilterSchema = z
  .object({
    /** Only this raion's hromadas; '' for the whole oblast. */
    raion: KatottgSchema.default(''),
    /** Only hromadas lacking every one of these (training / event in the last 12 months, coordinator, agreement). */
    gaps: z.array(z.enum(COVERAGE_GAPS)).max(COVERAGE_GAPS.length).default([]),
  })
  .strict();
export type CoverageFilter = z.input<typeof CoverageFilterSchema>;

export const CoverageSchema = z.object({
  /** The store's oblast; null until it is set in the settings. */
  oblast: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** Kyiv's today; «recent» means on or after `since`. */
  asOf: z.string(),
  since: z.string(),
  /** Every raion of the oblast (the chart), whatever the filter. */
  raions: z.array(RaionCoverageSchema),
  /** The hromadas the filter keeps, by raion and name. */
  hromadas: z.array(HromadaCoverageSchema),
  /** Hromadas of the oblast (or the chosen raion) before the gaps filter. */
  total: z.number().int(),
});
export type Coverage = z.infer<typeof CoverageSchema>;
