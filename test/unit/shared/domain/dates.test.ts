import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  diffDays,
  fromDayNumber,
  isPlanDate,
  parsePlanDate,
  planDateFromUtcMs,
  planDateInTimeZone,
  planDateSchema,
  startOfWeek,
  toDayNumber,
  weekdayOf,
} from '@shared/domain/dates';
import { formatIssues } from '@shared/domain/issues';

const d = parsePlanDate;

describe('plan dates', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(isPlanDate('2024-02-29')).toBe(true);
    expect(isPlanDate('2000-02-29')).toBe(true);
    expect(isPlanDate('2023-02-29')).toBe(false);
    expect(isPlanDate('1900-02-29')).toBe(false);
    expect(isPlanDate('2026-04-31')).toBe(false);
    expect(isPlanDate('2026-13-01')).toBe(false);
    expect(isPlanDate('2026-1-01')).toBe(false);
    expect(isPlanDate('2026-01-01T00:00')).toBe(false);
    expect(isPlanDate(20260101)).toBe(false);
    const result = planDateSchema.safeParse('2026-02-30');
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(formatIssues(result.error, 'keyDates.submissionDue')).toEqual([
        'keyDates.submissionDue: must be a real calendar date written YYYY-MM-DD',
      ]);
    }
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2024-02-28'), 2)).toBe('2024-03-01');
    expect(addDays(d('2023-02-28'), 1)).toBe('2023-03-01');
    expect(addDays(d('2023-12-31'), 1)).toBe('2024-01-01');
    expect(addDays(d('2024-03-01'), -1)).toBe('2024-02-29');
    expect(addDays(d('2026-11-26'), 366)).toBe('2027-11-27');
    expect(diffDays(d('2024-01-01'), d('2025-01-01'))).toBe(366);
    expect(diffDays(d('2025-01-01'), d('2024-01-01'))).toBe(-366);
  });

  it('counts day numbers from 1970-01-01 and agrees with UTC for any day', () => {
    expect(toDayNumber(d('1970-01-01'))).toBe(0);
    expect(toDayNumber(d('2000-03-01'))).toBe(11_017);
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (dayNumber) => {
        const date = fromDayNumber(dayNumber);
        expect(toDayNumber(date)).toBe(dayNumber);
        expect(isPlanDate(date)).toBe(true);
        expect(date).toBe(new Date(dayNumber * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('knows the weekday and the start of the week', () => {
    expect(weekdayOf(d('2026-11-26'))).toBe(4);
    expect(weekdayOf(d('2024-02-29'))).toBe(4);
    expect(weekdayOf(d('1970-01-01'))).toBe(4);
    expect(weekdayOf(d('2026-11-29'))).toBe(0);
    expect(startOfWeek(d('2026-11-26'))).toBe('2026-11-23');
    expect(startOfWeek(d('2026-11-29'))).toBe('2026-11-23');
    expect(startOfWeek(d('2026-11-29'), 0)).toBe('2026-11-29');
  });

  it('adds months, keeping the day inside the shorter month', () => {
    expect(addMonths(d('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(d('2023-01-31'), 1)).toBe('2023-02-28');
    expect(addMonths(d('2024-03-31'), -1)).toBe('2024-02-29');
    expect(addMonths(d('2026-11-15'), 3)).toBe('2027-02-15');
    expect(addMonths(d('2026-01-15'), -13)).toBe('2024-12-15');
  });

  it('orders dates chronologically', () => {
    expect(compareDates(d('2026-01-31'), d('2026-02-01'))).toBe(-1);
    expect(compareDates(d('2026-02-01'), d('2026-02-01'))).toBe(0);
    expect(compareDates(d('2027-01-01'), d('2026-12-31'))).toBe(1);
  });

  it('finds "today" in the user’s time zone, not the machine’s', () => {
    const evening = Date.UTC(2026, 10, 26, 20, 0);
    expect(planDateFromUtcMs(evening)).toBe('2026-11-26');
    expect(planDateInTimeZone(evening, 'Asia/Shanghai')).toBe('2026-11-27');
    expect(planDateInTimeZone(evening, 'America/New_York')).toBe('2026-11-26');
    expect(planDateInTimeZone(Date.UTC(2026, 10, 26, 2), 'America/Los_Angeles')).toBe('2026-11-25');
  });
});
