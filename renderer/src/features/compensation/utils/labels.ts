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
