import { tableDefinition } from './report-catalogue';
import { COMPARISONS, type Comparison, type ExactReport, type ExactTable, type Report, type ReportProfile, type ReportTable } from './report';
import { suppress, type RelatedRelease } from './suppression';
import {
  SECONDARY_LABEL,
  TOTAL,
  countTableSchema,
  isSuppressed,
  layoutOf,
  positionKey,
  publishTable,
  publishedCellsOf,
  valuesOf,
  type CellRef,
  type CountTable,
  type PublishedTable,
} from './tables';

/**
 * A profile applied to the exact report. «For the Ministry»: every count as it is. «For publication»: the tables
 * about victims go through the suppression engine together (the period, the one before and a year earlier, with the
 * earlier releases of the log as `related`), the office's own activity goes exact; an amount of money is hidden
 * wherever the count of payments beside it is, since the amount divided by the fixed sum per person is the count, and
 * its totals with it.
 */

/** The table whose hidden cells an amount table follows. */
const AMOUNT_OF: Record<string, string> = { 'aid.amounts': 'aid.payments' };

export interface ProfileOptions {
  profile: ReportProfile;
  /** k of the publication profile. */
  k: number;
  /** Earlier publication releases from the log, with what they hid. */
  related?: RelatedRelease[];
}

export interface ProfiledReport {
  report: Report;
  /** What this release hides (publication only). */
  suppressed: CellRef[];
  /** Small counts no hiding can protect: a publication must not leave while this is non-empty. */
  unprotected: CellRef[];
  /** What the release log keeps of it: the exact tables suppressed together, and which of their cells were hidden. */
  released: { tables: CountTable[]; suppressed: CellRef[] };
}

const exactOf = (table: CountTable): PublishedTable => {
  const values = valuesOf(table);
  return publishTable(layoutOf(table), 0, (row, column) => values.get(positionKey(row, column)) ?? 0);
};

/** The tables of one comparison of each exact table, each period once (a year's previous period is its year earlier). */
function instancesOf(tables: readonly ExactTable[]): { table: string; comparison: Comparison; count: CountTable }[] {
  const out: { table: string; comparison: Comparison; count: CountTable }[] = [];
  for (const t of tables) {
    const seen = new Set<string>();
    for (const comparison of COMPARISONS) {
      const count = t[comparison];
      if (seen.has(count.period.id)) continue;
      seen.add(count.period.id);
      out.push({ table: t.name, comparison, count });
    }
  }
  return out;
}

export function applyProfile(exact: ExactReport, options: ProfileOptions): ProfiledReport {
  const definitions = exact.tables.map((t) => {
    const d = tableDefinition(t.name);
    if (!d) throw new Error(`no table ${t.name} in the catalogue`);
    return d;
  });
  const published = new Map<string, PublishedTable>();
  const key = (table: string, period: string): string => `${table}\u0000${period}`;
  let suppressed: CellRef[] = [];
  let unprotected: CellRef[] = [];
  const releasedTables: CountTable[] = [];

  const publication = options.profile === 'publication';
  const guarded = exact.tables.filter((_, i) => publication && definitions[i]!.protected && !(definitions[i]!.name in AMOUNT_OF));
  if (guarded.length > 0) {
    // The catalogue's links go with the counts, for the release and for the log (what a later release is checked against).
    const withLinks = guarded.map((t) => {
      const links = tableDefinition(t.name)?.links;
      const link = (c: CountTable): CountTable => (links ? { ...c, linked: links } : c);
      return { ...t, current: link(t.current), previous: link(t.previous), yearEarlier: link(t.yearEarlier) };
    });
    const instances = instancesOf(withLinks);
    const result = suppress({ tables: instances.map((i) => i.count), k: options.k, related: options.related });
    instances.forEach((instance, n) => published.set(key(instance.table, instance.count.period.id), result.tables[n]!));
    suppressed = result.suppressed;
    unprotected = result.unprotected;
    releasedTables.push(...instances.map((i) => countTableSchema.parse(i.count)));
  }

  const tables: ReportTable[] = exact.tables.map((t, i) => {
    const d = definitions[i]!;
    const follows = publication ? AMOUNT_OF[d.name] : undefined;
    const periodOf = (comparison: Comparison): PublishedTable => {
      const count = t[comparison];
      const done = published.get(key(t.name, count.period.id));
      if (done) return done;
      const table = exactOf(count);
      if (!follows) return table;
      const guide = published.get(key(follows, count.period.id));
      if (!guide) return table;
      const hidden = publishedCellsOf(guide);
      const values = valuesOf(count);
      // Each category's sum per person differs (three times its own minimum): a shown total less the shown categories
      // would be Σ nᵢ·mᵢ over the hidden ones, which whole numbers solve. With any category hidden, the total goes too.
      const anyHidden = [...hidden.values()].some(isSuppressed);
      return publishTable(layoutOf(count), options.k, (row, column) => {
        const g = hidden.get(positionKey(row, column));
        const total = row === TOTAL || column === TOTAL;
        return isSuppressed(g) || (anyHidden && total && (values.get(positionKey(row, column)) ?? 0) > 0)
          ? { suppressed: true, label: SECONDARY_LABEL }
          : (values.get(positionKey(row, column)) ?? 0);
      });
    };
    return {
      name: d.name,
      section: d.section,
      title: d.title,
      unit: d.unit,
      protected: d.protected,
      totals: d.totals,
      rowList: d.rowList,
      columnList: d.columnList,
      current: periodOf('current'),
      previous: periodOf('previous'),
      yearEarlier: periodOf('yearEarlier'),
    };
  });

  const report: Report = { ...exact, profile: options.profile, threshold: publication ? options.k : null, tables };
  return { report, suppressed, unprotected, released: { tables: releasedTables, suppressed } };
}

/** The exact counts back from a ministry-profile table (a recipient sums these); null when any cell is hidden. */
export function countTableOf(table: PublishedTable): CountTable | null {
  const cells = publishedCellsOf(table);
  for (const cell of cells.values()) if (isSuppressed(cell)) return null;
  const base = { name: table.name, period: table.period, additive: table.additive };
  if (table.columns) return { ...base, rows: table.rows, columns: table.columns, counts: table.cells.map((r) => r.map((c) => c as number)) };
  return { ...base, rows: table.rows, counts: table.rowTotals.map((c) => c as number) };
}

