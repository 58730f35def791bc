import { formatKyivDateTime, kyivDate } from '../../../shared/time';

/** ДД.ММ.РРРР ГГ:ХХ in Kyiv time: the one formatter, shared with the documents the main process writes. */
export { formatKyivDateTime };

/** Parses ДД.ММ.РРРР into an ISO date (РРРР-ММ-ДД); null when it is not a real calendar date. */
export function parseUkDate(text: string): string | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, d, m, y] = match;
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISO calendar date (РРРР-ММ-ДД) as ДД.ММ.РРРР; anything else unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** A real calendar date as a date input gives it: РРРР-ММ-ДД. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseUkDate(value.split('-').reverse().join('.')) === value;
}

/** Today's calendar date in Kyiv as РРРР-ММ-ДД, whatever the computer's time zone. */
export function kyivToday(now: Date = new Date()): string {
  return kyivDate(now);
}

/** What a date box accepts as typed: ДД.ММ.РРРР (or РРРР-ММ-ДД pasted from elsewhere); null when not a real date. */
export function isoFromTyped(text: string): string | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  return parseUkDate(trimmed);
}

/** The years a filter offers: the current one in Kyiv and the nine before it (records are made as things happen). */
export function recentYears(): string[] {
  const year = Number(kyivToday().slice(0, 4));
  return Array.from({ length: 10 }, (_, i) => String(year - i));
}
