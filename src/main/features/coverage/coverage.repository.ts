import { RECENT_MONTHS, type Coverage, type CoverageGap, type HromadaCoverage, type RaionCoverage } from '../../../shared/domain/coverage';
import type { AgreementKind, PreventionKind } from '../../../shared/domain/training-codes';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/connection';
import { getSetting } from '../../store/settings';

/**
 * What each hromada of the store's oblast has of the mechanism. A handful of grouped statements for the whole oblast
 * (60–90 hromadas), each on an index keyed by the hromada code, joined in memory: never one statement per hromada.
 */

/** The same day `months` earlier; a day the month lacks (29 February, 31st) falls to that month's last day. */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function validation(field: string, reason: string, key: string): AppError {
  return new AppError('VALIDATION', reason.replaceAll('_', ' '), { field, reason, issues: [{ path: field, code: 'custom', key }] });
}

/** The store's oblast as the settings name it; null until it is chosen. */
export function storeOblast(db: Db): { code: string; name: string } | null {
  const code = getSetting(db, 'territoryOptions').oblast;
  if (!code) return null;
  const name = (db.prepare('SELECT name FROM territories WHERE code = ?').pluck().get(code) as string | undefined) ?? code;
  return { code, name };
}

/** Refuses a code that is not a current hromada of the store's oblast, naming what to choose instead. */
export function requireOblastHromada(db: Db, code: string): void {
  const oblast = getSetting(db, 'territoryOptions').oblast;
  if (!oblast) throw validation('code', 'oblast_not_set', 'oblastNotSet');
  const unit = db.prepare('SELECT category, oblast_code AS oblastCode, dropped_in AS droppedIn FROM territories WHERE code = ?').get(code) as
    | { category: string; oblastCode: string | null; droppedIn: string | null }
    | undefined;
  if (!unit) throw validation('code', 'unknown_territory', 'unknownTerritory');
  if (unit.category !== 'H' || unit.oblastCode !== oblast) throw validation('code', 'not_oblast_hromada', 'notOblastHromada');
  if (unit.droppedIn !== null) throw validation('code', 'dropped_territory', 'droppedTerritory');
}

interface Unit {
  code: string;
  name: string;
  raionCode: string | null;
}

interface SetupRow {
  code: string;
  coordinatorName: string;
  coordinatorPosition: string;
  coordinatorSince: string | null;
  agreementKind: AgreementKind | null;
  agreementNumber: string;
  agreementDate: string | null;
}

type Dated = { hromada: string; id: string; title: string; date: string };

/** The statements coverage runs, by name, so a test can ask SQLite how it plans each one. */
export const COVERAGE_SQL = {
  hromadas: `SELECT code, name, raion_code AS raionCode FROM territories WHERE oblast_code = ? AND category = 'H' AND dropped_in IS NULL`,
  raions: `SELECT code, name, raion_code AS raionCode FROM territories WHERE oblast_code = ? AND category = 'P' AND dropped_in IS NULL`,
  setups: `SELECT code, coordinator_name AS coordinatorName, coordinator_position AS coordinatorPosition, coordinator_since AS coordinatorSince,
      agreement_kind AS agreementKind, agreement_number AS agreementNumber, agreement_date AS agreementDate
    FROM hromada_setups WHERE code IN (SELECT value FROM json_each(?))`,
  // SQLite returns the bare columns of the row that gave MAX(): the latest training of each hromada, on the index.
  trainingsHeld: `SELECT venue_hromada AS hromada, id, title, MAX(ends_on) AS date FROM trainings
    WHERE venue_hromada IN (SELECT value FROM json_each(?)) AND ends_on <= ? GROUP BY venue_hromada`,
  trainingsAttended: `SELECT p.hromada_code AS hromada, t.id, t.title, MAX(t.ends_on) AS date
    FROM training_participants p JOIN trainings t ON t.id = p.training_id
    WHERE p.hromada_code IN (SELECT value FROM json_each(?)) AND p.attendance <> 'absent' AND t.ends_on <= ? GROUP BY p.hromada_code`,
  trainees: `SELECT p.hromada_code AS hromada, COUNT(DISTINCT p.trainee_id) AS n
    FROM training_participants p JOIN trainings t ON t.id = p.training_id
    WHERE p.hromada_code IN (SELECT value FROM json_each(?)) AND p.attendance <> 'absent' AND t.ends_on >= ? AND t.ends_on <= ? GROUP BY p.hromada_code`,
  events: `SELECT hromada_code AS hromada, id, kind, title, MAX(date) AS date FROM prevention_events
    WHERE hromada_code IN (SELECT value FROM json_each(?)) AND date <= ? GROUP BY hromada_code`,
} as const;

const byUk = (a: string, b: string) => a.localeCompare(b, 'uk');

/**
 * The whole oblast's coverage on `asOf` (Kyiv's today). A training counts once it has ended (one planned ahead has
 * reached no one yet), and through a participant only if they came: absent staff were not trained. The raions (the
 * chart) always cover the whole oblast; the rows follow the filter.
 */
export function coverageOf(db: Db, asOf: string, filter: { raion: string; gaps: readonly CoverageGap[] }): Coverage {
  const since = monthsBefore(asOf, RECENT_MONTHS);
  const oblast = storeOblast(db);
  if (!oblast) {
    if (filter.raion !== '') throw validation('raion', 'oblast_not_set', 'oblastNotSet');
    return { oblast: null, asOf, since, raions: [], hromadas: [], total: 0 };
  }
  const raionUnits = db.prepare(COVERAGE_SQL.raions).all(oblast.code) as Unit[];
  if (filter.raion !== '' && !raionUnits.some((r) => r.code === filter.raion)) throw validation('raion', 'not_oblast_raion', 'notOblastRaion');
  const units = db.prepare(COVERAGE_SQL.hromadas).all(oblast.code) as Unit[];
  const codes = JSON.stringify(units.map((u) => u.code));
  const setups = new Map((db.prepare(COVERAGE_SQL.setups).all(codes) as SetupRow[]).map((s) => [s.code, s]));
  const held = new Map((db.prepare(COVERAGE_SQL.trainingsHeld).all(codes, asOf) as Dated[]).map((t) => [t.hromada, t]));
  const attended = new Map((db.prepare(COVERAGE_SQL.trainingsAttended).all(codes, asOf) as Dated[]).map((t) => [t.hromada, t]));
  const trainees = new Map((db.prepare(COVERAGE_SQL.trainees).all(codes, since, asOf) as { hromada: string; n: number }[]).map((t) => [t.hromada, t.n]));
  const events = new Map((db.prepare(COVERAGE_SQL.events).all(codes, asOf) as (Dated & { kind: PreventionKind })[]).map((e) => [e.hromada, e]));

  const raionName = new Map(raionUnits.map((r) => [r.code, r.name]));
  const all: HromadaCoverage[] = units.map((u) => {
    const setup = setups.get(u.code);
    const a = held.get(u.code);
    const b = attended.get(u.code);
    const last = a && b ? (b.date > a.date ? b : a) : (a ?? b);
    const event = events.get(u.code);
    return {
      code: u.code,
      name: u.name,
      raionCode: u.raionCode ?? '',
      coordinator: setup && setup.coordinatorName ? { name: setup.coordinatorName, position: setup.coordinatorPosition, since: setup.coordinatorSince } : null,
      agreement: setup?.agreementKind && setup.agreementDate ? { kind: setup.agreementKind, number: setup.agreementNumber, date: setup.agreementDate } : null,
      lastTraining: last ? { id: last.id, title: last.title, date: last.date } : null,
      lastEvent: event ? { id: event.id, kind: event.kind, title: event.title, date: event.date } : null,
      trainedRecently: trainees.get(u.code) ?? 0,
    };
  });
  all.sort((x, y) => byUk(raionName.get(x.raionCode) ?? '', raionName.get(y.raionCode) ?? '') || byUk(x.name, y.name) || byUk(x.code, y.code));

  const trained = (h: HromadaCoverage) => h.lastTraining !== null && h.lastTraining.date >= since;
  const reached = (h: HromadaCoverage) => h.lastEvent !== null && h.lastEvent.date >= since;
  const lacks: Record<CoverageGap, (h: HromadaCoverage) => boolean> = {
    no_training: (h) => !trained(h),
    no_event: (h) => !reached(h),
    no_coordinator: (h) => h.coordinator === null,
    no_agreement: (h) => h.agreement === null,
  };
  const raions: RaionCoverage[] = raionUnits
    .map((r) => {
      const own = all.filter((h) => h.raionCode === r.code);
      const count = (test: (h: HromadaCoverage) => boolean) => own.filter(test).length;
      return {
        code: r.code,
        name: r.name,
        hromadas: own.length,
        withCoordinator: count((h) => h.coordinator !== null),
        withAgreement: count((h) => h.agreement !== null),
        trainedRecently: count(trained),
        eventRecently: count(reached),
      };
    })
    .sort((x, y) => byUk(x.name, y.name));
  const scoped = filter.raion === '' ? all : all.filter((h) => h.raionCode === filter.raion);
  const hromadas = scoped.filter((h) => filter.gaps.every((gap) => lacks[gap](h)));
  return { oblast, asOf, since, raions, hromadas, total: scoped.length };
}
