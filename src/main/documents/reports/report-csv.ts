import Papa from 'papaparse';
import { COMPARISONS, type Report } from '../../../shared/reports/report';
import { isSuppressed } from '../../../shared/reports/tables';
import { codebookLines } from './codebook';
import { cellAt, shownPositions } from './report-words';

/**
 * data/report.csv and data/codebook.csv: the report in long format for a program or a pivot table, one line a
 * shown cell, with a code book that names every code in the version counted. A BOM and CRLF because Excel as
 * installed in Ukrainian offices reads a CSV without a BOM as Windows-1251 and garbles the Cyrillic.
 */

const REPORT_FIELDS = ['table', 'comparison', 'period', 'from', 'to', 'row', 'column', 'value', 'flag', 'unit'];
const CODEBOOK_FIELDS = ['list', 'version', 'code', 'uk', 'en'];
const BOM = '\uFEFF';

// escapeFormulae: a raion or oblast name typed as «=…» stays text in Excel; numbers are never prefixed.
const csv = (fields: string[], data: (string | number)[][]): string => BOM + Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: true }) + '\r\n';

export function renderReportCsv(report: Report): { report: string; codebook: string } {
  const lines: (string | number)[][] = [];
  for (const table of report.tables) {
    for (const comparison of COMPARISONS) {
      const published = table[comparison];
      for (const [row, column] of shownPositions(table, published)) {
        const cell = cellAt(published, row, column);
        lines.push([
          table.name,
          comparison,
          published.period.id,
          published.period.from,
          published.period.to,
          row,
          column,
          isSuppressed(cell) ? '' : cell,
          isSuppressed(cell) ? cell.label : '',
          table.unit,
        ]);
      }
    }
  }

  return { report: csv(REPORT_FIELDS, lines), codebook: csv(CODEBOOK_FIELDS, codebookLines(report)) };
}
