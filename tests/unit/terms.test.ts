import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, isDayOff, nextWorkingDay, termEnd, workingDaysBefore, type DaysOffCalendar } from '../../src/shared/terms';
import { kyivDate } from '../../src/shared/time';

const NONE: DaysOffCalendar = { holidays: new Set(), moveEndOffDays: true };
const KEEP: DaysOffCalendar = { holidays: new Set(), moveEndOffDays: false };
/** An office that keeps Christmas and New Year as days off. */
const WINTER: DaysOffCalendar = { holidays: new Set(['2026-12-25', '2027-01-01']), moveEndOffDays: true };

describe('month terms end on the same day number, or the last day of a shorter month', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-31', -1, '2026-04-30'],
  ])('%s + %i month(s) = %s', (from, months, end) => {
    expect(addMonths(from, months)).toBe(end);
  });

  it('a year from 29 February ends on 28 February, and from 28 February on 28 February', () => {
    expect(termEnd('2028-02-29', { value: 1, unit: 'years', dayKind: 'calendar' }, KEEP)).toBe('2029-02-28');
    expect(termEnd('2027-02-28', { value: 1, unit: 'years', dayKind: 'calendar' }, KEEP)).toBe('2028-02-28');
    expect(termEnd('2026-11-20', { value: 2, unit: 'years', dayKind: 'calendar' }, KEEP)).toBe('2028-11-20');
  });

  it('one month from an interview on 31 January ends on 28 February, or on the Monday after when that is a Saturday', () => {
    // 28.02.2026 is a Saturday: with the day-off rule the term ends on Monday 02.03.2026; without it, on the Saturday.
    expect(termEnd('2026-01-31', { value: 1, unit: 'months', dayKind: 'calendar' }, NONE)).toBe('2026-03-02');
    expect(termEnd('2026-01-31', { value: 1, unit: 'months', dayKind: 'calendar' }, KEEP)).toBe('2026-02-28');
  });
});

describe('days', () => {
  it('the day of the event is not counted; 0 days ends the same day', () => {
    expect(termEnd('2026-11-20', { value: 10, unit: 'days', dayKind: 'calendar' }, KEEP)).toBe('2026-11-30');
    expect(termEnd('2026-11-20', { value: 0, unit: 'days', dayKind: 'calendar' }, NONE)).toBe('2026-11-20');
  });

  it('a calendar term ending on a day off moves to the next working day, over a holiday too', () => {
    // 14.11.2026 is a Saturday.
    expect(termEnd('2026-11-04', { value: 10, unit: 'days', dayKind: 'calendar' }, NONE)).toBe('2026-11-16');
    // 25.12.2026 (Friday) is a holiday the office set: the term runs on to Monday 28.12.
    expect(termEnd('2026-12-15', { value: 10, unit: 'days', dayKind: 'calendar' }, WINTER)).toBe('2026-12-28');
    expect(termEnd('2026-12-15', { value: 10, unit: 'days', dayKind: 'calendar' }, NONE)).toBe('2026-12-25');
  });

  it('working days skip weekends and the office’s holidays', () => {
    // Thursday 24.12 + 3 working days: Mon 28, Tue 29, Wed 30 (Friday 25 is a holiday).
    expect(termEnd('2026-12-24', { value: 3, unit: 'days', dayKind: 'working' }, WINTER)).toBe('2026-12-30');
    expect(termEnd('2026-12-24', { value: 3, unit: 'days', dayKind: 'working' }, NONE)).toBe('2026-12-29');
    // Across New Year: Wed 30.12 + 2 working days = Thu 31.12, then Mon 04.01 (Friday 01.01 is off).
    expect(termEnd('2026-12-30', { value: 2, unit: 'days', dayKind: 'working' }, WINTER)).toBe('2027-01-04');
    // A Saturday event: the count starts on Monday.
    expect(termEnd('2026-11-21', { value: 1, unit: 'days', dayKind: 'working' }, NONE)).toBe('2026-11-23');
  });

  it('days off, next working day, days between', () => {
    expect(isDayOff('2026-11-21', NONE)).toBe(true);
    expect(isDayOff('2026-12-25', WINTER)).toBe(true);
    expect(isDayOff('2026-12-24', WINTER)).toBe(false);
    expect(nextWorkingDay('2026-12-25', WINTER)).toBe('2026-12-28');
    expect(daysBetween('2026-11-20', '2026-12-01')).toBe(11);
    expect(daysBetween('2026-12-01', '2026-11-20')).toBe(-11);
    // Across the autumn clock change (25.10.2026) a day is still a day.
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(workingDaysBefore('2027-01-04', 2, WINTER)).toBe('2026-12-30');
  });
});

describe('today is the Kyiv date', () => {
  it('turns at Kyiv midnight, not at UTC midnight, in winter and in summer', () => {
    expect(kyivDate(new Date('2026-01-30T21:59:59Z'))).toBe('2026-01-30');
    expect(kyivDate(new Date('2026-01-30T22:00:00Z'))).toBe('2026-01-31');
    expect(kyivDate(new Date('2026-07-14T20:59:59Z'))).toBe('2026-07-14');
    expect(kyivDate(new Date('2026-07-14T21:00:00Z'))).toBe('2026-07-15');
  });
});
