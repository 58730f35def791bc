import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';

/** The coordination group of the oblast: one row, created with the store, edited by admins and secretaries. */
export const coordinationGroup = sqliteTable('coordination_group', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  parentBody: text('parent_body').notNull(),
  orderNumber: text('order_number').notNull().default(''),
  orderDate: text('order_date'),
  regulation: text('regulation').notNull().default(''),
  /** Quorum as a fraction that must be exceeded (1/2: "more than half") or reached (2/3). */
  quorumNumerator: integer('quorum_numerator').notNull().default(1),
  quorumDenominator: integer('quorum_denominator').notNull().default(2),
  quorumStrict: integer('quorum_strict', { mode: 'boolean' }).notNull().default(true),
  noticeWorkingDays: integer('notice_working_days').notNull().default(5),
  meetingsPerYear: integer('meetings_per_year').notNull().default(4),
  decisionRule: text('decision_rule').notNull().default('simple_majority_present'),
  remoteAllowed: integer('remote_allowed', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

/** A person's seat in the group, as set by the head's order; history is kept through valid_from/valid_to. */
export const groupMembers = sqliteTable(
  'group_members',
  {
    id: text('id').primaryKey(),
    surname: text('surname').notNull(),
    givenName: text('given_name').notNull(),
    patronymic: text('patronymic').notNull().default(''),
    position: text('position').notNull(),
    organisationId: text('organisation_id').references(() => organisations.id),
    role: text('role').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('group_members_valid').on(t.validFrom, t.validTo), index('group_members_organisation').on(t.organisationId)],
);
