import { describe, expect, it } from 'vitest';
import { addDays, parsePlanDate } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import {
  draggedRange,
  localMidnightAfter,
  localMidnightOf,
  planDateFromLocalDate,
} from '@renderer/features/plan/utils/ganttDates';

/**
 * These tests run in the machine's time zone; `ganttDates.timezones.test.ts` runs this file again
 * under UTC, Asia/Shanghai, America/New_York and Australia/Sydney.
 */

/** Days around every daylight-saving change of 2026 in New York and Sydney, and year ends. */
const DATES: readonly PlanDate[] = [
  '2026-03-07',
  '2026-03-08', // New York springs forward
  '2026-03-09',
  '2026-04-04',
  '2026-04-05', // Sydney falls back
  '2026-04-06',
  '2026-10-03',
  '2026-10-04', // Sydney springs forward
  '2026-10-05',
  '2026-10-31',
  '2026-11-01', // New York falls back
  '2026-11-02',
  '2026-12-31',
  '2027-01-01',
  '2028-02-29',
].map(parsePlanDate);

/** How the Gantt library moves a date by whole units: rebuilt from local parts (its `add`). */
function libraryAdd(date: Date, qty: number, scale: 'day' | 'second'): Date {
  return new Date(
    date.getFullYear(),
    date.getMonth(),
    date.getDate() + (scale === 'day' ? qty : 0),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds() + (scale === 'second' ? qty : 0),
    date.getMilliseconds(),
  );
}

describe('Gantt date conversion', () => {
  it('runs in the time zone it was started for', () => {
    const expected = process.env.PURSUIT_EXPECT_TZ;
    if (expected !== undefined) {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
    }
  });

  it('round-trips every plan date through local midnight', () => {
    for (const date of DATES) {
      expect(planDateFromLocalDate(localMidnightOf(date))).toBe(date);
      expect(planDateFromLocalDate(localMidnightAfter(date))).toBe(addDays(date, 1));
    }
  });

  it('turns a drag by n days into exactly n days, across daylight-saving changes', () => {
    for (const origin of DATES) {
      // The library's axis starts at a local midnight; a bar three days wide is dragged.
      const axisStart = localMidnightOf(origin);
      axisStart.setHours(0, 0, 0, 0);
      for (const days of [-2, -1, 1, 2, 7]) {
        const start = libraryAdd(axisStart, days, 'day');
        const end = libraryAdd(libraryAdd(start, 3, 'day'), -1, 'second');
        expect(draggedRange(start, end)).toEqual({
          start: addDays(origin, days),
          finish: addDays(origin, days + 2),
        });
      }
    }
  });

  it('reads a one-day bar (a milestone) as starting and finishing on its day', () => {
    for (const date of DATES) {
      const end = libraryAdd(localMidnightAfter(date), -1, 'second');
      expect(draggedRange(localMidnightOf(date), end)).toEqual({ start: date, finish: date });
    }
  });
});
