/**
 * Spreading an assignment's hours over the working days of its task.
 *
 * Load is counted in **whole minutes**, never in fractional hours: an assignment of 10 h over
 * 3 days is 600 minutes split 200/200/200, and every sum over days, weeks, people or roles is an
 * exact integer. Adding floating-point hours instead would make a 40 h week show 39.99999 h and
 * put a cell that is exactly at capacity into the "over" band.
 */
import type { WorkingCalendar } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import type { Person } from '@shared/domain/person';
import type { Result } from '@shared/schedule/model';

export const MINUTES_PER_HOUR = 60;

/**
 * Hours as whole minutes. Assignments are entered in quarter-hours, so this is exact for every
 * value the UI produces; anything finer is rounded to the nearest minute.
 */
export function minutesOfHours(hours: number): number {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`${hours} is not a number of hours`);
  }
  return Math.round(hours * MINUTES_PER_HOUR);
}

/** Minutes back to hours, for display and for storing an assignment's `hours`. */
export function hoursOfMinutes(minutes: number): number {
  return minutes / MINUTES_PER_HOUR;
}

/**
 * How `totalMinutes` are split evenly over `days` working days. The split is in quarter-hours when
 * the total is a whole number of quarter-hours (so each day shows 2.25 h, not 2.2333 h), in
 * minutes otherwise.
 */
export interface EvenSplit {
  readonly totalMinutes: number;
  readonly days: number;
  /** Minutes per unit: 15 or 1. */
  readonly unit: 15 | 1;
  /** `totalMinutes / unit`, a whole number. */
  readonly units: number;
}

export function evenSplit(totalMinutes: number, days: number): EvenSplit {
  if (!Number.isSafeInteger(totalMinutes) || totalMinutes < 0) {
    throw new RangeError(`${totalMinutes} is not a whole number of minutes`);
  }
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new RangeError(`${days} is not a positive whole number of days`);
  }
  const unit = totalMinutes % 15 === 0 ? 15 : 1;
  return { totalMinutes, days, unit, units: totalMinutes / unit };
}

/** Units on the first `position` days: ⌈position × units / days⌉. */
function unitsBefore(split: EvenSplit, position: number): number {
  return Math.floor((position * split.units + split.days - 1) / split.days);
}

/**
 * Minutes on the days at positions `[from, to)` of a split (0 = the task's first working day).
 *
 * Why a cumulative formula instead of a per-day loop: the weekly load asks "how much of this task
 * falls in this week" for tens of thousands of assignments, and answering it from the positions of
 * the week's first and last working day costs O(1) whatever the task's length. Day `i` gets
 * ⌈(i+1)·u/n⌉ − ⌈i·u/n⌉ units, so every day gets the even share rounded down or up, the extra
 * units go to the earliest days (work planned early is the cautious reading), and any range of
 * days sums to exactly what the per-day split gives — the load of a week always equals the sum of
 * its days.
 */
export function minutesInRange(split: EvenSplit, from: number, to: number): number {
  const lo = Math.min(Math.max(from, 0), split.days);
  const hi = Math.min(Math.max(to, 0), split.days);
  if (hi <= lo) return 0;
  return (unitsBefore(split, hi) - unitsBefore(split, lo)) * split.unit;
}

export interface SpreadDay {
  readonly date: PlanDate;
  readonly minutes: number;
}

export interface Spread {
  readonly totalMinutes: number;
  /** Every working day of the task on the person's calendar, in date order. */
  readonly days: readonly SpreadDay[];
}

/**
 * Why an assignment cannot be spread: the task has no working day on the person's calendar (it
 * lies entirely on their leave, on company holidays or outside their working week). Reported
 * instead of dropped, so the hours do not silently vanish from the person's load.
 */
export interface SpreadError {
  readonly kind: 'noWorkingDay';
  readonly totalMinutes: number;
}

/**
 * Spreads an assignment's hours evenly over the task's working days on the person's own calendar
 * (company holidays, their leave, their working week, the company's make-up working days).
 * The minutes of the days add up to the assigned hours exactly.
 */
export function spreadAssignment(input: {
  readonly hours: number;
  readonly task: { readonly start: PlanDate; readonly finish: PlanDate };
  readonly calendar: WorkingCalendar;
}): Result<Spread, SpreadError> {
  const totalMinutes = minutesOfHours(input.hours);
  const dates =
    input.task.finish < input.task.start
      ? []
      : input.calendar.listWorkingDays(input.task.start, input.task.finish);
  if (dates.length === 0) return { ok: false, error: { kind: 'noWorkingDay', totalMinutes } };
  const split = evenSplit(totalMinutes, dates.length);
  const days = dates.map((date, i) => ({ date, minutes: minutesInRange(split, i, i + 1) }));
  return { ok: true, value: { totalMinutes, days } };
}

/** The person fields that define the length of their working day. */
export type DayLengthPerson = Pick<Person, 'weeklyCapacityHours' | 'workingWeek'>;

/**
 * A person's working day in minutes: their weekly capacity over the days of their working week
 * (a 32 h person working Monday to Thursday has an 8 h day). May be fractional (37.5 h / 7 days).
 */
export function dayLengthMinutes(person: DayLengthPerson): number {
  if (person.workingWeek.length === 0) return 0;
  return minutesOfHours(person.weeklyCapacityHours) / person.workingWeek.length;
}

export interface DayShareError {
  readonly kind: 'noWorkingDay' | 'noCapacity';
}

/**
 * Hours for an assignment entered as "% of their day": the share of the person's working day,
 * times the task's working days on their calendar. A person on leave for two of a task's five
 * days at 50 % gets 50 % of three days, which is what they can actually give. The result is in
 * whole minutes (returned as hours) so it spreads back to exactly that share.
 */
export function hoursForDayShare(input: {
  readonly percentOfDay: number;
  readonly person: DayLengthPerson;
  readonly task: { readonly start: PlanDate; readonly finish: PlanDate };
  readonly calendar: WorkingCalendar;
}): Result<number, DayShareError> {
  if (!Number.isFinite(input.percentOfDay) || input.percentOfDay < 0) {
    throw new RangeError(`${input.percentOfDay} is not a percentage`);
  }
  const days = input.calendar.countWorkingDaysInclusive(input.task.start, input.task.finish);
  if (days === 0) return { ok: false, error: { kind: 'noWorkingDay' } };
  const dayMinutes = dayLengthMinutes(input.person);
  if (dayMinutes === 0) return { ok: false, error: { kind: 'noCapacity' } };
  const minutes = Math.round((input.percentOfDay / 100) * dayMinutes * days);
  return { ok: true, value: hoursOfMinutes(minutes) };
}

/**
 * The inverse of {@link hoursForDayShare}: what share of the person's day an assignment of `hours`
 * takes over the task, in percent (unrounded; the UI rounds for display). Lets the assignment
 * editor switch between hours and "% of day" without losing the value.
 */
export function dayShareOfHours(input: {
  readonly hours: number;
  readonly person: DayLengthPerson;
  readonly task: { readonly start: PlanDate; readonly finish: PlanDate };
  readonly calendar: WorkingCalendar;
}): Result<number, DayShareError> {
  const minutes = minutesOfHours(input.hours);
  const days = input.calendar.countWorkingDaysInclusive(input.task.start, input.task.finish);
  if (days === 0) return { ok: false, error: { kind: 'noWorkingDay' } };
  const dayMinutes = dayLengthMinutes(input.person);
  if (dayMinutes === 0) return { ok: false, error: { kind: 'noCapacity' } };
  return { ok: true, value: (minutes / (dayMinutes * days)) * 100 };
}
