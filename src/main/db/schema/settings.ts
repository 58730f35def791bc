import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Store-wide settings as JSON values (idle lock, store id, and later the legal parameters). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
