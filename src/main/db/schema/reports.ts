import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
