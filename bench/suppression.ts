/**
 * Statistical disclosure control at the size of a real quarterly report (not in `npm run bench`; run it with
 * `node scripts/run-ts.mjs bench/suppression.ts`): seven tables as issue 12 lists them (status 5 × 4, forms 7,
 * countries 25, citizenship 10, referrals 10 × 4, organisation types 8, trainings 6 × 3), counts skewed small. The
 * half-year goes out alone, then the third quarter with the year to date against it; then the attacker's check.
 */
import { feasibleRanges } from '../src/shared/reports/feasible-ranges';
import { suppress } from '../src/shared/reports/suppression';
import type { CountTable, Period } from '../src/shared/reports/tables';
import { seededRandom } from '../src/shared/seeded-random';

const H1: Period = { id: '2026-H1', from: '2026-01-01', to: '2026-06-30' };
const Q3: Period = { id: '2026-Q3', from: '2026-07-01', to: '2026-09-30' };
const YTD: Period = { id: '2026-01..09', from: '2026-01-01', to: '2026-09-30' };
const spec: [string, number, number][] = [['status', 5, 4], ['forms', 7, 0], ['countries', 25, 0], ['citizenship', 10, 0], ['referrals', 10, 4], ['orgs', 8, 0], ['trainings', 6, 3]];
type Counts = Record<string, number[][]>;

function tables(period: Period, counts: Counts): CountTable[] {
  return spec.map(([name, r, columns]) => {
    const rows = Array.from({ length: r }, (_, i) => `r${i}`);
    const grid = counts[name]!;
    return columns ? { name, period, rows, columns: Array.from({ length: columns }, (_, j) => `c${j}`), counts: grid } : { name, period, rows, counts: grid.map((x) => x[0]!) };
  });
}

const timings: Record<string, number[]> = { 'H1 alone': [], 'Q3 + YTD after H1': [], attacker: [] };
let hidden = 0;
const unprotected: number[] = [];
let narrowest = Infinity;
for (let seed = 1; seed <= 10; seed++) {
  const random = seededRandom(seed);
  const count = () => {
    const u = random();
    return u < 0.3 ? 0 : u < 0.6 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 30);
  };
  const gen = (): Counts => Object.fromEntries(spec.map(([n, r, c]) => [n, Array.from({ length: r }, () => Array.from({ length: Math.max(c, 1) }, count))]));
  const before = gen();
  const quarter = gen();
  const year = Object.fromEntries(spec.map(([n]) => [n, before[n]!.map((row, i) => row.map((v, j) => v + quarter[n]![i]![j]!))]));
  let t = performance.now();
  const earlier = suppress({ k: 5, tables: tables(H1, before) });
  timings['H1 alone']!.push(performance.now() - t);
  t = performance.now();
  const now = suppress({ k: 5, tables: [...tables(Q3, quarter), ...tables(YTD, year)], related: [{ tables: tables(H1, before), suppressed: earlier.suppressed }] });
  timings['Q3 + YTD after H1']!.push(performance.now() - t);
  t = performance.now();
  const ranges = feasibleRanges(now.tables, earlier.tables).filter((r) => r.of === 'published');
  timings.attacker!.push(performance.now() - t);
  hidden += now.suppressed.length;
  unprotected.push(now.unprotected.length);
  const flagged = new Set(now.unprotected.map((r) => JSON.stringify(r)));
  narrowest = Math.min(narrowest, ...ranges.filter((r) => !flagged.has(JSON.stringify(r.ref))).map((r) => r.max - r.min));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, xs] of Object.entries(timings)) console.log(`${name}: p50 ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`);
console.log(`10 releases of Q3 + YTD: ${hidden} cells hidden, unprotected per release ${unprotected.join(' ')}, narrowest interval of the others ${narrowest}`);
