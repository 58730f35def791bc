import type { Report } from '../../../../shared/reports/report';
import { TOTAL, type PublishedCell } from '../../../../shared/reports/tables';

/** A code's words from the code list the report carries (the words it was counted with), in the language asked. */
export function codeWord(report: Report, list: string | null, code: string, language: 'uk' | 'en', total: string): string {
  if (code === TOTAL) return total;
  const found = report.codeLists.find((l) => l.id === list)?.codes.find((c) => c.code === code);
  return found ? found[language] : code;
}

/** A cell as printed: the number in the app's grouping, a hidden one as its label. */
export function cellText(cell: PublishedCell | undefined, unit: string): string {
  if (cell === undefined) return '—';
  if (typeof cell === 'object') return cell.label;
  if (unit === 'kop') return (cell / 100).toLocaleString('uk-UA', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return cell.toLocaleString('uk-UA');
}

/** A number for a chart: hidden values are not drawn (null leaves the bar out). */
export const chartValue = (cell: PublishedCell | undefined): number | null => (typeof cell === 'number' ? cell : null);
