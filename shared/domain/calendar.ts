import type { PlanDate, Weekday } from '@shared/domain/dates';
import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from '@shared/domain/dates';

/**
 * Working-day calendar: a working week (weekday numbers, 0 = Sunday) plus holidays (days off even
 * in the working week) and extra working days (days worked outside it, such as China's make-up
 * working days). A date listed both as a holiday and as an extra working day is a holiday.
 *
 * Everything is defined through the **working-day index** of a date: the number of working days
 * before it (counted from a fixed origin). Consequences, relied on by the scheduling engine:
 * - A working day and the non-working days just before it share one index, so a non-working date
 *   behaves as the next working day: it *rolls forward*.
 * - `addWorkingDays(date, n)` is the working day whose index is `index(date) + n`. With n = 0 it
 *   returns `date` itself on a working day and the next working day otherwise; from a Saturday
 *   (Mon–Fri week) +1 gives Tuesday (Monday is step 0) and −1 gives Friday.
 * - `countWorkingDays(from, to)` is `index(to) − index(from)`: the working days in [from, to),
 *   `from` inclusive and `to` exclusive (negative when `to` is earlier). Hence for every date and
 *   every n, `countWorkingDays(d, addWorkingDays(d, n)) === n`.
 * Lookups are O(log h) in the number of holidays (sorted arrays and a Set, built once).
 */
export interface CalendarConfig {
  readonly workingWeek: readonly Weekday[];
  readonly holidays: readonly PlanDate[];
  readonly extraWorkingDays?: readonly PlanDate[];
}

export interface WorkingCalendar {
  isWorkingDay(date: PlanDate): boolean;
  /** Working days before `date`; a non-working date has the index of the next working day. */
  workingIndex(date: PlanDate): number;
  /** The working day with this index (inverse of `workingIndex` on working days). */
  dateOfWorkingIndex(index: number): PlanDate;
  /** See the module comment: rolls a non-working date forward, then moves `days` working days. */
  addWorkingDays(date: PlanDate, days: number): PlanDate;
  /** Working days in [from, to) — from inclusive, to exclusive; negative if `to` is before `from`. */
  countWorkingDays(from: PlanDate, to: PlanDate): number;
  /** Working days in [from, to], both inclusive (0 if `to` is before `from`). */
  countWorkingDaysInclusive(from: PlanDate, to: PlanDate): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: PlanDate): PlanDate;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: PlanDate): PlanDate;
  /** `date` if it is a working day, else the next one. */
  workingDayOnOrAfter(date: PlanDate): PlanDate;
  /** `date` if it is a working day, else the previous one. */
  workingDayOnOrBefore(date: PlanDate): PlanDate;
  /**
   * Finish of a task of `durationDays` working days starting on `start` (rolled forward), both
   * ends inclusive: a 1-day task finishes the day it starts. Duration 0 (a milestone) gives the
   * rolled start.
   */
  finishForDuration(start: PlanDate, durationDays: number): PlanDate;
  /** Start of a task of `durationDays` that must finish on `finish` (rolled back): the backward twin. */
  startForDuration(finish: PlanDate, durationDays: number): PlanDate;
  /** The working days in [from, to], in order. */
  listWorkingDays(from: PlanDate, to: PlanDate): PlanDate[];
}

export class NoWorkingDaysError extends RangeError {
  constructor() {
    super('The calendar has no working day there (check the working week and holidays)');
    this.name = 'NoWorkingDaysError';
  }
}

/** Finds the position of the first element ≥ value in a sorted array. */
function lowerBound(sorted: Int32Array | readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createCalendar(config: CalendarConfig): WorkingCalendar {
  const weekSet = new Set<number>(config.workingWeek);
  const perWeek = weekSet.size;
  // prefix[r]: regular working weekdays among the first r days of a 7-day block. Blocks start at
  // day numbers divisible by 7, which are Thursdays (1970-01-01 was a Thursday).
  const prefix = new Int32Array(8);
  for (let r = 0; r < 7; r += 1) {
    prefix[r + 1] = (prefix[r] ?? 0) + (weekSet.has(weekdayOfDayNumber(r)) ? 1 : 0);
  }

  const holidaySet = new Set<number>(config.holidays.map(toDayNumber));
  const extraSet = new Set<number>();
  for (const day of config.extraWorkingDays ?? []) {
    const n = toDayNumber(day);
    if (!holidaySet.has(n)) extraSet.add(n);
  }

  // Exceptions to the weekly pattern, sorted, with the running correction to the index.
  const exceptions: { day: number; delta: number }[] = [];
  for (const n of holidaySet) {
    if (weekSet.has(weekdayOfDayNumber(n))) exceptions.push({ day: n, delta: -1 });
  }
  for (const n of extraSet) {
    if (!weekSet.has(weekdayOfDayNumber(n))) exceptions.push({ day: n, delta: 1 });
  }
  exceptions.sort((a, b) => a.day - b.day);
  const exceptionDays = Int32Array.from(exceptions, (item) => item.day);
  const cumulative = new Int32Array(exceptions.length + 1);
  exceptions.forEach((item, i) => {
    cumulative[i + 1] = (cumulative[i] ?? 0) + item.delta;
  });
  const extraCount = extraSet.size;

  function isWorkingDayNumber(n: number): boolean {
    if (holidaySet.has(n)) return false;
    return extraSet.has(n) || weekSet.has(weekdayOfDayNumber(n));
  }

  /** Working days in (−∞, n) relative to the origin. */
  function indexOfDayNumber(n: number): number {
    const block = Math.floor(n / 7);
    const regular = block * perWeek + (prefix[n - block * 7] ?? 0);
    return regular + (cumulative[lowerBound(exceptionDays, n)] ?? 0);
  }

  /** The working day with index k: the smallest n with index(n + 1) > k. */
  function dayNumberOfIndex(k: number): number {
    if (!Number.isSafeInteger(k)) throw new RangeError(`Working-day index ${k} is not whole`);
    if (perWeek === 0) {
      // Only extra working days exist (all of them are exceptions): the index is their position.
      const day = k >= 0 && k < extraCount ? exceptionDays[k] : undefined;
      if (day === undefined) throw new NoWorkingDaysError();
      return day;
    }
    // Start from the weekly estimate, corrected by the exceptions up to the origin, and widen
    // until the answer is bracketed.
    const estimate = Math.floor((k - (cumulative[exceptions.length] ?? 0)) / perWeek) * 7;
    let step = 16;
    let lo = estimate - step;
    while (indexOfDayNumber(lo + 1) > k) {
      step *= 2;
      lo = estimate - step;
    }
    step = 16;
    let hi = estimate + step;
    while (indexOfDayNumber(hi + 1) <= k) {
      step *= 2;
      hi = estimate + step;
    }
    // Invariant: index(lo + 1) ≤ k < index(hi + 1).
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (indexOfDayNumber(mid + 1) > k) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  const workingIndex = (date: PlanDate) => indexOfDayNumber(toDayNumber(date));
  // Plans revisit the same few hundred working days over and over; remember their dates.
  const dateCache = new Map<number, PlanDate>();
  const dateOfWorkingIndex = (index: number) => {
    let date = dateCache.get(index);
    if (date === undefined) {
      date = fromDayNumber(dayNumberOfIndex(index));
      if (dateCache.size >= 100_000) dateCache.clear();
      dateCache.set(index, date);
    }
    return date;
  };

  function checkDays(days: number): void {
    if (!Number.isSafeInteger(days)) throw new RangeError(`${days} is not a whole number of days`);
  }

  return {
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    workingIndex,
    dateOfWorkingIndex,
    addWorkingDays(date, days) {
      checkDays(days);
      return dateOfWorkingIndex(workingIndex(date) + days);
    },
    countWorkingDays: (from, to) => workingIndex(to) - workingIndex(from),
    countWorkingDaysInclusive(from, to) {
      const count = indexOfDayNumber(toDayNumber(to) + 1) - workingIndex(from);
      return Math.max(0, count);
    },
    nextWorkingDay: (date) =>
      fromDayNumber(dayNumberOfIndex(indexOfDayNumber(toDayNumber(date) + 1))),
    previousWorkingDay: (date) => dateOfWorkingIndex(workingIndex(date) - 1),
    workingDayOnOrAfter: (date) => dateOfWorkingIndex(workingIndex(date)),
    workingDayOnOrBefore: (date) => {
      const n = toDayNumber(date);
      return isWorkingDayNumber(n)
        ? date
        : fromDayNumber(dayNumberOfIndex(indexOfDayNumber(n) - 1));
    },
    finishForDuration(start, durationDays) {
      checkDays(durationDays);
      if (durationDays < 0) throw new RangeError('A duration cannot be negative');
      return dateOfWorkingIndex(workingIndex(start) + Math.max(0, durationDays - 1));
    },
    startForDuration(finish, durationDays) {
      checkDays(durationDays);
      if (durationDays < 0) throw new RangeError('A duration cannot be negative');
      const n = toDayNumber(finish);
      // The finish rolls back to a working day (a deadline on a Sunday means the Friday before).
      const lastIndex = indexOfDayNumber(n + 1) - 1;
      return dateOfWorkingIndex(lastIndex - Math.max(0, durationDays - 1));
    },
    listWorkingDays(from, to) {
      const out: PlanDate[] = [];
      const last = toDayNumber(to);
      for (let n = toDayNumber(from); n <= last; n += 1) {
        if (isWorkingDayNumber(n)) out.push(fromDayNumber(n));
      }
      return out;
    },
  };
}

/** The company calendar from settings. */
export function calendarFromSettings(settings: {
  readonly workingWeek: readonly Weekday[];
  readonly holidays: readonly PlanDate[];
  readonly extraWorkingDays: readonly PlanDate[];
}): WorkingCalendar {
  return createCalendar(settings);
}

/**
 * A person's calendar: their own working week, the company holidays plus their leave, and the
 * company's extra working days (a make-up working day applies to everyone not on leave).
 */
export function calendarForPerson(
  settings: {
    readonly holidays: readonly PlanDate[];
    readonly extraWorkingDays: readonly PlanDate[];
  },
  person: { readonly workingWeek: readonly Weekday[]; readonly leaveDays: readonly PlanDate[] },
): WorkingCalendar {
  return createCalendar({
    workingWeek: person.workingWeek,
    holidays: [...settings.holidays, ...person.leaveDays],
    extraWorkingDays: settings.extraWorkingDays,
  });
}
