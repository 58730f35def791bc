import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Each user's public signing key and who vouched for it. The first admin's key is the root: self-signed, and
 * pinned inside every slot made after it. Every other key carries the signature of a key allowed to certify
 * (an admin's, or the recovery slot's). No foreign key: the recovery slot has a key but is not a user.
 */
export const userKeys = sqliteTable(
  'user_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull(),
    publicKey: text('public_key').notNull(),
    issuerId: text('issuer_id').notNull(),
    mayCertify: integer('may_certify', { mode: 'boolean' }).notNull(),
    certificate: text('certificate').notNull(),
    createdAt: text('created_at').notNull(),
  },
  // A user's earlier keys stay (after a recovery the admin has a new one): heads they signed keep verifying.
  (t) => [uniqueIndex('user_keys_user_key').on(t.userId, t.publicKey)],
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
