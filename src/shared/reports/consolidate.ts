import { countTableOf } from './profile';
import { REPORT_TABLES } from './report-catalogue';
import { REPORT_FORMAT, type CodeList, type Comparison, type ExactReport, type ExactTable, type Report } from './report';
import type { CountTable } from './tables';

/**
 * The recipient's sum of the reports it received: the same tables, each cell the sum of the senders' cells. Only
 * exact (ministry-profile) reports are summed: a publication report has hidden cells and, worse, sums of rounded or
 * suppressed figures would publish numbers no sender released. Publication suppression is applied after this, to the
 * sum, by `applyProfile`: a 2 in one oblast and a 2 in another are a 4, which is still a small count.
 *
 * A person counted by two senders (moved between oblasts) is counted twice: the senders' people are not linked.
 */

export class ConsolidationError extends Error {}

export interface ConsolidationMeta {
  computedAt: string;
  softwareVersion: string;
  /**
   * A hex digest of a text (SHA-256 in the main process); shared code has no hashing of its own. `data.auditHash` is
   * the digest of one line per sender, sorted by code: `<code>|<auditCount>|<auditHash>\n`, the heads of the audit
   * chains the senders' reports were computed from; `data.auditCount` is the sum of their counts. So the sum names
   * exactly the inputs it was made from, and two recipients summing the same bundles get the same head.
   */
  digest: (text: string) => string;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** The ids of the period, the one before and a year earlier: reports of other periods are not summed together. */
const periodsOf = (r: Report): string => [r.period.id, r.previous.id, r.yearEarlier.id].join(' ');

export function consolidate(reports: readonly Report[], recipient: { code: string; name: string }, meta: ConsolidationMeta): ExactReport {
  if (reports.length === 0) throw new ConsolidationError('nothing to consolidate');
  const first = reports[0]!;
  const senders = new Set<string>();
  for (const r of reports) {
    if (r.profile !== 'ministry') throw new ConsolidationError(`${r.oblast.code}: a ${r.profile} report has hidden cells; only ministry reports (exact counts) are summed`);
    if (periodsOf(r) !== periodsOf(first)) throw new ConsolidationError(`${r.oblast.code}: period ${r.period.id} differs from ${first.period.id}`);
    if (senders.has(r.oblast.code)) throw new ConsolidationError(`${r.oblast.code}: two reports of the same sender`);
    senders.add(r.oblast.code);
  }

  const codeLists = mergeCodeLists(reports);
  const names = tableNames(reports);
  const tables: ExactTable[] = names.map((name) => {
    checkListVersions(name, reports);
    const of = (comparison: Comparison): CountTable => {
      const parts = reports.flatMap((r) => {
        const table = r.tables.find((t) => t.name === name);
        if (!table) return [];
        const exact = countTableOf(table[comparison]);
        if (!exact) throw new ConsolidationError(`${r.oblast.code}: table ${name} has hidden cells`);
        return [exact];
      });
      const holder = reports.find((r) => r.tables.some((t) => t.name === name))!;
      const t = holder.tables.find((x) => x.name === name)!;
      return sumTables(name, parts, listOrder(codeLists, t.rowList), t.columnList === null ? null : listOrder(codeLists, t.columnList));
    };
    const current = of('current');
    const previous = of('previous');
    // A year's period before is its year earlier: keep them one table, as the computation does.
    const yearEarlier = first.yearEarlier.id === first.previous.id ? previous : of('yearEarlier');
    return { name, current, previous, yearEarlier };
  });

  const heads = reports
    .map((r) => ({ code: r.oblast.code, count: r.data.auditCount, hash: r.data.auditHash }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    format: REPORT_FORMAT,
    oblast: { code: recipient.code, name: recipient.name },
    period: first.period,
    previous: first.previous,
    yearEarlier: first.yearEarlier,
    computedAt: meta.computedAt,
    softwareVersion: meta.softwareVersion,
    data: { auditCount: sum(heads.map((h) => h.count)), auditHash: meta.digest(heads.map((h) => `${h.code}|${h.count}|${h.hash}\n`).join('')) },
    senders: heads.map((h) => h.code),
    codeLists,
    tables,
  };
}

/** Tables in the catalogue's order, then any the catalogue does not know in the order first met. */
function tableNames(reports: readonly Report[]): string[] {
  const seen: string[] = [];
  for (const r of reports) for (const t of r.tables) if (!seen.includes(t.name)) seen.push(t.name);
  const order = (n: string): number => {
    const i = REPORT_TABLES.findIndex((d) => d.name === n);
    return i < 0 ? REPORT_TABLES.length + seen.indexOf(n) : i;
  };
  return [...seen].sort((a, b) => order(a) - order(b));
}

/** The version of a code list a report counted a table with; a table over lists of other versions is not summable. */
function checkListVersions(name: string, reports: readonly Report[]): void {
  for (const side of ['rowList', 'columnList'] as const) {
    const versions = new Map<string, string[]>();
    for (const r of reports) {
      const t = r.tables.find((x) => x.name === name);
      const id = t?.[side];
      if (!t || id === null || id === undefined) continue;
      const version = r.codeLists.find((l) => l.id === id)?.version ?? '(none)';
      versions.set(version, [...(versions.get(version) ?? []), r.oblast.code]);
    }
    if (versions.size > 1) {
      const list = [...versions].map(([v, codes]) => `${v} (${codes.join(', ')})`).join(' / ');
      throw new ConsolidationError(`table ${name}: code list versions differ between senders: ${list}`);
    }
  }
}

/** Lists of the same id and version become one with every code any sender used; other versions stay beside. */
function mergeCodeLists(reports: readonly Report[]): CodeList[] {
  const merged = new Map<string, CodeList>();
  for (const r of reports) {
    for (const list of r.codeLists) {
      const key = `${list.id}\u0000${list.version}`;
      const have = merged.get(key);
      if (!have) {
        merged.set(key, { ...list, codes: [...list.codes] });
        continue;
      }
      for (const code of list.codes) if (!have.codes.some((c) => c.code === code.code)) have.codes.push(code);
    }
  }
  return [...merged.values()];
}

function listOrder(lists: readonly CodeList[], id: string): string[] {
  return lists.find((l) => l.id === id)?.codes.map((c) => c.code) ?? [];
}

/** Sums tables over the union of their codes, in the code list's order (codes it lacks after, as first met). */
function sumTables(name: string, parts: CountTable[], rowOrder: string[], columnOrder: string[] | null): CountTable {
  const twoWay = parts.map((p) => 'columns' in p);
  if (twoWay.some((w) => w !== twoWay[0])) throw new ConsolidationError(`table ${name}: one sender sends it as a list, another as rows × columns`);
  const union = (order: string[], codes: string[][]): string[] => {
    const all = new Set(codes.flat());
    const listed = order.filter((c) => all.has(c));
    return [...listed, ...[...all].filter((c) => !listed.includes(c))];
  };
  const base = parts[0]!;
  const head = { name, period: base.period, additive: base.additive ?? true };
  const rows = union(rowOrder, parts.map((p) => p.rows));
  if (!('columns' in base)) {
    const counts = rows.map((row) => sum(parts.map((p) => (p.counts as number[])[p.rows.indexOf(row)] ?? 0)));
    return { ...head, rows, counts };
  }
  const two = parts as Extract<CountTable, { columns: string[] }>[];
  const columns = union(columnOrder ?? [], two.map((p) => p.columns));
  const counts = rows.map((row) =>
    columns.map((column) =>
      sum(
        two.map((p) => {
          const i = p.rows.indexOf(row);
          const j = p.columns.indexOf(column);
          return i < 0 || j < 0 ? 0 : (p.counts[i]?.[j] ?? 0);
        }),
      ),
    ),
  );
  return { ...head, rows, columns, counts };
}
