import { formatDate, kyivToday } from '../../components/format';

/** «12.03.2026» for one day, «12.03.2026 – 14.03.2026» for several. */
export function dateRange(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

/** The years a filter offers: the current one and nine before it (trainings are recorded as they happen). */
export function recentYears(): string[] {
  const year = Number(kyivToday().slice(0, 4));
  return Array.from({ length: 10 }, (_, i) => String(year - i));
}

/** «Прізвище Ім’я По батькові», as people sign and certificates print. */
export function fullName(p: { surname: string; name: string; patronymic: string }): string {
  return [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');
}
