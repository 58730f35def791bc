import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';

/**
 * Workbooks made with exceljs: on each sheet a bold, ruled, frozen header that Excel repeats on every printed page,
 * column widths, an autofilter, dates as real dates shown ДД.ММ.РРРР, A4 landscape. Text goes in as text, never as
 * a formula, so a value typed as «=HYPERLINK(…)» stays text in Excel.
 */
export type XlsxCell = string | number | { date: string } | null;

export interface XlsxColumn {
  title: string;
  /** In characters of the default font, as Excel measures column widths. */
  width: number;
}

export interface XlsxSheet {
  /** At most 31 characters, without : \ / ? * [ ] (Excel's rule for sheet names). */
  name: string;
  title: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
  /** Lines above the header (what the table is, as of when), frozen and printed with it. */
  heading?: string[];
}

export { DOCX_MIME, XLSX_MIME } from '../../../shared/media-types';

/** A fixed time for the workbook's properties and the zip entries, so the same register makes the same bytes. */
const FIXED = new Date(Date.UTC(2020, 0, 1));
const FONT = { name: 'Times New Roman', size: 12 };
const RULED = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

function value(cell: XlsxCell): ExcelJS.CellValue {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'object') return new Date(`${cell.date.slice(0, 10)}T00:00:00Z`);
  // Characters XML 1.0 cannot carry are dropped rather than written as a file Excel refuses.
  if (typeof cell === 'string') return cell.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
  return cell;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet): void {
  const heading = sheet.heading ?? [];
  const headerRow = heading.length + 1;
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${headerRow}` },
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  for (const line of heading) {
    const row = ws.addRow([value(line)]);
    row.getCell(1).font = { ...FONT, bold: true };
  }
  const header = ws.addRow(sheet.columns.map((c) => c.title));
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = RULED;
  });
  for (const row of sheet.rows) {
    const added = ws.addRow(row.map(value));
    row.forEach((cell, i) => {
      const target = added.getCell(i + 1);
      target.font = FONT;
      target.border = RULED;
      if (cell !== null && typeof cell === 'object') {
        target.numFmt = 'dd.mm.yyyy';
        target.alignment = { horizontal: 'center', vertical: 'top' };
      } else if (typeof cell === 'number') {
        target.alignment = { horizontal: 'center', vertical: 'top' };
      } else {
        // Text stays text: «0012» or «1/2» is a number as the office wrote it, not one Excel should reinterpret.
        target.numFmt = '@';
        target.alignment = { vertical: 'top', wrapText: true };
      }
    });
  }
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: sheet.columns.length } };
}

/** Several sheets in one file, in the order given; the workbook's title is the first sheet's. */
export async function renderWorkbook(sheets: XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zlagoda';
  workbook.title = sheets[0]?.title ?? '';
  workbook.created = FIXED;
  workbook.modified = FIXED;
  for (const sheet of sheets) addSheet(workbook, sheet);
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  // The zip's own entry times are the moment of writing: re-packed with a fixed one, in the same order.
  const entries = unzipSync(written);
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { mtime: FIXED }]])), { level: 6 }));
}

export async function renderXlsx(sheet: XlsxSheet): Promise<Buffer> {
  return renderWorkbook([sheet]);
}
