import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CurrencyMismatchError } from '@shared/domain/money';
import type { RoundingMode } from '@shared/domain/money';
import type { QuoteLine, QuoteSection } from '@shared/domain/quote';
import { quoteLineSchema } from '@shared/domain/quote';
import { blankLine } from '@shared/quote/build';
import { lineFigures, quantityThousandths, quoteFigures } from '@shared/quote/compute';
import type { QuoteRounding } from '@shared/quote/compute';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
let serial = 0;
const line = (fields: Partial<QuoteLine>): QuoteLine => ({
  ...blankLine(`l${serial++}`, 'CNY'),
  ...fields,
});
const section = (lines: QuoteLine[], id = 's1'): QuoteSection => ({ id, name: 'Hardware', lines });
const perLine = (mode: RoundingMode): QuoteRounding => ({ level: 'per_line', mode });
const perTotal = (mode: RoundingMode): QuoteRounding => ({ level: 'per_total', mode });

describe('one line', () => {
  it('computes gross, discount, net, tax, cost and margin (worked by hand)', () => {
    // 3 × 3.33 = 9.99; 10 % off = 8.991 → 8.99; 13 % tax on 8.99 = 1.1687 → 1.17; cost 3 × 2.00
    const figures = lineFigures(
      line({
        quantity: 3,
        unitPrice: cny(333),
        discountBp: 1_000,
        taxRateBp: 1_300,
        unitCost: cny(200),
      }),
      'CNY',
      'half_up',
    );
    expect(figures.gross.amountMinor).toBe(999);
    expect(figures.net.amountMinor).toBe(899);
    expect(figures.discount.amountMinor).toBe(100);
    expect(figures.tax.amountMinor).toBe(117);
    expect(figures.total.amountMinor).toBe(1_016);
    expect(figures.cost.amountMinor).toBe(600);
    expect(figures.margin.amountMinor).toBe(299);
  });

  it('rounds a half fen of net up or to even by the mode', () => {
    // 1 × 1.25 at 50 % off = 0.625: half-up 0.63, banker's 0.62
    const half = line({ unitPrice: cny(125), discountBp: 5_000 });
    expect(lineFigures(half, 'CNY', 'half_up').net.amountMinor).toBe(63);
    expect(lineFigures(half, 'CNY', 'half_even').net.amountMinor).toBe(62);
    // 0.75 at 50 % off = 0.375: both modes go to the even 0.38
    const threeEighths = line({ unitPrice: cny(75), discountBp: 5_000 });
    expect(lineFigures(threeEighths, 'CNY', 'half_up').net.amountMinor).toBe(38);
    expect(lineFigures(threeEighths, 'CNY', 'half_even').net.amountMinor).toBe(38);
  });

  it('rounds a half fen of tax by the mode', () => {
    // 1 % of 0.50 = 0.005: half-up 0.01, banker's 0.00
    const taxed = line({ unitPrice: cny(50), taxRateBp: 100 });
    expect(lineFigures(taxed, 'CNY', 'half_up').tax.amountMinor).toBe(1);
    expect(lineFigures(taxed, 'CNY', 'half_even').tax.amountMinor).toBe(0);
  });

  it('takes fractional quantities exactly (2.5 hours × 3.33 = 8.325)', () => {
    const hours = line({ quantity: 2.5, unitPrice: cny(333), unitCost: cny(111) });
    expect(lineFigures(hours, 'CNY', 'half_up').net.amountMinor).toBe(833);
    expect(lineFigures(hours, 'CNY', 'half_even').net.amountMinor).toBe(832);
    // cost 2.5 × 1.11 = 2.775
    expect(lineFigures(hours, 'CNY', 'half_up').cost.amountMinor).toBe(278);
    expect(lineFigures(hours, 'CNY', 'half_even').cost.amountMinor).toBe(278);
    expect(quantityThousandths(0.001)).toBe(1n);
    expect(() => quantityThousandths(0.0001)).toThrow(RangeError);
  });

  it('refuses a line in another currency than the quote', () => {
    const usd = line({ unitPrice: { amountMinor: 100, currency: 'USD' } });
    expect(() => lineFigures(usd, 'CNY', 'half_up')).toThrow(CurrencyMismatchError);
    expect(() => quoteFigures([section([usd])], 'CNY', perLine('half_up'))).toThrow(
      /Cannot combine CNY with USD/,
    );
  });

  it('schema refuses more than three decimals of quantity and out-of-range percentages', () => {
    expect(quoteLineSchema.safeParse(line({ quantity: 1.0005 })).success).toBe(false);
    expect(quoteLineSchema.safeParse(line({ quantity: 1.005 })).success).toBe(true);
    expect(quoteLineSchema.safeParse(line({ discountBp: 10_001 })).success).toBe(false);
    expect(quoteLineSchema.safeParse(line({ taxRateBp: -1 })).success).toBe(false);
  });
});

describe('totals by rounding level and mode', () => {
  // Two lines of 0.625 each (1.25 at 50 % off).
  const halves = [
    section([
      line({ unitPrice: cny(125), discountBp: 5_000 }),
      line({ unitPrice: cny(125), discountBp: 5_000 }),
    ]),
  ];

  it('per line adds the rounded lines; per total rounds the exact sum once', () => {
    expect(quoteFigures(halves, 'CNY', perLine('half_up')).totals.net.amountMinor).toBe(126);
    expect(quoteFigures(halves, 'CNY', perLine('half_even')).totals.net.amountMinor).toBe(124);
    expect(quoteFigures(halves, 'CNY', perTotal('half_up')).totals.net.amountMinor).toBe(125);
    expect(quoteFigures(halves, 'CNY', perTotal('half_even')).totals.net.amountMinor).toBe(125);
  });

  it('tax: three lines of 1 % on 0.50 (0.005 each)', () => {
    const taxed = [
      section([
        line({ unitPrice: cny(50), taxRateBp: 100 }),
        line({ unitPrice: cny(50), taxRateBp: 100 }),
        line({ unitPrice: cny(50), taxRateBp: 100 }),
      ]),
    ];
    // per line: 0.01 × 3 (half-up) or 0.00 × 3 (banker's); per total: 0.015 → 0.02 either way
    expect(quoteFigures(taxed, 'CNY', perLine('half_up')).totals.tax.amountMinor).toBe(3);
    expect(quoteFigures(taxed, 'CNY', perLine('half_even')).totals.tax.amountMinor).toBe(0);
    expect(quoteFigures(taxed, 'CNY', perTotal('half_up')).totals.tax.amountMinor).toBe(2);
    expect(quoteFigures(taxed, 'CNY', perTotal('half_even')).totals.tax.amountMinor).toBe(2);
    // 0.025 total (five lines): half-up 0.03, banker's 0.02
    const five = [
      section(Array.from({ length: 5 }, () => line({ unitPrice: cny(50), taxRateBp: 100 }))),
    ];
    expect(quoteFigures(five, 'CNY', perTotal('half_up')).totals.tax.amountMinor).toBe(3);
    expect(quoteFigures(five, 'CNY', perTotal('half_even')).totals.tax.amountMinor).toBe(2);
  });

  it('computes a quote with sections, margin and margin % (worked by hand)', () => {
    const hardware = section(
      [
        // 2 servers at 50,000.00 less 5 % = 95,000.00; cost 2 × 38,000.00; 13 % VAT 12,350.00
        line({
          quantity: 2,
          unitPrice: cny(5_000_000),
          discountBp: 500,
          taxRateBp: 1_300,
          unitCost: cny(3_800_000),
        }),
      ],
      'hw',
    );
    const services = section(
      [
        // 80 h at 800.00 = 64,000.00; cost 80 × 450.00 = 36,000.00; 6 % VAT 3,840.00
        line({
          kind: 'labor',
          quantity: 80,
          unitPrice: cny(80_000),
          taxRateBp: 600,
          unitCost: cny(45_000),
        }),
      ],
      'svc',
    );
    const figures = quoteFigures([hardware, services], 'CNY', perLine('half_up'));
    expect(figures.sections[0]?.totals.net.amountMinor).toBe(9_500_000);
    expect(figures.sections[0]?.totals.tax.amountMinor).toBe(1_235_000);
    expect(figures.sections[1]?.totals.net.amountMinor).toBe(6_400_000);
    const totals = figures.totals;
    expect(totals.gross.amountMinor).toBe(16_400_000);
    expect(totals.discount.amountMinor).toBe(500_000);
    expect(totals.net.amountMinor).toBe(15_900_000);
    expect(totals.tax.amountMinor).toBe(1_619_000);
    expect(totals.total.amountMinor).toBe(17_519_000);
    expect(totals.cost.amountMinor).toBe(11_200_000);
    expect(totals.margin.amountMinor).toBe(4_700_000);
    // 47,000 / 159,000 = 29.559… % → 2956 bp
    expect(totals.marginBp).toBe(2_956);
    expect(figures.lineCount).toBe(2);
  });

  it('has no margin % for a quote worth nothing', () => {
    expect(quoteFigures([], 'CNY', perLine('half_up')).totals.marginBp).toBeNull();
  });
});

const lineArb = fc.record({
  quantity: fc.integer({ min: 0, max: 100_000 }).map((thousandths) => thousandths / 1_000),
  unitPrice: fc.integer({ min: 0, max: 10_000_000 }).map(cny),
  unitCost: fc.integer({ min: 0, max: 10_000_000 }).map(cny),
  discountBp: fc.integer({ min: 0, max: 10_000 }),
  taxRateBp: fc.integer({ min: 0, max: 2_000 }),
});
const linesArb = fc.array(lineArb, { maxLength: 40 }).map((items) => items.map((f) => line(f)));
const modeArb = fc.constantFrom<RoundingMode>('half_up', 'half_even');

describe('laws', () => {
  it('per line: the lines add up to every total', () => {
    fc.assert(
      fc.property(linesArb, modeArb, (lines, mode) => {
        const figures = quoteFigures([section(lines)], 'CNY', perLine(mode));
        const sum = (pick: (f: (typeof figures.sections)[0]['lines'][0]) => number) =>
          figures.sections[0]?.lines.reduce((acc, f) => acc + pick(f), 0) ?? 0;
        expect(figures.totals.net.amountMinor).toBe(sum((f) => f.net.amountMinor));
        expect(figures.totals.tax.amountMinor).toBe(sum((f) => f.tax.amountMinor));
        expect(figures.totals.cost.amountMinor).toBe(sum((f) => f.cost.amountMinor));
        expect(figures.totals.total.amountMinor).toBe(sum((f) => f.total.amountMinor));
        expect(figures.totals.margin.amountMinor).toBe(
          figures.totals.net.amountMinor - figures.totals.cost.amountMinor,
        );
      }),
    );
  });

  it('per total: within half a fen of the exact sum, and per line within half a fen per line', () => {
    fc.assert(
      fc.property(linesArb, modeArb, (lines, mode) => {
        const exact = lines.reduce(
          (acc, l) => acc + l.quantity * l.unitPrice.amountMinor * (1 - l.discountBp / 10_000),
          0,
        );
        const total = quoteFigures([section(lines)], 'CNY', perTotal(mode)).totals.net.amountMinor;
        const byLine = quoteFigures([section(lines)], 'CNY', perLine(mode)).totals.net.amountMinor;
        expect(Math.abs(total - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
        expect(Math.abs(byLine - total)).toBeLessThanOrEqual(lines.length / 2 + 0.5);
      }),
    );
  });

  it('the order of lines and how they are split in sections do not change the quote total (per line)', () => {
    fc.assert(
      fc.property(linesArb, modeArb, fc.nat(40), (lines, mode, cut) => {
        const whole = quoteFigures([section(lines)], 'CNY', perLine(mode)).totals;
        const split = quoteFigures(
          [section(lines.slice(cut), 'a'), section(lines.slice(0, cut).reverse(), 'b')],
          'CNY',
          perLine(mode),
        ).totals;
        expect(split).toEqual(whole);
      }),
    );
  });

  it('a discount never raises the price, and no discount leaves the gross', () => {
    fc.assert(
      fc.property(linesArb, modeArb, (lines, mode) => {
        for (const l of lines) {
          const f = lineFigures(l, 'CNY', mode);
          expect(f.net.amountMinor).toBeLessThanOrEqual(f.gross.amountMinor);
          const undiscounted = lineFigures({ ...l, discountBp: 0 }, 'CNY', mode);
          expect(undiscounted.net).toEqual(undiscounted.gross);
        }
      }),
    );
  });
});
