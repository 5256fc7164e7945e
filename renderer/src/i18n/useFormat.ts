import { useMemo } from 'react';
import type { AppLocale } from '@shared/format/locale';
import type { MoneyFormatOptions } from '@shared/format/money';
import { formatMoney } from '@shared/format/money';
import type { NumberFormatOptions } from '@shared/format/number';
import { formatNumber, formatPercent } from '@shared/format/number';
import type { DateStyle, DateTimeFormatOptions } from '@shared/format/date';
import { formatDateTime, formatPlanDate } from '@shared/format/date';
import { formatRelativeTime } from '@shared/format/relative';
import { useLanguage } from '@renderer/i18n/useLanguage';

export interface Formatters {
  locale: AppLocale;
  money(minor: number, currency: string, options?: MoneyFormatOptions): string;
  number(value: number, options?: NumberFormatOptions): string;
  /** `ratio` as Intl takes it: 0.45 → 45%. */
  percent(ratio: number, fractionDigits?: number): string;
  /** A `YYYY-MM-DD` plan date, without time-zone drift. */
  date(planDate: string, style?: DateStyle): string;
  dateTime(epochMs: number, options?: DateTimeFormatOptions): string;
  /** Relative to `nowMs`, which defaults to the moment of the call. */
  relative(epochMs: number, nowMs?: number): string;
}

/** The locale formatting functions bound to the current UI language. */
export function useFormat(): Formatters {
  const [locale] = useLanguage();
  return useMemo(
    () => ({
      locale,
      money: (minor, currency, options) => formatMoney(minor, currency, locale, options),
      number: (value, options) => formatNumber(value, locale, options),
      percent: (ratio, fractionDigits) => formatPercent(ratio, locale, fractionDigits),
      date: (planDate, style) => formatPlanDate(planDate, locale, style),
      dateTime: (epochMs, options) => formatDateTime(epochMs, locale, options),
      relative: (epochMs, nowMs = Date.now()) => formatRelativeTime(epochMs, nowMs, locale),
    }),
    [locale],
  );
}
