import { randomUUID } from 'node:crypto';
import { organisationKey } from '../../../shared/domain/organisations';
import { searchName, type TerritoryCategory } from '../../../shared/domain/territories';
import type { Attendance } from '../../../shared/domain/training-codes';
import {
  ImportRowSchema,
  type CheckedRow,
  type ImportCheck,
  type ImportMapping,
  type ImportProblem,
  type ImportRow,
  type Sheet,
  type TraineeMatch,
} from '../../../shared/domain/trainings';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/connection';
import { getSetting } from '../../store/settings';
import { ensureTerritories, placeOf } from '../territories/territories.repository';
import { insertParticipant, insertTrainee, matchKeyOf, traineesByKey, type TrainingRow } from './trainings.repository';

/**
 * Checking and importing the rows of a sign-in sheet. The check is the import's own: `import` runs it again inside
 * its transaction and writes nothing unless every row passes, so what the preview showed is what is saved.
 */

type Row = ReturnType<typeof ImportRowSchema.parse>;
type Problem = CheckedRow['problems'][number];

/* ------------------------------------------------------------------------------------------ words */

const ATTENDANCE_WORDS: Record<string, Attendance> = {};
for (const [attendance, words] of [
  ['full', ['повністю', 'так', '+', '1', 'присутній', 'присутня', 'присутній(-я)', 'був', 'була', 'yes', 'y', 'full', 'present', 'attended']],
  ['partial', ['частково', 'частк', 'partly', 'partial', 'partially']],
  ['absent', ['ні', 'відсутній', 'відсутня', 'не був', 'не була', 'не був(-ла)', '-', '0', 'no', 'n', 'absent']],
] as const) {
  for (const w of words) ATTENDANCE_WORDS[searchName(w)] = attendance;
}

const fmtHours = (h: number) => String(h).replace('.', ',');

/** «7,5», «7.5», «8»: halves of hours, as the training counts them. */
function parseHours(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,4}(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isInteger(n * 2) ? n : null;
}

/** A name split into words: «Коваль Ірина Петрівна» in one cell reads as surname, name and patronymic. */
function names(row: Row): {
  surname: string;
  name: string;
  patronymic: string;
} {
  const clean = (s: string) => s.trim().replace(/\s+/g, ' ');
  let [surname, name, patronymic] = [clean(row.surname), clean(row.name), clean(row.patronymic)];
  const split = (whole: string) => whole.split(' ');
  if (surname === '' && !patronymic && split(name).length >= 2 && split(name).length <= 3) [surname = '', name = '', patronymic = ''] = split(name);
  else if (name === '' && !patronymic && split(surname).length >= 2 && split(surname).length <= 3) [surname = '', name = '', patronymic = ''] = split(surname);
  return { surname, name, patronymic };
}

/* ---------------------------------------------------------------------------------- organisations */

interface Directory {
  byId: Map<string, { id: string; name: string; type: string }>;
  byKey: Map<string, { id: string; name: string; type: string }[]>;
}

/** The directory's active organisations by their normalised full and short names: a few hundred rows, read once per check. */
function directory(db: Db): Directory {
  const rows = db.prepare('SELECT id, name, short_name AS shortName, type, active, merged_into_id AS mergedInto FROM organisations').all() as {
    id: string;
    name: string;
    shortName: string;
    type: string;
    active: number;
    mergedInto: string | null;
  }[];
  // Chosen by id in the preview as by name in the sheet: only an active organisation that was not merged away.
  const byId = new Map(rows.filter((r) => r.active === 1 && !r.mergedInto).map((r) => [r.id, { id: r.id, name: r.name, type: r.type }]));
  const byKey = new Map<string, { id: string; name: string; type: string }[]>();
  for (const r of rows) {
    if (r.active !== 1 || r.mergedInto) continue;
    for (const key of new Set([organisationKey(r.name), organisationKey(r.shortName)])) {
      if (!key) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), { id: r.id, name: r.name, type: r.type }]);
    }
  }
  return { byId, byKey };
}

/* ------------------------------------------------------------------------------------ territories */

const KIND_WORDS: [RegExp, TerritoryCategory[]][] = [
  [/^(м\.|місто|м )\s*/, ['M', 'K']],
  [/^(смт|с-ще|сел\.|селище)\s*/, ['X']],
  [/^(с\.|село|с )\s*/, ['C']],
];
const HROMADA = /\s+(сільська|селищна|міська)?\s*(територіальна\s+)?(громада|тг|отг)$/;
const RAION = /\s+район$/;

/** One part of a place as typed: the name and the categories its words allow. */
function placePart(text: string): {
  name: string;
  categories: TerritoryCategory[];
} {
  let name = searchName(text).replace(/\s*\(.*\)$/, '');
  if (HROMADA.test(name)) return { name: name.replace(HROMADA, ''), categories: ['H'] };
  if (RAION.test(name)) return { name: name.replace(RAION, ''), categories: ['P'] };
  for (const [re, categories] of KIND_WORDS) {
    if (re.test(name)) {
      name = name.replace(re, '').trim();
      return { name, categories };
    }
  }
  return { name, categories: ['H', 'M', 'X', 'C'] };
}

interface Unit {
  code: string;
  category: TerritoryCategory;
  name: string;
  hromadaCode: string | null;
  raionCode: string | null;
  droppedIn: string | null;
}

function unitsNamed(db: Db, oblast: string, name: string, categories: TerritoryCategory[]): Unit[] {
  // (oblast_code, search_name) and (search_name) are both indexes: the name is an equality on either.
  const scope = oblast ? 'oblast_code = @oblast AND' : '';
  return (
    db
      .prepare(
        `SELECT code, category, name, hromada_code AS hromadaCode, raion_code AS raionCode, dropped_in AS droppedIn FROM territories
         WHERE ${scope} search_name = @name`,
      )
      .all({ oblast, name }) as Unit[]
  ).filter((u) => categories.includes(u.category));
}

type TerritoryResult = { code: string; name: string } | { problem: ImportProblem };

/**
 * A place as people write it on a sheet: a code, «Решетилівська громада», «с. Андріївка» or «Андріївка, Решетилівська
 * громада» (the later parts say what the first lies in), looked up in the store's oblast. Unique or nothing.
 */
function resolveTerritory(db: Db, oblast: string, text: string): TerritoryResult {
  if (/^ua\d{17}$/i.test(text)) {
    const unit = db.prepare('SELECT code, name, dropped_in AS droppedIn FROM territories WHERE code = ?').get(text.toUpperCase()) as
      { code: string; name: string; droppedIn: string | null } | undefined;
    if (!unit) return { problem: 'territory_unknown' };
    return unit.droppedIn ? { problem: 'territory_dropped' } : { code: unit.code, name: unit.name };
  }
  const [first, ...within] = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!first) return { problem: 'territory_unknown' };
  const target = placePart(first);
  let units = unitsNamed(db, oblast, target.name, target.categories);
  for (const part of within) {
    const outer = placePart(part);
    const codes = new Set(unitsNamed(db, oblast, outer.name, outer.categories.filter((c) => c === 'H' || c === 'P').length ? outer.categories : ['H', 'P']).map((u) => u.code));
    units = units.filter((u) => (u.hromadaCode && codes.has(u.hromadaCode)) || (u.raionCode && codes.has(u.raionCode)));
  }
  const live = units.filter((u) => u.droppedIn === null);
  if (live.length === 1) return { code: live[0]!.code, name: live[0]!.name };
  if (live.length > 1) return { problem: 'territory_ambiguous' };
  return { problem: units.length ? 'territory_dropped' : 'territory_unknown' };
}

function checkTerritoryCode(db: Db, code: string): TerritoryResult {
  return resolveTerritory(db, '', code);
}

/* ------------------------------------------------------------------------------------------ check */

interface Resolved extends CheckedRow {
  organisationType: string;
}

/** A person's identity within one training: the full name as compared and the organisation. */
const personKey = (p: { surname: string; name: string; patronymic: string }, organisation: string) => `${searchName(`${p.surname} ${p.name} ${p.patronymic}`)}|${organisation}`;

function checkRows(db: Db, now: Date, training: TrainingRow, input: ImportRow[]): Resolved[] {
  ensureTerritories(db, now);
  const rows = input.map((r) => ImportRowSchema.parse(r));
  const orgs = directory(db);
  const oblast = getSetting(db, 'territoryOptions').oblast;
  const present = db
    .prepare('SELECT trainee_id AS traineeId, surname, name, patronymic, organisation_id AS organisationId FROM training_participants WHERE training_id = ?')
    .all(training.id) as {
    traineeId: string;
    surname: string;
    name: string;
    patronymic: string;
    organisationId: string;
  }[];
  const presentKeys = new Set(present.map((p) => personKey(p, p.organisationId)));
  const presentTrainees = new Set(present.map((p) => p.traineeId));
  const firstRow = new Map<string, number>();
  return rows.map((row): Resolved => {
    if (row.skip)
      return {
        row: row.row,
        problems: [],
        participant: null,
        matches: [],
        skip: true,
        organisationType: '',
      };
    const problems: Problem[] = [];
    const add = (problem: ImportProblem, field: Problem['field'], detail = '') => problems.push({ problem, field, detail });
    const person = names(row);
    if (!person.surname) add('surname_missing', 'surname');
    if (!person.name) add('name_missing', 'name');
    if (person.surname.length > 100 || person.name.length > 100 || person.patronymic.length > 100) add('too_long', 'name');

    let organisation: { id: string; name: string; type: string } | null = null;
    if (row.organisationId) {
      organisation = orgs.byId.get(row.organisationId) ?? null;
      if (!organisation) add('organisation_unknown', 'organisation', row.organisation || row.organisationId);
    } else if (!row.organisation) add('organisation_missing', 'organisation');
    else {
      const found = orgs.byKey.get(organisationKey(row.organisation)) ?? [];
      if (found.length === 1) organisation = found[0]!;
      else add(found.length ? 'organisation_ambiguous' : 'organisation_unknown', 'organisation', row.organisation);
    }

    let territory = { code: '', name: '' };
    const place = row.territoryCode ? checkTerritoryCode(db, row.territoryCode) : row.territory ? resolveTerritory(db, oblast, row.territory) : territory;
    if ('problem' in place) add(place.problem, 'territory', row.territoryCode ?? row.territory);
    else territory = place;

    const word = searchName(row.attendance);
    let attendance: Attendance | null = word ? (ATTENDANCE_WORDS[word] ?? null) : null;
    if (word && !attendance) add('attendance_bad', 'attendance', row.attendance);
    let hours: number | null = null;
    if (row.hours.trim() === '') {
      if (attendance === 'partial') add('hours_bad', 'hours', '');
      else hours = attendance === 'absent' ? 0 : training.hours;
    } else {
      hours = parseHours(row.hours);
      if (hours === null) add('hours_bad', 'hours', row.hours);
      else if (hours > training.hours) add('hours_over', 'hours', fmtHours(training.hours));
    }
    if (attendance === 'absent') hours = 0;
    // No word: the hours say it.
    if (!word && hours !== null) attendance = hours === 0 ? 'absent' : hours >= training.hours ? 'full' : 'partial';

    const key = personKey(person, organisation?.id ?? organisationKey(row.organisation));
    if (person.surname && person.name) {
      const first = firstRow.get(key);
      if (first !== undefined) add('duplicate_in_file', 'row', String(first));
      else firstRow.set(key, row.row);
      if ((organisation && presentKeys.has(key)) || (row.match && row.match !== 'new' && presentTrainees.has(row.match))) add('already_participant', 'row');
    }

    const matches: TraineeMatch[] =
      person.surname && person.name
        ? traineesByKey(db, matchKeyOf(person.surname, person.name)).map((t) => ({
            traineeId: t.traineeId,
            fullName: [t.surname, t.name, t.patronymic].filter(Boolean).join(' '),
            organisationName: t.organisationName,
            lastTraining: t.lastTraining,
            lastTrainedOn: t.lastTrainedOn,
            strong: searchName(t.patronymic) === searchName(person.patronymic) && t.organisationId === organisation?.id,
          }))
        : [];

    return {
      row: row.row,
      problems,
      participant:
        problems.length === 0 && organisation && attendance && hours !== null
          ? {
              ...person,
              position: row.position,
              organisationId: organisation.id,
              organisationName: organisation.name,
              territory: territory.code,
              territoryName: territory.name,
              attendance,
              hoursAttended: hours,
            }
          : null,
      matches,
      skip: false,
      organisationType: organisation?.type ?? '',
    };
  });
}

const summary = (rows: CheckedRow[]): ImportCheck => ({
  rows,
  good: rows.filter((r) => !r.skip && r.problems.length === 0).length,
  bad: rows.filter((r) => !r.skip && r.problems.length > 0).length,
  skipped: rows.filter((r) => r.skip).length,
});

/** The preview: every row's problems and the people trained before it may be. Nothing is stored. */
export function checkImport(db: Db, now: Date, training: TrainingRow, rows: ImportRow[]): ImportCheck {
  return summary(checkRows(db, now, training, rows).map(({ organisationType: _type, ...r }) => r));
}

/**
 * Adds every row that is not skipped, or none: a row with a problem, or one whose matches the user has not decided
 * on (a person trained before, or «new»), refuses the whole import with each row's problems. Returns counts only.
 */
export function importRows(db: Db, now: Date, training: TrainingRow, input: ImportRow[]): { imported: number; newTrainees: number; matched: number; skipped: number } {
  const checked = checkRows(db, now, training, input);
  const decisions = new Map(input.map((r) => [r.row, r.match ?? null]));
  const chosen = new Map<string, number>();
  for (const r of checked) {
    if (r.skip) continue;
    const match = decisions.get(r.row) ?? null;
    // A person trained before only as one of this row's candidates: a choice kept after the names were corrected
    // would file the row under someone else.
    const stale = match !== null && match !== 'new' && !r.matches.some((m) => m.traineeId === match);
    if ((r.matches.length > 0 && match === null) || stale) r.problems.push({ problem: 'match_undecided', field: 'row', detail: '' });
    if (match !== null && match !== 'new' && !stale) {
      const first = chosen.get(match);
      if (first !== undefined) r.problems.push({ problem: 'duplicate_in_file', field: 'row', detail: String(first) });
      else chosen.set(match, r.row);
    }
  }
  const bad = checked.filter((r) => !r.skip && r.problems.length > 0);
  if (bad.length) {
    throw new AppError('VALIDATION', 'rows of the sheet have problems', {
      reason: 'import_rows',
      rows: bad.map((r) => ({ row: r.row, problems: r.problems })),
    });
  }
  const stamp = now.toISOString();
  let newTrainees = 0;
  let imported = 0;
  for (const r of checked) {
    if (r.skip || !r.participant) continue;
    const p = r.participant;
    const match = decisions.get(r.row) ?? null;
    let trainee = match && match !== 'new' ? match : null;
    if (!trainee) {
      trainee = insertTrainee(db, p, stamp);
      newTrainees += 1;
    }
    insertParticipant(db, {
      id: randomUUID(),
      trainingId: training.id,
      trainee,
      surname: p.surname,
      name: p.name,
      patronymic: p.patronymic,
      position: p.position,
      organisationId: p.organisationId,
      organisationType: r.organisationType,
      territory: p.territory,
      hromadaCode: placeOf(db, now, p.territory).hromadaCode,
      attendance: p.attendance,
      hours: p.hoursAttended,
      stamp,
    });
    imported += 1;
  }
  return {
    imported,
    newTrainees,
    matched: imported - newTrainees,
    skipped: checked.filter((r) => r.skip).length,
  };
}

/* ------------------------------------------------------------------------------ sheet to rows */

/** The sheet's rows under a mapping, as the import takes them; a full-name column goes to `name`, which the check splits. */
export function rowsFromSheet(sheet: Sheet, mapping: ImportMapping): ImportRow[] {
  const at = (cells: string[], field: keyof ImportMapping, max: number) => {
    const i = mapping[field];
    return i === undefined ? '' : (cells[i] ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
  };
  return sheet.rows.map(({ row, cells }) => ({
    row,
    surname: mapping.fullName !== undefined ? '' : at(cells, 'surname', 100),
    name: mapping.fullName !== undefined ? at(cells, 'fullName', 100) : at(cells, 'name', 100),
    patronymic: mapping.fullName !== undefined ? '' : at(cells, 'patronymic', 100),
    position: at(cells, 'position', 300),
    organisation: at(cells, 'organisation', 300),
    territory: at(cells, 'territory', 300),
    hours: at(cells, 'hours', 20),
    attendance: at(cells, 'attendance', 40),
  }));
}
