import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { COMPARISONS, type Report, type ReportTable } from '../../../shared/reports/report';
import { TOTAL, isSuppressed, type PublishedCell } from '../../../shared/reports/tables';
import { cellAt, codeWordsOf } from './report-words';

/**
 * The report's charts for the DOCX: horizontal bars (Ukrainian category names are long and read best on the left),
 * drawn by ECharts on the server as SVG and rasterised to PNG for the DOCX (the SVG is kept for whoever wants vector). A hidden
 * figure draws no bar, only its label («<5», «x»), so a chart never gives away what the table withholds.
 */

export interface ChartSeries {
  name: string;
  cells: PublishedCell[];
}

export interface ChartSpec {
  /** A stable name for the image inside the document. */
  id: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
}

export interface RenderedChart {
  spec: ChartSpec;
  svg: string;
  png: Buffer;
  /** In CSS pixels (96 per inch), as the document places it. */
  width: number;
  height: number;
}

/** About the text width of an A4 page with the official margins (170 mm at 96 px per inch). */
export const CHART_WIDTH = 640;
const PNG_ZOOM = 3;
const FONT_FAMILY = 'Times New Roman, Liberation Serif, DejaVu Serif, serif';
// Dark to light: the period reported stands out, and the three stay apart when printed in black and white.
const COLOURS = ['#1f4e79', '#7f9fbf', '#c9d6e3', '#5b8c5a', '#b3cfa6', '#e0c46c'];

/** Rows the legend takes: long series names (coverage's measures) wrap, and the plot must start below them. */
function legendRows(spec: ChartSpec): number {
  if (spec.series.length < 2) return 0;
  const widths = spec.series.map((s) => s.name.length * 8 + 40);
  let rows = 1;
  let used = 0;
  for (const w of widths) {
    if (used + w > CHART_WIDTH - 40 && used > 0) {
      rows += 1;
      used = 0;
    }
    used += w;
  }
  return rows;
}

function heightOf(spec: ChartSpec): number {
  return 60 + legendRows(spec) * 24 + spec.categories.length * (spec.series.length * 16 + 14);
}

/** The ECharts option of a spec: hidden cells as a zero-length bar carrying their label. */
export function chartOption(spec: ChartSpec): echarts.EChartsOption {
  const multi = spec.series.length > 1;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: COLOURS,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: '#000000' },
    title: { text: spec.title, left: 'center', top: 4, textStyle: { fontFamily: FONT_FAMILY, fontSize: 14, fontWeight: 'bold', color: '#000000' } },
    legend: multi ? { top: 28, textStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: '#000000' } } : { show: false },
    grid: { left: 8, right: 48, top: 40 + legendRows(spec) * 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT_FAMILY, fontSize: 11 } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: spec.categories,
      axisLabel: { fontFamily: FONT_FAMILY, fontSize: 12, width: 190, overflow: 'break', interval: 0, color: '#000000' },
    },
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 18,
      label: { show: true, position: 'right', fontFamily: FONT_FAMILY, fontSize: 11, color: '#000000' },
      data: s.cells.map((cell) =>
        isSuppressed(cell) ? { value: 0, label: { show: true, position: 'right', formatter: cell.label, fontStyle: 'italic' } } : { value: cell },
      ),
    })),
  } as echarts.EChartsOption;
}

/**
 * zrender names its style classes from counters shared by every chart the process has drawn («zr6-cls-30»), so the
 * same chart would differ between two exports; renumbered in order of first use, it is the same every time.
 */
export function stableSvg(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-cls-\d+\b/g, (name) => {
    let stable = names.get(name);
    if (!stable) names.set(name, (stable = `zr-cls-${names.size}`));
    return stable;
  });
}

export function renderChart(spec: ChartSpec): RenderedChart {
  const width = CHART_WIDTH;
  const height = heightOf(spec);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(chartOption(spec));
  const svg = stableSvg(chart.renderToSVGString());
  chart.dispose();
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
    font: { loadSystemFonts: true, defaultFontFamily: 'Times New Roman', serifFamily: 'Times New Roman' },
  })
    .render()
    .asPng();
  return { spec, svg, png: Buffer.from(png), width, height };
}

const periodSeries = (table: ReportTable, cells: (comparison: (typeof COMPARISONS)[number]) => PublishedCell[]): ChartSeries[] => {
  const seen = new Set<string>();
  const out: ChartSeries[] = [];
  for (const c of COMPARISONS) {
    // A year's period before is its year earlier: the same bars twice would say nothing.
    const period = table[c].period.id;
    if (seen.has(period)) continue;
    seen.add(period);
    out.push({ name: period, cells: cells(c) });
  }
  return out;
};

/** A list (or the row totals of a two-way table) across the three periods. */
function byRows(report: Report, table: ReportTable | undefined, id: string, title: string): ChartSpec | null {
  if (!table) return null;
  const words = codeWordsOf(report);
  const rows = table.current.rows;
  return { id, title, categories: rows.map((r) => words(table.rowList, r)), series: periodSeries(table, (c) => rows.map((r) => cellAt(table[c], r, TOTAL))) };
}

/** The column totals of a two-way table across the three periods. */
function byColumns(report: Report, table: ReportTable | undefined, id: string, title: string): ChartSpec | null {
  if (!table?.current.columns) return null;
  const words = codeWordsOf(report);
  const columns = table.current.columns;
  return { id, title, categories: columns.map((c) => words(table.columnList, c)), series: periodSeries(table, (cmp) => columns.map((c) => cellAt(table[cmp], TOTAL, c))) };
}

/** Coverage by raion in the period reported: hromadas, and how many of them training and prevention reached. */
function coverage(report: Report, table: ReportTable | undefined): ChartSpec | null {
  if (!table?.current.columns) return null;
  const words = codeWordsOf(report);
  const measures = ['hromadas', 'reached_by_training', 'reached_by_event'].filter((m) => table.current.columns!.includes(m));
  return {
    id: 'coverage',
    title: 'Охоплення громад за районом',
    categories: table.current.rows.map((r) => words(table.rowList, r)),
    series: measures.map((m) => ({ name: m === 'hromadas' ? 'усього громад' : words(table.columnList, m), cells: table.current.rows.map((r) => cellAt(table.current, r, m)) })),
  };
}

/** The charts a report's narrative shows, by section; a table missing from the report gives no chart. */
export function reportCharts(report: Report): Map<string, ChartSpec[]> {
  const table = (name: string): ReportTable | undefined => report.tables.find((t) => t.name === name);
  const charts = new Map<string, ChartSpec[]>();
  const add = (section: string, spec: ChartSpec | null): void => {
    if (spec && spec.categories.length > 0) charts.set(section, [...(charts.get(section) ?? []), spec]);
  };
  add('status', byRows(report, table('status.decisions'), 'decisions', 'Рішення за заявами за результатом'));
  add('status', byRows(report, table('status.forms'), 'forms', 'Особи, яким встановлено статус, за формою експлуатації'));
  add('referrals', byColumns(report, table('referrals.outcomes'), 'referrals', 'Перенаправлення за результатом'));
  add('trainings', byRows(report, table('trainings.events'), 'trainings', 'Навчальні заходи за видом'));
  add('prevention', byRows(report, table('prevention.events'), 'prevention', 'Профілактичні заходи за видом'));
  add('coverage', coverage(report, table('coverage.hromadas')));
  return charts;
}
