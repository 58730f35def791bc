import { solve, type Coefficients, type Constraint } from 'yalps';
import { buildSystem, type LinearSystem } from './relations';
import { SECONDARY_LABEL, isSuppressed, layoutOf, positionKey, publishedCellsOf, type CellRef, type PublishedTable } from './tables';

/**
 * The attacker of a suppressed release: a linear programme over every published figure of every given table and
 * period, whose variables are the hidden cells. Minimising and maximising each one gives the interval an attacker
 * can narrow it to; a hidden cell is recovered when that interval is a single value.
 */

export interface CellRange {
  ref: CellRef;
  /** Whether the cell is of `published` or of `related` (an earlier edition may share its table and period). */
  of: 'published' | 'related';
  min: number;
  max: number;
}

export interface AttackerOptions {
  /** Solve over integers (branch and bound) instead of the relaxation; slower, never wider. */
  integer?: boolean;
  /**
   * The attacker knows the rule (the code is public): zeros are shown and 1..k-1 is `<k`, so a cell marked
   * SECONDARY_LABEL holds at least k. Default true; false gives the brief's weaker attacker (hidden cells ≥ 0).
   */
  knowsPolicy?: boolean;
}

type Bounds = readonly [min: number, max: number];

export interface RangeSolver {
  min: (cell: number) => number;
  max: (cell: number) => number;
  /** One point of the feasible set that minimises or maximises the sum of `cells`: each cell's value there. */
  extreme: (cells: readonly number[], direction: 'minimize' | 'maximize') => Map<number, number>;
}

// Figures are integers: a result within this of one is that integer (the simplex works in floating point).
const EPS = 1e-6;
const clean = (x: number): number => (Math.abs(x - Math.round(x)) < EPS ? Math.round(x) : x);

/**
 * Min and max of any unknown cell of `system`, where `known[i]` is a published value or undefined for a hidden
 * cell with `bounds(i)`. Each connected group of hidden cells is its own small programme, built once.
 */
export function rangeSolver(system: LinearSystem, known: readonly (number | undefined)[], bounds: (cell: number) => Bounds, integer = false): RangeSolver {
  const parent = system.cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const eq of system.equations) {
    const hidden = eq.terms.filter((t) => known[t.cell] === undefined);
    for (const t of hidden.slice(1)) parent[find(t.cell)] = find(hidden[0]!.cell);
  }
  const models = new Map<number, { constraints: Map<string, Constraint>; variables: Map<number, [string, number][]> }>();
  const modelOf = (root: number) => {
    const cached = models.get(root);
    if (cached) return cached;
    const constraints = new Map<string, Constraint>();
    const variables = new Map<number, [string, number][]>();
    system.cells.forEach((_, i) => {
      if (known[i] !== undefined || find(i) !== root) return;
      const [lo, hi] = bounds(i);
      const coefficients: [string, number][] = [];
      if (lo > 0 || Number.isFinite(hi)) {
        constraints.set(`b${i}`, Number.isFinite(hi) ? { min: lo, max: hi } : { min: lo });
        coefficients.push([`b${i}`, 1]);
      }
      variables.set(i, coefficients);
    });
    system.equations.forEach((eq, e) => {
      if (!eq.terms.some((t) => variables.has(t.cell))) return;
      let rhs = 0;
      for (const t of eq.terms) {
        const v = known[t.cell];
        if (v === undefined) variables.get(t.cell)!.push([`e${e}`, t.coef]);
        else rhs -= t.coef * v;
      }
      constraints.set(`e${e}`, { equal: rhs });
    });
    const model = { constraints, variables };
    models.set(root, model);
    return model;
  };
  const run = (root: number, objective: ReadonlySet<number>, direction: 'minimize' | 'maximize') => {
    const { constraints, variables } = modelOf(root);
    const vars = new Map<string, Coefficients>();
    for (const [i, coefficients] of variables) vars.set(String(i), objective.has(i) ? [...coefficients, ['obj', 1]] : coefficients);
    return solve({ direction, objective: 'obj', constraints, variables: vars, integers: integer }, { maxIterations: 100_000 });
  };
  const optimum = (cell: number, direction: 'minimize' | 'maximize'): number => {
    const solution = run(find(cell), new Set([cell]), direction);
    if (solution.status === 'unbounded') return direction === 'maximize' ? Infinity : -Infinity;
    if (solution.status !== 'optimal') throw new Error(`the attacker's programme is ${solution.status}`);
    return clean(solution.result);
  };
  const extreme = (cells: readonly number[], direction: 'minimize' | 'maximize'): Map<number, number> => {
    const point = new Map<number, number>();
    for (const root of new Set(cells.map(find))) {
      const solution = run(root, new Set(cells.filter((c) => find(c) === root)), direction);
      if (solution.status !== 'optimal') continue;
      // The solver leaves out variables at zero.
      for (const i of modelOf(root).variables.keys()) point.set(i, 0);
      for (const [name, v] of solution.variables) point.set(Number(name), clean(v));
    }
    return point;
  };
  return { min: (cell) => optimum(cell, 'minimize'), max: (cell) => optimum(cell, 'maximize'), extreme };
}

/** The bounds a published marker tells its reader. */
export function markerBounds(label: string, threshold: number, knowsPolicy: boolean): Bounds {
  const small = /^<(\d+)$/.exec(label);
  if (small) return [1, Number(small[1]) - 1];
  if (label === SECONDARY_LABEL && knowsPolicy) return [threshold, Infinity];
  return [0, Infinity];
}

/**
 * The interval an attacker can narrow each suppressed cell of `published` and `related` to, using every margin of
 * every table and every equation between their periods. One entry per suppressed cell, in table order.
 */
export function feasibleRanges(published: readonly PublishedTable[], related: readonly PublishedTable[] = [], options: AttackerOptions = {}): CellRange[] {
  const tables = [...published, ...related];
  const system = buildSystem(tables.map(layoutOf));
  const known: (number | undefined)[] = [];
  const bounds: Bounds[] = [];
  const cellMaps = tables.map(publishedCellsOf);
  system.cells.forEach((cell, i) => {
    const value = cellMaps[cell.instance]!.get(positionKey(cell.ref.row, cell.ref.column));
    if (isSuppressed(value)) {
      known[i] = undefined;
      bounds[i] = markerBounds(value.label, tables[cell.instance]!.threshold, options.knowsPolicy ?? true);
    } else {
      known[i] = value ?? 0;
      bounds[i] = [0, Infinity];
    }
  });
  const solver = rangeSolver(system, known, (i) => bounds[i]!, options.integer ?? false);
  return system.cells.flatMap((cell, i) => (known[i] === undefined ? [{ ref: cell.ref, of: cell.instance < published.length ? ('published' as const) : ('related' as const), min: solver.min(i), max: solver.max(i) }] : []));
}
