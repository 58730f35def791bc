import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { REPORT_SECTIONS, type Report, type ReportTable } from '../../../shared/reports/report';
import { TOTAL, type PublishedCell } from '../../../shared/reports/tables';
import { MM, officialDocument, TEXT_WIDTH } from '../minutes/minutes.docx';
import { fixCoreDates, repackOffice } from './deterministic-zip';
import { renderChart, reportCharts, type RenderedChart } from './report-charts';
import { sectionSentences } from './report-narrative';
import { REPORT_TITLE } from './report-workbook';
import {
  COMPARISON_WORDS,
  SECTION_WORDS,
  UNIT_WORDS,
  cellAt,
  cellText,
  codeWordsOf,
  computedAtWords,
  dateRangeWords,
  distinctComparisons,
  flagWords,
  printedLegend,
  periodWords,
  profileWords,
} from './report-words';

/**
 * data/report.docx: the report as the narrative the office edits before it signs the letter to the Ministry — for
 * each section a drafted sentence or two with the comparison, the tables in Ukrainian words, and charts. Page as
 * the other official documents (A4, ДСТУ 4163:2020 margins, Times New Roman). The same report gives the same
 * bytes, because the bundle signs them.
 */

const INDENT = Math.round(12.5 * MM);
const TABLE_SIZE = 20;
const GRID_SIZE = 18;
const GAP = 240;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

type Words = ReturnType<typeof codeWordsOf>;
type Align = 'left' | 'center' | 'right';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun => new TextRun({ text, ...options });

function paragraph(text: string, options: { bold?: boolean; italics?: boolean; align?: Align | 'justify'; indent?: boolean; before?: number; keepNext?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: options.align === 'justify' || !options.align ? AlignmentType.JUSTIFIED : ALIGN[options.align],
    indent: options.indent ? { firstLine: INDENT } : undefined,
    spacing: { before: options.before ?? 0 },
    keepNext: options.keepNext,
    keepLines: options.keepNext,
    children: [run(text, { bold: options.bold, italics: options.italics, size: options.size })],
  });
}

interface GridCell {
  text: string;
  align: Align;
  bold?: boolean;
}

function ruled(widths: number[], header: GridCell[], body: GridCell[][], size: number, headerSize = size): Table {
  const row = (cells: GridCell[], head: boolean): TableRow =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            verticalAlign: head ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
            children: c.text.split('\n').map((line) => new Paragraph({ alignment: ALIGN[c.align], children: [run(line, { bold: head || c.bold, size: head ? headerSize : size })] })),
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    rows: [row(header, true), ...body.map((cells) => row(cells, false))],
  });
}

const figure = (cell: PublishedCell, bold = false): GridCell => ({ text: cellText(cell), align: 'right', bold: bold || false });

function split(first: number, count: number): number[] {
  const rest = Math.floor((TEXT_WIDTH - first) / count);
  const widths = [TEXT_WIDTH - rest * count, ...Array.from({ length: count }, () => rest)];
  return widths;
}

/** A list: the code's words, then the period, the one before and a year earlier. */
function listTable(table: ReportTable, words: Words): Table {
  const comparisons = distinctComparisons(table);
  const header: GridCell[] = [
    { text: words('list', table.rowList), align: 'center' },
    ...comparisons.map((c): GridCell => ({ text: `${COMPARISON_WORDS[c].uk}\n${table[c].period.id}`, align: 'center' })),
  ];
  const rows = [...table.current.rows, ...(table.totals === 'none' ? [] : [TOTAL])];
  const body = rows.map((r): GridCell[] => [{ text: words(table.rowList, r), align: 'left', bold: r === TOTAL }, ...comparisons.map((c) => figure(cellAt(table[c], r, TOTAL), r === TOTAL))]);
  return ruled(split(Math.round(TEXT_WIDTH * 0.46), comparisons.length), header, body, TABLE_SIZE);
}

/** A two-way table for the period reported (the workbook has the earlier periods' grids too). */
function gridTable(table: ReportTable, words: Words): Table {
  const published = table.current;
  const columns = [...(published.columns ?? []), ...(table.totals === 'all' ? [TOTAL] : [])];
  const header: GridCell[] = [{ text: words('list', table.rowList), align: 'center' }, ...columns.map((c): GridCell => ({ text: words(table.columnList, c), align: 'center' }))];
  const rows = [...published.rows, ...(table.totals === 'none' ? [] : [TOTAL])];
  const body = rows.map((r): GridCell[] => [{ text: words(table.rowList, r), align: 'left', bold: r === TOTAL }, ...columns.map((c) => figure(cellAt(published, r, c), r === TOTAL || c === TOTAL))]);
  // Many columns (referrals by result) get a narrower first column and smaller headings, so no word breaks mid-way.
  const wide = columns.length > 6;
  return ruled(split(Math.round(TEXT_WIDTH * (wide ? 0.2 : 0.28)), columns.length), header, body, GRID_SIZE, wide ? 14 : GRID_SIZE);
}

function chartParagraph(chart: RenderedChart, id: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // An explicit auto rule: without it LibreOffice holds the picture to one line of text and cuts it.
    spacing: { before: GAP / 2, after: GAP / 2, line: 240, lineRule: LineRuleType.AUTO },
    keepLines: true,
    children: [
      // The PNG alone, not SVG with a PNG fallback: LibreOffice (7.4) prefers the SVG of a DOCX and draws ECharts'
      // SVG without its bars and titles; a PNG at three times the placed size prints sharp in Word and LibreOffice.
      new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width: chart.width, height: chart.height },
        // An explicit id: docx would take the next of a counter shared by every document the process has made.
        altText: { id: String(id), name: chart.spec.id, title: chart.spec.title, description: chart.spec.title },
      }),
    ],
  });
}

function tableTitle(table: ReportTable): Paragraph {
  return new Paragraph({
    spacing: { before: GAP },
    keepNext: true,
    keepLines: true,
    children: [run(table.title.uk, { bold: true, size: 24 }), run(` (${UNIT_WORDS[table.unit].uk})`, { italics: true, size: 24 })],
  });
}

function body(report: Report): (Paragraph | Table)[] {
  const words = codeWordsOf(report);
  const charts = reportCharts(report);
  const out: (Paragraph | Table)[] = [];
  out.push(paragraph(REPORT_TITLE, { bold: true, align: 'center' }));
  out.push(paragraph(`${report.oblast.name} область`, { bold: true, align: 'center' }));
  const when = report.period.kind === 'range' ? `за період ${periodWords(report.period)}` : `за ${periodWords(report.period)} (${dateRangeWords(report.period)})`;
  out.push(paragraph(when, { align: 'center' }));
  out.push(paragraph(profileWords(report), { italics: true, align: 'center', before: GAP / 2, size: 24 }));
  if (report.senders?.length) out.push(paragraph(`Зведено зі звітів ${report.senders.length} областей: ${report.senders.join(', ')}`, { align: 'center', size: 24 }));

  let chartId = 1;
  let number = 0;
  for (const section of REPORT_SECTIONS) {
    const tables = report.tables.filter((t) => t.section === section);
    if (tables.length === 0) continue;
    number += 1;
    out.push(paragraph(`${number}. ${SECTION_WORDS[section].uk}`, { bold: true, align: 'left', before: GAP * 2, keepNext: true }));
    for (const text of sectionSentences(report, section)) out.push(paragraph(text, { indent: true }));
    for (const table of tables) {
      out.push(tableTitle(table));
      out.push(table.columnList && table.current.columns ? gridTable(table, words) : listTable(table, words));
    }
    for (const spec of charts.get(section) ?? []) out.push(chartParagraph(renderChart(spec), chartId++));
  }

  const legend = printedLegend(report);
  if (legend.length > 0) out.push(paragraph('Умовні позначення', { bold: true, align: 'left', before: GAP * 2, keepNext: true }));
  for (const label of legend) out.push(paragraph(`${label} — ${flagWords(label).uk}.`, { size: 24, keepNext: true }));
  out.push(paragraph(`Обчислено: ${computedAtWords(report.computedAt)}.`, { before: legend.length > 0 ? GAP : GAP * 2, size: 24 }));
  out.push(paragraph(`Дані: подій журналу аудиту — ${report.data.auditCount}; геш останньої події — ${report.data.auditHash}.`, { size: 24, align: 'left' }));
  out.push(paragraph(`Підготовлено в Zlagoda ${report.softwareVersion}.`, { size: 24 }));
  return out;
}

export async function renderReportDocx(report: Report): Promise<Buffer> {
  const doc = officialDocument(`${REPORT_TITLE}: ${report.oblast.name} область, ${periodWords(report.period)}`, body(report), { lastModifiedBy: 'Zlagoda' });
  const written = await Packer.toBuffer(doc);
  return repackOffice(written, (name, text) => (name === 'docProps/core.xml' ? fixCoreDates(text, report.computedAt) : text));
}
