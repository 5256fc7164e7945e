import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, parsePlanDate, toDayNumber } from '@shared/domain/dates';
import {
  axisTicks,
  axisYears,
  barBox,
  createTimeScale,
  PX_PER_DAY,
  startOfUnit,
} from '@shared/timeline/scale';

const d = parsePlanDate;

describe('startOfUnit', () => {
  it('finds the first day of the month or quarter', () => {
    expect(startOfUnit(d('2026-05-17'), 'month')).toBe('2026-05-01');
    expect(startOfUnit(d('2026-05-17'), 'quarter')).toBe('2026-04-01');
    expect(startOfUnit(d('2026-12-31'), 'quarter')).toBe('2026-10-01');
    expect(startOfUnit(d('2026-01-01'), 'quarter')).toBe('2026-01-01');
  });
});

describe('createTimeScale', () => {
  it('covers the span in whole months with a month of margin on each side', () => {
    const scale = createTimeScale(d('2026-03-10'), d('2026-06-20'), 'month');
    expect(scale.start).toBe('2026-02-01');
    expect(scale.end).toBe('2026-08-01');
    expect(scale.width).toBe((toDayNumber(d('2026-08-01')) - toDayNumber(d('2026-02-01'))) * 4);
  });

  it('covers whole quarters at quarter zoom, across a year end', () => {
    const scale = createTimeScale(d('2026-11-10'), d('2027-02-03'), 'quarter');
    expect(scale.start).toBe('2026-07-01');
    expect(scale.end).toBe('2027-07-01');
  });

  it('adds whole units at the end until the drawing is as wide as asked', () => {
    const narrow = createTimeScale(d('2026-03-10'), d('2026-06-20'), 'quarter');
    const wide = createTimeScale(d('2026-03-10'), d('2026-06-20'), 'quarter', 1200);
    expect(narrow.end).toBe('2026-10-01');
    expect(wide.start).toBe(narrow.start);
    expect(wide.width).toBeGreaterThanOrEqual(1200);
    expect(wide.end.endsWith('-01')).toBe(true);
    // One quarter less would not have been wide enough.
    expect(wide.width - 92 * PX_PER_DAY.quarter).toBeLessThan(1200);
  });

  it('accepts the ends in either order', () => {
    const a = createTimeScale(d('2026-01-10'), d('2026-09-01'), 'month');
    const b = createTimeScale(d('2026-09-01'), d('2026-01-10'), 'month');
    expect([a.start, a.end]).toEqual([b.start, b.end]);
  });

  it('maps days to pixels linearly and back (property)', () => {
    const scale = createTimeScale(d('2024-01-01'), d('2028-12-31'), 'month');
    const first = toDayNumber(scale.start);
    const days = toDayNumber(scale.end) - first;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: days - 1 }), (offset) => {
        const date = fromDayNumber(first + offset);
        expect(scale.x(date)).toBe(offset * PX_PER_DAY.month);
        expect(scale.dateAt(scale.x(date))).toBe(date);
        expect(scale.dateAt(scale.x(date) + PX_PER_DAY.month - 0.01)).toBe(date);
        expect(scale.x(addDays(date, 1)) - scale.x(date)).toBe(PX_PER_DAY.month);
      }),
    );
  });

  it('clamps positions outside the drawing to its first and last day', () => {
    const scale = createTimeScale(d('2026-03-10'), d('2026-06-20'), 'month');
    expect(scale.dateAt(-50)).toBe('2026-02-01');
    expect(scale.dateAt(scale.width + 500)).toBe('2026-07-31');
  });
});

describe('axis', () => {
  it('has one tick per month, each as wide as its days', () => {
    const scale = createTimeScale(d('2026-01-15'), d('2026-03-15'), 'month');
    const ticks = axisTicks(scale);
    expect(ticks.map((tick) => [tick.year, tick.unit])).toEqual([
      [2025, 12],
      [2026, 1],
      [2026, 2],
      [2026, 3],
      [2026, 4],
    ]);
    expect(ticks.find((tick) => tick.unit === 2)?.width).toBe(28 * 4);
    expect(ticks[0]?.x).toBe(0);
    const last = ticks.at(-1)!;
    expect(last.x + last.width).toBe(scale.width);
  });

  it('numbers quarters 1–4 and spans years over their ticks', () => {
    const scale = createTimeScale(d('2026-05-01'), d('2027-03-01'), 'quarter');
    expect(axisTicks(scale).map((tick) => `${tick.year}Q${tick.unit}`)).toEqual([
      '2026Q1',
      '2026Q2',
      '2026Q3',
      '2026Q4',
      '2027Q1',
      '2027Q2',
    ]);
    const years = axisYears(scale);
    expect(years.map((y) => y.year)).toEqual([2026, 2027]);
    expect(years[0]!.width + years[1]!.width).toBe(scale.width);
    expect(years[1]!.x).toBe(scale.x(d('2027-01-01')));
  });
});

describe('barBox', () => {
  const scale = createTimeScale(d('2026-01-01'), d('2026-12-31'), 'month');

  it('spans from the start of the first day to the end of the last', () => {
    const box = barBox(scale, d('2026-03-01'), d('2026-03-10'));
    expect(box.left).toBe(scale.x(d('2026-03-01')));
    expect(box.width).toBe(10 * 4);
  });

  it('keeps a short bar visible and draws one day when the finish is before the start', () => {
    expect(barBox(scale, d('2026-03-01'), d('2026-03-01')).width).toBe(6);
    expect(barBox(scale, d('2026-03-05'), d('2026-03-01'), 1).width).toBe(4);
  });
});
