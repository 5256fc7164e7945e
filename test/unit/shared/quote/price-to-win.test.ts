import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CompetitorPrice } from '@shared/domain/commercial';
import { competitorPriceSchema } from '@shared/domain/commercial';
import { money } from '@shared/domain/money';
import {
  axisTicks,
  chartScale,
  differenceBp,
  pricePosition,
  rangePosition,
  scaleFraction,
} from '@shared/quote/price-to-win';

const competitor = (
  key: string,
  name: string,
  low: number,
  likely: number,
  high: number,
  currency = 'CNY',
): CompetitorPrice => ({
  key,
  name,
  low: money(low, currency),
  likely: money(likely, currency),
  high: money(high, currency),
  note: '',
});

describe('price-to-win position', () => {
  it('compares our price with each range and the lowest likely price (worked example)', () => {
    // Ours 1 040 000.00; Huawei likely 1 000 000.00 (range 950k–1 100k), ZTE likely 1 200 000.00.
    const result = pricePosition(
      money(104_000_000, 'CNY'),
      [
        competitor('c1', 'ZTE', 110_000_000, 120_000_000, 130_000_000),
        competitor('c2', 'Huawei', 95_000_000, 100_000_000, 110_000_000),
      ],
      money(110_000_000, 'CNY'),
      'CNY',
    );
    expect(result.reference?.name).toBe('Huawei');
    // (1 040 000 − 1 000 000) ÷ 1 000 000 = 4 % = 400 bp.
    expect(result.reference?.vsLikelyBp).toBe(400);
    expect(result.reference?.position).toBe('within');
    expect(result.competitors[0]?.position).toBe('below');
    // (1 040 000 − 1 200 000) ÷ 1 200 000 = −13.33 % → −1 333 bp.
    expect(result.competitors[0]?.vsLikelyBp).toBe(-1_333);
    // (1 040 000 − 1 100 000) ÷ 1 100 000 = −5.4545 % → −545 bp.
    expect(result.budget).toEqual({ kind: 'within', budget: 110_000_000, diffBp: -545 });
    expect(result.scale).toEqual({ min: 95_000_000, max: 130_000_000 });
  });

  it('says over budget, no price yet, unknown budget and other currencies', () => {
    const list = [competitor('c1', 'A', 100, 200, 300), competitor('c2', 'B', 1, 2, 3, 'USD')];
    const over = pricePosition(money(500, 'CNY'), list, money(400, 'CNY'), 'CNY');
    expect(over.budget).toEqual({ kind: 'over', budget: 400, diffBp: 2_500 });
    expect(over.otherCurrency).toEqual(['B']);
    expect(over.competitors.map((c) => c.key)).toEqual(['c1']);
    expect(over.competitors[0]?.position).toBe('above');

    const none = pricePosition(null, list, money(400, 'CNY'), 'CNY');
    expect(none.ours).toBeNull();
    expect(none.budget).toEqual({ kind: 'noPrice', budget: 400 });
    expect(none.reference?.position).toBeNull();
    expect(none.reference?.vsLikelyBp).toBeNull();

    expect(pricePosition(null, [], null, 'CNY')).toMatchObject({
      budget: { kind: 'unknown' },
      reference: null,
      scale: null,
    });
    expect(pricePosition(null, [], money(1, 'EUR'), 'CNY').budget).toEqual({
      kind: 'otherCurrency',
      currency: 'EUR',
    });
    // A quote in another currency is not compared either.
    expect(pricePosition(money(500, 'USD'), list, null, 'CNY').ours).toBeNull();
  });

  it('ties on the likely price go to the first competitor listed', () => {
    const result = pricePosition(
      money(100, 'CNY'),
      [competitor('c1', 'First', 1, 50, 90), competitor('c2', 'Second', 2, 50, 80)],
      null,
      'CNY',
    );
    expect(result.reference?.key).toBe('c1');
  });

  it('differences round half away from zero and are null against zero', () => {
    expect(differenceBp(100_005, 100_000)).toBe(1); // 0.5 bp
    expect(differenceBp(99_995, 100_000)).toBe(-1);
    expect(differenceBp(5, 0)).toBeNull();
    expect(differenceBp(0, 7)).toBe(-10_000);
    expect(differenceBp(39_997, 39_996)).toBe(0); // 0.25 bp: under half a point
    expect(differenceBp(20_001, 20_000)).toBe(1); // exactly half a point rounds away from zero
  });

  it('laws: the range position agrees with the comparison, the sign with the difference', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000_000 });
    fc.assert(
      fc.property(amount, amount, amount, amount, (ours, a, b, c) => {
        const [low, likely, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const position = rangePosition(ours, low, high);
        expect(position === 'within').toBe(low <= ours && ours <= high);
        expect(position === 'below').toBe(ours < low);
        const bp = differenceBp(ours, likely);
        if (likely === 0) expect(bp).toBeNull();
        else {
          // Rounded to a whole basis point: a difference under half a point reads as zero
          // (39,997 against 39,996 is 0.25 bp), any larger one keeps its sign.
          const belowHalfPoint = Math.abs(ours - likely) * 20_000 < likely;
          expect(Math.sign(bp ?? Number.NaN)).toBe(belowHalfPoint ? 0 : Math.sign(ours - likely));
        }
        const result = pricePosition(
          money(ours, 'CNY'),
          [competitor('c1', 'X', low, likely, high)],
          null,
          'CNY',
        );
        // Every figure lies on the scale, inside the drawing.
        const scale = result.scale;
        expect(scale).not.toBeNull();
        if (scale === null) return;
        for (const value of [ours, low, high]) {
          expect(value).toBeGreaterThanOrEqual(scale.min);
          expect(value).toBeLessThanOrEqual(scale.max);
          const f = scaleFraction(value, scale);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(1);
        }
        // The scale keeps order: a higher price is never drawn to the left of a lower one.
        expect(scaleFraction(low, scale)).toBeLessThanOrEqual(scaleFraction(high, scale));
      }),
    );
  });

  it('the reference is the lowest likely price whatever the order', () => {
    const entry = fc.record({
      low: fc.integer({ min: 0, max: 1_000 }),
      likely: fc.integer({ min: 0, max: 1_000 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), (entries) => {
        const list = entries.map((e, i) =>
          competitor(`c${i}`, `N${i}`, Math.min(e.low, e.likely), e.likely, e.likely + 10),
        );
        const result = pricePosition(null, list, null, 'CNY');
        const lowest = Math.min(...entries.map((e) => e.likely));
        expect(result.reference?.likely).toBe(lowest);
        const reversed = pricePosition(null, [...list].reverse(), null, 'CNY');
        expect(reversed.reference?.likely).toBe(lowest);
      }),
    );
  });
});

describe('chart scale', () => {
  const two = [
    competitor('c1', 'ZTE', 1_500_000, 1_800_000, 2_600_000),
    competitor('c2', 'Huawei', 2_000_000, 2_500_000, 3_000_000),
  ];

  it('keeps a far budget off the scale, marked at its edge (worked example)', () => {
    // Prices 1.5M…3M (span 1.5M): a budget of 50M is far above 3M + 1.5M.
    const far = pricePosition(money(1_750_000, 'CNY'), two, money(50_000_000, 'CNY'), 'CNY');
    expect(chartScale(far)).toEqual({ min: 1_500_000, max: 3_000_000, budgetOff: 'above' });
    // 4.5M is just within reach: drawn to scale.
    const near = pricePosition(money(1_750_000, 'CNY'), two, money(4_500_000, 'CNY'), 'CNY');
    expect(chartScale(near)).toEqual({ min: 1_500_000, max: 4_500_000, budgetOff: null });
    // Prices 10M…12M (span 2M): a budget under 8M is far below them.
    const high = [competitor('c1', 'ZTE', 10_000_000, 11_000_000, 12_000_000)];
    const low = pricePosition(money(11_500_000, 'CNY'), high, money(7_999_999, 'CNY'), 'CNY');
    expect(chartScale(low)).toEqual({ min: 10_000_000, max: 12_000_000, budgetOff: 'below' });
    const edge = pricePosition(money(11_500_000, 'CNY'), high, money(8_000_000, 'CNY'), 'CNY');
    expect(chartScale(edge)?.budgetOff).toBeNull();
  });

  it('gives a lone price a tenth of itself of room, and a lone budget its own scale', () => {
    const lone = pricePosition(money(1_000_000, 'CNY'), [], money(1_090_000, 'CNY'), 'CNY');
    expect(chartScale(lone)).toEqual({ min: 1_000_000, max: 1_090_000, budgetOff: null });
    const farther = pricePosition(money(1_000_000, 'CNY'), [], money(1_200_000, 'CNY'), 'CNY');
    expect(chartScale(farther)?.budgetOff).toBe('above');
    const budgetOnly = pricePosition(null, [], money(5_000, 'CNY'), 'CNY');
    expect(chartScale(budgetOnly)).toEqual({ min: 5_000, max: 5_000, budgetOff: null });
    expect(chartScale(pricePosition(null, [], null, 'CNY'))).toBeNull();
  });

  it('always draws every price, and the budget whenever it is on the scale', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(amount, amount, amount, fc.option(amount), (a, b, ours, budget) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const result = pricePosition(
          money(ours, 'CNY'),
          [competitor('c1', 'X', low, low, high)],
          budget === null ? null : money(budget, 'CNY'),
          'CNY',
        );
        const scale = chartScale(result);
        expect(scale).not.toBeNull();
        if (scale === null) return;
        for (const value of [low, high, ours]) {
          expect(value).toBeGreaterThanOrEqual(scale.min);
          expect(value).toBeLessThanOrEqual(scale.max);
        }
        if (budget !== null && scale.budgetOff === null) {
          expect(budget).toBeGreaterThanOrEqual(scale.min);
          expect(budget).toBeLessThanOrEqual(scale.max);
        }
        if (scale.budgetOff === 'above') expect(budget).toBeGreaterThan(scale.max);
        if (scale.budgetOff === 'below') expect(budget).toBeLessThan(scale.min);
      }),
    );
  });
});

describe('axis ticks', () => {
  it('are round steps inside the span (worked examples)', () => {
    // 119,977.00 … 3,000,000.00: a step of 1,000,000.00.
    expect(axisTicks(11_997_700, 300_000_000)).toEqual([100_000_000, 200_000_000, 300_000_000]);
    // 1,013,650.00 … 1,165,089.50: a step of 50,000.00.
    expect(axisTicks(101_365_000, 116_508_950)).toEqual([105_000_000, 110_000_000, 115_000_000]);
    expect(axisTicks(500, 500)).toEqual([500]);
  });

  it('always lie inside the span, in order, at least two of them', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000_000),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        (min, span) => {
          const ticks = axisTicks(min, min + span);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(11);
          for (const [i, tick] of ticks.entries()) {
            expect(tick).toBeGreaterThanOrEqual(min);
            expect(tick).toBeLessThanOrEqual(min + span);
            if (i > 0) expect(tick).toBeGreaterThan(ticks[i - 1]!);
          }
        },
      ),
    );
  });
});

describe('competitor and contract schemas', () => {
  it('refuses a range out of order or in mixed currencies', () => {
    const bad = competitorPriceSchema.safeParse(competitor('c1', 'A', 300, 200, 100));
    expect(bad.success).toBe(false);
    const mixed = competitorPriceSchema.safeParse({
      ...competitor('c1', 'A', 1, 2, 3),
      high: money(3, 'USD'),
    });
    expect(mixed.success).toBe(false);
    expect(competitorPriceSchema.safeParse(competitor('c1', 'A', 1, 2, 3)).success).toBe(true);
  });
});
