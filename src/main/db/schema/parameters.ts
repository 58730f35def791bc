import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A version of a legal term: the one in force on a date is the latest `valid_from` not after it. */
export const termVersions = sqliteTable(
  'term_versions',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    value: integer('value').notNull(),
    unit: text('unit').notNull(),
    dayKind: text('day_kind').notNull(),
    countsFrom: text('counts_from').notNull(),
    legalBasis: text('legal_basis').notNull(),
    confirmed: integer('confirmed', { mode: 'boolean' }).notNull(),
    validFrom: text('valid_from').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('term_versions_key_from').on(t.key, t.validFrom)],
);

/** Holidays the office counts as days off (weekends are days off anyway). */
export const daysOff = sqliteTable('days_off', {
  date: text('date').primaryKey(),
  name: text('name').notNull(),
});

/** Subsistence minimums by category, in kopiyky, from a date. */
export const subsistenceMinimums = sqliteTable(
  'subsistence_minimums',
  {
    id: text('id').primaryKey(),
    category: text('category').notNull(),
    validFrom: text('valid_from').notNull(),
    amountKop: integer('amount_kop').notNull(),
    legalBasis: text('legal_basis').notNull().default(''),
  },
  (t) => [uniqueIndex('subsistence_minimums_category_from').on(t.category, t.validFrom)],
);

/** The body that decides on status, from a date: each forwarded file keeps the one then in force. */
export const decidingBodies = sqliteTable(
  'deciding_bodies',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    validFrom: text('valid_from').notNull(),
  },
  (t) => [uniqueIndex('deciding_bodies_from').on(t.validFrom)],
);
