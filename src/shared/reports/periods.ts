import { addDays } from '../time';
import type { Period } from './tables';

/**
 * The periods a report is asked for, as the command line and the screen name them: «2026-Q3», «2026-H1», «2026»,
 * or any range «2026-02-01..2026-05-15». Days are Kyiv's calendar days, both ends included; a record belongs to a
 * period by its Kyiv date (for timestamps: from Kyiv's midnight at the start to the next day's after the end).
 */

const QUARTER = /^(\d{4})-Q([1-4])$/;
const HALF = /^(\d{4})-H([12])$/;
const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

export type PeriodKind = 'quarter' | 'half' | 'year' | 'range';

/** The last day of a month (1–12), leap years included. */
function monthEnd(year: number, month: number): string {
  return addDays(`${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}-01`, -1);
}

const validDate = (iso: string): boolean => addDays(iso, 0) === iso;

/** The period a name stands for, or null when the name is none of the four forms or names no real days. */
export function parsePeriod(name: string): (Period & { kind: PeriodKind }) | null {
  const text = name.trim();
  let match = QUARTER.exec(text);
  if (match) {
    const [year, q] = [Number(match[1]), Number(match[2])];
    return { id: text, kind: 'quarter', from: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: monthEnd(year, q * 3) };
  }
  match = HALF.exec(text);
  if (match) {
    const [year, h] = [Number(match[1]), Number(match[2])];
    return { id: text, kind: 'half', from: `${year}-${h === 1 ? '01' : '07'}-01`, to: monthEnd(year, h * 6) };
  }
  match = YEAR.exec(text);
  if (match) return { id: text, kind: 'year', from: `${text}-01-01`, to: `${text}-12-31` };
  match = RANGE.exec(text);
  if (match && validDate(match[1]!) && validDate(match[2]!) && match[1]! <= match[2]!) return { id: text, kind: 'range', from: match[1]!, to: match[2]! };
  return null;
}

/** The same kind of period just before: the previous quarter, half or year; for a range, as many days before. */
export function previousPeriod(period: Period & { kind: PeriodKind }): Period & { kind: PeriodKind } {
  const year = Number(period.from.slice(0, 4));
  if (period.kind === 'quarter') {
    const q = Number(period.id.slice(-1));
    return parsePeriod(q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`)!;
  }
  if (period.kind === 'half') return parsePeriod(period.id.endsWith('H1') ? `${year - 1}-H2` : `${year}-H1`)!;
  if (period.kind === 'year') return parsePeriod(String(year - 1))!;
  const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
  const to = addDays(period.from, -1);
  return parsePeriod(`${addDays(to, 1 - days)}..${to}`)!;
}

/** The same period a year earlier (29 February of a range falls to the 28th). */
export function yearEarlier(period: Period & { kind: PeriodKind }): Period & { kind: PeriodKind } {
  const back = (iso: string): string => {
    const shifted = `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
    return validDate(shifted) ? shifted : addDays(`${shifted.slice(0, 8)}01`, 27);
  };
  if (period.kind === 'range') return parsePeriod(`${back(period.from)}..${back(period.to)}`)!;
  return parsePeriod(`${Number(period.id.slice(0, 4)) - 1}${period.id.slice(4)}`)!;
}

/** From the first of January of the period's end year to its end: what a quarterly release's year-to-date covers. */
export function yearToDate(period: Period): Period {
  const from = `${period.to.slice(0, 4)}-01-01`;
  return { id: `${from}..${period.to}`, from, to: period.to };
}

/**
 * The instants a period covers, for records stamped with a time (ISO UTC): from Kyiv's midnight that starts `from`
 * to Kyiv's midnight after `to`, end excluded. Kyiv is UTC+2 in winter and UTC+3 in summer, so the offset is read
 * for each boundary, not assumed.
 */
export function instantRange(period: Period): { from: string; until: string } {
  return { from: kyivMidnight(period.from), until: kyivMidnight(addDays(period.to, 1)) };
}

function kyivMidnight(date: string): string {
  // Try both offsets Kyiv uses; the one whose instant Kyiv calls that date's 00:00 is midnight.
  for (const offset of ['+02:00', '+03:00']) {
    const instant = new Date(`${date}T00:00:00${offset}`);
    const wall = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).format(instant);
    if (wall.startsWith(date) && wall.endsWith('00')) return instant.toISOString();
  }
  return new Date(`${date}T00:00:00+02:00`).toISOString();
}
