import { minorDigits } from '@shared/domain/money';
import type { AppLocale } from '@shared/format/locale';
import { cached } from '@shared/format/cache';

export interface MoneyFormatOptions {
  /**
   * Short form for large amounts ("¥1,234.5万", "$12.3M") in dashboards and cards. Amounts below
   * {@link COMPACT_THRESHOLD_MAJOR} stay in full, since "¥5,000" is already short.
   */
  compact?: boolean;
}

/** Amounts from this many major units up are shortened when `compact` is asked for. */
export const COMPACT_THRESHOLD_MAJOR = 10_000;

const formatterCache = new Map<string, Intl.NumberFormat>();

/**
 * Number of digits after the decimal point in a currency's minor unit (2 for CNY and USD, 0 for
 * JPY, 3 for KWD), as ISO 4217 and therefore Intl define it. Money is stored as integer minor
 * units, so this is what turns a stored integer back into an amount.
 */
export function minorUnitDigits(currency: string): number {
  return minorDigits(currency);
}

/**
 * Turns integer minor units into an exact decimal string ("123456" CNY → "1234.56").
 * Done on digits rather than by dividing, because `123456 / 100` is a binary float and large or
 * unlucky amounts would print a cent off; Intl formats decimal strings exactly.
 */
export function minorToDecimalString(minor: number, currency: string): `${number}` {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`Money must be a safe integer number of minor units, got ${minor}`);
  }
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor));
  const padded = abs.padStart(digits + 1, '0');
  const decimal =
    digits === 0 ? sign + abs : `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
  if (!isDecimalString(decimal)) throw new RangeError(`Not a decimal amount: ${decimal}`);
  return decimal;
}

function isDecimalString(value: string): value is `${number}` {
  return /^-?\d+(\.\d+)?$/.test(value);
}

/**
 * Formats money stored as integer minor units in the given ISO 4217 currency for a locale.
 * The currency symbol is Intl's: "¥" for CNY in Chinese but "CN¥" in English, "US$" for USD in
 * Chinese, so a reader is never unsure which currency an amount is in.
 */
export function formatMoney(
  minor: number,
  currency: string,
  locale: AppLocale,
  options: MoneyFormatOptions = {},
): string {
  const amount = minorToDecimalString(minor, currency);
  const major = Math.abs(minor) / 10 ** minorUnitDigits(currency);
  const compact = options.compact === true && major >= COMPACT_THRESHOLD_MAJOR;
  const formatter = cached(formatterCache, `${locale}|${currency}|${compact}`, () =>
    compact
      ? new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          notation: 'compact',
          minimumFractionDigits: 0,
          maximumFractionDigits: 1,
          // Chinese compact keeps four digits before 万/亿 ("1,234.5万"); group them like full amounts.
          useGrouping: 'always',
        })
      : new Intl.NumberFormat(locale, { style: 'currency', currency }),
  );
  return formatter.format(amount);
}
