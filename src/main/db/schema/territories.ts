import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The КАТОТТГ codifier, one row per unit. Rows are never deleted: records keep the codes they were saved with, so a
 * unit a newer edition no longer lists stays, marked with that edition in `dropped_in`.
 */
export const territories = sqliteTable(
  'territories',
  {
    code: text('code').primaryKey(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    /** The name as searched (see searchName): lower case, one apostrophe. */
    searchName: text('search_name').notNull(),
    parentCode: text('parent_code'),
    oblastCode: text('oblast_code'),
    raionCode: text('raion_code'),
    hromadaCode: text('hromada_code'),
    /** The last edition that listed the unit. */
    edition: text('edition').notNull(),
    droppedIn: text('dropped_in'),
  },
  (t) => [
    index('territories_search_name').on(t.searchName),
    index('territories_oblast_name').on(t.oblastCode, t.searchName),
    /** The raions and hromadas of an oblast, for the coverage screen. */
    index('territories_oblast_category').on(t.oblastCode, t.category, t.raionCode),
  ],
);
