import { AppError } from '../../../shared/errors';
import { CODE_PREFIX, searchName, type Territory, type TerritoryCategory, type TerritoryRef } from '../../../shared/domain/territories';
import type { Db } from '../../store/connection';
import { putSetting } from '../../store/settings';
import { parseCodifier, type CodifierUnit } from './territories.codifier';
import { shippedCodifier } from './territories.shipped';

/**
 * Writes an edition's units (new ones added, known ones renamed or moved) and marks every unit the edition does not
 * list as dropped in it. Nothing is deleted: a record keeps the code it was saved with. Call inside a transaction.
 */
export function writeEdition(db: Db, units: CodifierUnit[], edition: string, now: Date): { added: number; dropped: number } {
  const before = db.prepare('SELECT count(*) FROM territories').pluck().get() as number;
  const upsert = db.prepare(
    `INSERT INTO territories (code, category, name, search_name, parent_code, oblast_code, raion_code, hromada_code, edition, dropped_in)
     VALUES (@code, @category, @name, @searchName, @parentCode, @oblastCode, @raionCode, @hromadaCode, @edition, NULL)
     ON CONFLICT(code) DO UPDATE SET category = excluded.category, name = excluded.name, search_name = excluded.search_name,
       parent_code = excluded.parent_code, oblast_code = excluded.oblast_code, raion_code = excluded.raion_code,
       hromada_code = excluded.hromada_code, edition = excluded.edition, dropped_in = NULL`,
  );
  for (const unit of units) upsert.run({ ...unit, edition });
  const dropped = db.prepare('UPDATE territories SET dropped_in = ? WHERE edition <> ? AND dropped_in IS NULL').run(edition, edition).changes;
  const added = (db.prepare('SELECT count(*) FROM territories').pluck().get() as number) - before;
  refreshPlaceColumns(db);
  const droppedInAll = db.prepare('SELECT count(*) FROM territories WHERE dropped_in IS NOT NULL').pluck().get() as number;
  putSetting(db, 'territoryEdition', { edition, loadedAt: now.toISOString(), units: units.length, dropped: droppedInAll }, now);
  return { added, dropped };
}

/** Fills an empty territories table from the shipped edition: a new store, or one made before territories existed. */
export function ensureTerritories(db: Db, now: Date): void {
  if (db.prepare('SELECT 1 FROM territories LIMIT 1').get()) return;
  const shipped = shippedCodifier();
  const parsed = parseCodifier(shipped.csv);
  // The shipped file is checked by the tests; a damaged install must not fill a store with half a codifier.
  if (parsed.badRows > 0) throw new AppError('INTERNAL', 'the shipped codifier has bad rows', { badRows: parsed.badRows });
  db.transaction(() => writeEdition(db, parsed.units, shipped.edition, now))();
}

interface Row {
  code: string;
  category: TerritoryCategory;
  name: string;
  droppedIn: string | null;
  parentCode: string | null;
  hromadaCode: string | null;
  raionCode: string | null;
  oblastCode: string | null;
}

const COLUMNS = `code, category, name, dropped_in AS droppedIn, parent_code AS parentCode, hromada_code AS hromadaCode,
  raion_code AS raionCode, oblast_code AS oblastCode`;

/** Adds the names of the units each one lies in, read in one statement for the whole page. */
function withHierarchy(db: Db, rows: Row[]): Territory[] {
  const above = new Set<string>();
  for (const r of rows) for (const c of [r.parentCode, r.hromadaCode, r.raionCode, r.oblastCode]) if (c) above.add(c);
  const refs = new Map<string, TerritoryRef>();
  if (above.size > 0) {
    const found = db
      .prepare('SELECT code, category, name FROM territories WHERE code IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...above])) as TerritoryRef[];
    for (const ref of found) refs.set(ref.code, ref);
  }
  return rows.map((r) => {
    const within: TerritoryRef[] = [];
    for (const c of [r.parentCode, r.hromadaCode, r.raionCode, r.oblastCode]) {
      const ref = c ? refs.get(c) : undefined;
      if (ref && !within.some((w) => w.code === ref.code)) within.push(ref);
    }
    return { code: r.code, category: r.category, name: r.name, droppedIn: r.droppedIn, within };
  });
}

/** Largest units first, so «Полт» offers the oblast and the city before the villages of the same name. */
const RANK = `CASE category WHEN 'O' THEN 0 WHEN 'K' THEN 1 WHEN 'P' THEN 2 WHEN 'H' THEN 3 WHEN 'M' THEN 4 WHEN 'X' THEN 5 WHEN 'C' THEN 6 ELSE 7 END`;

/**
 * Units whose name starts with the text (or whose code starts with it, when it looks like a code), in one oblast or
 * everywhere. Dropped units are not offered for new entries. The prefix is a range on the index, not LIKE: SQLite's
 * LIKE folds ASCII case only and uses no index over Cyrillic text unless case-sensitive LIKE is turned on for the
 * whole connection.
 */
export function searchTerritories(db: Db, input: { text: string; limit: number; oblast: string }): Territory[] {
  const byCode = CODE_PREFIX.test(input.text);
  const prefix = byCode ? input.text.toUpperCase() : searchName(input.text);
  const scope = input.oblast ? 'AND (oblast_code = @oblast OR code = @oblast)' : '';
  const column = byCode ? 'code' : 'search_name';
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM territories
       WHERE ${column} >= @prefix AND ${column} < @prefix || char(1114111) AND dropped_in IS NULL ${scope}
       ORDER BY ${byCode ? 'code' : `search_name = @prefix DESC, ${RANK}, search_name, code`} LIMIT @limit`,
    )
    .all({ prefix, oblast: input.oblast, limit: input.limit }) as Row[];
  return withHierarchy(db, rows);
}

/** The oblasts, the Autonomous Republic and the two cities with special status: what a store may serve. */
export function topLevelUnits(db: Db): TerritoryRef[] {
  return db.prepare("SELECT code, category, name FROM territories WHERE oblast_code IS NULL AND category IN ('O', 'K') ORDER BY name").all() as TerritoryRef[];
}

/** The units of the given codes, dropped ones included (records show what they were saved with). */
export function getTerritories(db: Db, codes: string[]): Territory[] {
  if (codes.length === 0) return [];
  const rows = db.prepare(`SELECT ${COLUMNS} FROM territories WHERE code IN (SELECT value FROM json_each(?))`).all(JSON.stringify(codes)) as Row[];
  return withHierarchy(db, rows);
}

/**
 * Refuses a КАТОТТГ code the codifier does not have, at `path` (the field as the channel's input names it, so the form
 * puts the sentence under it). A dropped code is accepted only when the record already had it: saving an old record
 * unchanged must not fail because a newer edition no longer lists its village.
 */
export function assertKnownTerritory(db: Db, now: Date, path: string, code: string, previous: string | null = null): void {
  if (code === '' || code === previous) return;
  ensureTerritories(db, now);
  const unit = db.prepare('SELECT dropped_in AS droppedIn FROM territories WHERE code = ?').get(code) as { droppedIn: string | null } | undefined;
  const reason = !unit ? 'unknown_territory' : unit.droppedIn !== null ? 'dropped_territory' : null;
  if (!reason) return;
  const field = path.split('.').at(-1)!;
  const key = reason === 'unknown_territory' ? 'unknownTerritory' : 'droppedTerritory';
  throw new AppError('VALIDATION', reason.replace('_', ' '), { field, reason, issues: [{ path, code: 'custom', key }] });
}

/**
 * The hromada and raion a code lies in (a hromada's or raion's own code counts as itself): what trainings, their
 * participants and prevention events keep beside the code, so coverage groups on them without the codifier.
 * Null where the code is above that level, or empty.
 */
export function placeOf(db: Db, now: Date, code: string): { hromadaCode: string | null; raionCode: string | null } {
  if (code === '') return { hromadaCode: null, raionCode: null };
  ensureTerritories(db, now);
  const unit = db.prepare('SELECT category, hromada_code AS hromadaCode, raion_code AS raionCode FROM territories WHERE code = ?').get(code) as
    | { category: TerritoryCategory; hromadaCode: string | null; raionCode: string | null }
    | undefined;
  if (!unit) return { hromadaCode: null, raionCode: null };
  return { hromadaCode: unit.category === 'H' ? code : unit.hromadaCode, raionCode: unit.category === 'P' ? code : unit.raionCode };
}

/** The hromada (or raion) a unit's code lies in, as an SQL expression over the territories row `t`; see placeOf. */
const HROMADA_OF = "CASE WHEN t.category = 'H' THEN t.code ELSE t.hromada_code END";
const RAION_OF = "CASE WHEN t.category = 'P' THEN t.code ELSE t.raion_code END";

/**
 * The hromada and raion codes kept beside trainings, participants and prevention events, worked out again from the
 * codifier: an edition that moves a village to another hromada moves its records with it. A code the edition dropped
 * keeps the place its last edition gave it.
 */
function refreshPlaceColumns(db: Db): void {
  // A store migrated only as far as the codifier (the migration tests' stores) has none of these tables yet.
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'prevention_events'").get()) return;
  db.prepare(`UPDATE trainings SET venue_hromada = (SELECT ${HROMADA_OF} FROM territories t WHERE t.code = trainings.venue) WHERE venue <> ''`).run();
  db.prepare(`UPDATE training_participants SET hromada_code = (SELECT ${HROMADA_OF} FROM territories t WHERE t.code = training_participants.territory) WHERE territory <> ''`).run();
  db.prepare(
    `UPDATE prevention_events SET hromada_code = (SELECT ${HROMADA_OF} FROM territories t WHERE t.code = prevention_events.territory),
       raion_code = (SELECT ${RAION_OF} FROM territories t WHERE t.code = prevention_events.territory)`,
  ).run();
}
