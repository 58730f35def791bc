import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Hash-chained, append-only (triggers in a custom migration forbid UPDATE and DELETE).
 * `details` holds identifiers and counts only, never personal data.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey(),
    ts: text('ts').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    details: text('details').notNull(),
    workstation: text('workstation').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    mac: text('mac').notNull(),
  },
  (t) => [index('audit_ts').on(t.ts), index('audit_action').on(t.action), index('audit_actor').on(t.actorId)],
);
