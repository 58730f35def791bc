import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { consolidate, ConsolidationError } from '../../src/shared/reports/consolidate';
import { applyProfile } from '../../src/shared/reports/profile';
import { reportSchema, type ExactReport, type Report } from '../../src/shared/reports/report';
import { isSuppressed, positionKey, publishedCellsOf, valuesOf, type PublishedCell } from '../../src/shared/reports/tables';
import { sampleExactReport } from '../fixtures/report-sample';

const SENDERS = [
  { code: 'UA53000000000000000', name: 'Полтавська' },
  { code: 'UA32000000000000000', name: 'Київська' },
  { code: 'UA18000000000000000', name: 'Житомирська' },
];
const RECIPIENT = { code: 'UA00000000000000000', name: 'Україна' };
const META = { computedAt: '2026-10-20T08:00:00.000Z', softwareVersion: '0.0.0-test', digest: (t: string) => createHash('sha256').update(t).digest('hex') };

const exactOf = (i: number, extra: Partial<Parameters<typeof sampleExactReport>[0]> = {}): ExactReport => sampleExactReport({ seed: 11 + i * 101, oblast: SENDERS[i], ...extra });
const ministry = (exact: ExactReport): Report => applyProfile(exact, { profile: 'ministry', k: 5 }).report;

const cell = (table: { current: Parameters<typeof publishedCellsOf>[0] }, row: string, column = '*'): PublishedCell => publishedCellsOf(table.current).get(positionKey(row, column))!;
const exactCell = (r: ExactReport, name: string, row: string, column = '*'): number => valuesOf(r.tables.find((t) => t.name === name)!.current).get(positionKey(row, column))!;

describe('consolidate', () => {
  const exacts = [0, 1, 2].map((i) => exactOf(i));
  const reports = exacts.map(ministry);
  const sum = consolidate(reports, RECIPIENT, META);

  it('sums every table cell by cell across the senders (several cells checked by hand)', () => {
    // By hand: the three senders' own cells (seeds 11, 112, 213), added.
    expect(exactCell(sum, 'status.applications', 'boys')).toBe(12 + 1 + 6);
    expect(exactCell(sum, 'status.decisions', 'granted', 'girls')).toBe(1 + 7 + 3);
    expect(exactCell(sum, 'status.decisions', '*', 'men')).toBe(19 + 22 + 25);
    expect(exactCell(sum, 'aid.amounts', '*')).toBe(32_856_900 + 27_557_400 + 18_018_300);
    expect(exactCell(sum, 'status.countries', 'PL')).toBe(7 + 0 + 5);
    expect(exactCell(sum, 'coverage.hromadas', 'UA53080000000000000', 'with_coordinator')).toBe(3 + 7 + 6);
    // And in full: every position of every table and comparison.
    for (const t of sum.tables) {
      for (const comparison of ['current', 'previous', 'yearEarlier'] as const) {
        const total = valuesOf(t[comparison]);
        for (const [key, value] of total) {
          const parts = exacts.map((e) => valuesOf(e.tables.find((x) => x.name === t.name)![comparison]).get(key) ?? 0);
          expect(value, `${t.name} ${comparison} ${key}`).toBe(parts.reduce((x, y) => x + y, 0));
        }
      }
    }
    expect(sum.senders).toEqual([...SENDERS.map((s) => s.code)].sort());
    expect(sum.oblast).toEqual(RECIPIENT);
    expect(sum.data.auditCount).toBe(3 * 1234);
    const lines = [...SENDERS.map((s) => s.code)].sort().map((c) => `${c}|1234|${'ab'.repeat(32)}\n`).join('');
    expect(sum.data.auditHash).toBe(META.digest(lines));
    expect(reportSchema.safeParse(ministry(sum)).success).toBe(true);
  });

  it('takes the union of codes: a country only one sender names counts 0 for the others', () => {
    const withMd = exactOf(0);
    const list = withMd.codeLists.find((l) => l.id === 'countries')!;
    list.codes.push({ code: 'MD', uk: 'Молдова', en: 'Moldova' });
    for (const t of withMd.tables.filter((x) => x.name === 'status.countries')) {
      for (const c of ['current', 'previous', 'yearEarlier'] as const) {
        const table = t[c];
        if (table.rows.includes('MD')) continue;
        table.rows.push('MD');
        (table.counts as number[]).push(3);
      }
    }
    const out = consolidate([ministry(withMd), reports[1]!, reports[2]!], RECIPIENT, META);
    expect(exactCell(out, 'status.countries', 'MD')).toBe(3);
    expect(out.codeLists.find((l) => l.id === 'countries')!.codes.map((c) => c.code)).toEqual(['UA', 'PL', 'RU', 'MD']);
    expect(out.tables.find((t) => t.name === 'status.countries')!.current.rows).toEqual(['UA', 'PL', 'RU', 'MD']);
  });

  it('applies publication suppression after summing: 2 + 2 in two senders is 4, shown as <5', () => {
    const small = [0, 1].map((i) => {
      const e = exactOf(i, { max: 30 });
      const t = e.tables.find((x) => x.name === 'status.applications')!;
      (t.current.counts as number[])[t.current.rows.indexOf('girls')] = 2;
      return e;
    });
    const out = consolidate(small.map(ministry), RECIPIENT, META);
    expect(exactCell(out, 'status.applications', 'girls')).toBe(4);
    const published = applyProfile(out, { profile: 'publication', k: 5 }).report;
    const girls = cell(published.tables.find((t) => t.name === 'status.applications')!, 'girls');
    expect(isSuppressed(girls) && girls.label).toBe('<5');
    expect(published.senders).toEqual([SENDERS[1]!.code, SENDERS[0]!.code]);
    expect(published.profile).toBe('publication');
  });

  it('refuses a publication-profile input, mixed periods, the same sender twice and nothing at all', () => {
    const published = applyProfile(exacts[1]!, { profile: 'publication', k: 5 }).report;
    expect(() => consolidate([reports[0]!, published], RECIPIENT, META)).toThrow(ConsolidationError);
    expect(() => consolidate([reports[0]!, published], RECIPIENT, META)).toThrow(/UA32000000000000000: a publication report/);
    expect(() => consolidate([reports[0]!, ministry(exactOf(1, { period: '2026-Q2' }))], RECIPIENT, META)).toThrow(/period 2026-Q2/);
    expect(() => consolidate([reports[0]!, reports[0]!], RECIPIENT, META)).toThrow(/same sender/);
    expect(() => consolidate([], RECIPIENT, META)).toThrow(/nothing/);
  });

  it('refuses to sum a table whose code list versions differ, naming the table and the versions', () => {
    const other = exactOf(1);
    const forms = other.codeLists.findIndex((l) => l.id === 'forms');
    const current = other.codeLists[forms]!.version;
    other.codeLists[forms] = { ...other.codeLists[forms]!, version: '2012-test' };
    let message = '';
    try {
      consolidate([reports[0]!, ministry(other)], RECIPIENT, META);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('table status.forms');
    expect(message).toContain(`${current} (UA53000000000000000)`);
    expect(message).toContain('2012-test (UA32000000000000000)');
  });
});
