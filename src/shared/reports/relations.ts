import { TOTAL, marginsOf, positionKey, positionsOf, type CellRef, type TableLayout } from './tables';

/**
 * Every linear equation that ties the cells of a set of released tables together, as an attacker would write them:
 * each table's margins, and between periods of the same table, a period that is exactly tiled by shorter ones
 * (year to date = previous year to date + this quarter; a half-year = its two quarters), and the same table of the
 * same days released again (each cell equal to itself where the counts did not change), and cells two tables declare
 * the same quantity (`linked`). Differencing attacks are
 * combinations of these equations, so one system serves both the suppression and the check of it.
 */

export interface SystemCell {
  ref: CellRef;
  instance: number;
  margin: boolean;
}

/** Σ coef·x = 0 over the cells named. */
export interface Equation {
  terms: { cell: number; coef: 1 | -1 }[];
}

export interface LinearSystem {
  cells: SystemCell[];
  equations: Equation[];
  /** The equations each cell is in. */
  cellEquations: number[][];
  /** Cell index by instance and position. */
  cellAt: (instance: number, row: string, column: string) => number | undefined;
}

// A year-to-date at month granularity has few tilings; the cap keeps a pathological log from exploding.
const MAX_TILINGS = 64;

const nextDay = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Each tiling of instance `a` by two or more other instances of the same table, back to back. */
function tilings(layouts: readonly TableLayout[], a: number): number[][] {
  const target = layouts[a]!;
  const found: number[][] = [];
  const candidates = layouts
    .map((l, i) => ({ l, i }))
    .filter(({ l, i }) => i !== a && l.name === target.name && l.additive && l.period.from >= target.period.from && l.period.to <= target.period.to)
    .filter(({ l }) => l.period.from !== target.period.from || l.period.to !== target.period.to);
  const walk = (from: string, chosen: number[]): void => {
    if (found.length >= MAX_TILINGS) return;
    for (const { l, i } of candidates) {
      if (l.period.from !== from) continue;
      if (l.period.to === target.period.to) found.push([...chosen, i]);
      else walk(nextDay(l.period.to), [...chosen, i]);
    }
  };
  walk(target.period.from, []);
  return found;
}

/**
 * Builds the system. `holds` decides whether an equation between periods is kept: the app keeps only those its
 * exact counts satisfy (a revised earlier release no longer adds up), an attacker assumes all of them. `editions`
 * adds the equations between two releases of the same table and days: the app, which knows where counts did not
 * change, uses them; an attacker cannot know which counts a revision changed, so the checks leave them out.
 */
export function buildSystem(layouts: readonly TableLayout[], holds: (eq: Equation) => boolean = () => true, editions = false): LinearSystem {
  const cells: SystemCell[] = [];
  const index = new Map<string, number>();
  const at = (instance: number, row: string, column: string): number | undefined => index.get(`${instance}\u0000${positionKey(row, column)}`);
  layouts.forEach((layout, instance) => {
    for (const [row, column] of positionsOf(layout)) {
      index.set(`${instance}\u0000${positionKey(row, column)}`, cells.length);
      cells.push({ ref: { table: layout.name, period: layout.period.id, row, column }, instance, margin: row === TOTAL || column === TOTAL });
    }
  });
  const equations: Equation[] = [];
  layouts.forEach((layout, instance) => {
    for (const [[tr, tc], parts] of marginsOf(layout)) {
      equations.push({
        terms: [{ cell: at(instance, tr, tc)!, coef: 1 }, ...parts.map(([r, c]) => ({ cell: at(instance, r, c)!, coef: -1 as const }))],
      });
    }
  });
  layouts.forEach((layout, a) => {
    if (!layout.additive) return;
    for (const tiles of tilings(layouts, a)) {
      for (const [row, column] of positionsOf(layout)) {
        const whole = at(a, row, column)!;
        const parts = tiles.map((t) => at(t, row, column));
        // A category that one period's code list lacks cannot be differenced.
        if (parts.some((p) => p === undefined)) continue;
        const eq: Equation = { terms: [{ cell: whole, coef: 1 }, ...parts.map((p) => ({ cell: p!, coef: -1 as const }))] };
        if (holds(eq)) equations.push(eq);
      }
    }
  });
  // Cells of different tables that are one quantity over the same days (`linked` under the same key).
  const linkedCells = new Map<string, number[]>();
  layouts.forEach((layout, instance) => {
    for (const link of layout.linked ?? []) {
      const cell = at(instance, link.row, link.column);
      if (cell === undefined) continue;
      const key = `${layout.period.from}\u0000${layout.period.to}\u0000${link.key}`;
      linkedCells.set(key, [...(linkedCells.get(key) ?? []), cell]);
    }
  });
  for (const group of linkedCells.values()) {
    for (let i = 1; i < group.length; i++) {
      const eq: Equation = { terms: [{ cell: group[0]!, coef: 1 }, { cell: group[i]!, coef: -1 }] };
      if (holds(eq)) equations.push(eq);
    }
  }
  // The same table of the same days released twice (a publication made again, a logged release beside this one):
  // where the counts did not change, a cell is the same unknown in both.
  layouts.forEach((a, i) => {
    layouts.forEach((b, j) => {
      if (!editions || j <= i || a.name !== b.name || a.period.from !== b.period.from || a.period.to !== b.period.to) return;
      for (const [row, column] of positionsOf(a)) {
        const other = at(j, row, column);
        if (other === undefined) continue;
        const eq: Equation = { terms: [{ cell: at(i, row, column)!, coef: 1 }, { cell: other, coef: -1 }] };
        if (holds(eq)) equations.push(eq);
      }
    });
  });
  const cellEquations: number[][] = cells.map(() => []);
  equations.forEach((eq, e) => eq.terms.forEach((t) => cellEquations[t.cell]!.push(e)));
  return { cells, equations, cellEquations, cellAt: at };
}
