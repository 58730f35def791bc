import { z } from 'zod';

/**
 * The table model of the reports: named tables of counts over one or two dimensions, with their totals. Totals are
 * computed here, never taken from the caller, so a published table always adds up; and totals are cells like any
 * other, because a total of 3 is as much a small count of people as an inner cell of 3.
 */

/** The category code of a margin: the row of column totals, the column of row totals. */
export const TOTAL = '*';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A reporting period: calendar days `from`..`to`, both included (Kyiv dates). `id` names it in the release log. */
export const periodSchema = z
  .object({ id: z.string().min(1), from: isoDate, to: isoDate })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'period ends before it starts' });
export type Period = z.infer<typeof periodSchema>;

const category = z.string().min(1).refine((c) => c !== TOTAL, { message: `"${TOTAL}" is reserved for totals` });
const count = z.number().int().nonnegative();
const distinct = (list: readonly string[]): boolean => new Set(list).size === list.length;

// `additive: false` marks counts of distinct people over the period (one person in two quarters is one in the
// half-year): such a table is not the sum of its sub-periods, so no equation between periods is assumed for it.
/**
 * A cell that is the same quantity as a cell of another table of the same days (the persons granted status are the
 * «granted» row of the decisions and the total of the forms): an attacker subtracts across tables as well as within.
 */
const linkSchema = z.object({ key: z.string().min(1), row: z.string().min(1), column: z.string().min(1) }).strict();
export type CellLink = z.infer<typeof linkSchema>;

const base = { name: z.string().min(1), period: periodSchema, additive: z.boolean().optional(), linked: z.array(linkSchema).max(8).optional() };

export const oneWayTableSchema = z
  .object({ ...base, rows: z.array(category).min(1), counts: z.array(count) })
  .strict()
  .refine((t) => distinct(t.rows) && t.counts.length === t.rows.length, { message: 'one count per distinct row' });

export const twoWayTableSchema = z
  .object({ ...base, rows: z.array(category).min(1), columns: z.array(category).min(1), counts: z.array(z.array(count)) })
  .strict()
  .refine(
    (t) => distinct(t.rows) && distinct(t.columns) && t.counts.length === t.rows.length && t.counts.every((r) => r.length === t.columns.length),
    { message: 'counts must be rows × columns over distinct categories' },
  );

export const countTableSchema = z.union([twoWayTableSchema, oneWayTableSchema]);
/** Exact counts of one table for one period: a list with its total (no `columns`) or rows × columns. */
export type CountTable = z.infer<typeof countTableSchema>;

/** A cell anywhere in a release: `row` / `column` are category codes or TOTAL. A 1-D table's cells have column TOTAL. */
export interface CellRef {
  table: string;
  period: string;
  row: string;
  column: string;
}

/** A hidden cell: `<k` when its count is 1..k-1, SECONDARY_LABEL when it is hidden to protect another one. */
export interface SuppressedMarker {
  suppressed: true;
  label: string;
}
export type PublishedCell = number | SuppressedMarker;

/** Statistics Canada's and Eurostat's mark for a figure withheld for confidentiality; never a small count by itself. */
export const SECONDARY_LABEL = 'x';
export const primaryLabel = (k: number): string => `<${k}`;

/**
 * A table as it leaves the app. A 1-D table (columns null) is the column of its row totals: its values are in
 * `rowTotals`, `cells` and `columnTotals` are empty. `threshold` is the k of the release, so a reader (and an
 * attacker, who is assumed to know the rule) knows what `<k` and `x` mean.
 */
export interface PublishedTable {
  name: string;
  period: Period;
  additive: boolean;
  threshold: number;
  rows: string[];
  columns: string[] | null;
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  total: PublishedCell;
}

/** The shape of a table without its numbers: what the linear relations between its cells depend on. */
export interface TableLayout {
  name: string;
  period: Period;
  additive: boolean;
  rows: readonly string[];
  columns: readonly string[] | null;
  linked?: readonly CellLink[];
}

export const layoutOf = (t: CountTable | PublishedTable): TableLayout => ({
  name: t.name,
  period: t.period,
  additive: t.additive ?? true,
  rows: t.rows,
  columns: 'columns' in t && t.columns ? t.columns : null,
  ...('linked' in t && t.linked ? { linked: t.linked } : {}),
});

/** Every cell position of a layout, margins included, rows then columns in the order published (totals last). */
export function positionsOf(layout: TableLayout): [row: string, column: string][] {
  const rows = [...layout.rows, TOTAL];
  const columns = layout.columns ? [...layout.columns, TOTAL] : [TOTAL];
  return rows.flatMap((r) => columns.map((c): [string, string] => [r, c]));
}

/** The additive margins: each as [total position, part positions]. Includes the total row and the total column. */
export function marginsOf(layout: TableLayout): [[string, string], [string, string][]][] {
  if (!layout.columns) return [[[TOTAL, TOTAL], layout.rows.map((r): [string, string] => [r, TOTAL])]];
  const columns = layout.columns;
  const rows = [...layout.rows, TOTAL].map((r): [[string, string], [string, string][]] => [[r, TOTAL], columns.map((c): [string, string] => [r, c])]);
  const cols = [...columns, TOTAL].map((c): [[string, string], [string, string][]] => [[TOTAL, c], layout.rows.map((r): [string, string] => [r, c])]);
  return [...rows, ...cols];
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** The counts of every position (margins computed), keyed by `positionKey`. */
export function valuesOf(table: CountTable): Map<string, number> {
  const values = new Map<string, number>();
  if ('columns' in table) {
    table.rows.forEach((r, i) => {
      const row = table.counts[i] ?? [];
      table.columns.forEach((c, j) => values.set(positionKey(r, c), row[j] ?? 0));
      values.set(positionKey(r, TOTAL), sum(row));
    });
    table.columns.forEach((c, j) => values.set(positionKey(TOTAL, c), sum(table.counts.map((row) => row[j] ?? 0))));
    values.set(positionKey(TOTAL, TOTAL), sum(table.counts.map(sum)));
  } else {
    table.rows.forEach((r, i) => values.set(positionKey(r, TOTAL), table.counts[i] ?? 0));
    values.set(positionKey(TOTAL, TOTAL), sum(table.counts));
  }
  return values;
}

/** The cells of a published table by position. */
export function publishedCellsOf(table: PublishedTable): Map<string, PublishedCell> {
  const cells = new Map<string, PublishedCell>();
  table.rows.forEach((r, i) => {
    (table.columns ?? []).forEach((c, j) => cells.set(positionKey(r, c), table.cells[i]?.[j] ?? 0));
    cells.set(positionKey(r, TOTAL), table.rowTotals[i] ?? 0);
  });
  (table.columns ?? []).forEach((c, j) => cells.set(positionKey(TOTAL, c), table.columnTotals[j] ?? 0));
  cells.set(positionKey(TOTAL, TOTAL), table.total);
  return cells;
}

/** Lays cells out as a published table; `cellAt` answers for every position of `positionsOf`. */
export function publishTable(layout: TableLayout, threshold: number, cellAt: (row: string, column: string) => PublishedCell): PublishedTable {
  const columns = layout.columns ? [...layout.columns] : null;
  return {
    name: layout.name,
    period: layout.period,
    additive: layout.additive,
    threshold,
    rows: [...layout.rows],
    columns,
    cells: columns ? layout.rows.map((r) => columns.map((c) => cellAt(r, c))) : [],
    rowTotals: layout.rows.map((r) => cellAt(r, TOTAL)),
    columnTotals: (columns ?? []).map((c) => cellAt(TOTAL, c)),
    total: cellAt(TOTAL, TOTAL),
  };
}

export const positionKey = (row: string, column: string): string => `${row}\u0000${column}`;
export const isSuppressed = (cell: PublishedCell | undefined): cell is SuppressedMarker => typeof cell === 'object';
