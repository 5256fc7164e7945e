import type { AppLocale } from '@shared/format/locale';
import { cached } from '@shared/format/cache';

export interface NumberFormatOptions {
  /** Digits after the decimal point; defaults to Intl's (up to 3). */
  maximumFractionDigits?: number;
  minimumFractionDigits?: number;
  /** "1.2万" / "12K" style for large counts. */
  compact?: boolean;
}

const numberCache = new Map<string, Intl.NumberFormat>();
const percentCache = new Map<string, Intl.NumberFormat>();

/** Formats a plain number (hours, counts, scores) with the locale's digit grouping. */
export function formatNumber(
  value: number,
  locale: AppLocale,
  options: NumberFormatOptions = {},
): string {
  const { maximumFractionDigits, minimumFractionDigits, compact = false } = options;
  const key = `${locale}|${maximumFractionDigits}|${minimumFractionDigits}|${compact}`;
  const formatter = cached(
    numberCache,
    key,
    () =>
      new Intl.NumberFormat(locale, {
        maximumFractionDigits: maximumFractionDigits ?? (compact ? 1 : undefined),
        minimumFractionDigits,
        ...(compact ? { notation: 'compact' } : {}),
      }),
  );
  return formatter.format(value);
}

/**
 * Formats a ratio as a percentage: `0.45` → "45%". Takes a ratio, as Intl does, so a value that
 * is stored on a 0–100 scale (Pwin) is divided by 100 by the caller, where the scale is known.
 */
export function formatPercent(ratio: number, locale: AppLocale, fractionDigits = 0): string {
  const formatter = cached(
    percentCache,
    `${locale}|${fractionDigits}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: fractionDigits,
        minimumFractionDigits: 0,
      }),
  );
  return formatter.format(ratio);
}
