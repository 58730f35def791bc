import { rangeSolver } from './feasible-ranges';
import { buildSystem, type LinearSystem } from './relations';
import {
  SECONDARY_LABEL,
  countTableSchema,
  layoutOf,
  positionKey,
  primaryLabel,
  publishTable,
  valuesOf,
  type CellRef,
  type CountTable,
  type PublishedTable,
  type TableLayout,
} from './tables';

/**
 * Statistical disclosure control of the «for publication» profile (security.md §7): primary suppression of every
 * count 1..k-1, then secondary suppression until no hidden cell can be recovered from the release's margins, from
 * differencing periods against each other, or from what earlier releases already showed.
 *
 * The rule, in the order it is applied:
 * 1. primary: every cell (totals too) of 1..k-1, and every non-zero cell an earlier release of the same table and
 *    period hid (the release log), is hidden. Zeros are never hidden: a zero is not a small count of people, and
 *    never hiding one is what lets `x` promise «at least k».
 * 2. equations: every equation of the release (each row and column of each table, total row and column included;
 *    period P + Yprev = Y, and any period exactly tiled by shorter ones) that holds one hidden cell gets another,
 *    one cell at a time: among the non-zero cells this release may still hide, the one that completes most such
 *    equations at once, then the smallest, inner cells before totals, then in canonical table order. Repeated to a
 *    fixed point.
 * 3. attacker: the linear programme of `feasible-ranges.ts` (an attacker who knows this rule and k) solves min and
 *    max of every hidden cell; a cell it narrows to under one unit of width gets one more neighbour hidden (the
 *    smallest around its group of hidden cells), then 2 and 3 again. Hiding more only widens every interval (the
 *    true counts stay feasible), so a cell once checked stays safe and the loop ends.
 * Guarantee: every hidden cell's interval under that attacker is at least 1 wide (min ≤ max − 1), so at least two
 * values stay possible, except the sensitive cells in `unprotected`: those no suppression can save, because figures
 * already released pin them down, or the labels themselves do (four «<5» parts of a «<5» total are 1 each).
 */

export interface RelatedRelease {
  /** Exact counts of the tables the release held, as computed when it was made (the release log keeps them). */
  tables: CountTable[];
  /**
   * What it hid, from the release log; its pattern is fixed, this release must live with what it showed. Absent:
   * the tables are released together with this one, and their cells are suppressed jointly.
   */
  suppressed?: readonly CellRef[];
}

export interface SuppressionInput {
  tables: CountTable[];
  /** The threshold: counts 1..k-1 are hidden as «<k». At least 3, or «<2» would say «1». */
  k: number;
  related?: RelatedRelease[];
}

export interface SuppressionResult {
  /** The tables released now (`tables`, then related ones without a log), in that order. */
  tables: PublishedTable[];
  /** Every hidden cell of `tables`. */
  suppressed: CellRef[];
  /**
   * Small counts (of this release or of an earlier one) that stay recoverable whatever is hidden: the release must
   * not go as it is (merge the categories, or leave the table out).
   */
  unprotected: CellRef[];
}

const refKey = (r: CellRef): string => [r.table, r.period, r.row, r.column].join('\u0000');
const instanceKey = (l: TableLayout): string => `${l.period.from}\u0000${l.period.to}\u0000${l.period.id}\u0000${l.name}`;

interface Instance {
  layout: TableLayout;
  values: Map<string, number>;
  /** Index into the input's `tables` + open releases, for the output order; undefined for a logged release. */
  output?: number;
  logged?: Set<string>;
}

export function suppress(input: SuppressionInput): SuppressionResult {
  const { k } = input;
  if (!Number.isInteger(k) || k < 3) throw new Error('k must be an integer of at least 3');
  const open = [...input.tables, ...(input.related ?? []).filter((r) => !r.suppressed).flatMap((r) => r.tables)];
  const logged = (input.related ?? []).filter((r) => r.suppressed);

  // Instances in a canonical order (the output does not depend on the order of the input): open ones first.
  const openInstances: Instance[] = open.map((t, output) => {
    const table = countTableSchema.parse(t);
    return { layout: layoutOf(table), values: valuesOf(table), output };
  });
  const seen = new Set<string>();
  for (const i of openInstances) {
    const key = `${i.layout.name}\u0000${i.layout.period.id}`;
    if (seen.has(key)) throw new Error(`table ${i.layout.name} of ${i.layout.period.id} is released twice`);
    seen.add(key);
  }
  openInstances.sort((a, b) => (instanceKey(a.layout) < instanceKey(b.layout) ? -1 : instanceKey(a.layout) > instanceKey(b.layout) ? 1 : 0));
  const loggedInstances: Instance[] = logged.flatMap((r) => {
    const hidden = new Set(r.suppressed!.map(refKey));
    return r.tables.map((t) => {
      const table = countTableSchema.parse(t);
      return { layout: layoutOf(table), values: valuesOf(table), logged: hidden };
    });
  });
  const instances = [...openInstances, ...loggedInstances];

  const system = systemOf(instances);
  const valueOfCell = (i: number): number => {
    const c = system.cells[i]!;
    return instances[c.instance]!.values.get(positionKey(c.ref.row, c.ref.column))!;
  };
  const value = system.cells.map((_, i) => valueOfCell(i));
  const isOpen = system.cells.map((c) => instances[c.instance]!.output !== undefined);
  const hidden = new Set<number>();
  const carried = new Set<string>();
  for (const inst of loggedInstances) for (const r of inst.logged!) carried.add(r);
  // Sensitive: what must stay unrecoverable. Other hidden cells (≥ k) only serve to protect these.
  const sensitive = new Set<number>();
  system.cells.forEach((c, i) => {
    const inst = instances[c.instance]!;
    const v = value[i]!;
    if (inst.logged) {
      // A logged zero cannot have been hidden (zeros never are): a log that says so is not trusted for that cell.
      if (inst.logged.has(refKey(c.ref)) && v > 0) hidden.add(i);
      if (hidden.has(i) && v < k) sensitive.add(i);
    } else if ((v >= 1 && v < k) || (v > 0 && carried.has(refKey(c.ref)))) {
      hidden.add(i);
      sensitive.add(i);
    }
  });
  // A cell an attacker can compute anyway: hiding it would protect nothing, so it is shown.
  const revealed = new Set<number>();

  // Smallest first; inner cells before totals (a hidden total costs the reader most); then the canonical order.
  const better = (a: number, b: number): boolean =>
    value[a]! !== value[b]! ? value[a]! < value[b]! : system.cells[a]!.margin !== system.cells[b]!.margin ? !system.cells[a]!.margin : a < b;
  const shownForGood = (i: number): boolean => (!isOpen[i]! && !hidden.has(i)) || value[i]! === 0 || revealed.has(i);
  // An equation whose other cells are all shown for good determines the cell: hiding it would be for nothing.
  const determined = (i: number): boolean => system.cellEquations[i]!.some((e) => system.equations[e]!.terms.every((t) => t.cell === i || shownForGood(t.cell)));
  const eligible = (i: number): boolean => isOpen[i]! && value[i]! > 0 && !hidden.has(i) && !revealed.has(i) && !determined(i);
  const best = (candidates: Iterable<number>): number | undefined => {
    let chosen: number | undefined;
    for (const c of candidates) if (eligible(c) && (chosen === undefined || better(c, chosen))) chosen = c;
    return chosen;
  };

  // Greedy over every equation left with a single hidden cell: the candidate that completes most of them at once
  // (one cell closing a row and a column makes a rectangle instead of a chain), then the smallest.
  const closeEquations = (): void => {
    for (;;) {
      const lonely = system.equations.filter((eq) => eq.terms.filter((t) => hidden.has(t.cell)).length === 1);
      const served = new Map<number, number>();
      for (const eq of lonely) for (const t of eq.terms) if (eligible(t.cell)) served.set(t.cell, (served.get(t.cell) ?? 0) + 1);
      let chosen: number | undefined;
      for (const [c, n] of served) {
        const m = chosen === undefined ? -1 : served.get(chosen)!;
        if (n > m || (n === m && better(c, chosen!))) chosen = c;
      }
      if (chosen === undefined) return;
      hidden.add(chosen);
    }
  };

  // The attacker's bounds, cut to one unit around the truth: a cell's interval is ≥ 1 wide exactly when it still is
  // inside this window, and windowed programmes are bounded, so one optimum of a sum moves many cells at once.
  const windowed = (i: number): readonly [number, number] => {
    const v = value[i]!;
    return v < k ? [Math.max(1, v - 1), Math.min(k - 1, v + 1)] : [Math.max(k, v - 1), v + 1];
  };
  const safe = new Set<number>();
  const unprotected = new Set<number>();
  for (;;) {
    closeEquations();
    const known = system.cells.map((_, i) => (hidden.has(i) ? undefined : value[i]));
    const solver = rangeSolver(system, known, windowed);
    let pending = [...hidden].filter((i) => !safe.has(i) && !unprotected.has(i)).sort((a, b) => a - b);
    const moved = (point: Map<number, number>) => (i: number) => Math.abs((point.get(i) ?? value[i]!) - value[i]!) >= 1 - 1e-9;
    for (let progress = true; progress && pending.length > 0; ) {
      progress = false;
      for (const direction of ['minimize', 'maximize'] as const) {
        const away = moved(solver.extreme(pending, direction));
        const still = pending.filter((i) => !away(i));
        if (still.length < pending.length) progress = true;
        for (const i of pending) if (away(i)) safe.add(i);
        pending = still;
      }
    }
    const pinned: number[] = [];
    for (const i of pending) {
      const min = solver.min(i);
      if (min <= value[i]! - 1 + 1e-9 || solver.max(i) - min >= 1 - 1e-9) safe.add(i);
      else pinned.push(i);
    }
    if (pinned.length === 0) break;
    const group = groupsOf(system, hidden);
    const helpless: number[] = [];
    for (const i of pinned) {
      const around = [...hidden].filter((h) => group(h) === group(i)).flatMap((h) => system.cellEquations[h]!.flatMap((e) => system.equations[e]!.terms.map((t) => t.cell)));
      const partner = best(around);
      if (partner === undefined) helpless.push(i);
      else hidden.add(partner);
    }
    // A partner added for one cell may free another of the same group: judge the helpless only when none was added.
    if (helpless.length < pinned.length) continue;
    let revealedAny = false;
    for (const i of helpless) {
      if (sensitive.has(i)) unprotected.add(i);
      else if (isOpen[i]!) {
        // Pinned to under one unit, it tells the attacker (almost) nothing he does not know: show it, and check
        // everything again, since showing the exact value may narrow a neighbour by the fraction left.
        hidden.delete(i);
        revealed.add(i);
        revealedAny = true;
      }
    }
    if (!revealedAny) break;
    safe.clear();
  }

  const published: PublishedTable[] = [];
  for (const inst of openInstances) {
    const instance = instances.indexOf(inst);
    published[inst.output!] = publishTable(inst.layout, k, (row, column) => {
      const i = system.cellAt(instance, row, column)!;
      if (!hidden.has(i)) return value[i]!;
      return { suppressed: true, label: value[i]! < k ? primaryLabel(k) : SECONDARY_LABEL };
    });
  }
  const refsOf = (cells: Iterable<number>): CellRef[] => [...cells].sort((a, b) => a - b).map((i) => system.cells[i]!.ref);
  return {
    tables: published,
    suppressed: refsOf([...hidden].filter((i) => isOpen[i])),
    unprotected: refsOf(unprotected),
  };
}

/** The system of the instances, keeping an equation between periods only where the exact counts satisfy it. */
function systemOf(instances: readonly Instance[]): LinearSystem {
  const layouts = instances.map((i) => i.layout);
  const bare = buildSystem(layouts, () => false, true);
  const value = (cell: number): number => {
    const c = bare.cells[cell]!;
    return instances[c.instance]!.values.get(positionKey(c.ref.row, c.ref.column))!;
  };
  // Cell numbering depends on the layouts only, so the bare system's numbers serve the full one.
  return buildSystem(layouts, (eq) => eq.terms.reduce((s, t) => s + t.coef * value(t.cell), 0) === 0, true);
}

/** Which connected group of hidden cells (through shared equations) a hidden cell belongs to. */
function groupsOf(system: LinearSystem, hidden: ReadonlySet<number>): (cell: number) => number {
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    let r = i;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const h of hidden) parent.set(h, h);
  for (const eq of system.equations) {
    const inEq = eq.terms.filter((t) => hidden.has(t.cell));
    for (const t of inEq.slice(1)) parent.set(find(t.cell), find(inEq[0]!.cell));
  }
  return find;
}
