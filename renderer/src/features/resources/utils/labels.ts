import type { PlanDate, Weekday } from '@shared/domain/dates';
import { utcMsOfPlanDate } from '@shared/domain/dates';
import { MINUTES_PER_HOUR } from '@shared/resources/spread';

/** The weekday names' message keys. */
export const WEEKDAY_KEYS = {
  0: 'weekdays.0',
  1: 'weekdays.1',
  2: 'weekdays.2',
  3: 'weekdays.3',
  4: 'weekdays.4',
  5: 'weekdays.5',
  6: 'weekdays.6',
} as const satisfies Record<Weekday, string>;

/** Monday first, as Chinese and most European calendars show a week. */
export const WEEK_ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** Whole minutes as hours for display: at most two decimals (quarter hours show exactly). */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / MINUTES_PER_HOUR) * 100) / 100;
}

/**
 * A working week as people say it: a run of days as "Mon–Fri", other days listed ("Mon Wed Fri").
 * Days in calendar order from Monday.
 */
export function workingWeekText(days: readonly Weekday[], name: (day: Weekday) => string): string {
  const positions = WEEK_ORDER.flatMap((day, i) => (days.includes(day) ? [i] : []));
  const first = positions[0];
  const last = positions.at(-1);
  if (first === undefined || last === undefined) return '—';
  const contiguous = last - first + 1 === positions.length;
  if (contiguous && positions.length >= 3) {
    return `${name(WEEK_ORDER[first] ?? 1)}–${name(WEEK_ORDER[last] ?? 5)}`;
  }
  return positions.map((i) => name(WEEK_ORDER[i] ?? 1)).join(' ');
}

const weekFormats = new Map<string, Intl.DateTimeFormat>();

/** A week's first day as a column head: month and day only ("11/23", "11月23日"). */
export function weekHead(date: PlanDate, locale: string): string {
  let formatter = weekFormats.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, {
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    });
    weekFormats.set(locale, formatter);
  }
  return formatter.format(utcMsOfPlanDate(date));
}
