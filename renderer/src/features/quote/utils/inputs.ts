import { MAX_QUANTITY, QUANTITY_SCALE } from '@shared/domain/quote';

/**
 * Readers of what a user types in the quote's forms. Each refuses rather than rounds, so what is
 * saved is exactly what was typed; grouping commas and spaces are ignored.
 */

const clean = (text: string) => text.replace(/[\s,，]/g, '');

/** A quantity (or hours): 0 or more, at most three decimals, at most `MAX_QUANTITY`. */
export function readQuantity(text: string, allowZero = true): number | null {
  const cleaned = clean(text);
  const match = /^\d+(?:\.(\d{1,3}))?$/.exec(cleaned);
  if (match === null) return null;
  const value = Number(cleaned);
  if (!Number.isFinite(value) || value > MAX_QUANTITY) return null;
  if (value === 0 && !allowZero) return null;
  // Three decimals survive the round trip through thousandths (what the schema checks).
  return Math.round(value * QUANTITY_SCALE) / QUANTITY_SCALE === value ? value : null;
}

/** A percentage from 0 to `max` with at most two decimals, in basis points ("12.5" → 1250). */
export function readPercentBp(text: string, max = 100): number | null {
  const cleaned = clean(text).replace(/[%％]$/, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (match === null) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= max * 100 ? bp : null;
}

/** Basis points as a form shows them for editing ("1250" → "12.5"). */
export function percentText(bp: number): string {
  return String(bp / 100);
}
