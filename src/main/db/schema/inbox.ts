import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * The recipient's side of the report bundles: the senders it trusts with their minisign keys, and every bundle it
 * was given with what became of it. A bundle holds aggregates only, so a received row holds no personal data.
 */
export const inboxSenders = sqliteTable(
  'inbox_senders',
  {
    /** The sender's КАТОТТГ code (a raion or an oblast). */
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('inbox_senders_added_by').on(t.addedBy)],
);

export const inboxKeys = sqliteTable(
  'inbox_keys',
  {
    /** minisign's key id, 16 hex digits; one key belongs to one sender only. */
    keyId: text('key_id').primaryKey(),
    senderCode: text('sender_code')
      .notNull()
      .references(() => inboxSenders.code),
    /** The standard minisign .pub file. */
    publicKey: text('public_key').notNull(),
    /** ISO instants: the key signs bundles generated from valid_from up to (not including) valid_to. */
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by')
      .notNull()
      .references(() => users.id),
    /** added | rotation */
    source: text('source').notNull().default('added'),
    /** For a key trusted by rotation: the statement and its signature by the old key, kept as the proof. */
    statement: text('statement').notNull().default(''),
    statementSignature: text('statement_signature').notNull().default(''),
  },
  (t) => [index('inbox_keys_sender').on(t.senderCode), index('inbox_keys_added_by').on(t.addedBy)],
);

/**
 * Every import attempt. For a refused bundle sender, period, profile and generated_at are what it claims (unverified,
 * null when not even its signature could be read): they only place the refusal in the status table.
 */
export const receivedBundles = sqliteTable(
  'received_bundles',
  {
    id: text('id').primaryKey(),
    senderCode: text('sender_code'),
    period: text('period'),
    profile: text('profile'),
    generatedAt: text('generated_at'),
    keyId: text('key_id'),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the zip, hex. */
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** accepted | invalid | superseded */
    status: text('status').notNull(),
    /** The refusal code; null when accepted. */
    reason: text('reason'),
    detail: text('detail').notNull().default(''),
    receivedAt: text('received_at').notNull(),
    receivedBy: text('received_by')
      .notNull()
      .references(() => users.id),
    /** The report (data/report.json, canonical JSON as signed) of a bundle that was accepted. */
    reportJson: text('report_json'),
  },
  (t) => [
    index('received_bundles_sender_period').on(t.senderCode, t.period, t.profile),
    index('received_bundles_period').on(t.period, t.status),
    index('received_bundles_received_by').on(t.receivedBy),
    index('received_bundles_received_at').on(t.receivedAt),
  ],
);
