import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Certificates of users' public signing keys, appended, never replaced: who holds which key, whether it may
 * certify others, and the key that vouched for it (its signature over all of that). The first admin's key is
 * the root, a self-signed row pinned inside every slot made after it. A key's standing is judged as of each
 * row, in order: a later row for the same key (a change of roles) changes what it may do from then on, and
 * certificates it issued before stay valid. No foreign key: the recovery slot and the root have keys but are
 * not users.
 */
export const userKeys = sqliteTable(
  'user_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull(),
    publicKey: text('public_key').notNull(),
    issuerKey: text('issuer_key').notNull(),
    mayCertify: integer('may_certify', { mode: 'boolean' }).notNull(),
    certificate: text('certificate').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('user_keys_user').on(t.userId)],
);

/**
 * Chain heads signed by the user who saw them (at every lock, at the end of a session, every so many events,
 * in every backup). An event below another user's signed head cannot change without breaking that signature.
 */
export const auditHeads = sqliteTable(
  'audit_heads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
    userId: text('user_id').notNull(),
    signedAt: text('signed_at').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_heads_seq').on(t.seq)],
);
