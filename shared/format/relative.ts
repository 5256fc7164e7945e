import type { AppLocale } from '@shared/format/locale';
import { cached } from '@shared/format/cache';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * Each unit is used while the distance is below its limit. The limits sit below the next unit
 * so that rounding never produces "60 minutes" or "7 days" where people say "1 hour", "1 week".
 */
const STEPS: readonly (readonly [Intl.RelativeTimeFormatUnit, number, number])[] = [
  ['minute', MINUTE, 45 * MINUTE],
  ['hour', HOUR, 22 * HOUR],
  ['day', DAY, 6.5 * DAY],
  ['week', WEEK, 26 * DAY],
  ['month', MONTH, 320 * DAY],
];

const cache = new Map<string, Intl.RelativeTimeFormat>();

/**
 * Says how long ago or how far ahead a timestamp is ("3 hours ago", "昨天", "in 2 weeks").
 * `nowMs` is a parameter so the answer is reproducible and the caller decides what "now" is.
 * Under 45 seconds either way reads as "now".
 */
export function formatRelativeTime(epochMs: number, nowMs: number, locale: AppLocale): string {
  const formatter = cached(
    cache,
    locale,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  const delta = epochMs - nowMs;
  const distance = Math.abs(delta);
  const sign = delta < 0 ? -1 : 1;
  if (distance < 45 * SECOND) return formatter.format(0, 'second');
  for (const [unit, size, limit] of STEPS) {
    if (distance < limit)
      return formatter.format(sign * Math.max(1, Math.round(distance / size)), unit);
  }
  return formatter.format(sign * Math.max(1, Math.round(distance / YEAR)), 'year');
}
