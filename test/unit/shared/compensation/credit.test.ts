import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMoney, money } from '@shared/domain/money';
import type { CreditSplit } from '@shared/domain/deal';
import {
  clawbackAdjustment,
  creditDeal,
  creditTotalsByPerson,
  creditWonDeals,
  dealMargin,
  spreadEvenly,
  validateCreditSplits,
} from '@shared/compensation/credit';
import type { CreditLine } from '@shared/compensation/credit';
import { periodKey } from '@shared/compensation/periods';
import { ALICE, BOB, CAROL, cny, dealId, personId, wonDeal } from './fixtures';

const revenue = (person: CreditSplit['personId'], shareBp: number): CreditSplit => ({
  personId: person,
  kind: 'revenue',
  shareBp,
});
const overlay = (person: CreditSplit['personId'], shareBp: number): CreditSplit => ({
  personId: person,
  kind: 'overlay',
  shareBp,
});

function summary(lines: readonly CreditLine[]) {
  return lines.map((line) => ({
    person: line.personId,
    kind: line.kind,
    period: periodKey(line.period),
    revenue: line.revenue.amountMinor,
    margin: line.margin.amountMinor,
  }));
}

const OPTIONS = {
  periodKind: 'month',
  fiscalYearStartMonth: 4,
  roundingMode: 'half_up',
} as const;

describe('credit split validation', () => {
  it('accepts revenue splits totalling 100 % and overlays of any total', () => {
    expect(
      validateCreditSplits([
        revenue(ALICE, 7_000),
        revenue(BOB, 3_000),
        overlay(CAROL, 5_000),
        overlay(ALICE, 12_000),
      ]),
    ).toEqual([]);
    expect(validateCreditSplits([])).toEqual([]);
  });

  it('reports revenue splits that do not total 100 %, repeats and impossible shares', () => {
    expect(validateCreditSplits([revenue(ALICE, 3_333), revenue(BOB, 6_666)])).toEqual([
      { code: 'revenue_total', totalBp: 9_999 },
    ]);
    expect(
      validateCreditSplits([revenue(ALICE, 6_000), revenue(ALICE, 4_000), revenue(BOB, 10_001)]),
    ).toEqual([
      { code: 'duplicate', personId: ALICE, kind: 'revenue' },
      { code: 'share_out_of_range', personId: BOB, kind: 'revenue', shareBp: 10_001 },
      { code: 'revenue_total', totalBp: 20_001 },
    ]);
    // Only overlays: the owner takes the revenue credit, nothing to total.
    expect(validateCreditSplits([overlay(BOB, 20_000)])).toEqual([]);
  });
});

describe('crediting won deals', () => {
  it('credits revenue splits exactly and overlays on top, in the month the deal was won', () => {
    // 1.00 shared in thirds: 33.33 + 33.33 + 33.34 fen → 33, 33, 34 (the largest remainder, .34,
    // goes to Carol). Margin 25 % = 25 fen: 8.3325, 8.3325, 8.335 → 8, 8, 9.
    // Overlay 50 % for Alice: 50 fen of revenue, 12.5 → 13 fen of margin (half up).
    const deal = wonDeal(1, {
      value: cny(100),
      outcomeDate: '2026-05-20',
      splits: [
        revenue(CAROL, 3_334),
        revenue(ALICE, 3_333),
        revenue(BOB, 3_333),
        overlay(ALICE, 5_000),
      ],
    });
    const result = creditWonDeals({ ...OPTIONS, deals: [deal] });
    expect(result.skipped).toEqual([]);
    expect(summary(result.lines)).toEqual([
      { person: ALICE, kind: 'revenue', period: 'FY2026-M02', revenue: 33, margin: 8 },
      { person: BOB, kind: 'revenue', period: 'FY2026-M02', revenue: 33, margin: 8 },
      { person: CAROL, kind: 'revenue', period: 'FY2026-M02', revenue: 34, margin: 9 },
      { person: ALICE, kind: 'overlay', period: 'FY2026-M02', revenue: 50, margin: 13 },
    ]);
  });

  it('breaks an exact tie by person id, not by the order the splits were entered', () => {
    // 1.01 split 50/50: 50.5 fen each; the odd fen goes to the lower id (Alice) either way.
    for (const splits of [
      [revenue(ALICE, 5_000), revenue(BOB, 5_000)],
      [revenue(BOB, 5_000), revenue(ALICE, 5_000)],
    ]) {
      const lines = creditWonDeals({
        ...OPTIONS,
        deals: [wonDeal(1, { value: cny(101), outcomeDate: '2026-05-20', splits })],
      }).lines;
      expect(
        Object.fromEntries(lines.map((line) => [line.personId, line.revenue.amountMinor])),
      ).toEqual({ [ALICE]: 51, [BOB]: 50 });
    }
  });

  it('rounds an overlay with the settings’ rounding mode', () => {
    // 50 % of 1.01 = 50.5 fen: 51 half-up, 50 half-even.
    const deal = wonDeal(1, {
      value: cny(101),
      outcomeDate: '2026-05-20',
      splits: [revenue(ALICE, 10_000), overlay(BOB, 5_000)],
    });
    const overlayOf = (roundingMode: 'half_up' | 'half_even') =>
      creditWonDeals({ ...OPTIONS, roundingMode, deals: [deal] }).lines.find(
        (line) => line.kind === 'overlay',
      )?.revenue.amountMinor;
    expect(overlayOf('half_up')).toBe(51);
    expect(overlayOf('half_even')).toBe(50);
  });

  it('computes margin from the expected margin percentage as typed', () => {
    // 10 000 000.00 at 22.5 % = 2 250 000.00.
    expect(dealMargin({ value: cny(1_000_000_000), expectedMarginPct: 22.5 }, 'half_up')).toEqual(
      cny(225_000_000),
    );
    // A loss-leader credits negative margin.
    expect(dealMargin({ value: cny(1_000), expectedMarginPct: -10 }, 'half_up')).toEqual(cny(-100));
  });

  it('spreads a multi-period contract evenly over consecutive periods, across the fiscal year end', () => {
    // 10 000.00 over 3 months from fiscal month 11 (February, year starting in April):
    // 3 333.34 + 3 333.33 + 3 333.33, in M11, M12 and the next year's M01.
    const deal = wonDeal(1, {
      value: cny(1_000_000),
      outcomeDate: '2027-02-10',
      splits: [revenue(ALICE, 10_000)],
      marginPct: 30,
    });
    const lines = creditWonDeals({ ...OPTIONS, deals: [deal], spreadOf: () => 3 }).lines;
    expect(summary(lines)).toEqual([
      { person: ALICE, kind: 'revenue', period: 'FY2026-M11', revenue: 333_334, margin: 100_000 },
      { person: ALICE, kind: 'revenue', period: 'FY2026-M12', revenue: 333_333, margin: 100_000 },
      { person: ALICE, kind: 'revenue', period: 'FY2027-M01', revenue: 333_333, margin: 100_000 },
    ]);
    expect(lines.map((line) => `${line.installment}/${line.installments}`)).toEqual([
      '1/3',
      '2/3',
      '3/3',
    ]);
    // Quarter totals: FY2026 Q4 holds two installments, FY2027 Q1 the third.
    const q4 = creditTotalsByPerson(
      lines,
      { kind: 'quarter', fiscalYear: 2026, index: 4 },
      'revenue',
      'CNY',
    );
    expect(q4.get(ALICE)).toEqual(cny(666_667));
  });

  it('credits only won deals, the owner when no revenue split is set, and lists what it skipped', () => {
    const deals = [
      wonDeal(1, { value: cny(500), outcomeDate: '2026-05-01', owner: BOB }),
      wonDeal(2, { value: cny(500), outcomeDate: '2026-05-01', status: 'lost' }),
      wonDeal(3, { value: cny(500), outcomeDate: '2026-05-01', status: 'cancelled' }),
      {
        ...wonDeal(4, { value: cny(500), outcomeDate: '2026-05-01' }),
        deletedAt: Date.UTC(2026, 4, 2),
      },
      {
        ...wonDeal(5, { value: cny(500), outcomeDate: '2026-05-01' }),
        creditSplits: [revenue(ALICE, 6_000)],
      },
      wonDeal(6, { value: cny(500), outcomeDate: '2026-05-01' }),
    ];
    const result = creditWonDeals({
      ...OPTIONS,
      deals,
      spreadOf: (deal) => (deal.id === dealId(6) ? 0 : 1),
    });
    expect(summary(result.lines)).toEqual([
      { person: BOB, kind: 'revenue', period: 'FY2026-M02', revenue: 500, margin: 125 },
    ]);
    expect(result.creditedToOwner).toEqual([dealId(1)]);
    expect(result.skipped).toEqual([
      {
        dealId: dealId(5),
        reason: 'invalid_splits',
        issues: [{ code: 'revenue_total', totalBp: 6_000 }],
      },
      { dealId: dealId(6), reason: 'bad_spread', issues: [] },
    ]);
  });

  it('claws back what a cancelled deal credited up to a period', () => {
    const deal = wonDeal(1, {
      value: cny(1_200),
      outcomeDate: '2026-04-15',
      splits: [revenue(ALICE, 10_000)],
    });
    // 12.00 over 4 months (M01–M04): 3.00 a month; cancelled in M03, so M01–M03 (9.00) are
    // taken back and M04 is never credited.
    const lines = creditWonDeals({ ...OPTIONS, deals: [deal], spreadOf: () => 4 }).lines;
    const adjustment = clawbackAdjustment({
      dealId: deal.id,
      personId: ALICE,
      lines,
      basis: 'revenue',
      currency: 'CNY',
      throughPeriod: { kind: 'month', fiscalYear: 2026, index: 3 },
      reason: 'Contract cancelled',
    });
    expect(adjustment).toEqual({
      kind: 'credit',
      amount: cny(-900),
      reason: 'Contract cancelled',
      dealId: deal.id,
    });
  });

  it('takes nothing back from a deal in another currency than the plan (the statement never credited it)', () => {
    const deal = wonDeal(2, {
      value: money(1_200, 'USD'),
      outcomeDate: '2026-04-15',
      splits: [revenue(ALICE, 10_000)],
    });
    const lines = creditWonDeals({ ...OPTIONS, deals: [deal], spreadOf: () => 1 }).lines;
    expect(lines.length).toBeGreaterThan(0);
    const adjustment = clawbackAdjustment({
      dealId: deal.id,
      personId: ALICE,
      lines,
      basis: 'revenue',
      currency: 'CNY',
      throughPeriod: { kind: 'month', fiscalYear: 2026, index: 12 },
      reason: 'Contract cancelled',
    });
    expect(adjustment.amount).toEqual(cny(0));
  });

  it('always reconciles: revenue lines add up to the deal, installments to each share', () => {
    const splitsArb = fc
      .uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 })
      .chain((people) =>
        fc
          .array(fc.integer({ min: 0, max: 1_000 }), {
            minLength: people.length,
            maxLength: people.length,
          })
          .map((weights) => {
            const sum = weights.reduce((a, b) => a + b, 0);
            const shares =
              sum === 0
                ? allocateMoney(
                    cny(10_000),
                    weights.map(() => 1),
                  )
                : allocateMoney(cny(10_000), weights);
            return people.map((n, i) => revenue(personId(n), shares[i]?.amountMinor ?? 0));
          }),
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900_000_000_000 }),
        fc.integer({ min: -100, max: 100 }),
        splitsArb,
        fc.integer({ min: 1, max: 36 }),
        (value, marginPct, splits, spread) => {
          const deal = wonDeal(1, {
            value: cny(value),
            outcomeDate: '2026-07-31',
            splits,
            marginPct,
          });
          const lines = creditDeal(
            deal,
            { kind: 'month', fiscalYear: 2026, index: 4 },
            spread,
            'half_even',
          );
          expect(lines.reduce((sum, line) => sum + line.revenue.amountMinor, 0)).toBe(value);
          expect(lines.reduce((sum, line) => sum + line.margin.amountMinor, 0)).toBe(
            dealMargin(deal, 'half_even').amountMinor,
          );
          for (const split of splits) {
            const mine = lines.filter((line) => line.personId === split.personId);
            expect(mine).toHaveLength(spread);
            const amounts = mine.map((line) => line.revenue.amountMinor);
            // Even: installments differ by at most one minor unit.
            expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('spreads to the minor unit, negative amounts too', () => {
    expect(spreadEvenly(cny(100), 3)).toEqual([cny(34), cny(33), cny(33)]);
    expect(spreadEvenly(cny(-100), 3)).toEqual([cny(-34), cny(-33), cny(-33)]);
    expect(spreadEvenly(money(7, 'JPY'), 7)).toEqual(
      Array.from({ length: 7 }, () => money(1, 'JPY')),
    );
    expect(() => spreadEvenly(cny(1), 0)).toThrow(RangeError);
  });
});
