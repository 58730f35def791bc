import { clockFrom, type Clock } from '../../../shared/case-procedure';
import type { AidCategory } from '../../../shared/domain/case-codes';
import type { DayOff, DecidingBody, Minimum, Parameters, TermKey, TermVersion } from '../../../shared/domain/parameters';
import type { Db } from '../../store/connection';
import { getSetting } from '../../store/settings';

interface TermRow {
  id: string;
  key: TermKey;
  value: number;
  unit: TermVersion['unit'];
  day_kind: TermVersion['dayKind'];
  counts_from: TermVersion['countsFrom'];
  legal_basis: string;
  confirmed: number;
  valid_from: string;
  created_at: string;
}

const toTerm = (r: TermRow): TermVersion => ({
  id: r.id,
  key: r.key,
  value: r.value,
  unit: r.unit,
  dayKind: r.day_kind,
  countsFrom: r.counts_from,
  legalBasis: r.legal_basis,
  confirmed: r.confirmed === 1,
  validFrom: r.valid_from,
  createdAt: r.created_at,
});

export function listTerms(db: Db): TermVersion[] {
  return (db.prepare('SELECT * FROM term_versions ORDER BY key, valid_from').all() as TermRow[]).map(toTerm);
}

export function listDaysOff(db: Db): DayOff[] {
  return db.prepare('SELECT date, name FROM days_off ORDER BY date').all() as DayOff[];
}

export function listMinimums(db: Db): Minimum[] {
  return db
    .prepare('SELECT id, category, valid_from AS validFrom, amount_kop AS amountKop, legal_basis AS legalBasis FROM subsistence_minimums ORDER BY category, valid_from')
    .all() as Minimum[];
}

export function listDecidingBodies(db: Db): DecidingBody[] {
  return db.prepare('SELECT id, name, valid_from AS validFrom FROM deciding_bodies ORDER BY valid_from').all() as DecidingBody[];
}

export function loadParameters(db: Db, today: string): Parameters {
  return {
    terms: listTerms(db),
    daysOff: listDaysOff(db),
    minimums: listMinimums(db),
    decidingBodies: listDecidingBodies(db),
    options: getSetting(db, 'caseOptions'),
    today,
  };
}

/** Everything the procedure's clock needs, read once per call. */
export function clockOf(db: Db, today: string): Clock {
  return clockFrom(listTerms(db), listDaysOff(db), getSetting(db, 'caseOptions').moveEndOffDays, today);
}

export function decidingBodyAt(db: Db, date: string): string {
  const row = db.prepare('SELECT name FROM deciding_bodies WHERE valid_from <= ? ORDER BY valid_from DESC LIMIT 1').get(date) as { name: string } | undefined;
  return row?.name ?? '';
}

/** The subsistence minimum of a category in force on a date, or null when the table has none that early. */
export function minimumAt(db: Db, category: AidCategory, date: string): number | null {
  const row = db
    .prepare('SELECT amount_kop AS amountKop FROM subsistence_minimums WHERE category = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1')
    .get(category, date) as { amountKop: number } | undefined;
  return row?.amountKop ?? null;
}

