import type { TFunction } from 'i18next';
import type { Period } from '@shared/domain/period';
import { minorDigits } from '@shared/domain/money';
import type { CurrencyCode, Money } from '@shared/domain/money';

/** A fiscal period in the user's language: "FY2026 Q3", "2026财年第3季度". */
export function periodLabel(t: TFunction<'compensation'>, period: Period): string {
  if (period.kind === 'year') return t('period.year', { year: period.fiscalYear });
  return t(`period.${period.kind}`, { year: period.fiscalYear, index: period.index });
}

/** Basis points (10 000 = 100 %) as a ratio for `format.percent`. */
export function bpRatio(bp: number): number {
  return bp / 10_000;
}

/** Money in major units for an InputNumber (display only; never summed). */
export function majorOf(amount: Money): number {
  return amount.amountMinor / 10 ** minorDigits(amount.currency);
}

/** Decimals a currency's InputNumber allows. */
export function inputPrecision(currency: CurrencyCode): number {
  return minorDigits(currency);
}

/**
 * A quarter or month within its fiscal year, as the period picker lists them: "Q3" / "第3季度",
 * and a month with its calendar name, "M3 (Jun)" / "6月（第3月）" (with a fiscal year starting in April).
 */
export function periodIndexLabel(
  t: TFunction<'compensation'>,
  kind: 'quarter' | 'month',
  index: number,
  fiscalYearStartMonth: number,
  language: string,
): string {
  if (kind === 'quarter') return t('period.quarterIndex', { index });
  const calendarMonth = ((fiscalYearStartMonth - 1 + index - 1) % 12) + 1;
  const month = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }).format(
    Date.UTC(2000, calendarMonth - 1, 15),
  );
  return t('period.monthIndex', { index, month });
}
