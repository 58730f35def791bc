import { formatDate } from '../../components/format';

/** «12.03.2026» for one day, «12.03.2026 – 14.03.2026» for several. */
export function dateRange(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

/** «Прізвище Ім’я По батькові», as people sign and certificates print. */
export function fullName(p: { surname: string; name: string; patronymic: string }): string {
  return [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');
}
