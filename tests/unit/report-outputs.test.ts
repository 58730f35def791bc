import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { codebookLines } from '../../src/main/documents/reports/codebook';
import { chartOption, renderChart, reportCharts, stableSvg } from '../../src/main/documents/reports/report-charts';
import { renderReportCsv } from '../../src/main/documents/reports/report-csv';
import { renderReportDocx } from '../../src/main/documents/reports/report-docx';
import { comparisonWords, figureWords, sectionSentences } from '../../src/main/documents/reports/report-narrative';
import { renderReportWorkbook } from '../../src/main/documents/reports/report-workbook';
import { cellAt, periodWords, shownPositions } from '../../src/main/documents/reports/report-words';
import { parsePeriod } from '../../src/shared/reports/periods';
import { applyProfile } from '../../src/shared/reports/profile';
import { COMPARISONS, reportSchema, type Report } from '../../src/shared/reports/report';
import { TOTAL, isSuppressed, type PublishedCell } from '../../src/shared/reports/tables';
import { sampleExactReport } from '../fixtures/report-sample';

const ministry = (options: Parameters<typeof sampleExactReport>[0] = {}): Report => applyProfile(sampleExactReport(options), { profile: 'ministry', k: 5 }).report;
const publication = (options: Parameters<typeof sampleExactReport>[0] = {}): Report => applyProfile(sampleExactReport({ max: 8, ...options }), { profile: 'publication', k: 5 }).report;

/** A copy of the report with one cell of one table replaced: the renderers take any valid report. */
function withCell(report: Report, table: string, comparison: (typeof COMPARISONS)[number], row: string, column: string, cell: PublishedCell): Report {
  const copy = structuredClone(report);
  const published = copy.tables.find((t) => t.name === table)![comparison];
  if (row === TOTAL && column === TOTAL) published.total = cell;
  else if (column === TOTAL) published.rowTotals[published.rows.indexOf(row)] = cell;
  else if (row === TOTAL) published.columnTotals[published.columns!.indexOf(column)] = cell;
  else published.cells[published.rows.indexOf(row)]![published.columns!.indexOf(column)] = cell;
  return reportSchema.parse(copy);
}

const parse = (text: string): Record<string, string>[] => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

describe('report.csv and codebook.csv', () => {
  it('has one line per shown cell of every table and comparison, each value equal to the report’s', () => {
    const report = ministry({ seed: 5 });
    const { report: text } = renderReportCsv(report);
    expect(text.startsWith('\uFEFFtable,comparison,period,from,to,row,column,value,flag,unit\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = parse(text);
    const expected = report.tables.reduce((n, t) => n + COMPARISONS.reduce((m, c) => m + shownPositions(t, t[c]).length, 0), 0);
    expect(lines).toHaveLength(expected);
    for (const line of lines) {
      const table = report.tables.find((t) => t.name === line.table)!;
      const published = table[line.comparison as (typeof COMPARISONS)[number]];
      expect(line.period).toBe(published.period.id);
      expect(line.from).toBe(published.period.from);
      expect(line.unit).toBe(table.unit);
      expect(Number(line.value)).toBe(cellAt(published, line.row!, line.column!));
      expect(line.flag).toBe('');
    }
  });

  it('shows totals as each table’s `totals` says: none for a list of measures, only the column totals for coverage', () => {
    const lines = parse(renderReportCsv(ministry()).report);
    const of = (table: string) => lines.filter((l) => l.table === table && l.comparison === 'current');
    expect(of('meetings.summary').some((l) => l.row === TOTAL)).toBe(false);
    const coverage = of('coverage.hromadas');
    expect(coverage.some((l) => l.row === TOTAL && l.column === 'hromadas')).toBe(true);
    expect(coverage.some((l) => l.column === TOTAL)).toBe(false);
    const decisions = of('status.decisions');
    expect(decisions.some((l) => l.row === TOTAL && l.column === TOTAL)).toBe(true);
    expect(decisions.some((l) => l.row === 'granted' && l.column === TOTAL)).toBe(true);
  });

  it('gives a hidden cell no value, only its flag, and every flag is explained in the code book', () => {
    const report = publication({ seed: 11 });
    const { report: text, codebook } = renderReportCsv(report);
    const lines = parse(text);
    const flagged = lines.filter((l) => l.flag !== '');
    expect(flagged.length).toBeGreaterThan(0);
    for (const line of flagged) {
      expect(line.value).toBe('');
      const cell = cellAt(report.tables.find((t) => t.name === line.table)![line.comparison as 'current'], line.row!, line.column!);
      expect(isSuppressed(cell) && cell.label).toBe(line.flag);
    }
    for (const line of lines.filter((l) => l.flag === '')) expect(line.value).toMatch(/^\d+$/);
    const book = parse(codebook);
    const flags = book.filter((b) => b.list === 'flag').map((b) => b.code);
    expect(new Set(flagged.map((l) => l.flag)).size).toBeGreaterThan(0);
    for (const f of new Set(flagged.map((l) => l.flag))) expect(flags).toContain(f);
    expect(flags).toEqual(expect.arrayContaining(['<5', 'x', '*']));
  });

  it('names in the code book every code of every list in its version, every table, comparison and unit used', () => {
    const report = ministry();
    const book = parse(renderReportCsv(report).codebook);
    expect(renderReportCsv(report).codebook.startsWith('\uFEFFlist,version,code,uk,en\r\n')).toBe(true);
    for (const list of report.codeLists) {
      for (const code of list.codes) expect(book).toContainEqual({ list: list.id, version: list.version, code: code.code, uk: code.uk, en: code.en });
      expect(book.some((b) => b.list === 'list' && b.code === list.id && b.uk === list.title.uk)).toBe(true);
    }
    for (const t of report.tables) expect(book.some((b) => b.list === 'table' && b.code === t.name && b.uk === t.title.uk)).toBe(true);
    for (const c of COMPARISONS) expect(book.some((b) => b.list === 'comparison' && b.code === c)).toBe(true);
    for (const u of new Set(report.tables.map((t) => t.unit))) expect(book.some((b) => b.list === 'unit' && b.code === u)).toBe(true);
    // Every row and column code a line of report.csv uses is named.
    const lines = parse(renderReportCsv(report).report);
    const named = new Set(book.map((b) => `${b.list}\u0000${b.code}`));
    for (const l of lines) {
      const table = report.tables.find((t) => t.name === l.table)!;
      if (l.row !== TOTAL) expect(named.has(`${table.rowList}\u0000${l.row}`)).toBe(true);
      if (l.column !== TOTAL) expect(named.has(`${table.columnList}\u0000${l.column}`)).toBe(true);
    }
  });

  it('quotes by RFC 4180 and keeps a name typed as a formula as text', () => {
    const report = ministry();
    const raion = report.codeLists.find((l) => l.id === 'raion')!;
    raion.codes[0]!.uk = '=HYPERLINK("http://x","район, «1»")';
    const { codebook } = renderReportCsv(report);
    expect(codebook).toContain('"\'=HYPERLINK(""http://x"",""район, «1»"")"');
    const back = parse(codebook).find((b) => b.list === 'raion' && b.code === raion.codes[0]!.code)!;
    expect(back.uk).toBe(`'${raion.codes[0]!.uk}`);
  });

  it('is the same text for the same report, and another for another', () => {
    const a = renderReportCsv(publication({ seed: 2 }));
    expect(renderReportCsv(publication({ seed: 2 }))).toEqual(a);
    expect(renderReportCsv(publication({ seed: 3 })).report).not.toBe(a.report);
    expect(codebookLines(publication({ seed: 2 }))).toEqual(codebookLines(publication({ seed: 2 })));
  });
});

describe('report.xlsx', () => {
  it('is byte-identical for the same report, even after other workbooks, dated at the computation, Content_Types first', async () => {
    const report = publication({ seed: 4 });
    const first = await renderReportWorkbook(report);
    await renderReportWorkbook(ministry({ seed: 9 }));
    const second = await renderReportWorkbook(report);
    expect(second.equals(first)).toBe(true);
    const entries = unzipSync(new Uint8Array(first));
    expect(Object.keys(entries)[0]).toBe('[Content_Types].xml');
    expect(strFromU8(entries['docProps/core.xml']!)).toContain('2026-10-05T09:30:00Z');
    const other = await renderReportWorkbook(publication({ seed: 5 }));
    expect(other.equals(first)).toBe(false);
  });

  it('reads back: cover, a sheet per section in Ukrainian, the code book; hidden cells as labels, right-aligned', async () => {
    const report = publication({ seed: 6, max: 6 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportWorkbook(report)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Звіт', 'Статус', 'Допомога', 'Перенаправлення', 'Засідання', 'Доручення', 'Навчання', 'Профілактика', 'Охоплення', 'Кодова книга']);
    const texts = (name: string): string[] => {
      const out: string[] = [];
      workbook.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => void out.push(String(cell.value))));
      return out;
    };
    const cover = texts('Звіт').join('\n');
    for (const part of ['Полтавська область', 'III квартал 2026 року', 'з 01.07.2026 по 30.09.2026', 'Поріг k', report.data.auditHash, '1234', 'Zlagoda 0.0.0-test', '<5', 'не оприлюднюється']) expect(cover).toContain(part);

    // Every hidden cell of the status tables (all three comparisons) prints as its label, and nothing else does.
    const status = report.tables.filter((t) => t.section === 'status');
    const hidden = status.flatMap((t) => COMPARISONS.flatMap((c) => shownPositions(t, t[c]).map(([r, col]) => cellAt(t[c], r, col)))).filter(isSuppressed);
    expect(hidden.length).toBeGreaterThan(0);
    const labelCells: ExcelJS.Cell[] = [];
    workbook.getWorksheet('Статус')!.eachRow((row) => row.eachCell((cell) => void (cell.value === '<5' || cell.value === 'x' ? labelCells.push(cell) : null)));
    expect(labelCells).toHaveLength(hidden.length);
    for (const cell of labelCells) expect(cell.alignment?.horizontal).toBe('right');
    expect(texts('Статус')).toContain('дівчата (до 18 років)');

    const book = texts('Кодова книга');
    for (const list of report.codeLists) expect(book).toContain(list.version);
    expect(book).toContain('armed_conflict');
  });

  it('shows a ministry report without k and without any label', async () => {
    const report = ministry({ seed: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportWorkbook(report)) as unknown as ArrayBuffer);
    const values: unknown[] = [];
    for (const ws of workbook.worksheets.slice(1, -1)) ws.eachRow((row) => row.eachCell((cell) => void values.push(cell.value)));
    expect(values).not.toContain('<5');
    expect(values).not.toContain('x');
    const cover: unknown[] = [];
    workbook.getWorksheet('Звіт')!.eachRow((row) => row.eachCell((cell) => void cover.push(cell.value)));
    expect(cover).not.toContain('Поріг k');
  });
});

describe('the narrative’s words', () => {
  it('names periods as the office writes them', () => {
    const named = (id: string): string => periodWords(parsePeriod(id)!);
    expect(named('2026-Q3')).toBe('III квартал 2026 року');
    expect(named('2026-Q1')).toBe('I квартал 2026 року');
    expect(named('2026-H1')).toBe('I півріччя 2026 року');
    expect(named('2026')).toBe('2026 рік');
    expect(named('2026-02-01..2026-05-15')).toBe('з 01.02.2026 по 15.05.2026');
  });

  it('agrees the noun with the number and never prints a hidden figure', () => {
    const noun = { one: 'заяву', few: 'заяви', many: 'заяв' };
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => figureWords(n, noun))).toEqual([
      '1 заяву',
      '2 заяви',
      '4 заяви',
      '5 заяв',
      '11 заяв',
      '12 заяв',
      '14 заяв',
      '21 заяву',
      '22 заяви',
      '25 заяв',
      '101 заяву',
      '111 заяв',
    ]);
    expect(figureWords({ suppressed: true, label: '<5' }, noun)).toBe('менше 5 заяв');
    expect(figureWords({ suppressed: true, label: 'x' }, noun)).toBeNull();
  });

  it('writes the key figure with its comparison, and a hidden one as «менше 5» or «не оприлюднюється»', () => {
    let report = ministry({ period: '2026-Q3', seed: 8 });
    report = withCell(report, 'status.applications', 'current', TOTAL, TOTAL, 12);
    report = withCell(report, 'status.applications', 'previous', TOTAL, TOTAL, 9);
    report = withCell(report, 'status.applications', 'yearEarlier', TOTAL, TOTAL, 7);
    expect(sectionSentences(report, 'status')[0]).toBe('За період подано 12 заяв (попередній період — 9, той самий період роком раніше — 7).');

    const small = withCell(withCell(report, 'status.applications', 'current', TOTAL, TOTAL, { suppressed: true, label: '<5' }), 'status.applications', 'previous', TOTAL, TOTAL, { suppressed: true, label: 'x' });
    expect(sectionSentences(small, 'status')[0]).toBe('За період подано менше 5 заяв (попередній період — не оприлюднюється, той самий період роком раніше — 7).');
    const withheld = withCell(report, 'status.applications', 'current', TOTAL, TOTAL, { suppressed: true, label: 'x' });
    expect(sectionSentences(withheld, 'status')[0]).toBe('Кількість поданих заяв не оприлюднюється (попередній період — 9, той самий період роком раніше — 7).');
  });

  it('compares a year with the year before once', () => {
    const report = ministry({ period: '2026' });
    const table = report.tables.find((t) => t.name === 'trainings.events')!;
    expect(comparisonWords(table, TOTAL, TOTAL)).toMatch(/^\(попередній рік — [\d\s\u00a0]+\)$/);
  });

  it('has sentences for every section of a publication report with hidden cells, none with a digit where a cell is hidden', () => {
    const report = publication({ seed: 12, max: 5 });
    for (const section of ['status', 'aid', 'referrals', 'meetings', 'assignments', 'trainings', 'prevention', 'coverage'] as const) {
      expect(sectionSentences(report, section).length).toBeGreaterThan(0);
    }
  });
});

describe('charts', () => {
  it('draws at least four charts with Ukrainian labels, and a hidden figure as no bar with its label', () => {
    const report = publication({ seed: 13, max: 6 });
    const charts = [...reportCharts(report).values()].flat();
    expect(charts.length).toBeGreaterThanOrEqual(4);
    let hidden = 0;
    for (const spec of charts) {
      expect(spec.categories.every((c) => /[а-яіїєґ]/i.test(c))).toBe(true);
      const option = chartOption(spec) as { series: { data: { value: number; label?: { formatter?: string } }[] }[] };
      spec.series.forEach((s, i) =>
        s.cells.forEach((cell, j) => {
          const datum = option.series[i]!.data[j]!;
          if (isSuppressed(cell)) {
            hidden += 1;
            expect(datum.value).toBe(0);
            expect(datum.label?.formatter).toBe(cell.label);
          } else expect(datum.value).toBe(cell);
        }),
      );
    }
    expect(hidden).toBeGreaterThan(0);
    const decisions = charts.find((c) => c.id === 'decisions')!;
    const rendered = renderChart(decisions);
    expect(rendered.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(rendered.svg).toContain('відмовлено');
  });

  it('renumbers zrender’s process-wide class names so a chart is the same every time', () => {
    expect(stableSvg('<p class="zr7-cls-30"/><p class="zr7-cls-31"/><p class="zr7-cls-30"/>')).toBe('<p class="zr-cls-0"/><p class="zr-cls-1"/><p class="zr-cls-0"/>');
    const spec = [...reportCharts(ministry()).values()].flat()[0]!;
    expect(renderChart(spec).svg).toBe(renderChart(spec).svg);
  });
});

describe('report.docx', () => {
  const documentXml = (docx: Buffer): string => strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
  const plainText = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

  it('is byte-identical for the same report, even after other documents, and dated at the computation', async () => {
    const report = publication({ seed: 14 });
    const first = await renderReportDocx(report);
    await renderReportDocx(ministry({ seed: 2 }));
    const second = await renderReportDocx(report);
    expect(second.equals(first)).toBe(true);
    const entries = unzipSync(new Uint8Array(first));
    expect(Object.keys(entries)[0]).toBe('[Content_Types].xml');
    expect(strFromU8(entries['docProps/core.xml']!)).toContain('2026-10-05T09:30:00Z');
    const pictures = Object.keys(entries).filter((n) => n.startsWith('word/media/'));
    expect(pictures.length).toBeGreaterThanOrEqual(4);
    for (const p of pictures) expect(entries[p]!.subarray(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  }, 30_000);

  it('says what, where, when and from which data, with the sections, the sentences and the hidden figures in words', async () => {
    const report = withCell(publication({ seed: 15 }), 'status.applications', 'current', TOTAL, TOTAL, { suppressed: true, label: '<5' });
    const text = plainText(documentXml(await renderReportDocx(report)));
    for (const part of [
      'Звіт про здійснення заходів у сфері протидії торгівлі людьми',
      'Полтавська область',
      'за III квартал 2026 року (з 01.07.2026 по 30.09.2026)',
      'Для оприлюднення',
      '1. Статус',
      '8. Охоплення',
      'За період подано менше 5 заяв',
      'Підготовлено в Zlagoda 0.0.0-test.',
      report.data.auditHash,
      'жінки',
      'звітний період',
    ])
      expect(text).toContain(part);
  }, 30_000);

  it('shows a year beside the year before once, in the tables and the sentences', async () => {
    const report = ministry({ period: '2026' });
    const text = plainText(documentXml(await renderReportDocx(report)));
    expect(text).toContain('за 2026 рік (з 01.01.2026 по 31.12.2026)');
    expect(text).toContain('попередній рік — ');
    expect(text).not.toContain('той самий період роком раніше');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportWorkbook(report)) as unknown as ArrayBuffer);
    const values: string[] = [];
    workbook.getWorksheet('Навчання')!.eachRow((row) => row.eachCell((cell) => void values.push(String(cell.value))));
    expect(values.some((v) => v.startsWith('попередній період'))).toBe(true);
    expect(values.some((v) => v.includes('роком раніше'))).toBe(false);
  }, 30_000);

  it('names a range period by its dates and a ministry report as exact', async () => {
    const report = ministry({ period: '2026-02-01..2026-05-15' });
    const text = plainText(documentXml(await renderReportDocx(report)));
    expect(text).toContain('за період з 01.02.2026 по 15.05.2026');
    expect(text).toContain('Для Міністерства соціальної політики');
    expect(text).not.toContain('менше 5');
  }, 30_000);
});
