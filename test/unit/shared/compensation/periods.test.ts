import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, parsePlanDate, planDateFromParts } from '@shared/domain/dates';
import type { PeriodKind } from '@shared/domain/period';
import {
  comparePeriods,
  fiscalYearOf,
  periodBounds,
  periodContains,
  periodFromKey,
  periodIncludesDate,
  periodKey,
  periodOf,
  periodsOfYear,
  shiftPeriod,
} from '@shared/compensation/periods';

const d = parsePlanDate;

describe('fiscal periods', () => {
  it('names a fiscal year by the calendar year it starts in', () => {
    // Fiscal year from April: 2027-02-15 is still in FY2026 (2026-04-01 … 2027-03-31).
    expect(fiscalYearOf(d('2027-02-15'), 4)).toBe(2026);
    expect(fiscalYearOf(d('2027-04-01'), 4)).toBe(2027);
    expect(fiscalYearOf(d('2026-12-31'), 1)).toBe(2026);
  });

  it('gives year, quarter and month boundaries from the start month', () => {
    expect(periodBounds({ kind: 'year', fiscalYear: 2026, index: 1 }, 4)).toEqual({
      start: '2026-04-01',
      end: '2027-03-31',
    });
    expect(periodBounds({ kind: 'quarter', fiscalYear: 2026, index: 1 }, 4)).toEqual({
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(periodBounds({ kind: 'quarter', fiscalYear: 2026, index: 4 }, 4)).toEqual({
      start: '2027-01-01',
      end: '2027-03-31',
    });
    // Month 11 of a fiscal year starting in April is February of the next calendar year (leap).
    expect(periodBounds({ kind: 'month', fiscalYear: 2027, index: 11 }, 4)).toEqual({
      start: '2028-02-01',
      end: '2028-02-29',
    });
    expect(periodBounds({ kind: 'quarter', fiscalYear: 2026, index: 3 }, 1)).toEqual({
      start: '2026-07-01',
      end: '2026-09-30',
    });
  });

  it('finds the period a date falls in, at the edges too', () => {
    expect(periodOf(d('2027-01-01'), 'quarter', 4)).toEqual({
      kind: 'quarter',
      fiscalYear: 2026,
      index: 4,
    });
    expect(periodOf(d('2026-03-31'), 'quarter', 4)).toEqual({
      kind: 'quarter',
      fiscalYear: 2025,
      index: 4,
    });
    expect(periodOf(d('2026-04-01'), 'month', 4)).toEqual({
      kind: 'month',
      fiscalYear: 2026,
      index: 1,
    });
    expect(periodOf(d('2026-12-31'), 'month', 1)).toEqual({
      kind: 'month',
      fiscalYear: 2026,
      index: 12,
    });
  });

  it('puts every day in exactly the period whose bounds contain it', () => {
    const kinds: PeriodKind[] = ['year', 'quarter', 'month'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...kinds),
        (offset, startMonth, kind) => {
          const date = addDays(planDateFromParts(1990, 1, 1), offset);
          const period = periodOf(date, kind, startMonth);
          const { start, end } = periodBounds(period, startMonth);
          expect(start <= date && date <= end).toBe(true);
          expect(periodIncludesDate(period, date, startMonth)).toBe(true);
          // The next period starts the day after this one ends.
          expect(periodBounds(shiftPeriod(period, 1), startMonth).start).toBe(addDays(end, 1));
        },
      ),
    );
  });

  it('steps across fiscal years and nests months in quarters in years', () => {
    const q4 = { kind: 'quarter', fiscalYear: 2026, index: 4 } as const;
    expect(shiftPeriod(q4, 1)).toEqual({ kind: 'quarter', fiscalYear: 2027, index: 1 });
    expect(shiftPeriod({ kind: 'month', fiscalYear: 2026, index: 1 }, -1)).toEqual({
      kind: 'month',
      fiscalYear: 2025,
      index: 12,
    });
    expect(periodContains(q4, { kind: 'month', fiscalYear: 2026, index: 10 })).toBe(true);
    expect(periodContains(q4, { kind: 'month', fiscalYear: 2026, index: 9 })).toBe(false);
    expect(periodContains({ kind: 'year', fiscalYear: 2026, index: 1 }, q4)).toBe(true);
    expect(periodContains(q4, { kind: 'year', fiscalYear: 2026, index: 1 })).toBe(false);
    expect(periodsOfYear(2026, 'quarter').map(periodKey)).toEqual([
      'FY2026-Q1',
      'FY2026-Q2',
      'FY2026-Q3',
      'FY2026-Q4',
    ]);
    expect(periodKey({ kind: 'month', fiscalYear: 2026, index: 7 })).toBe('FY2026-M07');
    expect(
      [q4, { kind: 'year', fiscalYear: 2026, index: 1 } as const]
        .sort(comparePeriods)
        .map(periodKey),
    ).toEqual(['FY2026', 'FY2026-Q4']);
  });

  it('reads back every period from its key, and nothing else', () => {
    for (const kind of ['year', 'quarter', 'month'] as const) {
      for (const period of periodsOfYear(2026, kind)) {
        expect(periodFromKey(periodKey(period))).toEqual(period);
      }
    }
    for (const key of [
      '',
      'FY26',
      'FY2026-Q5',
      'FY2026-Q0',
      'FY2026-M13',
      'FY2026-M7',
      'FY1969',
      ' FY2026',
    ]) {
      expect(periodFromKey(key)).toBeNull();
    }
  });

  it('refuses impossible periods and start months', () => {
    expect(() => periodBounds({ kind: 'quarter', fiscalYear: 2026, index: 5 }, 1)).toThrow(
      RangeError,
    );
    expect(() => periodOf(d('2026-01-01'), 'month', 13)).toThrow(RangeError);
  });
});
