import type { Money } from '@shared/domain/money';
import { minorDigits, moneyFromMajor, toMajor } from '@shared/domain/money';

/** Why a typed amount cannot be read. */
export type AmountProblem = 'format' | 'negative' | 'zero';

/**
 * Reads an amount typed in major units ("1250.50", "-200", "12,500") into money of `currency`.
 * Grouping commas and spaces are ignored; more decimals than the currency has are refused rather
 * than rounded, so what is saved is exactly what was typed.
 */
export function readAmount(
  text: string,
  currency: string,
  rules: { readonly allowNegative: boolean; readonly allowZero: boolean },
): { ok: true; value: Money } | { ok: false; problem: AmountProblem } {
  const cleaned = text.replace(/[\s,，]/g, '');
  const match = /^-?\d+(?:\.(\d+))?$/.exec(cleaned);
  if (match === null || (match[1]?.length ?? 0) > minorDigits(currency))
    return { ok: false, problem: 'format' };
  let value: Money;
  try {
    value = moneyFromMajor(cleaned, currency);
  } catch {
    return { ok: false, problem: 'format' };
  }
  if (value.amountMinor < 0 && !rules.allowNegative) return { ok: false, problem: 'negative' };
  if (value.amountMinor === 0 && !rules.allowZero) return { ok: false, problem: 'zero' };
  return { ok: true, value };
}

/** Money as a form shows it for editing: major units without grouping ("1250.5"). */
export function amountText(amount: Money): string {
  return String(toMajor(amount));
}
