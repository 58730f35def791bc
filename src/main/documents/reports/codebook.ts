import { COMPARISONS, REPORT_FORMAT, UNITS, type Report } from '../../../shared/reports/report';
import { TOTAL } from '../../../shared/reports/tables';
import { COMPARISON_WORDS, TOTAL_WORDS, UNIT_WORDS, flagWords, legendLabels } from './report-words';

/**
 * The code book's lines (list, version, code, uk, en), shared by codebook.csv and the workbook's «Кодова книга»:
 * every code list the report carries, in the version it was counted with, and the report's own vocabulary (tables,
 * comparisons, units, flags), so a reader needs nothing but the bundle to read every code in it.
 */

export type CodebookLine = [list: string, version: string, code: string, uk: string, en: string];

export function codebookLines(report: Report): CodebookLine[] {
  const lines: CodebookLine[] = [];
  const meta = (list: string, code: string, words: { uk: string; en: string }): void => void lines.push([list, REPORT_FORMAT, code, words.uk, words.en]);
  for (const list of report.codeLists) meta('list', list.id, list.title);
  for (const table of report.tables) meta('table', table.name, table.title);
  for (const c of COMPARISONS) meta('comparison', c, COMPARISON_WORDS[c]);
  for (const u of UNITS) meta('unit', u, UNIT_WORDS[u]);
  for (const label of legendLabels(report)) meta('flag', label, flagWords(label));
  meta('flag', TOTAL, {
    uk: `${TOTAL_WORDS.uk} (рядок або стовпець підсумків; у переліку стовпець «${TOTAL}» містить його значення)`,
    en: `${TOTAL_WORDS.en} (a row or column of totals; in a list, column «${TOTAL}» holds its values)`,
  });
  for (const list of report.codeLists) for (const code of list.codes) lines.push([list.id, list.version, code.code, code.uk, code.en]);
  return lines;
}
