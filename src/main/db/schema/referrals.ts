import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { persons } from './cases';
import { organisations } from './organisations';
import { users } from './users';

/**
 * What the referral mechanism records around one person: needs assessments, consents, referrals with their history,
 * services received. Every row names the person by `persons.id` only; free text here may say who they are, so every
 * channel that returns it needs the case officer's permissions and erasure clears it with the identity.
 */

export const needsAssessments = sqliteTable(
  'needs_assessments',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    date: text('date').notNull(),
    assessedBy: text('assessed_by').notNull(),
    needs: text('needs', { mode: 'json' }).$type<string[]>().notNull(),
    urgency: text('urgency').notNull(),
    notes: text('notes').notNull().default(''),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('needs_assessments_person').on(t.personId, t.date), index('needs_assessments_recorded_by').on(t.recordedBy)],
);

/** A consent to share data, never edited: a correction is a revocation and a new consent. */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    date: text('date').notNull(),
    form: text('form').notNull(),
    witness: text('witness').notNull().default(''),
    givenBy: text('given_by').notNull(),
    organisationTypes: text('organisation_types', { mode: 'json' }).$type<string[]>().notNull(),
    categories: text('categories', { mode: 'json' }).$type<string[]>().notNull(),
    validUntil: text('valid_until'),
    note: text('note').notNull().default(''),
    revokedOn: text('revoked_on'),
    revocationNote: text('revocation_note').notNull().default(''),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('consents_person').on(t.personId, t.date), index('consents_recorded_by').on(t.recordedBy)],
);

/** The organisations a consent names one by one. */
export const consentOrganisations = sqliteTable(
  'consent_organisations',
  {
    consentId: text('consent_id')
      .notNull()
      .references(() => consents.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.organisationId] }), index('consent_organisations_organisation').on(t.organisationId)],
);

/**
 * A referral. The state, what is awaited and until when are kept as computed at the last change, so the list and
 * the dashboard filter on indexes; days left are counted at reading in Kyiv's today.
 */
export const referrals = sqliteTable(
  'referrals',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => needsAssessments.id),
    /** Given on sending: the sequence within the year of sending. */
    numberYear: integer('number_year'),
    numberSeq: integer('number_seq'),
    fromOrganisationId: text('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: text('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    urgency: text('urgency').notNull(),
    officerId: text('officer_id')
      .notNull()
      .references(() => users.id),
    officerContact: text('officer_contact').notNull(),
    disclose: text('disclose', { mode: 'json' }).$type<string[]>().notNull(),
    circumstances: text('circumstances').notNull().default(''),
    documents: text('documents', { mode: 'json' }).$type<string[]>().notNull(),
    note: text('note').notNull().default(''),
    state: text('state').notNull(),
    sentOn: text('sent_on'),
    acceptedOn: text('accepted_on'),
    answerDueOn: text('answer_due_on'),
    serviceDueOn: text('service_due_on'),
    /** What is awaited now ('answer' or 'service') and until when; null once nothing is. */
    dueKind: text('due_kind'),
    dueOn: text('due_on'),
    consentId: text('consent_id').references(() => consents.id),
    consentRevokedOn: text('consent_revoked_on'),
    declineReason: text('decline_reason'),
    outcome: text('outcome'),
    revokeReason: text('revoke_reason'),
    /** The date of the last change: no change may be dated before it. */
    lastDate: text('last_date').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('referrals_number').on(t.numberYear, t.numberSeq),
    index('referrals_person').on(t.personId),
    index('referrals_state_due').on(t.state, t.dueOn),
    index('referrals_due').on(t.dueOn),
    // A filtered page walks its filter's index in the list's order (newest first) and stops at the page.
    index('referrals_to').on(t.toOrganisationId, t.createdAt, t.id),
    index('referrals_state_created').on(t.state, t.createdAt, t.id),
    index('referrals_from').on(t.fromOrganisationId),
    index('referrals_sent').on(t.sentOn),
    index('referrals_consent').on(t.consentId),
    index('referrals_assessment').on(t.assessmentId),
    index('referrals_created').on(t.createdAt, t.id),
    index('referrals_officer').on(t.officerId),
  ],
);

/** The needs a referral answers, one row each, so counting and filtering by service run on an index. */
export const referralNeeds = sqliteTable(
  'referral_needs',
  {
    referralId: text('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    service: text('service').notNull(),
  },
  (t) => [primaryKey({ columns: [t.referralId, t.service] }), index('referral_needs_service').on(t.service, t.referralId)],
);

/** Every change of a referral: who, when and why. */
export const referralEvents = sqliteTable(
  'referral_events',
  {
    id: text('id').primaryKey(),
    referralId: text('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    state: text('state').notNull(),
    date: text('date').notNull(),
    reason: text('reason'),
    outcome: text('outcome'),
    note: text('note').notNull().default(''),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('referral_events_seq').on(t.referralId, t.seq), index('referral_events_recorded_by').on(t.recordedBy)],
);

export const servicesReceived = sqliteTable(
  'services_received',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    date: text('date').notNull(),
    providerOrganisationId: text('provider_organisation_id')
      .notNull()
      .references(() => organisations.id),
    service: text('service').notNull(),
    description: text('description').notNull().default(''),
    referralId: text('referral_id').references(() => referrals.id),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('services_received_person').on(t.personId, t.date), index('services_received_referral').on(t.referralId), index('services_received_provider').on(t.providerOrganisationId),
    index('services_received_recorded_by').on(t.recordedBy),
  ],
);
