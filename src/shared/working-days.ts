import { addDays } from './time';

/** Whole calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

function isWeekend(isoDate: string): boolean {
  const day = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * The date `days` working days before `date`, counting Monday to Friday only: with 5, a notice for a Monday meeting
 * goes out by the Monday before. Public holidays are not skipped: under martial law (since 24.02.2022) they have not
 * been days off. When they are again, the office's calendar of days off belongs here (domain.md, working days).
 */
export function workingDaysBefore(date: string, days: number): string {
  let day = date;
  let left = days;
  while (left > 0) {
    day = addDays(day, -1);
    if (!isWeekend(day)) left -= 1;
  }
  return day;
}
