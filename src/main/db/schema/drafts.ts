import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * Unsaved edits kept when the store locks (by hand, or after the idle countdown), one per user and record, inside
 * the encrypted database: never on disk in plaintext, never in the window's storage. Offered back to the same
 * user only, after their next unlock.
 */
export const drafts = sqliteTable(
  'drafts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** `<page>:<record id>`, e.g. `meetings:…`: where the edits belong and where the offer leads. */
    key: text('key').notNull(),
    /** How a person names the record («засідання № 4/2026»), for the offer after unlock. */
    label: text('label').notNull(),
    /** The form's values as JSON. */
    payload: text('payload').notNull(),
    savedAt: text('saved_at').notNull(),
  },
  // The key's first column is the user: their drafts are found on it.
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
