import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { users } from './users';

/**
 * A person the status procedure concerns, by a random code; only what the statistics keep after anonymisation
 * (sex, citizenship). Who the person is lives in `person_identities`, read only by case officers.
 */
export const persons = sqliteTable(
  'persons',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    sex: text('sex'),
    citizenship: text('citizenship').notNull().default('UA'),
    /** For a presumed victim recorded before any application: who identified them, when and where. */
    identifiedOn: text('identified_on'),
    identifiedByOrganisationId: text('identified_by_organisation_id').references(() => organisations.id),
    identifiedKatottg: text('identified_katottg').notNull().default(''),
    anonymisedAt: text('anonymised_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('persons_code').on(t.code), index('persons_created').on(t.createdAt, t.id), index('persons_identified_by').on(t.identifiedByOrganisationId)],
);

/** Who the person is. Erased whole by anonymisation. */
export const personIdentities = sqliteTable(
  'person_identities',
  {
    personId: text('person_id')
      .primaryKey()
      .references(() => persons.id, { onDelete: 'cascade' }),
    surname: text('surname').notNull(),
    givenName: text('given_name').notNull(),
    patronymic: text('patronymic').notNull().default(''),
    birthDate: text('birth_date'),
    ageAtIdentification: integer('age_at_identification'),
    languages: text('languages').notNull().default(''),
    interpreterNeeded: integer('interpreter_needed', { mode: 'boolean' }).notNull().default(false),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    identityDocument: text('identity_document').notNull().default(''),
    incapable: integer('incapable', { mode: 'boolean' }).notNull().default(false),
    representativeName: text('representative_name').notNull().default(''),
    representativeRelation: text('representative_relation').notNull().default(''),
    representativeContacts: text('representative_contacts').notNull().default(''),
    /** The full name folded to lower case, for the case officers' search. */
    searchName: text('search_name').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('person_identities_search').on(t.searchName)],
);

/**
 * One application in the register. The state, next step and due date are kept as they were computed at the last
 * change, so the list and the dashboard filter on indexes; days left are counted at reading.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    receivingBodyKind: text('receiving_body_kind').notNull(),
    receivingBodyName: text('receiving_body_name').notNull(),
    registrationNumber: text('registration_number').notNull(),
    registrationDate: text('registration_date').notNull(),
    registrationYear: integer('registration_year').notNull(),
    arrival: text('arrival').notNull(),
    referredByOrganisationId: text('referred_by_organisation_id').references(() => organisations.id),
    identificationKatottg: text('identification_katottg').notNull().default(''),
    formsVersion: text('forms_version').notNull(),
    forms: text('forms', { mode: 'json' }).$type<string[]>().notNull(),
    countries: text('countries', { mode: 'json' }).$type<string[]>().notNull(),
    exploitationFrom: text('exploitation_from'),
    exploitationTo: text('exploitation_to'),
    documentsReceived: text('documents_received', { mode: 'json' }).$type<string[]>().notNull(),
    /** Derived at registration from the age (unknown age: a child, Law art. 3(3)); kept for the statistics. */
    child: integer('child', { mode: 'boolean' }).notNull(),
    ageAtRegistration: integer('age_at_registration'),
    foreigner: integer('foreigner', { mode: 'boolean' }).notNull(),
    state: text('state').notNull(),
    nextStep: text('next_step'),
    dueOn: text('due_on'),
    validUntil: text('valid_until'),
    /** When the status ended or the application was finally refused: the retention term counts from it. */
    closedOn: text('closed_on'),
    /**
     * The list's order as one indexed key: the due date, or for a case with nothing due «N» and its registration date
     * turned around (newest first), so a page of the list is a walk of an index, not a sort of every case.
     */
    listOrder: text('list_order').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_year_number').on(t.registrationYear, t.registrationNumber),
    index('cases_person').on(t.personId),
    index('cases_state_due').on(t.state, t.dueOn),
    index('cases_due').on(t.dueOn),
    index('cases_list_order').on(t.listOrder, t.id),
    index('cases_registration').on(t.registrationDate),
    index('cases_referred_by').on(t.referredByOrganisationId),
  ],
);

/** A step of the procedure, in the order recorded (`seq`); its kind decides which columns it fills. */
export const caseSteps = sqliteTable(
  'case_steps',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    official: text('official').notNull().default(''),
    documents: text('documents', { mode: 'json' }).$type<string[]>().notNull(),
    note: text('note').notNull().default(''),
    number: text('number').notNull().default(''),
    waiverReason: text('waiver_reason'),
    proceedings: integer('proceedings', { mode: 'boolean' }),
    proceedingsNumber: text('proceedings_number').notNull().default(''),
    outcome: text('outcome'),
    refusalReason: text('refusal_reason'),
    decidingBody: text('deciding_body').notNull().default(''),
    validUntil: text('valid_until'),
    endReason: text('end_reason'),
    court: text('court').notNull().default(''),
    /** The due date the step had when it was taken. */
    dueOn: text('due_on'),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('case_steps_case_seq').on(t.caseId, t.seq), index('case_steps_kind_date').on(t.kind, t.date), index('case_steps_recorded_by').on(t.recordedBy)],
);

/** The one-time financial assistance of a case (CMU No. 660), with the minimum it was computed from. */
export const caseAid = sqliteTable(
  'case_aid',
  {
    caseId: text('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    applicationDate: text('application_date').notNull(),
    category: text('category').notNull(),
    minimumKop: integer('minimum_kop').notNull(),
    amountKop: integer('amount_kop').notNull(),
    payingBody: text('paying_body').notNull(),
    paymentDate: text('payment_date'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('case_aid_payment').on(t.paymentDate, t.category)],
);
