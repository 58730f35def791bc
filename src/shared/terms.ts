import { addDays } from './time';

/**
 * Legal terms counted the way Ukrainian procedure counts them: the day of the event is not counted; a term in days
 * ends on the last of them; a term in months or years ends on the same day number of its last month, or on that
 * month's last day where it has none (31 January + 1 month = 28 or 29 February); a term that would end on a day off
 * moves to the next working day when the office says so.
 */
export type TermUnit = 'days' | 'months' | 'years';
export type DayKind = 'calendar' | 'working';

export interface Term {
  value: number;
  unit: TermUnit;
  /** Only for terms in days: whether weekends and the office's holidays count. */
  dayKind: DayKind;
}

export interface DaysOffCalendar {
  /** Holidays the office has set as days off (YYYY-MM-DD); Saturdays and Sundays are days off anyway. */
  holidays: ReadonlySet<string>;
  /** Whether a term ending on a day off ends on the next working day instead. */
  moveEndOffDays: boolean;
}

export const NO_HOLIDAYS: DaysOffCalendar = { holidays: new Set(), moveEndOffDays: true };

export function isWeekend(isoDate: string): boolean {
  const day = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

export function isDayOff(isoDate: string, calendar: DaysOffCalendar): boolean {
  return isWeekend(isoDate) || calendar.holidays.has(isoDate);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day number `months` later, or the last day of that month where it has no such day. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The next working day on or after a date. */
export function nextWorkingDay(isoDate: string, calendar: DaysOffCalendar): string {
  let day = isoDate;
  // A year of days off in a row is no calendar an office keeps; the bound keeps a bad one from hanging the app.
  for (let i = 0; i < 366 && isDayOff(day, calendar); i += 1) day = addDays(day, 1);
  return day;
}

/** The last day of a term that begins the day after `from`. A term of 0 ends the same day. */
export function termEnd(from: string, term: Term, calendar: DaysOffCalendar): string {
  if (term.unit === 'days' && term.dayKind === 'working') {
    let day = from;
    let left = term.value;
    while (left > 0) {
      day = addDays(day, 1);
      if (!isDayOff(day, calendar)) left -= 1;
    }
    return day;
  }
  const end = term.unit === 'days' ? addDays(from, term.value) : addMonths(from, term.unit === 'months' ? term.value : term.value * 12);
  return calendar.moveEndOffDays && term.value > 0 ? nextWorkingDay(end, calendar) : end;
}

/** Whole calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/**
 * The date `days` working days before `date`: with 5, a notice for a Monday meeting goes out by the Monday before.
 * Weekends are skipped, and the office's holidays when a calendar is given.
 */
export function workingDaysBefore(date: string, days: number, calendar: DaysOffCalendar = NO_HOLIDAYS): string {
  let day = date;
  let left = days;
  while (left > 0) {
    day = addDays(day, -1);
    if (!isDayOff(day, calendar)) left -= 1;
  }
  return day;
}
