import { z } from 'zod';
import { AID_CATEGORIES } from './case-codes';
import { Id, IsoDate, MultilineText, Text } from './fields';

/**
 * The legal parameters of the status procedure (domain.md §2.5): every day count, duration and amount is data with
 * its legal basis and the date it applies from. A change is a new version from a date on; a case counts each term
 * with the version in force on the day of the event the term counts from, so no change rewrites a past case.
 */
export const TERM_KEYS = [
  'register',
  'interview',
  'police_request',
  'police_answer',
  'forward',
  'decision',
  'notify',
  'certificate',
  'procedure',
  'status',
  'extension',
  'referral_answer',
  'referral_answer_urgent',
  'referral_service',
  'referral_service_urgent',
] as const;
export type TermKey = (typeof TERM_KEYS)[number];
/** The terms of a referral (CMU No. 783): the recipient's answer counts from the sending, the service from the acceptance. */
export const REFERRAL_TERM_KEYS = ['referral_answer', 'referral_answer_urgent', 'referral_service', 'referral_service_urgent'] as const satisfies readonly TermKey[];
const isReferralTerm = (key: TermKey) => (REFERRAL_TERM_KEYS as readonly TermKey[]).includes(key);

/** The events a term may count from: the dates of the steps of the procedure. */
export const TERM_EVENTS = ['registration', 'interview', 'police_request', 'police_answer', 'forwarded', 'decision', 'certificate', 'referral_sent', 'referral_accepted'] as const;
export type TermEvent = (typeof TERM_EVENTS)[number];
const isReferralEvent = (event: TermEvent) => event.startsWith('referral_');

/**
 * What the Law itself fixes (domain.md §2.5): the whole procedure within a month of the interview (art. 15(3)), status
 * for up to two years from the decision (art. 15(5)), an extension of at most a year past the certificate's term. A
 * version may shorten them, never lengthen them or count them from another event.
 */
export const LAW_LIMITS = {
  procedure: { value: 1, unit: 'months', countsFrom: 'interview' },
  status: { value: 2, unit: 'years', countsFrom: 'decision' },
  extension: { value: 1, unit: 'years', countsFrom: 'certificate' },
} as const;

type Length = { value: number; unit: 'days' | 'months' | 'years' };
/** Whether a term never runs past a limit: in the same unit by value, else the term's longest against the limit's shortest. */
function within(term: Length, limit: Length): boolean {
  if (term.unit === limit.unit) return term.value <= limit.value;
  const longest = term.unit === 'days' ? term.value : term.unit === 'months' ? term.value * 31 : term.value * 366;
  const shortest = limit.unit === 'days' ? limit.value : limit.unit === 'months' ? limit.value * 28 : limit.value * 365;
  return longest <= shortest;
}

export const TermVersionInputSchema = z
  .object({
    key: z.enum(TERM_KEYS),
    value: z.number().int().min(0).max(366),
    unit: z.enum(['days', 'months', 'years']),
    dayKind: z.enum(['calendar', 'working']).default('calendar'),
    countsFrom: z.enum(TERM_EVENTS),
    legalBasis: MultilineText(500).min(3, 'required'),
    /** Whether the value was checked against the text of the act; the shipped step terms were not. */
    confirmed: z.boolean().default(false),
    validFrom: IsoDate,
  })
  .strict()
  .refine((v) => v.unit === 'days' || v.dayKind === 'calendar', { path: ['dayKind'], message: 'workingDaysOnly' })
  .refine((v) => !(v.key in LAW_LIMITS) || within(v, LAW_LIMITS[v.key as keyof typeof LAW_LIMITS]), { path: ['value'], message: 'lawLimit' })
  .refine((v) => !(v.key in LAW_LIMITS) || v.countsFrom === LAW_LIMITS[v.key as keyof typeof LAW_LIMITS].countsFrom, { path: ['countsFrom'], message: 'lawCountsFrom' })
  // A referral's term counts from the referral's own events, a case's from the steps of the procedure.
  .refine((v) => isReferralTerm(v.key) === isReferralEvent(v.countsFrom), { path: ['countsFrom'], message: 'countsFromKind' });
export type TermVersionInput = z.infer<typeof TermVersionInputSchema>;

export const TermVersionSchema = z.object({
  id: z.string(),
  key: z.enum(TERM_KEYS),
  value: z.number().int(),
  unit: z.enum(['days', 'months', 'years']),
  dayKind: z.enum(['calendar', 'working']),
  countsFrom: z.enum(TERM_EVENTS),
  legalBasis: z.string(),
  confirmed: z.boolean(),
  validFrom: z.string(),
  createdAt: z.string(),
});
export type TermVersion = z.infer<typeof TermVersionSchema>;

/** The shipped terms: the Law's own (confirmed) and the placeholders of domain.md §2.5 (to be confirmed against No. 417). */
export const DEFAULT_TERMS: Omit<TermVersion, 'id' | 'createdAt'>[] = [
  { key: 'register', value: 0, unit: 'days', dayKind: 'calendar', countsFrom: 'registration', legalBasis: 'Постанова КМУ № 417, п. 3 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'interview', value: 3, unit: 'days', dayKind: 'working', countsFrom: 'registration', legalBasis: 'Постанова КМУ № 417 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'police_request', value: 3, unit: 'days', dayKind: 'working', countsFrom: 'interview', legalBasis: 'Постанова КМУ № 417 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'police_answer', value: 10, unit: 'days', dayKind: 'calendar', countsFrom: 'police_request', legalBasis: 'Постанова КМУ № 417 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'forward', value: 3, unit: 'days', dayKind: 'working', countsFrom: 'police_answer', legalBasis: 'Постанова КМУ № 417 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'decision', value: 10, unit: 'days', dayKind: 'calendar', countsFrom: 'forwarded', legalBasis: 'Постанова КМУ № 417 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'notify', value: 3, unit: 'days', dayKind: 'working', countsFrom: 'decision', legalBasis: 'Постанова КМУ № 417 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'certificate', value: 3, unit: 'days', dayKind: 'working', countsFrom: 'decision', legalBasis: 'Постанова КМУ № 417 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'procedure', value: 1, unit: 'months', dayKind: 'calendar', countsFrom: 'interview', legalBasis: 'Закон № 3739-VI, ст. 15 ч. 3: не більше місяця з дня співбесіди', confirmed: true, validFrom: '2011-11-15' },
  { key: 'status', value: 2, unit: 'years', dayKind: 'calendar', countsFrom: 'decision', legalBasis: 'Закон № 3739-VI, ст. 15 ч. 5: статус встановлюється на строк до двох років', confirmed: true, validFrom: '2011-11-15' },
  { key: 'extension', value: 1, unit: 'years', dayKind: 'calendar', countsFrom: 'certificate', legalBasis: 'Закон № 3739-VI, ст. 15 ч. 5: продовження не більше ніж на один рік', confirmed: true, validFrom: '2011-11-15' },
  { key: 'referral_answer', value: 3, unit: 'days', dayKind: 'working', countsFrom: 'referral_sent', legalBasis: 'Постанова КМУ № 783 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'referral_answer_urgent', value: 1, unit: 'days', dayKind: 'calendar', countsFrom: 'referral_sent', legalBasis: 'Постанова КМУ № 783: невідкладно, протягом доби (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'referral_service', value: 30, unit: 'days', dayKind: 'calendar', countsFrom: 'referral_accepted', legalBasis: 'Постанова КМУ № 783 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
  { key: 'referral_service_urgent', value: 3, unit: 'days', dayKind: 'working', countsFrom: 'referral_accepted', legalBasis: 'Постанова КМУ № 783 (строк уточнити)', confirmed: false, validFrom: '2012-05-23' },
];

export const DayOffSchema = z.object({ date: IsoDate, name: Text(120).min(2, 'required') }).strict();
export type DayOff = z.infer<typeof DayOffSchema>;

export const MinimumInputSchema = z
  .object({
    category: z.enum(AID_CATEGORIES),
    validFrom: IsoDate,
    /** In kopiyky: 3 028,00 UAH is 302800. */
    amountKop: z.number().int().min(1).max(100_000_000),
    legalBasis: Text(300).default(''),
  })
  .strict();
export const MinimumSchema = MinimumInputSchema.extend({ id: z.string() });
export type Minimum = z.infer<typeof MinimumSchema>;

/** The 2025 subsistence minimums (Law on the State Budget for 2025), from 01.01.2025. */
export const DEFAULT_MINIMUMS: Omit<Minimum, 'id'>[] = [
  { category: 'child_under_6', validFrom: '2025-01-01', amountKop: 256300, legalBasis: 'Закон про Державний бюджет України на 2025 рік' },
  { category: 'child_6_18', validFrom: '2025-01-01', amountKop: 319600, legalBasis: 'Закон про Державний бюджет України на 2025 рік' },
  { category: 'working_age', validFrom: '2025-01-01', amountKop: 302800, legalBasis: 'Закон про Державний бюджет України на 2025 рік' },
  { category: 'lost_capacity', validFrom: '2025-01-01', amountKop: 236100, legalBasis: 'Закон про Державний бюджет України на 2025 рік' },
];

export const DecidingBodyInputSchema = z.object({ name: Text(300).min(3, 'required'), validFrom: IsoDate }).strict();
export const DecidingBodySchema = DecidingBodyInputSchema.extend({ id: z.string() });
export type DecidingBody = z.infer<typeof DecidingBodySchema>;

/** Who decided when (domain.md §2.3 step 7): the Ministry until the 2021 amendment, then the National Social Service. */
export const DEFAULT_DECIDING_BODIES: Omit<DecidingBody, 'id'>[] = [
  { name: 'Міністерство соціальної політики України', validFrom: '2012-05-23' },
  { name: 'Національна соціальна сервісна служба України', validFrom: '2021-06-01' },
];

/** The letterhead of the administration that receives applications: printed at the top of its letters and forms. */
export const LetterheadSchema = z
  .object({
    /** «Харківська районна державна адміністрація»; required as a key, so a value that is no plain object never passes. */
    body: Text(300),
    /** «Управління соціального захисту населення» */
    unit: Text(300).default(''),
    address: Text(300).default(''),
    phone: Text(60).default(''),
    email: Text(200).default(''),
    /** ЄДРПОУ code. */
    code: z.union([z.literal(''), z.string().regex(/^\d{8}$/, 'edrpou')]).default(''),
    /** Who signs the administration's letters: position and name as signed («Олена ПЕТРЕНКО»). */
    signerPosition: Text(200).default(''),
    signerName: Text(120).default(''),
  })
  .strict();
export type Letterhead = z.infer<typeof LetterheadSchema>;

export const CaseOptionsSchema = z
  .object({
    /** The dashboard warns of steps due within this many days. */
    dueSoonDays: z.number().int().min(1).max(60),
    /** Years after a status ended (or a case closed without status) before the app proposes to anonymise it. */
    retentionYears: z.number().int().min(1).max(75),
    /** A term that ends on a day off ends on the next working day. */
    moveEndOffDays: z.boolean(),
    letterhead: LetterheadSchema,
  })
  .strict();
export type CaseOptions = z.infer<typeof CaseOptionsSchema>;

export const DEFAULT_CASE_OPTIONS: CaseOptions = {
  dueSoonDays: 5,
  retentionYears: 5,
  moveEndOffDays: true,
  letterhead: { body: '', unit: '', address: '', phone: '', email: '', code: '', signerPosition: '', signerName: '' },
};

export const ParametersSchema = z.object({
  terms: z.array(TermVersionSchema),
  daysOff: z.array(DayOffSchema),
  minimums: z.array(MinimumSchema),
  decidingBodies: z.array(DecidingBodySchema),
  options: CaseOptionsSchema,
  /** Kyiv today: a new version applies from today or later. */
  today: z.string(),
});
export type Parameters = z.infer<typeof ParametersSchema>;

export const RemoveVersionSchema = z.object({ id: Id }).strict();
