import type { AppLocale } from '@shared/format/locale';
import { cached } from '@shared/format/cache';

export type DateStyle = 'short' | 'medium' | 'long';

const PLAN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateCache = new Map<string, Intl.DateTimeFormat>();
/** Formatted plan dates per locale and style: a plan or a grid formats the same days again and again. */
const formattedDates = new Map<string, Map<string, string>>();
/** Past this many dates per locale and style the memo starts again (a long session stays small). */
const MAX_FORMATTED_DATES = 20_000;

/**
 * Parses a plan date (`YYYY-MM-DD`) to epoch ms at UTC midnight, or `null` if it is not a real
 * calendar date ("2025-02-30" is rejected rather than rolled over into March).
 */
export function planDateToUtcMs(planDate: string): number | null {
  const match = PLAN_DATE.exec(planDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return null;
  }
  return ms;
}

/**
 * Formats a plan date for reading ("2025年3月7日", "Mar 7, 2025").
 *
 * A plan date names a calendar day, not an instant: it is read and formatted in UTC on both
 * ends, so a user west of Greenwich never sees the day before. A malformed value is returned as
 * it is, so a view shows the odd value instead of failing.
 */
export function formatPlanDate(planDate: string, locale: AppLocale, style: DateStyle = 'medium') {
  const key = `plan|${locale}|${style}`;
  const memo = cached(formattedDates, key, () => new Map<string, string>());
  const known = memo.get(planDate);
  if (known !== undefined) return known;
  const ms = planDateToUtcMs(planDate);
  if (ms === null) return planDate;
  const formatter = cached(
    dateCache,
    key,
    () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }),
  );
  const text = formatter.format(ms);
  if (memo.size >= MAX_FORMATTED_DATES) memo.clear();
  memo.set(planDate, text);
  return text;
}

export interface DateTimeFormatOptions {
  dateStyle?: DateStyle;
  timeStyle?: 'short' | 'medium';
  /** IANA time zone; the runtime's (the user's) when omitted. */
  timeZone?: string;
}

/** Formats a timestamp (epoch ms) as date and time in the user's time zone, or the given one. */
export function formatDateTime(
  epochMs: number,
  locale: AppLocale,
  options: DateTimeFormatOptions = {},
): string {
  const { dateStyle = 'medium', timeStyle = 'short', timeZone } = options;
  const formatter = cached(
    dateCache,
    `dt|${locale}|${dateStyle}|${timeStyle}|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle, timeStyle, timeZone }),
  );
  return formatter.format(epochMs);
}
