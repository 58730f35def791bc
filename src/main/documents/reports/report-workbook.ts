import ExcelJS from 'exceljs';
import { REPORT_SECTIONS, type Comparison, type Report, type ReportTable } from '../../../shared/reports/report';
import { TOTAL, isSuppressed, type PublishedCell, type PublishedTable } from '../../../shared/reports/tables';
import { codebookLines } from './codebook';
import { fixCoreDates, repackOffice } from './deterministic-zip';
import {
  COMPARISON_WORDS,
  SECTION_WORDS,
  TOTAL_WORDS,
  UNIT_WORDS,
  cellAt,
  codeWordsOf,
  computedAtWords,
  dateRangeWords,
  distinctComparisons,
  flagWords,
  printedLegend,
  periodWords,
  profileWords,
  thresholdOf,
} from './report-words';

/**
 * data/report.xlsx: the report as an office reads and re-uses it in Excel — a cover sheet saying what, when and from
 * which data, one sheet a section with each table in Ukrainian words (a list beside its two comparisons, a two-way
 * table as three grids one below another, so a column means one thing all the way down), and the code book. The
 * same report gives the same bytes, because the bundle signs them.
 */

const FONT = { name: 'Times New Roman', size: 12 };
const RULED = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
const NUMBER_FORMAT = '#,##0';

export const REPORT_TITLE = 'Звіт про здійснення заходів у сфері протидії торгівлі людьми';

type Words = ReturnType<typeof codeWordsOf>;

const clean = (text: string): string => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

function putCell(target: ExcelJS.Cell, cell: PublishedCell, bold = false): void {
  target.font = { ...FONT, bold };
  target.border = RULED;
  target.alignment = { horizontal: 'right', vertical: 'top' };
  if (isSuppressed(cell)) {
    // The label as text: «<5» must never become a number or a formula, and it lines up with the figures.
    target.numFmt = '@';
    target.value = cell.label;
  } else {
    target.numFmt = NUMBER_FORMAT;
    target.value = cell;
  }
}

function putText(target: ExcelJS.Cell, text: string, options: { bold?: boolean; center?: boolean } = {}): void {
  target.value = clean(text);
  target.numFmt = '@';
  target.font = { ...FONT, bold: !!options.bold };
  target.border = RULED;
  target.alignment = { vertical: 'middle', wrapText: true, horizontal: options.center ? 'center' : 'left' };
}

const periodHeading = (p: PublishedTable['period']): string => `${p.id}\n${dateRangeWords(p)}`;

/**
 * Row height for wrapped text. Neither exceljs nor the file records the height wrapped text needs; Excel grows a row
 * when it is edited, LibreOffice and printing do not, so headers would print cut. Estimated from the widest cell.
 */
function fitHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  row.eachCell((cell, column) => {
    const width = widths[column - 1] ?? 10;
    const text = typeof cell.value === 'string' ? cell.value : '';
    const needed = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 1.1) / width)), 0);
    lines = Math.max(lines, needed);
  });
  if (lines > 1) row.height = lines * 15.5;
}

function coverSheet(workbook: ExcelJS.Workbook, report: Report): void {
  const ws = workbook.addWorksheet('Звіт', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 34 }, { width: 90 }];
  const title = ws.addRow([REPORT_TITLE]);
  title.getCell(1).font = { ...FONT, size: 14, bold: true };
  ws.addRow([]);
  const line = (label: string, value: string): void => {
    const row = ws.addRow([label, clean(value)]);
    row.getCell(1).font = { ...FONT, bold: true };
    row.getCell(2).font = FONT;
    row.getCell(2).numFmt = '@';
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    fitHeight(row, [34, 90]);
  };
  line('Область', `${report.oblast.name} область (${report.oblast.code})`);
  line('Звітний період', `${periodWords(report.period)} (${dateRangeWords(report.period)})`);
  line('Попередній період', `${periodWords(report.previous)} (${dateRangeWords(report.previous)})`);
  line('Той самий період роком раніше', `${periodWords(report.yearEarlier)} (${dateRangeWords(report.yearEarlier)})`);
  line('Профіль', profileWords(report));
  if (report.profile === 'publication') line('Поріг k', String(thresholdOf(report)));
  if (report.senders?.length) line('Зведено зі звітів областей', report.senders.join(', '));
  line('Обчислено', computedAtWords(report.computedAt));
  line('Дані', `подій журналу аудиту: ${report.data.auditCount}`);
  line('Геш останньої події', report.data.auditHash);
  line('Версія програми', `Zlagoda ${report.softwareVersion}`);
  ws.addRow([]);
  const legend = ws.addRow(['Умовні позначення']);
  legend.getCell(1).font = { ...FONT, bold: true };
  for (const label of printedLegend(report)) line(label, flagWords(label).uk);
  line(TOTAL_WORDS.uk, 'підсумок рядка, стовпця чи таблиці');
  line('Аркуші', `по одному на розділ (${REPORT_SECTIONS.map((s) => SECTION_WORDS[s].uk).join(', ')}) і «Кодова книга»`);
}

/** A list: the code's words, then the period, the one before and a year earlier side by side. */
function listBlock(ws: ExcelJS.Worksheet, table: ReportTable, words: Words, widths: readonly number[]): void {
  const header = ws.addRow([]);
  putText(header.getCell(1), words('list', table.rowList), { bold: true, center: true });
  const comparisons = distinctComparisons(table);
  comparisons.forEach((c, i) => putText(header.getCell(i + 2), `${COMPARISON_WORDS[c].uk}\n${periodHeading(table[c].period)}`, { bold: true, center: true }));
  fitHeight(header, widths);
  const rows = [...table.current.rows, ...(table.totals === 'none' ? [] : [TOTAL])];
  for (const code of rows) {
    const row = ws.addRow([]);
    putText(row.getCell(1), words(table.rowList, code), { bold: code === TOTAL });
    comparisons.forEach((c, i) => putCell(row.getCell(i + 2), cellAt(table[c], code, TOTAL), code === TOTAL));
    fitHeight(row, widths);
  }
}

/** One comparison of a two-way table: rows × columns with the margins its `totals` shows. */
function gridBlock(ws: ExcelJS.Worksheet, table: ReportTable, comparison: Comparison, words: Words, widths: readonly number[]): void {
  const published = table[comparison];
  const columns = [...(published.columns ?? []), ...(table.totals === 'all' ? [TOTAL] : [])];
  const caption = ws.addRow([`${COMPARISON_WORDS[comparison].uk}: ${published.period.id} (${dateRangeWords(published.period)})`]);
  caption.getCell(1).font = { ...FONT, italic: true };
  const header = ws.addRow([]);
  putText(header.getCell(1), `${words('list', table.rowList)} / ${words('list', table.columnList ?? '')}`, { bold: true, center: true });
  columns.forEach((c, i) => putText(header.getCell(i + 2), words(table.columnList, c), { bold: true, center: true }));
  fitHeight(header, widths);
  const rows = [...published.rows, ...(table.totals === 'none' ? [] : [TOTAL])];
  for (const code of rows) {
    const row = ws.addRow([]);
    putText(row.getCell(1), words(table.rowList, code), { bold: code === TOTAL });
    columns.forEach((c, i) => putCell(row.getCell(i + 2), cellAt(published, code, c), code === TOTAL || c === TOTAL));
    fitHeight(row, widths);
  }
}

function sectionSheet(workbook: ExcelJS.Workbook, report: Report, tables: ReportTable[], name: string, words: Words): void {
  const ws = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const widest = Math.max(3, ...tables.map((t) => (t.current.columns?.length ?? 0) + 1));
  const widths = [46, ...Array.from({ length: widest }, () => 18)];
  ws.columns = widths.map((width) => ({ width }));
  const heading = ws.addRow([`${name}: ${report.oblast.name} область, ${periodWords(report.period)}`]);
  heading.getCell(1).font = { ...FONT, size: 14, bold: true };
  for (const table of tables) {
    ws.addRow([]);
    const title = ws.addRow([clean(table.title.uk)]);
    title.getCell(1).font = { ...FONT, bold: true };
    const unit = ws.addRow([`Одиниця: ${UNIT_WORDS[table.unit].uk}`]);
    unit.getCell(1).font = { ...FONT, italic: true, size: 10 };
    if (!table.columnList || !table.current.columns) listBlock(ws, table, words, widths);
    else
      distinctComparisons(table).forEach((c, i) => {
        if (i > 0) ws.addRow([]);
        gridBlock(ws, table, c, words, widths);
      });
  }
}

function codebookSheet(workbook: ExcelJS.Workbook, report: Report): void {
  const ws = workbook.addWorksheet('Кодова книга', { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = [{ width: 18 }, { width: 18 }, { width: 24 }, { width: 60 }, { width: 60 }];
  const header = ws.addRow([]);
  ['Список', 'Версія', 'Код', 'Українською', 'English'].forEach((t, i) => putText(header.getCell(i + 1), t, { bold: true, center: true }));
  for (const line of codebookLines(report)) {
    const row = ws.addRow([]);
    line.forEach((t, i) => putText(row.getCell(i + 1), t));
    fitHeight(row, [18, 18, 24, 60, 60]);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 } };
}

export async function renderReportWorkbook(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const computed = new Date(report.computedAt);
  workbook.creator = 'Zlagoda';
  workbook.lastModifiedBy = 'Zlagoda';
  workbook.title = `${REPORT_TITLE}: ${report.oblast.name} область, ${periodWords(report.period)}`;
  workbook.created = computed;
  workbook.modified = computed;
  const words = codeWordsOf(report);
  coverSheet(workbook, report);
  for (const section of REPORT_SECTIONS) {
    const tables = report.tables.filter((t) => t.section === section);
    if (tables.length > 0) sectionSheet(workbook, report, tables, SECTION_WORDS[section].uk, words);
  }
  codebookSheet(workbook, report);
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  return repackOffice(written, (name, text) => (name === 'docProps/core.xml' ? fixCoreDates(text, report.computedAt) : text));
}
