/**
 * Fiscal periods as calendar days. Targets, credit and commission statements are kept per fiscal
 * period (`Period`: a year, a quarter or a month counted from the fiscal year's start, see
 * `@shared/domain/period`), while deals close on plan dates; these helpers turn one into the other
 * with integer month arithmetic only, so a period boundary never shifts with a time zone.
 *
 * A fiscal year is named by the calendar year it starts in: with a fiscal year starting in April,
 * FY2026 runs from 2026-04-01 to 2027-03-31 and its month 1 is April 2026.
 */
import { datePartsOf, daysInMonth, planDateFromParts } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import type { Period, PeriodKind } from '@shared/domain/period';

/** Months in one period of each kind. */
export const MONTHS_IN_PERIOD: Readonly<Record<PeriodKind, number>> = {
  year: 12,
  quarter: 3,
  month: 1,
};

/** Periods of each kind in one fiscal year. */
export const PERIODS_PER_YEAR: Readonly<Record<PeriodKind, number>> = {
  year: 1,
  quarter: 4,
  month: 12,
};

function checkStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`The fiscal year start month must be 1–12, not ${startMonth}`);
  }
}

function checkPeriod(period: Period): void {
  const max = PERIODS_PER_YEAR[period.kind];
  if (!Number.isInteger(period.index) || period.index < 1 || period.index > max) {
    throw new RangeError(`A ${period.kind} is numbered 1–${max}, not ${period.index}`);
  }
}

/** The fiscal year (named by the calendar year it starts in) that contains a date. */
export function fiscalYearOf(date: PlanDate, startMonth: number): number {
  checkStartMonth(startMonth);
  const { year, month } = datePartsOf(date);
  return month >= startMonth ? year : year - 1;
}

/**
 * The fiscal month range of a period as `[first, end)` counted in months from fiscal year 0. Two
 * periods of any kinds can then be compared or nested by plain integer comparison, without
 * knowing the start month (indices already count from the fiscal year's start).
 */
export function fiscalMonthRange(period: Period): { readonly first: number; readonly end: number } {
  checkPeriod(period);
  const length = MONTHS_IN_PERIOD[period.kind];
  const first = period.fiscalYear * 12 + (period.index - 1) * length;
  return { first, end: first + length };
}

/** The calendar year and month (1–12) of a fiscal month counted from fiscal year 0. */
function calendarMonth(fiscalMonth: number, startMonth: number): { year: number; month: number } {
  const absolute = fiscalMonth + startMonth - 1;
  const year = Math.floor(absolute / 12);
  return { year, month: absolute - year * 12 + 1 };
}

/** First and last day (both inclusive) of a fiscal period. */
export function periodBounds(
  period: Period,
  startMonth: number,
): { readonly start: PlanDate; readonly end: PlanDate } {
  checkStartMonth(startMonth);
  const { first, end } = fiscalMonthRange(period);
  const from = calendarMonth(first, startMonth);
  const to = calendarMonth(end - 1, startMonth);
  return {
    start: planDateFromParts(from.year, from.month, 1),
    end: planDateFromParts(to.year, to.month, daysInMonth(to.year, to.month)),
  };
}

/** The period of a given kind that a date falls in. */
export function periodOf(date: PlanDate, kind: PeriodKind, startMonth: number): Period {
  checkStartMonth(startMonth);
  const { year, month } = datePartsOf(date);
  const fiscalYear = month >= startMonth ? year : year - 1;
  const monthIndex = ((month - startMonth + 12) % 12) + 1;
  const index = Math.floor((monthIndex - 1) / MONTHS_IN_PERIOD[kind]) + 1;
  return { kind, fiscalYear, index };
}

/** True when a date lies within a period (boundaries included). */
export function periodIncludesDate(period: Period, date: PlanDate, startMonth: number): boolean {
  const { start, end } = periodBounds(period, startMonth);
  return date >= start && date <= end;
}

/**
 * The period `count` periods after (negative: before) one of the same kind, crossing fiscal years
 * as needed: the quarter after FY2026 Q4 is FY2027 Q1. Used for "last period" and for spreading a
 * multi-period contract.
 */
export function shiftPeriod(period: Period, count: number): Period {
  checkPeriod(period);
  if (!Number.isInteger(count)) throw new RangeError(`Cannot shift by ${count} periods`);
  const perYear = PERIODS_PER_YEAR[period.kind];
  const ordinal = period.fiscalYear * perYear + (period.index - 1) + count;
  const fiscalYear = Math.floor(ordinal / perYear);
  return { kind: period.kind, fiscalYear, index: ordinal - fiscalYear * perYear + 1 };
}

export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/** True when `inner` lies wholly within `outer` (a month within its quarter, a quarter within its year, a period within itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  const a = fiscalMonthRange(outer);
  const b = fiscalMonthRange(inner);
  return b.first >= a.first && b.end <= a.end;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.fiscalYear === b.fiscalYear && a.index === b.index;
}

/** Chronological order by start, the longer period first when two start together. */
export function comparePeriods(a: Period, b: Period): number {
  const x = fiscalMonthRange(a);
  const y = fiscalMonthRange(b);
  return x.first !== y.first ? x.first - y.first : y.end - x.end;
}

/** Every period of a kind in a fiscal year, in order. */
export function periodsOfYear(fiscalYear: number, kind: PeriodKind): Period[] {
  return Array.from({ length: PERIODS_PER_YEAR[kind] }, (_, i) => ({
    kind,
    fiscalYear,
    index: i + 1,
  }));
}

/**
 * A stable, sortable key for a period (`FY2026`, `FY2026-Q3`, `FY2026-M07`), for maps and for
 * matching statement lines across recomputations. Not a display label: the UI formats periods in
 * the user's language.
 */
export function periodKey(period: Period): string {
  checkPeriod(period);
  const year = `FY${String(period.fiscalYear).padStart(4, '0')}`;
  if (period.kind === 'year') return year;
  if (period.kind === 'quarter') return `${year}-Q${period.index}`;
  return `${year}-M${String(period.index).padStart(2, '0')}`;
}

const PERIOD_KEY = /^FY(\d{4})(?:-Q(\d)|-M(\d{2}))?$/;

/**
 * The period a `periodKey` names, or null for any other text (an address typed or kept from an
 * older version must not break the view that reads it).
 */
export function periodFromKey(key: string): Period | null {
  const match = PERIOD_KEY.exec(key);
  if (match === null) return null;
  const fiscalYear = Number(match[1]);
  if (fiscalYear < 1970 || fiscalYear > 9998) return null;
  const [kind, index]: [PeriodKind, number] =
    match[2] !== undefined
      ? ['quarter', Number(match[2])]
      : match[3] !== undefined
        ? ['month', Number(match[3])]
        : ['year', 1];
  if (index < 1 || index > PERIODS_PER_YEAR[kind]) return null;
  return { kind, fiscalYear, index };
}
