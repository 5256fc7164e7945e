import type { PlanDate } from '@shared/domain/dates';
import { datePartsOf, planDateFromParts } from '@shared/domain/dates';

/**
 * Plan dates to and from the `Date` objects the Gantt library works with. The library builds
 * every date from local calendar parts (`new Date(y, m, d)`, `setDate`) and hands local
 * midnights back, so the conversion uses local parts both ways. Never `toISOString()` or
 * `new Date('YYYY-MM-DD')`: those read UTC, and east of Greenwich local midnight is still the
 * previous day in UTC, which is how a one-day drag turns into no change or two days.
 */

/** The calendar day a `Date` falls on where the user is. */
export function planDateFromLocalDate(date: Date): PlanDate {
  return planDateFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Local midnight at the start of a plan date. */
export function localMidnightOf(date: PlanDate): Date {
  const { year, month, day } = datePartsOf(date);
  return new Date(year, month - 1, day);
}

/** Local midnight after a plan date: the exclusive end the library keeps for a last day. */
export function localMidnightAfter(date: PlanDate): Date {
  const { year, month, day } = datePartsOf(date);
  return new Date(year, month - 1, day + 1);
}

/**
 * The days a dragged bar now covers. The library reports its start (a local midnight) and its
 * end less one second (the last instant of the last day), so both read back as the first and the
 * last day the bar covers.
 */
export function draggedRange(start: Date, end: Date): { start: PlanDate; finish: PlanDate } {
  return { start: planDateFromLocalDate(start), finish: planDateFromLocalDate(end) };
}
