import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
    /** Set when this entry was a duplicate merged into another: every reference now points there. */
    mergedIntoId: text('merged_into_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('organisations_name').on(t.name), index('organisations_merged_into').on(t.mergedIntoId)],
);
