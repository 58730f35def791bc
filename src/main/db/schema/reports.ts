import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * The oblast's keys for signing report bundles, the current one and those it replaced. The secret half lives here
 * only (the store is encrypted); the public half is what the Ministry registers. A key after the first carries the
 * statement its predecessor signed to announce it.
 */
export const signingKeys = sqliteTable(
  'signing_keys',
  {
    /** minisign's key id, 16 hex digits as `minisign` prints it. */
    keyId: text('key_id').primaryKey(),
    /** The standard minisign .pub file. */
    publicKey: text('public_key').notNull(),
    /** StoredSecretKey as JSON. */
    secret: text('secret').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    retiredAt: text('retired_at'),
    /** The statement announcing this key and its minisign signature by the key before it; empty for the first. */
    statement: text('statement').notNull().default(''),
    statementSignature: text('statement_signature').notNull().default(''),
  },
  (t) => [index('signing_keys_created_by').on(t.createdBy)],
);

/**
 * The release log: every report that left the office (files or a bundle), with the exact counts of the tables the
 * publication profile protected and which of their cells it hid. A later publication reads it back so that nothing
 * it hid before can be recovered by differencing against what leaves now (security.md §7).
 */
export const reportReleases = sqliteTable(
  'report_releases',
  {
    id: text('id').primaryKey(),
    periodId: text('period_id').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    profile: text('profile').notNull(),
    threshold: integer('threshold'),
    /** 'files' (written to a folder) or 'bundle' (signed). */
    form: text('form').notNull(),
    /** SHA-256 of the report's canonical JSON: what the recipient can match against. */
    reportHash: text('report_hash').notNull(),
    auditCount: integer('audit_count').notNull(),
    /** CountTable[] of the protected tables, as computed for this release. */
    tables: text('tables', { mode: 'json' }).$type<unknown[]>().notNull(),
    /** CellRef[] hidden by this release. */
    suppressed: text('suppressed', { mode: 'json' }).$type<unknown[]>().notNull(),
    releasedAt: text('released_at').notNull(),
    releasedBy: text('released_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('report_releases_profile_period').on(t.profile, t.periodTo), index('report_releases_released_by').on(t.releasedBy)],
);
