import { describe, expect, it } from 'vitest';
import { feasibleRanges } from '../../src/shared/reports/feasible-ranges';
import { kAnonymityViolations } from '../../src/shared/reports/k-anonymity';
import { suppress, type SuppressionInput } from '../../src/shared/reports/suppression';
import { TOTAL, type CountTable, type PublishedCell, type PublishedTable } from '../../src/shared/reports/tables';

// Hand-worked examples of the rule: a reader should see from these which cells go and why.

const Q3 = { id: '2026-Q3', from: '2026-07-01', to: '2026-09-30' };
const H1 = { id: '2026-H1', from: '2026-01-01', to: '2026-06-30' };
const YTD = { id: '2026-01..09', from: '2026-01-01', to: '2026-09-30' };
const Q1 = { id: '2026-Q1', from: '2026-01-01', to: '2026-03-31' };
const Q2 = { id: '2026-Q2', from: '2026-04-01', to: '2026-06-30' };

const show = (c: PublishedCell): string => (typeof c === 'number' ? String(c) : c.label);
/** The table as the reader sees it, one string per row, totals last. */
function grid(t: PublishedTable): string[] {
  if (!t.columns) return [...t.rowTotals.map(show), show(t.total)];
  return [...t.cells.map((row, i) => [...row, t.rowTotals[i]!].map(show).join(' ')), [...t.columnTotals, t.total].map(show).join(' ')];
}
const find = (tables: PublishedTable[], name: string, period: string): PublishedTable => tables.find((t) => t.name === name && t.period.id === period)!;

describe('suppression by hand', () => {
  it('a list: the small count and, as its complement, the smallest other non-zero count; the zero stays', () => {
    const result = suppress({ k: 5, tables: [{ name: 'forms', period: Q3, rows: ['labour', 'sexual', 'begging', 'other'], counts: [3, 12, 0, 7] }] });
    expect(grid(result.tables[0]!)).toEqual(['<5', '12', '0', 'x', '22']);
    expect(result.suppressed.map((r) => r.row)).toEqual(['labour', 'other']);
    expect(result.unprotected).toEqual([]);
  });

  it('a two-way table: one small cell costs a rectangle, the cell that closes a row and a column at once', () => {
    const result = suppress({
      k: 5,
      tables: [{ name: 'status', period: Q3, rows: ['a', 'b', 'c'], columns: ['x', 'y', 'z'], counts: [[3, 10, 12], [8, 9, 20], [15, 6, 7]] }],
    });
    // Row a wants a partner (10), column x too (8); then b·y (9) closes row b and column y together.
    expect(grid(result.tables[0]!)).toEqual(['<5 x 12 25', 'x x 20 37', '15 6 7 28', '26 25 39 90']);
    // The attacker narrows a·x no further than its label says.
    const ax = feasibleRanges(result.tables).find((r) => r.ref.row === 'a' && r.ref.column === 'x')!;
    expect([ax.min, ax.max]).toEqual([1, 4]);
  });

  it('an attacker who knows the rule («x» is at least k) is answered: 1 + x = 6 would give x = 5, so the total goes too', () => {
    const result = suppress({ k: 5, tables: [{ name: 'citizenship', period: Q3, rows: ['UA', 'other'], counts: [5, 1] }] });
    expect(grid(result.tables[0]!)).toEqual(['x', '<5', 'x']);
    for (const r of feasibleRanges(result.tables)) expect(r.max - r.min).toBeGreaterThanOrEqual(1);
    // With the total shown, the same attacker would have pinned both.
    const leaky: PublishedTable = { ...result.tables[0]!, total: 6 };
    expect(feasibleRanges([leaky]).map((r) => [r.min, r.max])).toEqual([[5, 5], [1, 1]]);
    // The brief's weaker attacker (hidden cells merely ≥ 0) would not see it: the stronger one is the one that counts.
    expect(feasibleRanges([leaky], [], { knowsPolicy: false }).map((r) => [r.min, r.max])).toEqual([[2, 5], [1, 4]]);
  });

  it('a totals row of a two-way table is a row like any other', () => {
    // The legal column's total is 2, small itself. Row «done» takes 12 as partner; then the medical column and the
    // total row each hold one hidden cell, and their total 20 closes both at once.
    const result = suppress({ k: 5, tables: [{ name: 'referrals', period: Q3, rows: ['done', 'refused'], columns: ['legal', 'medical'], counts: [[2, 12], [0, 8]] }] });
    expect(grid(result.tables[0]!)).toEqual(['<5 x 14', '0 8 8', '<5 x 22']);
  });

  it('quarter, year to date and the year to date released before: two of the three hide each cell', () => {
    const counts = (period: typeof Q3, c: number[]): CountTable => ({ name: 'granted', period, rows: ['women', 'men', 'children'], counts: c });
    const result = suppress({
      k: 5,
      tables: [counts(Q3, [2, 8, 0]), counts(YTD, [12, 20, 6])],
      related: [{ tables: [counts(H1, [10, 12, 6])], suppressed: [] }],
    });
    expect(grid(find(result.tables, 'granted', Q3.id))).toEqual(['<5', 'x', '0', '10']);
    // women: 12 = 10 + «<5» would give it away, so the year hides it; then the year's row needs a partner, and the
    // children (6 = 6 + 0, both shown for good) would protect nothing: the men go.
    expect(grid(find(result.tables, 'granted', YTD.id))).toEqual(['x', 'x', '6', '38']);
    const ranges = feasibleRanges(result.tables, [{ ...find(result.tables, 'granted', Q3.id), period: H1, rowTotals: [10, 12, 6], total: 28 }]);
    expect(ranges.filter((r) => r.ref.period !== H1.id).map((r) => `${r.ref.period} ${r.ref.row} ${r.min}..${r.max}`)).toEqual([
      '2026-Q3 women 1..4',
      '2026-Q3 men 6..9',
      '2026-01..09 women 11..14',
      '2026-01..09 men 18..21',
    ]);
  });

  it('counts of distinct people are not sums of their quarters: no differencing is assumed, none is defended', () => {
    const people = (period: typeof Q3, c: number[]): CountTable => ({ name: 'trained', period, additive: false, rows: ['police', 'social'], counts: c });
    const result = suppress({
      k: 5,
      tables: [people(Q3, [3, 9]), people(YTD, [20, 30])],
      related: [{ tables: [people(H1, [18, 25])], suppressed: [] }],
    });
    expect(grid(find(result.tables, 'trained', YTD.id))).toEqual(['20', '30', '50']);
    expect(grid(find(result.tables, 'trained', Q3.id))).toEqual(['<5', 'x', '12']);
  });

  it('the release log: what an earlier edition hid stays hidden in the next, even when it has grown past k', () => {
    const table = (c: number[]): CountTable => ({ name: 'granted', period: Q3, rows: ['women', 'men', 'children'], counts: c });
    const first = suppress({ k: 5, tables: [table([2, 8, 9])] });
    expect(grid(first.tables[0]!)).toEqual(['<5', 'x', '9', '19']);
    // A late decision: women 2 → 6. Alone it would be shown; the log keeps it hidden.
    const again = suppress({ k: 5, tables: [table([6, 8, 9])], related: [{ tables: [table([2, 8, 9])], suppressed: first.suppressed }] });
    expect(grid(again.tables[0]!)).toEqual(['x', 'x', '9', '23']);
    expect(suppress({ k: 5, tables: [table([6, 8, 9])] }).suppressed).toEqual([]);
  });

  it('a cell that figures already out pin down is reported, not silently published', () => {
    const t = (period: typeof Q3, c: number[]): CountTable => ({ name: 'aid', period, rows: ['paid', 'refused'], counts: c });
    // Q1 and the half-year went out in full; Q2 = H1 − Q1 whatever is hidden now.
    const result = suppress({ k: 5, tables: [t(Q2, [3, 9])], related: [{ tables: [t(Q1, [7, 6]), t(H1, [10, 15])], suppressed: [] }] });
    expect(result.unprotected.map((r) => `${r.period} ${r.row}`)).toEqual(['2026-Q2 paid']);
  });

  it('is deterministic and does not depend on the order of the tables', () => {
    const input: SuppressionInput = {
      k: 5,
      tables: [
        { name: 'a', period: Q3, rows: ['r1', 'r2', 'r3'], columns: ['c1', 'c2'], counts: [[1, 7], [7, 1], [7, 7]] },
        { name: 'b', period: Q3, rows: ['r1', 'r2'], counts: [4, 4] },
      ],
    };
    const once = suppress(input);
    expect(suppress(input)).toEqual(once);
    const reversed = suppress({ ...input, tables: [...input.tables].reverse() });
    expect(reversed.tables.reverse()).toEqual(once.tables);
  });

  it('refuses what it cannot publish honestly', () => {
    const table: CountTable = { name: 'a', period: Q3, rows: ['r'], counts: [1] };
    expect(() => suppress({ k: 2, tables: [table] })).toThrow(/at least 3/);
    expect(() => suppress({ k: 5, tables: [table, table] })).toThrow(/twice/);
    expect(() => suppress({ k: 5, tables: [{ ...table, rows: [TOTAL] }] })).toThrow();
    expect(() => suppress({ k: 5, tables: [{ ...table, counts: [-1] }] })).toThrow();
  });
});

describe('k-anonymity of the case-level export', () => {
  const rows = [
    { sex: 'F', age: 'adult', citizenship: 'UA', forms: ['labour', 'sexual'] },
    { sex: 'F', age: 'adult', citizenship: 'UA', forms: ['sexual', 'labour'] },
    { sex: 'F', age: 'adult', citizenship: 'UA', forms: ['labour', 'sexual'] },
    { sex: 'M', age: 'child', citizenship: 'MD', forms: ['begging'] },
    { sex: 'M', age: 'adult', citizenship: 'UA', forms: ['labour'] },
    { sex: 'M', age: 'adult', citizenship: 'UA', forms: ['labour'] },
    { sex: 'M', age: 'adult', citizenship: undefined, forms: ['labour'] },
  ];

  it('names every combination rarer than k with its count, rarest first; a list of forms is one value in any order', () => {
    expect(kAnonymityViolations(rows, ['sex', 'age', 'citizenship', 'forms'], 3)).toEqual([
      { combination: { sex: 'M', age: 'adult', citizenship: null, forms: ['labour'] }, count: 1 },
      { combination: { sex: 'M', age: 'child', citizenship: 'MD', forms: ['begging'] }, count: 1 },
      { combination: { sex: 'M', age: 'adult', citizenship: 'UA', forms: ['labour'] }, count: 2 },
    ]);
  });

  it('is empty when every combination occurs k times or more', () => {
    expect(kAnonymityViolations(rows, ['sex'], 3)).toEqual([]);
    expect(kAnonymityViolations(rows, ['sex'], 4)).toEqual([{ combination: { sex: 'F' }, count: 3 }]);
    expect(kAnonymityViolations([], ['sex'], 11)).toEqual([]);
  });
});
