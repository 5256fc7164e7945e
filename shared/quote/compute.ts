import type { CurrencyCode, Money, RoundingMode } from '@shared/domain/money';
import {
  CurrencyMismatchError,
  decimalToFraction,
  divideRounded,
  money,
} from '@shared/domain/money';
import type { QuoteLine, QuoteRoundingLevel, QuoteSection } from '@shared/domain/quote';
import { QUANTITY_SCALE, QUOTE_ROUNDING_LEVELS } from '@shared/domain/quote';

/**
 * The figures of a quote, from stored facts only (pure, integer arithmetic on BigInt).
 *
 * Definitions, per line:
 * - gross    = quantity × unit price
 * - discount = gross × discount %
 * - net      = gross − discount (the price, excluding tax)
 * - tax      = net × tax rate
 * - total    = net + tax
 * - cost     = quantity × unit cost
 * - margin   = net − cost; margin % = margin ÷ net
 *
 * Rounding to the minor unit happens where the company's setting says:
 * - `per_line`: each line's net, tax and cost are rounded (tax from the rounded net), and every
 *   total is the sum of its lines, so the lines always add up to the totals shown.
 * - `per_total`: lines keep their exact value; each total is rounded once from the exact sum
 *   (lines shown are rounded for display only and may differ from the total by rounding).
 * Halves go by the rounding mode (`half_up` or banker's `half_even`).
 */

export { QUOTE_ROUNDING_LEVELS };
export type { QuoteRoundingLevel };

export interface QuoteRounding {
  readonly level: QuoteRoundingLevel;
  readonly mode: RoundingMode;
}

/** Exact amounts are kept as integers over these denominators. */
const BP = 10_000n;
const Q = BigInt(QUANTITY_SCALE);
/** net and gross: minor × quantity scale × basis points. */
const NET_DEN = Q * BP;
/** tax: the net's denominator × basis points. */
const TAX_DEN = NET_DEN * BP;

/** The quantity as an integer count of thousandths (validated by the schema to fit). */
export function quantityThousandths(quantity: number): bigint {
  // Fast path: a quantity of at most three decimals survives the round trip through thousandths.
  const thousandths = Math.round(quantity * QUANTITY_SCALE);
  if (Number.isSafeInteger(thousandths) && thousandths / QUANTITY_SCALE === quantity) {
    return BigInt(thousandths);
  }
  const { numerator, denominator } = decimalToFraction(quantity);
  const scaled = numerator * Q;
  if (scaled % denominator !== 0n) {
    throw new RangeError(`Quantity ${quantity} has more than three decimals`);
  }
  return scaled / denominator;
}

export interface LineFigures {
  readonly gross: Money;
  readonly discount: Money;
  readonly net: Money;
  readonly tax: Money;
  readonly total: Money;
  readonly cost: Money;
  readonly margin: Money;
}

/** Exact figures of a line, each over its own fixed denominator. */
interface ExactLine {
  readonly gross: bigint; // / NET_DEN
  readonly net: bigint; // / NET_DEN
  readonly tax: bigint; // / TAX_DEN
  readonly cost: bigint; // / Q
  readonly taxRateBp: bigint;
}

function checkCurrency(line: QuoteLine, currency: CurrencyCode): void {
  if (line.unitPrice.currency !== currency) {
    throw new CurrencyMismatchError(currency, line.unitPrice.currency);
  }
  if (line.unitCost.currency !== currency) {
    throw new CurrencyMismatchError(currency, line.unitCost.currency);
  }
}

function exactLine(line: QuoteLine): ExactLine {
  const quantity = quantityThousandths(line.quantity);
  const price = BigInt(line.unitPrice.amountMinor);
  const discountBp = BigInt(line.discountBp);
  const taxRateBp = BigInt(line.taxRateBp);
  const gross = quantity * price * BP;
  const net = quantity * price * (BP - discountBp);
  return {
    gross,
    net,
    tax: net * taxRateBp,
    cost: quantity * BigInt(line.unitCost.amountMinor),
    taxRateBp,
  };
}

function toMoney(value: bigint, currency: CurrencyCode): Money {
  return money(Number(value), currency);
}

/** Rounded figures of one line: with `per_line` rounding these are what totals add up. */
export function lineFigures(
  line: QuoteLine,
  currency: CurrencyCode,
  mode: RoundingMode,
): LineFigures {
  checkCurrency(line, currency);
  return roundLine(exactLine(line), currency, mode);
}

function roundLine(exact: ExactLine, currency: CurrencyCode, mode: RoundingMode): LineFigures {
  const gross = divideRounded(exact.gross, NET_DEN, mode);
  const net = divideRounded(exact.net, NET_DEN, mode);
  const tax = divideRounded(net * exact.taxRateBp, BP, mode);
  const cost = divideRounded(exact.cost, Q, mode);
  return {
    gross: toMoney(gross, currency),
    discount: toMoney(gross - net, currency),
    net: toMoney(net, currency),
    tax: toMoney(tax, currency),
    total: toMoney(net + tax, currency),
    cost: toMoney(cost, currency),
    margin: toMoney(net - cost, currency),
  };
}

export interface Totals {
  readonly gross: Money;
  readonly discount: Money;
  readonly net: Money;
  readonly tax: Money;
  readonly total: Money;
  readonly cost: Money;
  readonly margin: Money;
  /** margin ÷ net in basis points (rounded by the mode); null when the net is zero. */
  readonly marginBp: number | null;
}

export interface SectionFigures {
  readonly sectionId: string;
  readonly lines: readonly LineFigures[];
  readonly totals: Totals;
}

export interface QuoteFigures {
  readonly currency: CurrencyCode;
  readonly sections: readonly SectionFigures[];
  readonly totals: Totals;
  readonly lineCount: number;
}

/** Running sums, exact or rounded per line, turned into totals at the end. */
class Accumulator {
  private gross = 0n;
  private net = 0n;
  private tax = 0n;
  private cost = 0n;

  constructor(private readonly rounding: QuoteRounding) {}

  add(exact: ExactLine, rounded: LineFigures): void {
    if (this.rounding.level === 'per_line') {
      this.gross += BigInt(rounded.gross.amountMinor);
      this.net += BigInt(rounded.net.amountMinor);
      this.tax += BigInt(rounded.tax.amountMinor);
      this.cost += BigInt(rounded.cost.amountMinor);
    } else {
      this.gross += exact.gross;
      this.net += exact.net;
      this.tax += exact.tax;
      this.cost += exact.cost;
    }
  }

  merge(other: Accumulator): void {
    this.gross += other.gross;
    this.net += other.net;
    this.tax += other.tax;
    this.cost += other.cost;
  }

  totals(currency: CurrencyCode): Totals {
    const { mode, level } = this.rounding;
    const round = (value: bigint, den: bigint) =>
      level === 'per_line' ? value : divideRounded(value, den, mode);
    const gross = round(this.gross, NET_DEN);
    const net = round(this.net, NET_DEN);
    const tax = round(this.tax, TAX_DEN);
    const cost = round(this.cost, Q);
    const margin = net - cost;
    return {
      gross: toMoney(gross, currency),
      discount: toMoney(gross - net, currency),
      net: toMoney(net, currency),
      tax: toMoney(tax, currency),
      total: toMoney(net + tax, currency),
      cost: toMoney(cost, currency),
      margin: toMoney(margin, currency),
      marginBp: net === 0n ? null : Number(divideRounded(margin * BP, net, mode)),
    };
  }
}

/**
 * Every figure of a quote: per line, per section and in total. Throws `CurrencyMismatchError`
 * when a line is in another currency than the quote (one currency per quote: there is no rate
 * to convert with).
 */
export function quoteFigures(
  sections: readonly QuoteSection[],
  currency: CurrencyCode,
  rounding: QuoteRounding,
): QuoteFigures {
  const all = new Accumulator(rounding);
  let lineCount = 0;
  const sectionFigures = sections.map((section) => {
    const sum = new Accumulator(rounding);
    const lines = section.lines.map((line) => {
      checkCurrency(line, currency);
      const exact = exactLine(line);
      const rounded = roundLine(exact, currency, rounding.mode);
      sum.add(exact, rounded);
      return rounded;
    });
    lineCount += lines.length;
    all.merge(sum);
    return { sectionId: section.id, lines, totals: sum.totals(currency) };
  });
  return { currency, sections: sectionFigures, totals: all.totals(currency), lineCount };
}

/** The first line whose price or cost is not in the quote's currency, with a readable message. */
export function foreignCurrencyLine(
  sections: readonly QuoteSection[],
  currency: CurrencyCode,
): { sectionId: string; lineId: string; currency: CurrencyCode } | null {
  for (const section of sections) {
    for (const line of section.lines) {
      for (const amount of [line.unitPrice, line.unitCost]) {
        if (amount.currency !== currency) {
          return { sectionId: section.id, lineId: line.id, currency: amount.currency };
        }
      }
    }
  }
  return null;
}
