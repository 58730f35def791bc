import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Subjects of the national referral mechanism and partners; names change, so they are data, not code. */
export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    type: text('type').notNull(),
    katottg: text('katottg').notNull().default(''),
    territoryName: text('territory_name').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    contactPerson: text('contact_person').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Whether it is a subject of the national referral mechanism: only subjects receive referrals. */
    nrmSubject: integer('nrm_subject', { mode: 'boolean' }).notNull().default(false),
    ownership: text('ownership'),
    /** For whom it works (adults, children, men, women, foreigners); none named means everyone. */
    clientGroups: text('client_groups', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Set when this entry was a duplicate merged into another: every reference now points there. */
    mergedIntoId: text('merged_into_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('organisations_name').on(t.name), index('organisations_merged_into').on(t.mergedIntoId)],
);

/** The services a provider gives, one row each, so "who provides this need" is a lookup on the service. */
export const organisationServices = sqliteTable(
  'organisation_services',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    service: text('service').notNull(),
  },
  (t) => [primaryKey({ columns: [t.service, t.organisationId] }), index('organisation_services_organisation').on(t.organisationId)],
);
