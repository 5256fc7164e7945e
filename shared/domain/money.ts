import { z } from 'zod';

/**
 * Money is an integer count of the currency's minor unit (fen, cents) plus its ISO 4217 code.
 * No floating-point amounts are stored or summed: every operation here is integer arithmetic, and
 * the only place a fraction appears (a ratio such as a percentage or a Pwin) is rounded back to a
 * whole minor unit with a rounding mode the caller names.
 */
export type CurrencyCode = string;

export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

/** `half_up` rounds halves away from zero (2.5 → 3, −2.5 → −3); `half_even` is banker's rounding (2.5 → 2, 3.5 → 4). */
export type RoundingMode = 'half_up' | 'half_even';

export const ROUNDING_MODES = ['half_up', 'half_even'] as const satisfies readonly RoundingMode[];

let knownCurrencies: ReadonlySet<string> | null = null;

/** Currencies the runtime's Intl data knows (the ISO 4217 list, as shipped with ICU). */
export function isKnownCurrency(code: string): boolean {
  if (knownCurrencies === null) knownCurrencies = new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

export const currencyCodeSchema = z
  .string({ error: 'must be a currency code' })
  .regex(/^[A-Z]{3}$/, { error: 'must be a three-letter ISO 4217 currency code such as CNY' })
  .refine(isKnownCurrency, { error: 'is not a known ISO 4217 currency code' });

export const moneySchema = z.object({
  amountMinor: z.int({ error: 'must be a whole number of minor units' }),
  currency: currencyCodeSchema,
});

/** Money that cannot be negative (budgets, rates, deal values). */
export const nonNegativeMoneySchema = z.object({
  amountMinor: z
    .int({ error: 'must be a whole number of minor units' })
    .min(0, { error: 'must not be negative' }),
  currency: currencyCodeSchema,
});

const digitsCache = new Map<string, number>();

/**
 * Number of minor-unit digits of a currency (CNY 2, JPY 0, KWD 3), from Intl, which follows
 * ISO 4217. Cached: Intl.NumberFormat construction is slow and this runs per amount in lists.
 */
export function minorDigits(currency: CurrencyCode): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export class CurrencyMismatchError extends Error {
  constructor(
    readonly left: CurrencyCode,
    readonly right: CurrencyCode,
  ) {
    super(`Cannot combine ${left} with ${right} without a conversion`);
    this.name = 'CurrencyMismatchError';
  }
}

function assertSafe(amountMinor: number): number {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Amount ${amountMinor} is not a safe whole number of minor units`);
  }
  return amountMinor;
}

export function money(amountMinor: number, currency: CurrencyCode): Money {
  return { amountMinor: assertSafe(amountMinor), currency };
}

export function zeroMoney(currency: CurrencyCode): Money {
  return { amountMinor: 0, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

/** Adds two amounts of the same currency; mixing currencies throws rather than guessing a rate. */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

export function negateMoney(a: Money): Money {
  return money(a.amountMinor === 0 ? 0 : -a.amountMinor, a.currency);
}

/** Sums amounts that must all be in `currency` (given so an empty list has a currency too). */
export function sumMoney(items: Iterable<Money>, currency: CurrencyCode): Money {
  let total = 0;
  for (const item of items) {
    if (item.currency !== currency) throw new CurrencyMismatchError(currency, item.currency);
    total += item.amountMinor;
  }
  return money(total, currency);
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

/** An exact fraction. Pwin 35 % is `{ numerator: 35, denominator: 100 }`. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Divides two big integers rounding to the nearest integer, ties by `mode`. BigInt keeps the
 * intermediate product exact even when amount × numerator exceeds 2^53.
 */
export function divideRounded(dividend: bigint, divisor: bigint, mode: RoundingMode): bigint {
  if (divisor === 0n) throw new RangeError('Division by zero');
  if (divisor < 0n) {
    dividend = -dividend;
    divisor = -divisor;
  }
  const negative = dividend < 0n;
  const magnitude = negative ? -dividend : dividend;
  let quotient = magnitude / divisor;
  const twiceRemainder = (magnitude % divisor) * 2n;
  if (twiceRemainder > divisor) quotient += 1n;
  else if (twiceRemainder === divisor) {
    if (mode === 'half_up' || quotient % 2n === 1n) quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/**
 * Converts a JS number to the exact decimal fraction it prints as (0.15 → 15/100), which is what
 * a user typed, rather than the binary float behind it (0.1499999…). Multiplying money by 0.15 then
 * rounds the way a person checking by hand expects.
 */
export function decimalToFraction(value: number): { numerator: bigint; denominator: bigint } {
  if (!Number.isFinite(value)) throw new RangeError(`Ratio ${value} is not a finite number`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) throw new RangeError(`Cannot read ${value} as a decimal`);
  const [, sign = '', whole = '0', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  let numerator = BigInt(whole + fraction);
  let denominator = 1n;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator = 10n ** BigInt(-exponent);
  return { numerator: sign === '-' ? -numerator : numerator, denominator };
}

function toFraction(ratio: Ratio | number): { numerator: bigint; denominator: bigint } {
  if (typeof ratio === 'number') return decimalToFraction(ratio);
  if (!Number.isSafeInteger(ratio.numerator) || !Number.isSafeInteger(ratio.denominator)) {
    throw new RangeError('A ratio needs whole-number numerator and denominator');
  }
  if (ratio.denominator === 0) throw new RangeError('A ratio cannot have a zero denominator');
  return { numerator: BigInt(ratio.numerator), denominator: BigInt(ratio.denominator) };
}

/**
 * Multiplies money by a ratio and rounds to a whole minor unit. The ratio is either an exact
 * fraction or a decimal number (read as the decimal it prints as, see `decimalToFraction`).
 */
export function multiplyMoney(amount: Money, ratio: Ratio | number, mode: RoundingMode): Money {
  const { numerator, denominator } = toFraction(ratio);
  const result = divideRounded(BigInt(amount.amountMinor) * numerator, denominator, mode);
  return money(Number(result), amount.currency);
}

/** `percent` % of an amount (percent may have decimals: 12.5). */
export function percentOf(amount: Money, percent: number, mode: RoundingMode): Money {
  const { numerator, denominator } = decimalToFraction(percent);
  const result = divideRounded(BigInt(amount.amountMinor) * numerator, denominator * 100n, mode);
  return money(Number(result), amount.currency);
}

/**
 * Splits `total` into parts proportional to non-negative integer `weights` so that the parts sum
 * to the total exactly (largest-remainder method; ties go to the earlier weight). Used where a
 * sum must reconcile to the minor unit: quota allocation, revenue splits, spreading a budget.
 * All-zero weights split equally.
 */
export function allocateMoney(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new RangeError('allocateMoney needs at least one weight');
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new RangeError('allocateMoney weights must be non-negative whole numbers');
    }
  }
  const effective = weights.every((weight) => weight === 0) ? weights.map(() => 1) : weights;
  const weightSum = effective.reduce((sum, weight) => sum + BigInt(weight), 0n);
  const amount = BigInt(total.amountMinor);
  const sign = amount < 0n ? -1n : 1n;
  const magnitude = amount * sign;
  const parts = effective.map((weight) => (magnitude * BigInt(weight)) / weightSum);
  const remainders = effective.map((weight, index) => ({
    index,
    remainder: (magnitude * BigInt(weight)) % weightSum,
  }));
  let left = magnitude - parts.reduce((sum, part) => sum + part, 0n);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((part) => money(Number(part * sign), total.currency));
}

/**
 * Reads a major-unit amount ("1234.565", 1234.5) into money, rounding extra decimals to the
 * currency's minor unit with `mode`. Used by forms and imports; grouping separators are not
 * accepted here (locale parsing belongs to the form that knows the locale).
 */
export function moneyFromMajor(
  value: string | number,
  currency: CurrencyCode,
  mode: RoundingMode = 'half_up',
): Money {
  let fraction: { numerator: bigint; denominator: bigint };
  if (typeof value === 'number') {
    fraction = decimalToFraction(value);
  } else {
    // Read the digits of the text directly so long amounts keep every digit.
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
    if (match === null) throw new RangeError(`"${value}" is not a decimal amount`);
    const [, sign = '', whole = '0', decimals = ''] = match;
    const digits = BigInt(whole + decimals);
    fraction = {
      numerator: sign === '-' ? -digits : digits,
      denominator: 10n ** BigInt(decimals.length),
    };
  }
  const scale = 10n ** BigInt(minorDigits(currency));
  return money(
    Number(divideRounded(fraction.numerator * scale, fraction.denominator, mode)),
    currency,
  );
}

/** The amount in major units as a number, for charts and Intl formatting only (never for sums). */
export function toMajor(amount: Money): number {
  return amount.amountMinor / 10 ** minorDigits(amount.currency);
}
