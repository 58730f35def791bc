import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Staff accounts. A removed user keeps the row (the audit trail refers to it) but loses the key slot. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
    mustChangePassphrase: integer('must_change_passphrase', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    removedAt: text('removed_at'),
    lastUnlockAt: text('last_unlock_at'),
  },
  (t) => [uniqueIndex('users_login_active').on(sql`lower(${t.login})`).where(sql`${t.removedAt} IS NULL`)],
);
