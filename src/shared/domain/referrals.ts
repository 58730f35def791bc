import { z } from 'zod';
import { STEP_KINDS } from './cases';
import { Id, IsoDate, MultilineText, Text } from './fields';
import { KatottgSchema, ORGANISATION_TYPES } from './organisations';
import {
  CONSENT_FORMS,
  CONSENT_GIVERS,
  DATA_CATEGORIES,
  DECLINE_REASONS,
  OUTCOMES,
  REFERRAL_STATES,
  REVOKE_REASONS,
  SERVICES,
  URGENCIES,
} from './referral-codes';

/**
 * Referrals between the subjects of the national referral mechanism (Law No. 3739-VI art. 13, CMU No. 783) and what
 * surrounds them for one person: identification, needs assessments, consents, services received. Every shape here
 * names the person by code; who the person is stays on the `personal.*` channels of the status cases.
 */

const Services = z.array(z.enum(SERVICES)).max(SERVICES.length);

/** Who identified a presumed victim, when and where: police, border guards and NGOs do, long before any application. */
export const IdentificationSchema = z
  .object({
    identifiedOn: IsoDate,
    identifiedByOrganisationId: Id.nullable().default(null),
    identifiedKatottg: KatottgSchema.default(''),
  })
  .strict();
export type Identification = z.infer<typeof IdentificationSchema>;

export const AssessmentInputSchema = z
  .object({
    id: Id.optional(),
    personId: Id,
    date: IsoDate,
    /** Who assessed: the specialist, as they sign. */
    assessedBy: Text(200).min(3, 'required'),
    needs: Services.min(1, 'required'),
    urgency: z.enum(URGENCIES).default('normal'),
    notes: MultilineText(4000).default(''),
  })
  .strict();
export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;

export const AssessmentSchema = z.object({
  id: z.string(),
  date: z.string(),
  assessedBy: z.string(),
  needs: z.array(z.enum(SERVICES)),
  urgency: z.enum(URGENCIES),
  notes: z.string(),
  /** Referrals made for this assessment: while there are any, its needs may grow but not shrink. */
  referrals: z.number().int(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const ConsentInputSchema = z
  .object({
    personId: Id,
    date: IsoDate,
    form: z.enum(CONSENT_FORMS),
    /** Who witnessed an oral consent: the official, as they sign. */
    witness: Text(200).default(''),
    givenBy: z.enum(CONSENT_GIVERS),
    /** The recipients the consent names, one by one, and the kinds of organisation it names. */
    organisationIds: z.array(Id).max(100).default([]),
    organisationTypes: z.array(z.enum(ORGANISATION_TYPES)).max(ORGANISATION_TYPES.length).default([]),
    categories: z.array(z.enum(DATA_CATEGORIES)).min(1, 'required').max(DATA_CATEGORIES.length),
    validUntil: IsoDate.nullable().default(null),
    note: MultilineText(2000).default(''),
  })
  .strict()
  .refine((v) => v.form === 'written' || v.witness.length >= 3, { path: ['witness'], message: 'required' })
  .refine((v) => v.organisationIds.length + v.organisationTypes.length > 0, { path: ['organisationIds'], message: 'consentScope' })
  .refine((v) => !v.validUntil || v.validUntil >= v.date, { path: ['validUntil'], message: 'dateOrder' });
export type ConsentInput = z.infer<typeof ConsentInputSchema>;

export const ConsentSchema = z.object({
  id: z.string(),
  date: z.string(),
  form: z.enum(CONSENT_FORMS),
  witness: z.string(),
  givenBy: z.enum(CONSENT_GIVERS),
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  organisationTypes: z.array(z.enum(ORGANISATION_TYPES)),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  validUntil: z.string().nullable(),
  note: z.string(),
  revokedOn: z.string().nullable(),
  revocationNote: z.string(),
  /** Whether it may cover a referral sent today: not revoked, not expired. */
  active: z.boolean(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const ConsentRevokeSchema = z.object({ consentId: Id, date: IsoDate, note: MultilineText(2000).default('') }).strict();

export const ServiceInputSchema = z
  .object({
    id: Id.optional(),
    personId: Id,
    date: IsoDate,
    providerOrganisationId: Id,
    service: z.enum(SERVICES),
    description: MultilineText(2000).default(''),
    /** The referral it came from, when it did. */
    referralId: Id.nullable().default(null),
  })
  .strict();
export type ServiceInput = z.infer<typeof ServiceInputSchema>;

export const ServiceReceivedSchema = z.object({
  id: z.string(),
  date: z.string(),
  providerOrganisationId: z.string(),
  providerName: z.string(),
  service: z.enum(SERVICES),
  description: z.string(),
  referralId: z.string().nullable(),
  referralNumber: z.string().nullable(),
});
export type ServiceReceived = z.infer<typeof ServiceReceivedSchema>;

/** What a referral discloses beyond the code and the needs, chosen by the officer within the consent's scope. */
export const DISCLOSABLE = DATA_CATEGORIES.filter((c) => c !== 'needs');

export const ReferralDraftSchema = z
  .object({
    id: Id.optional(),
    personId: Id,
    /** The assessment whose needs this referral answers. */
    assessmentId: Id,
    fromOrganisationId: Id,
    toOrganisationId: Id,
    needs: Services.min(1, 'required'),
    urgency: z.enum(URGENCIES).default('normal'),
    /** The case officer responsible, and how the recipient reaches them. */
    officerId: Id,
    officerContact: Text(200).min(5, 'required'),
    disclose: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length).default([]),
    /** What the recipient needs to know of the situation: sent only when the consent covers circumstances. */
    circumstances: MultilineText(2000).default(''),
    /** The documents sent with the letter, one per line: sent only when the consent covers documents. */
    documents: z.array(Text(300).min(1)).max(20).default([]),
    note: MultilineText(2000).default(''),
  })
  .strict()
  .refine((v) => v.fromOrganisationId !== v.toOrganisationId, { path: ['toOrganisationId'], message: 'sameRecipient' })
  .refine((v) => !v.disclose.includes('circumstances') || v.circumstances.length > 0, { path: ['circumstances'], message: 'required' })
  .refine((v) => !v.disclose.includes('documents') || v.documents.length > 0, { path: ['documents'], message: 'required' });
export type ReferralDraft = z.infer<typeof ReferralDraftSchema>;

export const REFERRAL_EVENTS = ['send', 'accept', 'decline', 'start', 'complete', 'revoke', 'close'] as const;
export type ReferralEvent = (typeof REFERRAL_EVENTS)[number];

const eventCommon = { date: IsoDate, note: MultilineText(2000).default('') };
/** A change of a referral's state, with when it happened and why. */
export const ReferralEventInputSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('send'), ...eventCommon }).strict(),
  z.object({ event: z.literal('accept'), ...eventCommon }).strict(),
  z
    .object({ event: z.literal('decline'), reason: z.enum(DECLINE_REASONS), ...eventCommon })
    .strict()
    // The recipient's reason in its own words goes with the code, whatever the code.
    .refine((v) => v.note.length >= 3, { path: ['note'], message: 'required' }),
  z.object({ event: z.literal('start'), ...eventCommon }).strict(),
  z.object({ event: z.literal('complete'), outcome: z.enum(OUTCOMES), ...eventCommon }).strict(),
  z
    .object({ event: z.literal('revoke'), reason: z.enum(REVOKE_REASONS), ...eventCommon })
    .strict()
    .refine((v) => v.reason !== 'other' || v.note.length >= 3, { path: ['note'], message: 'required' }),
  z.object({ event: z.literal('close'), ...eventCommon }).strict(),
]);
export type ReferralEventInput = z.infer<typeof ReferralEventInputSchema>;

/** One line of a referral's history: a change of state, or the consent it relied on being revoked. */
export const ReferralHistorySchema = z.object({
  id: z.string(),
  kind: z.enum([...REFERRAL_EVENTS, 'consent_revoked', 'created']),
  state: z.enum(REFERRAL_STATES),
  date: z.string(),
  reason: z.string().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  note: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type ReferralHistory = z.infer<typeof ReferralHistorySchema>;

export const DueKindSchema = z.enum(['answer', 'service']);

export const ReferralSummarySchema = z.object({
  id: z.string(),
  personId: z.string(),
  code: z.string(),
  /** «12/2026»: given when the letter is sent; empty for a draft. */
  number: z.string(),
  toOrganisationId: z.string(),
  toName: z.string(),
  needs: z.array(z.enum(SERVICES)),
  urgency: z.enum(URGENCIES),
  state: z.enum(REFERRAL_STATES),
  sentOn: z.string().nullable(),
  /** What is awaited now (the answer or the service), until when, and the days left (negative when overdue). */
  dueKind: DueKindSchema.nullable(),
  dueOn: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  consentRevoked: z.boolean(),
});
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

export const ReferralSchema = ReferralSummarySchema.extend({
  assessmentId: z.string(),
  fromOrganisationId: z.string(),
  fromName: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  officerContact: z.string(),
  disclose: z.array(z.enum(DATA_CATEGORIES)),
  circumstances: z.string(),
  documents: z.array(z.string()),
  note: z.string(),
  answerDueOn: z.string().nullable(),
  serviceDueOn: z.string().nullable(),
  /** The consent the letter was sent under, and the day it was revoked (the referral shares nothing more since). */
  consentId: z.string().nullable(),
  consentRevokedOn: z.string().nullable(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  revokeReason: z.enum(REVOKE_REASONS).nullable(),
  /** The changes that may be recorded now; others are refused with a sentence. */
  allowedEvents: z.array(z.enum(REFERRAL_EVENTS)),
  history: z.array(ReferralHistorySchema),
  services: z.array(ServiceReceivedSchema),
  updatedAt: z.string(),
});
export type Referral = z.infer<typeof ReferralSchema>;

export const ReferralFilterSchema = z
  .object({
    states: z.array(z.enum(REFERRAL_STATES)).max(REFERRAL_STATES.length).optional(),
    overdue: z.boolean().default(false),
    organisationId: Id.optional(),
    service: z.enum(SERVICES).optional(),
    personId: Id.optional(),
    /** Part of a person code or a referral number. */
    query: Text(40).default(''),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ReferralFilter = z.infer<typeof ReferralFilterSchema>;

/**
 * What the recipient will see: the letter's content, built from the consent's scope and the needs. Fields the scope
 * does not allow are null and named in `withheld`.
 */
export const DisclosureSchema = z.object({
  code: z.string(),
  number: z.string(),
  fromName: z.string(),
  toName: z.string(),
  needs: z.array(z.enum(SERVICES)),
  urgency: z.enum(URGENCIES),
  /** Whether the person is a child: the recipient cannot act without knowing it, so it always travels. */
  child: z.boolean(),
  name: z.string().nullable(),
  contacts: z.object({ phone: z.string(), email: z.string(), address: z.string(), languages: z.string(), interpreterNeeded: z.boolean() }).nullable(),
  representative: z.object({ name: z.string(), relation: z.string(), contacts: z.string() }).nullable(),
  birthDate: z.string().nullable(),
  circumstances: z.string().nullable(),
  documents: z.array(z.string()).nullable(),
  officerName: z.string(),
  officerContact: z.string(),
  answerDueOn: z.string().nullable(),
  withheld: z.array(z.enum(DATA_CATEGORIES)),
});
export type Disclosure = z.infer<typeof DisclosureSchema>;

export const RefusalSchema = z.object({ reason: z.string(), details: z.record(z.string(), z.unknown()) });

/** The preview before sending: what the recipient will see, and whether a consent covers it (the sentence when not). */
export const ReferralPreviewSchema = z.object({
  disclosure: DisclosureSchema,
  consent: z.object({ id: z.string(), date: z.string(), validUntil: z.string().nullable() }).nullable(),
  refusal: RefusalSchema.nullable(),
});
export type ReferralPreview = z.infer<typeof ReferralPreviewSchema>;

/** An organisation that provides a need, with how near it is to where the person is and whether it serves them. */
export const SuggestionSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  territoryName: z.string(),
  /** 4 same settlement, 3 same hromada, 2 same raion, 1 same oblast, 0 elsewhere or unknown. */
  nearness: z.number().int().min(0).max(4),
  /** Whether its client groups include the person (age, sex, citizenship); those that do not come last. */
  serves: z.boolean(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const TIMELINE_KINDS = ['identified', 'assessment', 'consent', 'consent_revoked', 'referral', 'service', 'case_step'] as const;
/** One dated entry of a person's timeline; the screen and the printout say it in their own words from these codes. */
export const TimelineEntrySchema = z.object({
  date: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  recordId: z.string(),
  referralId: z.string().nullable(),
  caseId: z.string().nullable(),
  /** The referral's event, or the status step. */
  event: z.union([z.enum([...REFERRAL_EVENTS, 'created', 'consent_revoked']), z.enum(STEP_KINDS)]).nullable(),
  services: z.array(z.enum(SERVICES)),
  organisationName: z.string(),
  /** A reason, outcome or number the entry carries, as a code or as written. */
  detail: z.string(),
  text: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** A person as the referral screens see them: by code, with everything recorded around them, never the name. */
export const PersonFileSchema = z.object({
  id: z.string(),
  code: z.string(),
  child: z.boolean(),
  /** Declared legally incapable: the legal representative consents for them. */
  incapable: z.boolean(),
  /** The day the person comes of age (from the birth date, or the age at identification); null while the age is unknown. */
  adultOn: z.string().nullable(),
  anonymised: z.boolean(),
  identification: z.object({ identifiedOn: z.string().nullable(), identifiedByOrganisationId: z.string().nullable(), identifiedByName: z.string(), identifiedKatottg: z.string() }),
  cases: z.array(z.object({ id: z.string(), registrationNumber: z.string(), registrationDate: z.string(), state: z.string() })),
  assessments: z.array(AssessmentSchema),
  consents: z.array(ConsentSchema),
  services: z.array(ServiceReceivedSchema),
  referrals: z.array(ReferralSummarySchema),
  timeline: z.array(TimelineEntrySchema),
});
export type PersonFile = z.infer<typeof PersonFileSchema>;

export const PersonRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  identifiedOn: z.string().nullable(),
  identifiedByName: z.string(),
  cases: z.number().int(),
  openReferrals: z.number().int(),
});
export type PersonRow = z.infer<typeof PersonRowSchema>;

export const PersonFilterSchema = z
  .object({
    query: Text(40).default(''),
    /** Only presumed victims with no status case. */
    withoutCase: z.boolean().default(false),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

/** One cell of the analyst's counts by need: a referral with several needs counts under each. No person, only codes and a month. */
export const ReferralCountSchema = z.object({
  month: z.string(),
  service: z.enum(SERVICES),
  recipientType: z.enum(ORGANISATION_TYPES),
  state: z.enum(REFERRAL_STATES),
  outcome: z.enum(OUTCOMES).nullable(),
  count: z.number().int(),
});
export type ReferralCount = z.infer<typeof ReferralCountSchema>;

/** The same without the need: each referral counted once, for totals and the breakdowns by recipient, state and outcome. */
export const ReferralTotalSchema = ReferralCountSchema.omit({ service: true });
export type ReferralTotal = z.infer<typeof ReferralTotalSchema>;

export const ReferralCountsSchema = z.object({ byNeed: z.array(ReferralCountSchema), referrals: z.array(ReferralTotalSchema) });
export type ReferralCounts = z.infer<typeof ReferralCountsSchema>;
