import { z } from 'zod';
import {
  AID_CATEGORIES,
  ARRIVALS,
  CITIZENSHIP_UNKNOWN,
  COUNTRIES,
  DECISION_OUTCOMES,
  END_REASONS,
  EXPLOITATION_FORMS,
  FORMS_VERSIONS,
  RECEIVING_BODY_KINDS,
  REFUSAL_REASONS,
  SEXES,
  STATELESS,
  WAIVER_REASONS,
} from './case-codes';
import { Id, IsoDate, MultilineText, STOP, Text } from './fields';
import { KatottgSchema } from './organisations';

/**
 * A person and the status procedure of their cases (CMU No. 417; Law No. 3739-VI art. 14-16). Who a person is
 * (names, birth date, contacts, documents, representative) travels only in the `PersonIdentity` shapes, on the
 * channels that need `personal.read`; everything else names the person by a code that reveals nothing.
 */

/** Cyrillic letters that look like the Latin ones of a code: a user on the Ukrainian layout types these. */
const LOOKALIKES: Record<string, string> = { А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', К: 'K', М: 'M', Р: 'P', Т: 'T', Х: 'X', О: '0', І: '1' };

/**
 * A code as typed, in the one spelling the store keeps: «ОС» in Cyrillic, the rest in Latin capitals, with Crockford's
 * readings (O is 0; I and L are 1). Whatever keyboard layout the code is typed on, the same person is found.
 */
export function normalisePersonCode(typed: string): string {
  const upper = typed.trim().toLocaleUpperCase('uk');
  const prefixed = /^[ОO][СC]\s*-?\s*/.exec(upper);
  const body = (prefixed ? upper.slice(prefixed[0].length) : upper)
    .replace(/[АВСЕНКМРТХОІ]/g, (c) => LOOKALIKES[c] ?? c)
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/[\s-]/g, '');
  if (!prefixed) return body;
  return body.length > 4 ? `ОС-${body.slice(0, 4)}-${body.slice(4)}` : `ОС-${body}`;
}

/** Eight characters of Crockford's base32 after «ОС-»: random, so it tells neither how many cases there are nor their order. */
export const PersonCodeSchema = z.preprocess(
  (v) => (typeof v === 'string' && v.length <= 32 ? normalisePersonCode(v) : v),
  z.string().max(16, STOP).regex(/^ОС-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, 'personCode'),
);

const Citizenship = z.union([z.enum(COUNTRIES as [string, ...string[]]), z.literal(STATELESS), z.literal(CITIZENSHIP_UNKNOWN)]);
const Country = z.enum(COUNTRIES as [string, ...string[]]);

export const RepresentativeSchema = z
  .object({
    /** Required as a key (empty when there is none), so a value that is no plain object never passes as one. */
    name: Text(200),
    /** «мати», «опікун», «представник служби у справах дітей»… */
    relation: Text(120).default(''),
    contacts: Text(300).default(''),
  })
  .strict();

/** Who the person is: only on channels that need `personal.read` / `personal.write`. */
export const PersonIdentityDraftSchema = z
  .object({
    surname: Text(100).min(1, 'required'),
    givenName: Text(100).min(1, 'required'),
    patronymic: Text(100).default(''),
    /** One of birth date or the age at identification; neither means the age is unknown (a child until established). */
    birthDate: IsoDate.nullable().default(null),
    ageAtIdentification: z.number().int().min(0).max(120).nullable().default(null),
    sex: z.enum(SEXES),
    citizenship: Citizenship.default('UA'),
    languages: Text(200).default(''),
    interpreterNeeded: z.boolean().default(false),
    phone: Text(60).default(''),
    email: Text(200).default(''),
    address: Text(300).default(''),
    /** Kind, series and number; empty when the person has none (help does not depend on it, art. 16(6)). */
    identityDocument: Text(200).default(''),
    /** Declared legally incapable: a representative acts for the person, as for a child. */
    incapable: z.boolean().default(false),
    representative: RepresentativeSchema.default({ name: '', relation: '', contacts: '' }),
  })
  .strict();
export type PersonIdentityDraft = z.infer<typeof PersonIdentityDraftSchema>;

export const PersonCaseRefSchema = z.object({ id: z.string(), registrationNumber: z.string(), registrationDate: z.string(), state: z.string() });

export const PersonSchema = PersonIdentityDraftSchema.extend({
  id: z.string(),
  code: z.string(),
  cases: z.array(PersonCaseRefSchema),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

/** A search hit for a case officer: enough to tell two people of the same name apart. */
export const PersonHitSchema = z.object({
  id: z.string(),
  code: z.string(),
  surname: z.string(),
  givenName: z.string(),
  patronymic: z.string(),
  birthDate: z.string().nullable(),
});
export type PersonHit = z.infer<typeof PersonHitSchema>;

/** The facts of one application: what the register and the statistics need, never a name. */
export const CaseFieldsSchema = z
  .object({
    receivingBodyKind: z.enum(RECEIVING_BODY_KINDS),
    receivingBodyName: Text(300).min(3, 'required'),
    registrationNumber: Text(40).min(1, 'required'),
    registrationDate: IsoDate,
    arrival: z.enum(ARRIVALS).default('self'),
    /** The organisation that referred the person, when `arrival` is `referred`. */
    referredByOrganisationId: Id.nullable().default(null),
    identificationKatottg: KatottgSchema.default(''),
    formsVersion: z.enum(FORMS_VERSIONS as [string, ...string[]]).default('2024'),
    forms: z.array(z.enum(EXPLOITATION_FORMS)).max(10).default([]),
    countries: z.array(Country).max(20).default([]),
    exploitationFrom: IsoDate.nullable().default(null),
    exploitationTo: IsoDate.nullable().default(null),
    /** The documents received with the application, one per line: copy of a passport, medical conclusion… */
    documentsReceived: z.array(Text(300).min(1)).max(40).default([]),
  })
  .strict()
  .refine((v) => v.arrival === 'self' || v.referredByOrganisationId !== null, { path: ['referredByOrganisationId'], message: 'required' })
  .refine((v) => !v.exploitationFrom || !v.exploitationTo || v.exploitationFrom <= v.exploitationTo, { path: ['exploitationTo'], message: 'dateOrder' });
export type CaseFields = z.infer<typeof CaseFieldsSchema>;

export const STEP_KINDS = [
  'registration',
  'foreigner_certificate',
  'interview',
  'interview_waived',
  'undertaking',
  'file_compiled',
  'police_request',
  'police_answer',
  'forwarded',
  'decision',
  'notified',
  'certificate',
  'extension',
  'ended',
  'appeal',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const Number_ = Text(40);
const common = {
  date: IsoDate,
  /** Who did it: the responsible official, as they sign. */
  official: Text(200).min(3, 'required'),
  /** The documents of this step, one per line. */
  documents: z.array(Text(300).min(1)).max(20).default([]),
  note: MultilineText(2000).default(''),
};

/** What a case officer records for each step; the app adds what it computes (deciding body, valid-until). */
export const StepInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('foreigner_certificate'), number: Number_.min(1, 'required'), ...common }).strict(),
  z.object({ kind: z.literal('interview'), ...common }).strict(),
  z.object({ kind: z.literal('interview_waived'), waiverReason: z.enum(WAIVER_REASONS), ...common }).strict(),
  z.object({ kind: z.literal('undertaking'), ...common }).strict(),
  z.object({ kind: z.literal('file_compiled'), ...common }).strict(),
  z.object({ kind: z.literal('police_request'), number: Number_.min(1, 'required'), ...common }).strict(),
  z
    .object({
      kind: z.literal('police_answer'),
      number: Number_.default(''),
      proceedings: z.boolean(),
      /** The number in the Unified register of pre-trial investigations, when there are proceedings. */
      proceedingsNumber: Text(40).default(''),
      ...common,
    })
    .strict()
    .refine((v) => !v.proceedings || v.proceedingsNumber.length > 0, { path: ['proceedingsNumber'], message: 'required' }),
  z.object({ kind: z.literal('forwarded'), number: Number_.min(1, 'required'), ...common }).strict(),
  z
    .object({
      kind: z.literal('decision'),
      outcome: z.enum(DECISION_OUTCOMES),
      number: Number_.min(1, 'required'),
      refusalReason: z.enum(REFUSAL_REASONS).nullable().default(null),
      ...common,
    })
    .strict()
    .refine((v) => v.outcome !== 'refused' || v.refusalReason !== null, { path: ['refusalReason'], message: 'required' })
    .refine((v) => v.outcome !== 'refused' || v.refusalReason !== 'other' || v.note.length >= 3, { path: ['note'], message: 'required' }),
  z.object({ kind: z.literal('notified'), number: Number_.default(''), ...common }).strict(),
  z.object({ kind: z.literal('certificate'), number: Number_.min(1, 'required'), ...common }).strict(),
  z
    .object({
      kind: z.literal('extension'),
      /** The reasoned submission of the administration. */
      number: Number_.min(1, 'required'),
      /** The new end of the status; null for a foreigner whose return is dangerous: until the danger ends (art. 16(4)). */
      validUntil: IsoDate.nullable(),
      ...common,
      note: MultilineText(2000).min(10, 'reasoning'),
    })
    .strict(),
  z
    .object({ kind: z.literal('ended'), endReason: z.enum(END_REASONS), ...common })
    .strict()
    .refine((v) => v.endReason !== 'deprivation' || v.note.length >= 10, { path: ['note'], message: 'finding' }),
  z.object({ kind: z.literal('appeal'), court: Text(300).min(3, 'required'), ...common }).strict(),
]);
export type StepInput = z.infer<typeof StepInputSchema>;
export const RECORDABLE_STEPS = STEP_KINDS.filter((k) => k !== 'registration');

/** A recorded step as the card shows it: its own fields, who recorded it, and when it was due. */
export const StepSchema = z.object({
  id: z.string(),
  kind: z.enum(STEP_KINDS),
  date: z.string(),
  official: z.string(),
  documents: z.array(z.string()),
  note: z.string(),
  number: z.string(),
  waiverReason: z.string().nullable(),
  proceedings: z.boolean().nullable(),
  proceedingsNumber: z.string(),
  outcome: z.enum(DECISION_OUTCOMES).nullable(),
  refusalReason: z.string().nullable(),
  /** The deciding body in force on the day the file was forwarded (a dated setting), kept with the step. */
  decidingBody: z.string(),
  validUntil: z.string().nullable(),
  endReason: z.string().nullable(),
  court: z.string(),
  /** The due date this step had when it was taken, and how many days late it came (0 when in time). */
  dueOn: z.string().nullable(),
  daysLate: z.number().int(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Step = z.infer<typeof StepSchema>;

export const CASE_STATES = ['open', 'incomplete', 'granted', 'refused', 'ended'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** A row of the case list: the code, where the procedure stands and what is due; never a name. */
export const CaseSummarySchema = z.object({
  id: z.string(),
  personId: z.string(),
  code: z.string(),
  registrationNumber: z.string(),
  registrationDate: z.string(),
  state: z.enum(CASE_STATES),
  nextStep: z.enum(STEP_KINDS).nullable(),
  dueOn: z.string().nullable(),
  /** Negative when overdue; null when nothing is due. */
  daysLeft: z.number().int().nullable(),
  child: z.boolean(),
  foreigner: z.boolean(),
  validUntil: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const AidSchema = z.object({
  applicationDate: z.string(),
  category: z.enum(AID_CATEGORIES),
  /** The subsistence minimum of the category in force on the application date, in kopiyky, and the amount (3×). */
  minimumKop: z.number().int(),
  amountKop: z.number().int(),
  payingBody: z.string(),
  paymentDate: z.string().nullable(),
});
export type Aid = z.infer<typeof AidSchema>;

export const AidInputSchema = z
  .object({
    caseId: Id,
    applicationDate: IsoDate,
    category: z.enum(AID_CATEGORIES),
    payingBody: Text(300).min(3, 'required'),
    paymentDate: IsoDate.nullable().default(null),
  })
  .strict()
  .refine((v) => !v.paymentDate || v.paymentDate >= v.applicationDate, { path: ['paymentDate'], message: 'dateOrder' });

/** The case card: the application's facts, the steps as a timeline, what is due, the aid; the name is on the person's card. */
export const CaseSchema = z.object({
  id: z.string(),
  personId: z.string(),
  code: z.string(),
  fields: z.object({
    receivingBodyKind: z.enum(RECEIVING_BODY_KINDS),
    receivingBodyName: z.string(),
    registrationNumber: z.string(),
    registrationDate: z.string(),
    arrival: z.enum(ARRIVALS),
    referredByOrganisationId: z.string().nullable(),
    identificationKatottg: z.string(),
    formsVersion: z.string(),
    forms: z.array(z.enum(EXPLOITATION_FORMS)),
    countries: z.array(z.string()),
    exploitationFrom: z.string().nullable(),
    exploitationTo: z.string().nullable(),
    documentsReceived: z.array(z.string()),
  }),
  referredByName: z.string(),
  child: z.boolean(),
  foreigner: z.boolean(),
  /** The person's sex and age at registration (null when unknown): the statistics keep them after anonymisation. */
  sex: z.enum(SEXES).nullable(),
  ageAtRegistration: z.number().int().nullable(),
  state: z.enum(CASE_STATES),
  nextStep: z.enum(STEP_KINDS).nullable(),
  dueOn: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  /** One calendar month from the interview (art. 15(3)), while no decision is final. */
  procedureDueOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** When the status ended, and why (`expired` is computed from the term). */
  endedOn: z.string().nullable(),
  endReason: z.enum([...END_REASONS, 'expired']).nullable(),
  /** The steps a case officer may record now, in the order of the procedure; others are refused with a sentence. */
  allowedSteps: z.array(z.enum(STEP_KINDS)),
  steps: z.array(StepSchema),
  aid: AidSchema.nullable(),
  anonymised: z.boolean(),
  updatedAt: z.string(),
});
export type Case = z.infer<typeof CaseSchema>;

export const CaseFilterSchema = z
  .object({
    states: z.array(z.enum(CASE_STATES)).max(CASE_STATES.length).optional(),
    step: z.enum(STEP_KINDS).optional(),
    overdue: z.boolean().default(false),
    /** Applications registered in this year. */
    year: z.number().int().min(2000).max(2100).optional(),
    /** Part of a case code or registration number. */
    query: Text(40).default(''),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type CaseFilter = z.infer<typeof CaseFilterSchema>;

/** A case past the retention rule: its person may be anonymised. */
export const AnonymisableSchema = z.object({ personId: z.string(), code: z.string(), closedOn: z.string(), eligibleSince: z.string() });
