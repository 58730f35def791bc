/** Everything the users see is in Kyiv time; dates are compared as YYYY-MM-DD strings of that zone. */
export const KYIV_TZ = 'Europe/Kyiv';

const dateParts = new Intl.DateTimeFormat('en-CA', { timeZone: KYIV_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Kyiv at an instant, as YYYY-MM-DD. */
export function kyivDate(instant: Date): string {
  return dateParts.format(instant);
}

const timeParts = new Intl.DateTimeFormat('en-GB', { timeZone: KYIV_TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The Kyiv wall clock at an instant as «YYYY-MM-DD HH:MM»: compared as a string with a meeting's date and time. */
export function kyivDateTime(instant: Date): string {
  return `${kyivDate(instant)} ${timeParts.format(instant)}`;
}

/** A calendar date `days` later (earlier when negative), as YYYY-MM-DD; noon keeps it clear of any zone shift. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const dateTimeParts = new Intl.DateTimeFormat('uk-UA', {
  timeZone: KYIV_TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * ДД.ММ.РРРР ГГ:ХХ (with `:СС` when asked) in Kyiv time, whatever the computer's zone or the interface language;
 * text that is no instant comes back as it is.
 */
export function formatKyivDateTime(iso: string | null | undefined, seconds = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = Object.fromEntries(dateTimeParts.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}
