import type { CompetitorPrice } from '@shared/domain/commercial';
import type { Money } from '@shared/domain/money';

/**
 * Where our price sits against competitors' likely prices and the customer's budget.
 *
 * Definitions (all in one currency: a figure in another currency is left out and counted, never
 * converted, as there is no rate to convert with):
 * - a difference in basis points is `(ours − reference) × 10 000 ÷ reference`, rounded half away
 *   from zero; null when the reference is zero;
 * - against a competitor, our price is `below` its low, `within` low…high (ends included) or
 *   `above` its high;
 * - the reference competitor of the summary is the one with the lowest likely price (the price to
 *   beat); ties go to the first listed;
 * - against the budget, our price is `within` when it is at most the budget, else `over`.
 */

export type RangePosition = 'below' | 'within' | 'above';

export interface CompetitorPosition {
  readonly key: string;
  readonly name: string;
  readonly low: number;
  readonly likely: number;
  readonly high: number;
  /** Our price against the competitor's range; null without a price of ours. */
  readonly position: RangePosition | null;
  /** Our price against its likely price, in basis points; null without ours or at zero. */
  readonly vsLikelyBp: number | null;
}

export type BudgetPosition =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'otherCurrency'; readonly currency: string }
  | { readonly kind: 'noPrice'; readonly budget: number }
  | {
      readonly kind: 'within' | 'over';
      readonly budget: number;
      /** Our price against the budget, in basis points (negative: under it). */
      readonly diffBp: number | null;
    };

export interface PricePosition {
  readonly currency: string;
  /** Our price in minor units, or null when there is no quote yet. */
  readonly ours: number | null;
  /** Competitors in the currency, in the order given. */
  readonly competitors: readonly CompetitorPosition[];
  /** Competitors left out because their prices are in another currency. */
  readonly otherCurrency: readonly string[];
  /** The competitor with the lowest likely price, or null when none is comparable. */
  readonly reference: CompetitorPosition | null;
  readonly budget: BudgetPosition;
  /** The span every figure falls in (for drawing), or null when there is no figure at all. */
  readonly scale: { readonly min: number; readonly max: number } | null;
}

/** `(value − reference) ÷ reference` in basis points, half away from zero; null at zero. */
export function differenceBp(value: number, reference: number): number | null {
  if (reference === 0) return null;
  const exact = ((value - reference) * 10_000) / reference;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  return rounded === 0 ? 0 : rounded;
}

export function rangePosition(value: number, low: number, high: number): RangePosition {
  if (value < low) return 'below';
  if (value > high) return 'above';
  return 'within';
}

/**
 * Our price (`null`: no quote yet) against the competitors and the budget, in `currency` (the
 * quote's when there is one, else the deal's).
 */
export function pricePosition(
  ours: Money | null,
  competitors: readonly CompetitorPrice[],
  budget: Money | null,
  currency: string,
): PricePosition {
  const own = ours !== null && ours.currency === currency ? ours.amountMinor : null;
  const comparable: CompetitorPosition[] = [];
  const otherCurrency: string[] = [];
  for (const competitor of competitors) {
    if (competitor.likely.currency !== currency) {
      otherCurrency.push(competitor.name);
      continue;
    }
    const low = competitor.low.amountMinor;
    const likely = competitor.likely.amountMinor;
    const high = competitor.high.amountMinor;
    comparable.push({
      key: competitor.key,
      name: competitor.name,
      low,
      likely,
      high,
      position: own === null ? null : rangePosition(own, low, high),
      vsLikelyBp: own === null ? null : differenceBp(own, likely),
    });
  }
  let reference: CompetitorPosition | null = null;
  for (const competitor of comparable) {
    if (reference === null || competitor.likely < reference.likely) reference = competitor;
  }
  let budgetPosition: BudgetPosition;
  if (budget === null) budgetPosition = { kind: 'unknown' };
  else if (budget.currency !== currency)
    budgetPosition = { kind: 'otherCurrency', currency: budget.currency };
  else if (own === null) budgetPosition = { kind: 'noPrice', budget: budget.amountMinor };
  else
    budgetPosition = {
      kind: own <= budget.amountMinor ? 'within' : 'over',
      budget: budget.amountMinor,
      diffBp: differenceBp(own, budget.amountMinor),
    };
  const figures = comparable.flatMap((c) => [c.low, c.high]);
  if (own !== null) figures.push(own);
  if (budgetPosition.kind !== 'unknown' && budgetPosition.kind !== 'otherCurrency')
    figures.push(budgetPosition.budget);
  const scale =
    figures.length === 0 ? null : { min: Math.min(...figures), max: Math.max(...figures) };
  return {
    currency,
    ours: own,
    competitors: comparable,
    otherCurrency,
    reference,
    budget: budgetPosition,
    scale,
  };
}

/**
 * Where `value` falls on the drawing's scale, from 0 to 1. The scale is padded by a tenth of its
 * span on each side (so no mark sits on the edge); a scale of one value puts it in the middle.
 */
export function scaleFraction(value: number, scale: { min: number; max: number }): number {
  const span = scale.max - scale.min;
  if (span <= 0) return 0.5;
  const pad = span / 10;
  return Math.min(1, Math.max(0, (value - scale.min + pad) / (span + 2 * pad)));
}

export interface ChartScale {
  readonly min: number;
  readonly max: number;
  /**
   * The budget when it lies so far from the prices that drawing it to scale would squeeze them
   * into a sliver: it is marked at that edge of the chart with its figure instead.
   */
  readonly budgetOff: 'above' | 'below' | null;
}

/** The customer's budget, when the position knows one (in minor units of the quote's currency). */
export function budgetOf(position: PricePosition): number | null {
  const { budget } = position;
  return budget.kind === 'within' || budget.kind === 'over' || budget.kind === 'noPrice'
    ? budget.budget
    : null;
}

/**
 * The span the chart draws. The prices (competitors' ranges and ours) always fit; the budget
 * fits too unless it lies more than the prices' own span beyond them (a span of at least a tenth
 * of the highest price, so a single price still has room around it). Null with nothing to draw.
 */
export function chartScale(position: PricePosition): ChartScale | null {
  const prices = position.competitors.flatMap((c) => [c.low, c.high]);
  if (position.ours !== null) prices.push(position.ours);
  const budget = budgetOf(position);
  if (prices.length === 0)
    return budget === null ? null : { min: budget, max: budget, budgetOff: null };
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  if (budget === null) return { min, max, budgetOff: null };
  const room = Math.max(max - min, max / 10);
  if (budget > max + room) return { min, max, budgetOff: 'above' };
  if (budget < min - room) return { min, max, budgetOff: 'below' };
  return { min: Math.min(min, budget), max: Math.max(max, budget), budgetOff: null };
}

/**
 * Round figures to label the chart's axis with: multiples of 1, 2 or 5 × a power of ten (in
 * minor units) inside [min, max], about `count` of them; the two ends alone when the span is
 * too small for a round step (or empty).
 */
export function axisTicks(min: number, max: number, count = 4): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power) || 1;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max; tick += step) ticks.push(tick);
  return ticks.length >= 2 ? ticks : [min, max];
}
