import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { users } from './users';

/**
 * Trainings for staff, prevention events, and the mechanism's set-up in each hromada. Participants are staff, not
 * victims; their names stay here and in documents, never in the audit log. Every row that reaches a place keeps the
 * hromada (and raion) code its territory lies in, so the coverage screen groups on indexes, not on the codifier.
 */

/** Training topics, edited by the office; a code once used keeps its meaning, a retired one is only hidden. */
export const trainingTopics = sqliteTable('training_topics', {
  code: text('code').primaryKey(),
  uk: text('uk').notNull(),
  en: text('en').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  position: integer('position').notNull(),
});

export const trainings = sqliteTable(
  'trainings',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** The title as searched (searchName: lower case, one apostrophe): SQLite's lower() folds ASCII only. */
    searchTitle: text('search_title').notNull(),
    kind: text('kind').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    hours: real('hours').notNull(),
    format: text('format').notNull(),
    venue: text('venue').notNull().default(''),
    venueHromada: text('venue_hromada'),
    place: text('place').notNull().default(''),
    trainers: text('trainers', { mode: 'json' }).$type<{ name: string; affiliation: string }[]>().notNull(),
    programme: text('programme').notNull().default(''),
    programmeFileName: text('programme_file_name'),
    programmeFile: blob('programme_file', { mode: 'buffer' }),
    note: text('note').notNull().default(''),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('trainings_starts').on(t.startsOn, t.id), index('trainings_venue_hromada').on(t.venueHromada, t.endsOn), index('trainings_created_by').on(t.createdBy), index('trainings_ends').on(t.endsOn, t.kind)],
);

export const trainingTopicLinks = sqliteTable(
  'training_topic_links',
  {
    trainingId: text('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    topic: text('topic')
      .notNull()
      .references(() => trainingTopics.code),
  },
  (t) => [primaryKey({ columns: [t.trainingId, t.topic] }), index('training_topic_links_topic').on(t.topic, t.trainingId)],
);

/** Organisers and partners of a training ('organiser' | 'partner'), in the order given. */
export const trainingOrganisations = sqliteTable(
  'training_organisations',
  {
    trainingId: text('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.trainingId, t.role, t.organisationId] }), index('training_organisations_organisation').on(t.organisationId)],
);

/** A person trained at least once: the same person across trainings, matched by the user, never by the app alone. */
export const trainees = sqliteTable(
  'trainees',
  {
    id: text('id').primaryKey(),
    surname: text('surname').notNull(),
    name: text('name').notNull(),
    patronymic: text('patronymic').notNull().default(''),
    /** Surname and name as compared (lower case, one apostrophe): where matches are looked up. */
    matchKey: text('match_key').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('trainees_match_key').on(t.matchKey)],
);

export const trainingParticipants = sqliteTable(
  'training_participants',
  {
    id: text('id').primaryKey(),
    trainingId: text('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    traineeId: text('trainee_id')
      .notNull()
      .references(() => trainees.id),
    surname: text('surname').notNull(),
    name: text('name').notNull(),
    patronymic: text('patronymic').notNull().default(''),
    position: text('position').notNull().default(''),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    organisationType: text('organisation_type').notNull(),
    territory: text('territory').notNull().default(''),
    hromadaCode: text('hromada_code'),
    attendance: text('attendance').notNull(),
    hoursAttended: real('hours_attended').notNull(),
    certificateYear: integer('certificate_year'),
    certificateSeq: integer('certificate_seq'),
    certificateIssuedOn: text('certificate_issued_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('training_participants_training').on(t.trainingId, t.surname, t.name),
    index('training_participants_trainee').on(t.traineeId),
    index('training_participants_organisation').on(t.organisationId),
    index('training_participants_hromada').on(t.hromadaCode, t.trainingId),
    uniqueIndex('training_participants_certificate').on(t.certificateYear, t.certificateSeq),
  ],
);

export const preventionEvents = sqliteTable(
  'prevention_events',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    date: text('date').notNull(),
    territory: text('territory').notNull(),
    hromadaCode: text('hromada_code'),
    raionCode: text('raion_code'),
    place: text('place').notNull().default(''),
    groups: text('groups', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    people: integer('people').notNull(),
    materials: integer('materials').notNull().default(0),
    mediaAudience: integer('media_audience').notNull().default(0),
    note: text('note').notNull().default(''),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('prevention_events_date').on(t.date, t.id),
    index('prevention_events_hromada').on(t.hromadaCode, t.date),
    index('prevention_events_raion').on(t.raionCode, t.date),
    index('prevention_events_created_by').on(t.createdBy),
  ],
);

export const preventionOrganisations = sqliteTable(
  'prevention_organisations',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => preventionEvents.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.role, t.organisationId] }), index('prevention_organisations_organisation').on(t.organisationId)],
);

/** What a hromada has of the mechanism: a designated coordinator, a memorandum or a local programme. */
export const hromadaSetups = sqliteTable(
  'hromada_setups',
  {
    code: text('code').primaryKey(),
    coordinatorName: text('coordinator_name').notNull().default(''),
    coordinatorPosition: text('coordinator_position').notNull().default(''),
    coordinatorSince: text('coordinator_since'),
    agreementKind: text('agreement_kind'),
    agreementNumber: text('agreement_number').notNull().default(''),
    agreementDate: text('agreement_date'),
    updatedBy: text('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('hromada_setups_updated_by').on(t.updatedBy)],
);
