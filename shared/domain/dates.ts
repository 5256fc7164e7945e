import { z } from 'zod';

/**
 * A plan date: a calendar day written `YYYY-MM-DD`, with no time and no time zone. Plans are laid
 * out in whole days, so a plan date never passes through `Date` in local time (which shifts a day
 * across time zones and DST changes). Internally the helpers count days from 1970-01-01 (the
 * "day number"), using pure integer arithmetic.
 */
export type PlanDate = string & { readonly __brand: 'PlanDate' };

/** Day of the week, 0 = Sunday … 6 = Saturday (the convention of `Date#getUTCDay` and dayjs). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const satisfies readonly Weekday[];

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A plan date; the brand is a cast, not a second parser (see `idSchema`). */
export const planDateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isPlanDate, {
    error: 'must be a real calendar date written YYYY-MM-DD',
  }) as z.ZodType<string, string> as z.ZodType<PlanDate, string>;

export const weekdaySchema = z.literal(WEEKDAYS, {
  error: 'must be a weekday number from 0 (Sunday) to 6 (Saturday)',
});

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a `YYYY-MM-DD` string naming a day that exists (2024-02-29 yes, 2023-02-29 no). */
export function isPlanDate(value: unknown): value is PlanDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Checks a string and returns it as a plan date; throws a RangeError naming the bad value. */
export function parsePlanDate(value: string): PlanDate {
  if (!isPlanDate(value)) throw new RangeError(`"${value}" is not a date written YYYY-MM-DD`);
  return value;
}

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function datePartsOf(date: PlanDate): DateParts {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/**
 * Days since 1970-01-01 for a civil date (proleptic Gregorian), after H. Hinnant's
 * `days_from_civil`: exact for any year, no Date object, no time zone.
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function toDayNumber(date: PlanDate): number {
  // Digits read by char code: this runs for every date a schedule or calendar touches.
  const digit = (i: number) => date.charCodeAt(i) - 48;
  return dayNumberFromParts(
    digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
    digit(5) * 10 + digit(6),
    digit(8) * 10 + digit(9),
  );
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) =>
  String(i).padStart(2, '0'),
);

/** Inverse of `toDayNumber` (Hinnant's `civil_from_days`), for years 0000–9999. */
export function fromDayNumber(dayNumber: number): PlanDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`Day ${dayNumber} is not a whole day`);
  const z0 = dayNumber + 719468;
  const era = Math.floor(z0 / 146097);
  const dayOfEra = z0 - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`Day ${dayNumber} is outside years 0000–9999`);
  // The arithmetic yields a valid date by construction, so the string is built without re-parsing.
  const text = `${TWO_DIGITS[Math.floor(year / 100)] ?? ''}${TWO_DIGITS[year % 100] ?? ''}-${TWO_DIGITS[month] ?? ''}-${TWO_DIGITS[day] ?? ''}`;
  return text as PlanDate;
}

/** Builds a plan date from numbers; throws if the day does not exist or the year has not 4 digits. */
export function planDateFromParts(year: number, month: number, day: number): PlanDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (year < 0 || year > 9999 || !isPlanDate(text)) {
    throw new RangeError(`${year}-${month}-${day} is not a calendar date`);
  }
  return text;
}

export function addDays(date: PlanDate, days: number): PlanDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: PlanDate, to: PlanDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Chronological order; plain string order works because the format is fixed-width. */
export function compareDates(a: PlanDate, b: PlanDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: PlanDate, b: PlanDate): PlanDate {
  return a <= b ? a : b;
}

export function maxDate(a: PlanDate, b: PlanDate): PlanDate {
  return a >= b ? a : b;
}

export function weekdayOfDayNumber(dayNumber: number): Weekday {
  // 1970-01-01 was a Thursday (4).
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return WEEKDAYS[weekday] ?? 0;
}

export function weekdayOf(date: PlanDate): Weekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** The first day of the week containing `date`, for a week that starts on `weekStartsOn`. */
export function startOfWeek(date: PlanDate, weekStartsOn: Weekday = 1): PlanDate {
  const dayNumber = toDayNumber(date);
  const back = (weekdayOfDayNumber(dayNumber) - weekStartsOn + 7) % 7;
  return fromDayNumber(dayNumber - back);
}

/** Adds calendar months, clamping the day to the target month's length (01-31 + 1 → 02-28/29). */
export function addMonths(date: PlanDate, months: number): PlanDate {
  const { year, month, day } = datePartsOf(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return planDateFromParts(
    targetYear,
    targetMonth,
    Math.min(day, daysInMonth(targetYear, targetMonth)),
  );
}

/** The UTC calendar day of an epoch-ms timestamp. */
export function planDateFromUtcMs(epochMs: number): PlanDate {
  return fromDayNumber(Math.floor(epochMs / 86_400_000));
}

/**
 * The calendar day of an epoch-ms timestamp in an IANA time zone ("today" for the user is the
 * local day, which differs from the UTC day for part of every day in Beijing or New York).
 */
export function planDateInTimeZone(epochMs: number, timeZone: string): PlanDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return planDateFromParts(part('year'), part('month'), part('day'));
}

/** Epoch ms of 00:00 UTC on a plan date (for sorting plan dates among timestamps). */
export function utcMsOfPlanDate(date: PlanDate): number {
  return toDayNumber(date) * 86_400_000;
}
