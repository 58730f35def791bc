import { describe, expect, it } from 'vitest';
import { instantRange, parsePeriod, previousPeriod, yearEarlier, yearToDate } from '../../src/shared/reports/periods';

const days = (name: string) => {
  const p = parsePeriod(name);
  return p ? [p.from, p.to] : null;
};

describe('report periods', () => {
  it('reads quarters, halves, years and ranges, leap years included, and refuses what names no real days', () => {
    expect(days('2026-Q3')).toEqual(['2026-07-01', '2026-09-30']);
    expect(days('2024-Q1')).toEqual(['2024-01-01', '2024-03-31']);
    expect(days('2026-Q4')).toEqual(['2026-10-01', '2026-12-31']);
    expect(days('2026-H1')).toEqual(['2026-01-01', '2026-06-30']);
    expect(days('2026-H2')).toEqual(['2026-07-01', '2026-12-31']);
    expect(days('2026')).toEqual(['2026-01-01', '2026-12-31']);
    expect(days('2024-02-01..2024-02-29')).toEqual(['2024-02-01', '2024-02-29']);
    for (const bad of ['2026-Q5', '2026-H3', '26', '2026-02-30..2026-03-01', '2026-05-01..2026-04-01', '2026-q3', '']) expect(days(bad)).toBeNull();
  });

  it('finds the period before and the same period a year earlier', () => {
    const p = (name: string) => parsePeriod(name)!;
    expect(previousPeriod(p('2026-Q1')).id).toBe('2025-Q4');
    expect(previousPeriod(p('2026-Q3')).id).toBe('2026-Q2');
    expect(previousPeriod(p('2026-H1')).id).toBe('2025-H2');
    expect(previousPeriod(p('2026')).id).toBe('2025');
    expect(previousPeriod(p('2026-03-01..2026-03-10'))).toMatchObject({ from: '2026-02-19', to: '2026-02-28' });
    expect(yearEarlier(p('2026-Q3')).id).toBe('2025-Q3');
    expect(yearEarlier(p('2024-02-01..2024-02-29'))).toMatchObject({ from: '2023-02-01', to: '2023-02-28' });
    expect(yearToDate(p('2026-Q3'))).toEqual({ id: '2026-01-01..2026-09-30', from: '2026-01-01', to: '2026-09-30' });
  });

  it('covers Kyiv’s days for stamped records: midnight at UTC+2 in winter, UTC+3 in summer', () => {
    expect(instantRange(parsePeriod('2026-Q1')!)).toEqual({ from: '2025-12-31T22:00:00.000Z', until: '2026-03-31T21:00:00.000Z' });
    expect(instantRange(parsePeriod('2026-Q3')!)).toEqual({ from: '2026-06-30T21:00:00.000Z', until: '2026-09-30T21:00:00.000Z' });
    expect(instantRange(parsePeriod('2026-Q4')!)).toEqual({ from: '2026-09-30T21:00:00.000Z', until: '2026-12-31T22:00:00.000Z' });
    // The night summer time begins (29.03.2026) and ends (25.10.2026) in Kyiv.
    expect(instantRange(parsePeriod('2026-03-29..2026-03-29')!)).toEqual({ from: '2026-03-28T22:00:00.000Z', until: '2026-03-29T21:00:00.000Z' });
    expect(instantRange(parsePeriod('2026-10-25..2026-10-25')!)).toEqual({ from: '2026-10-24T21:00:00.000Z', until: '2026-10-25T22:00:00.000Z' });
  });
});
