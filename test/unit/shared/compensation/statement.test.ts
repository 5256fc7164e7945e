import { describe, expect, it } from 'vitest';
import type { CommissionPlan } from '@shared/domain/commission';
import type { Period } from '@shared/domain/period';
import type { RoundingMode } from '@shared/domain/money';
import { money } from '@shared/domain/money';
import { creditWonDeals } from '@shared/compensation/credit';
import type { CommissionAdjustment, CreditLine } from '@shared/compensation/credit';
import {
  computeStatement,
  computeStatementSeries,
  diffStatements,
} from '@shared/compensation/statement';
import type { CommissionStatement } from '@shared/compensation/statement';
import { periodsOfYear } from '@shared/compensation/periods';
import { ALICE, BOB, cny, dealId, plan, wonDeal } from './fixtures';

/**
 * Worked examples in CNY fen (1.00 = 100). The usual target is 1 000 000.00 = 100 000 000 fen.
 * Fiscal year from January; the plans pay per quarter; Q1 of FY2026 is January–March 2026.
 */
const Q1: Period = { kind: 'quarter', fiscalYear: 2026, index: 1 };
const TARGET = { amount: cny(100_000_000), basis: 'revenue' } as const;

/** Tiers: 2 % from 0 %, 4 % from 50 %, 6 % from 100 %. */
const TIERS = [
  { fromAttainmentPct: 0, rateBp: 200 },
  { fromAttainmentPct: 50, rateBp: 400 },
  { fromAttainmentPct: 100, rateBp: 600 },
];
const marginal = plan({ tiers: TIERS, tierMode: 'marginal' });
const retroactive = plan({ tiers: TIERS, tierMode: 'retroactive' });

/** One credit line of `amountMinor` for Alice in Q1's first month. */
function credit(amountMinor: number, n = 1): CreditLine {
  return {
    dealId: dealId(n),
    personId: ALICE,
    kind: 'revenue',
    shareBp: 10_000,
    period: { kind: 'month', fiscalYear: 2026, index: 1 },
    installment: 1,
    installments: 1,
    revenue: cny(amountMinor),
    margin: cny(Math.trunc(amountMinor / 4)),
  };
}

function statement(
  commissionPlan: CommissionPlan,
  credited: number,
  options: {
    adjustments?: CommissionAdjustment[];
    roundingMode?: RoundingMode;
    target?: { amount: ReturnType<typeof cny>; basis: 'revenue' | 'margin' } | null;
  } = {},
): CommissionStatement {
  return computeStatement({
    plan: commissionPlan,
    person: { id: ALICE },
    period: Q1,
    credits: credited === 0 ? [] : [credit(credited)],
    target: options.target === undefined ? TARGET : options.target,
    adjustments: options.adjustments ?? [],
    roundingMode: options.roundingMode ?? 'half_up',
  });
}

const stepsOf = (s: CommissionStatement) =>
  s.steps.map((step) => [
    step.fromPct,
    step.amount.amountMinor,
    step.rateBp,
    step.multiplierPct,
    step.earnings.amountMinor,
  ]);

describe('flat plans', () => {
  it('pays one rate on all credit, rounding with the settings’ mode', () => {
    // 1.5 % of 12 345.00 = 185.175 → 185.18 (18 517.5 fen: half-up 18 518, half-even 18 518 — the
    // even neighbour of 18 517.5 is 18 518).
    const flat = plan({ kind: 'flat', flatRateBp: 150 });
    expect(statement(flat, 1_234_500).payout).toEqual(cny(18_518));
    expect(statement(flat, 1_234_500, { roundingMode: 'half_even' }).payout).toEqual(cny(18_518));
    // 1.5 % of 12 335.00 = 18 502.5 fen: half-up 18 503, half-even 18 502.
    expect(statement(flat, 1_233_500).payout).toEqual(cny(18_503));
    expect(statement(flat, 1_233_500, { roundingMode: 'half_even' }).payout).toEqual(cny(18_502));
  });

  it('needs no target unless it has accelerators', () => {
    const flat = plan({ kind: 'flat', flatRateBp: 300 });
    const s = statement(flat, 1_000_000, { target: null });
    // 3 % of 10 000.00 = 300.00.
    expect(s.payout).toEqual(cny(30_000));
    expect(s.attainmentBp).toBeNull();
    expect(s.warnings).toEqual([]);
  });

  it('pays on margin when the plan is on margin', () => {
    // Deal of 10 000 000.00 at 22.5 % margin = 2 250 000.00 margin; 5 % of it = 112 500.00.
    const deal = wonDeal(1, {
      value: cny(1_000_000_000),
      outcomeDate: '2026-02-10',
      marginPct: 22.5,
    });
    const lines = creditWonDeals({
      deals: [deal],
      periodKind: 'month',
      fiscalYearStartMonth: 1,
      roundingMode: 'half_up',
    }).lines;
    const s = computeStatement({
      plan: plan({ kind: 'flat', flatRateBp: 500, basis: 'margin' }),
      person: { id: ALICE },
      period: Q1,
      credits: lines,
      target: null,
      adjustments: [],
      roundingMode: 'half_up',
    });
    expect(s.credited).toEqual(cny(225_000_000));
    expect(s.payout).toEqual(cny(11_250_000));
  });
});

describe('tiered plans: marginal against retroactive on the same numbers', () => {
  it('at 80 % attainment', () => {
    // Credited 800 000.00 = 80 %.
    // Marginal: 0–50 %: 500 000.00 × 2 % = 10 000.00; 50–100 %: 300 000.00 × 4 % = 12 000.00;
    // total 22 000.00.
    const m = statement(marginal, 80_000_000);
    expect(m.attainmentBp).toBe(8_000);
    expect(stepsOf(m)).toEqual([
      [0, 50_000_000, 200, 100, 1_000_000],
      [50, 30_000_000, 400, 100, 1_200_000],
    ]);
    expect(m.payout).toEqual(cny(2_200_000));
    // Retroactive: the 50 % band's 4 % on all 800 000.00 = 32 000.00.
    const r = statement(retroactive, 80_000_000);
    expect(stepsOf(r)).toEqual([[50, 80_000_000, 400, 100, 3_200_000]]);
    expect(r.payout).toEqual(cny(3_200_000));
  });

  it('exactly at 100 % reaches the 100 % band', () => {
    // Marginal: 500 000.00 × 2 % + 500 000.00 × 4 % = 10 000.00 + 20 000.00 = 30 000.00; nothing
    // lies above 100 % yet, so the 6 % band is reached with 0.00 in it.
    const m = statement(marginal, 100_000_000);
    expect(m.attainmentBp).toBe(10_000);
    expect(m.payout).toEqual(cny(3_000_000));
    expect(
      m.bands.map((band) => [band.fromPct, band.amountInBand.amountMinor, band.reached]),
    ).toEqual([
      [0, 50_000_000, true],
      [50, 50_000_000, true],
      [100, 0, true],
    ]);
    expect(m.bands.map((band) => [band.from?.amountMinor, band.to?.amountMinor ?? null])).toEqual([
      [0, 50_000_000],
      [50_000_000, 100_000_000],
      [100_000_000, null],
    ]);
    // Retroactive: 6 % of all 1 000 000.00 = 60 000.00.
    expect(statement(retroactive, 100_000_000).payout).toEqual(cny(6_000_000));
  });

  it('one fen short of 100 % stays in the 50 % band', () => {
    // 999 999.99: attainment 99.999999 % shows as 99.99 % (rounded down, never 100.00 %).
    // Retroactive: 4 % × 99 999 999 fen = 3 999 999.96 → 4 000 000 fen (half-up).
    const r = statement(retroactive, 99_999_999);
    expect(r.attainmentBp).toBe(9_999);
    expect(r.bands[2]?.reached).toBe(false);
    expect(stepsOf(r)).toEqual([[50, 99_999_999, 400, 100, 4_000_000]]);
    // Marginal: 10 000.00 + 4 % × 49 999 999 fen (1 999 999.96 → 2 000 000) = 30 000.00.
    expect(statement(marginal, 99_999_999).payout).toEqual(cny(3_000_000));
  });

  it('pays nothing below a first band that starts above 0 %', () => {
    // A plan whose bands are 0 % → 0 bp, 60 % → 5 %: at 50 % nothing is earned.
    const threshold = plan({
      tiers: [
        { fromAttainmentPct: 0, rateBp: 0 },
        { fromAttainmentPct: 60, rateBp: 500 },
      ],
    });
    expect(statement(threshold, 50_000_000).payout).toEqual(cny(0));
    // At 70 %: 100 000.00 above 60 % × 5 % = 5 000.00.
    expect(statement(threshold, 70_000_000).payout).toEqual(cny(500_000));
  });
});

describe('accelerators', () => {
  const accelerated = (tierMode: 'marginal' | 'retroactive') =>
    plan({
      tiers: TIERS,
      tierMode,
      accelerators: [{ aboveAttainmentPct: 100, multiplierPct: 150 }],
    });

  it('multiply the rate above 100 % (marginal: only the part above)', () => {
    // 1 200 000.00 = 120 %: 10 000.00 + 20 000.00 + 200 000.00 × 6 % × 1.5 (18 000.00) = 48 000.00.
    const m = statement(accelerated('marginal'), 120_000_000);
    expect(stepsOf(m)).toEqual([
      [0, 50_000_000, 200, 100, 1_000_000],
      [50, 50_000_000, 400, 100, 2_000_000],
      [100, 20_000_000, 600, 150, 1_800_000],
    ]);
    expect(m.payout).toEqual(cny(4_800_000));
    // Retroactive: 1 200 000.00 × 6 % × 1.5 = 108 000.00.
    expect(statement(accelerated('retroactive'), 120_000_000).payout).toEqual(cny(10_800_000));
  });

  it('do not apply at exactly 100 %', () => {
    expect(statement(accelerated('marginal'), 100_000_000).payout).toEqual(cny(3_000_000));
    const r = statement(accelerated('retroactive'), 100_000_000);
    expect(stepsOf(r)).toEqual([[100, 100_000_000, 600, 100, 6_000_000]]);
    // One fen over 100 %: the whole credit is accelerated. 100 000 001 × 6 % × 1.5
    // = 9 000 000.09 → 9 000 000.
    expect(statement(accelerated('retroactive'), 100_000_001).payout).toEqual(cny(9_000_000));
  });

  it('split a band where they start between band edges', () => {
    // Accelerator ×2 above 120 %; 1 300 000.00 = 130 %, marginal:
    // 10 000.00 + 20 000.00 + 200 000.00 × 6 % (12 000.00) + 100 000.00 × 6 % × 2 (12 000.00)
    // = 54 000.00.
    const s = statement(
      plan({ tiers: TIERS, accelerators: [{ aboveAttainmentPct: 120, multiplierPct: 200 }] }),
      130_000_000,
    );
    expect(stepsOf(s)).toEqual([
      [0, 50_000_000, 200, 100, 1_000_000],
      [50, 50_000_000, 400, 100, 2_000_000],
      [100, 20_000_000, 600, 100, 1_200_000],
      [120, 10_000_000, 600, 200, 1_200_000],
    ]);
    expect(s.payout).toEqual(cny(5_400_000));
  });

  it('take the highest accelerator reached, not a product of them', () => {
    // ×1.5 above 100 %, ×2 above 150 %; retroactive at 160 %: 1 600 000.00 × 6 % × 2 = 192 000.00.
    const s = statement(
      plan({
        tiers: TIERS,
        tierMode: 'retroactive',
        accelerators: [
          { aboveAttainmentPct: 100, multiplierPct: 150 },
          { aboveAttainmentPct: 150, multiplierPct: 200 },
        ],
      }),
      160_000_000,
    );
    expect(s.payout).toEqual(cny(19_200_000));
  });
});

describe('caps', () => {
  it('limit the earnings of a period and show what was withheld', () => {
    // Retroactive with ×1.5 above 100 % at 120 %: 108 000.00 earned, capped at 50 000.00.
    const capped = plan({
      tiers: TIERS,
      tierMode: 'retroactive',
      accelerators: [{ aboveAttainmentPct: 100, multiplierPct: 150 }],
      cap: cny(5_000_000),
    });
    const s = statement(capped, 120_000_000);
    expect(s.grossEarnings).toEqual(cny(10_800_000));
    expect(s.earnings).toEqual(cny(5_000_000));
    expect(s.capWithheld).toEqual(cny(5_800_000));
    expect(s.payout).toEqual(cny(5_000_000));
    // Under the cap nothing is withheld: 80 % → 32 000.00.
    expect(statement(capped, 80_000_000).capWithheld).toEqual(cny(0));
  });

  it('apply before payout adjustments, so a recovery is not absorbed by the cap', () => {
    const capped = plan({ tiers: TIERS, tierMode: 'retroactive', cap: cny(5_000_000) });
    // 120 % retroactive without accelerator: 72 000.00, capped at 50 000.00, less a 2 500.00
    // recovery of commission paid on a cancelled deal = 47 500.00.
    const s = statement(capped, 120_000_000, {
      adjustments: [
        { kind: 'payout', amount: cny(-250_000), reason: 'Recovery', dealId: dealId(9) },
      ],
    });
    expect(s.earnings).toEqual(cny(5_000_000));
    expect(s.netEarnings).toEqual(cny(4_750_000));
    expect(s.payout).toEqual(cny(4_750_000));
  });
});

describe('negative adjustments', () => {
  it('a clawback of credit lowers attainment and the band reached', () => {
    // Deals credit 600 000.00 (60 %); a cancelled deal takes back 300 000.00 → 300 000.00 (30 %).
    // Marginal: 300 000.00 × 2 % = 6 000.00 (it would have been 10 000.00 + 4 000.00 = 14 000.00).
    const clawback: CommissionAdjustment = {
      kind: 'credit',
      amount: cny(-30_000_000),
      reason: 'Deal cancelled',
      dealId: dealId(7),
    };
    expect(statement(marginal, 60_000_000).payout).toEqual(cny(1_400_000));
    const s = statement(marginal, 60_000_000, { adjustments: [clawback] });
    expect(s.creditedFromDeals).toEqual(cny(60_000_000));
    expect(s.credited).toEqual(cny(30_000_000));
    expect(s.attainmentBp).toBe(3_000);
    expect(s.payout).toEqual(cny(600_000));
  });

  it('a clawback larger than the period’s credit is owed back at the first band’s rate', () => {
    // No new credit, −300 000.00 clawed back: −300 000.00 × 2 % = −6 000.00 to pay back.
    const s = statement(marginal, 0, {
      adjustments: [
        { kind: 'credit', amount: cny(-30_000_000), reason: 'Deal cancelled', dealId: null },
      ],
    });
    expect(s.attainmentBp).toBe(-3_000);
    expect(stepsOf(s)).toEqual([[0, -30_000_000, 200, 100, -600_000]]);
    expect(s.payout).toEqual(cny(-600_000));
  });
});

describe('draws and guarantees', () => {
  const draw = (kind: 'recoverable' | 'non_recoverable') =>
    plan({ kind: 'flat', flatRateBp: 200, draw: { kind, amountPerPeriod: cny(1_000_000) } });
  const year = periodsOfYear(2026, 'quarter');
  // Q1 200 000.00, Q2 1 000 000.00, Q3 600 000.00, Q4 nothing; 2 % flat, draw 10 000.00.
  const credits = [20_000_000, 100_000_000, 60_000_000].map((amount, index) => ({
    ...credit(amount, index + 1),
    period: { kind: 'month', fiscalYear: 2026, index: index * 3 + 1 } as const,
  }));
  const series = (kind: 'recoverable' | 'non_recoverable') =>
    computeStatementSeries({
      plan: draw(kind),
      person: { id: ALICE },
      periods: year,
      credits,
      targetFor: () => TARGET,
      roundingMode: 'half_up',
    }).map((s) => [
      s.earnings.amountMinor,
      s.draw?.topUp.amountMinor,
      s.draw?.recovered.amountMinor,
      s.payout.amountMinor,
      s.draw?.balanceAfter.amountMinor,
    ]);

  it('a recoverable draw tops up a short quarter and is paid back from the next good one', () => {
    // [earned, top-up, recovered, payout, owed after]
    // Q1: earned 4 000.00 < 10 000.00 → paid 10 000.00, 6 000.00 owed.
    // Q2: earned 20 000.00; 10 000.00 above the draw pays back the 6 000.00 → paid 14 000.00.
    // Q3: earned 12 000.00, nothing owed → paid 12 000.00.
    // Q4: earned 0 → paid the 10 000.00 draw, 10 000.00 owed.
    expect(series('recoverable')).toEqual([
      [400_000, 600_000, 0, 1_000_000, 600_000],
      [2_000_000, 0, 600_000, 1_400_000, 0],
      [1_200_000, 0, 0, 1_200_000, 0],
      [0, 1_000_000, 0, 1_000_000, 1_000_000],
    ]);
  });

  it('a guarantee tops up without ever being paid back', () => {
    expect(series('non_recoverable')).toEqual([
      [400_000, 600_000, 0, 1_000_000, 0],
      [2_000_000, 0, 0, 2_000_000, 0],
      [1_200_000, 0, 0, 1_200_000, 0],
      [0, 1_000_000, 0, 1_000_000, 0],
    ]);
  });

  it('recovers only what exceeds the draw when earnings are just above it', () => {
    // Owed 6 000.00; earned 11 000.00: only 1 000.00 is above the draw, so 1 000.00 is recovered
    // and 10 000.00 paid; 5 000.00 is still owed.
    const s = computeStatement({
      plan: draw('recoverable'),
      person: { id: ALICE },
      period: Q1,
      credits: [credit(55_000_000)],
      target: TARGET,
      adjustments: [],
      roundingMode: 'half_up',
      drawBalance: cny(600_000),
    });
    expect(s.draw).toMatchObject({
      recovered: cny(100_000),
      balanceAfter: cny(500_000),
    });
    expect(s.payout).toEqual(cny(1_000_000));
  });
});

describe('what a statement leaves out, and says so', () => {
  it('keeps to the person and the period, and flags credit it cannot add', () => {
    const lines: CreditLine[] = [
      credit(1_000),
      { ...credit(2_000, 2), personId: BOB },
      { ...credit(4_000, 3), period: { kind: 'month', fiscalYear: 2026, index: 4 } },
      { ...credit(8_000, 4), revenue: money(8_000, 'USD') },
    ];
    const s = computeStatement({
      plan: marginal,
      person: { id: ALICE },
      period: Q1,
      credits: lines,
      target: TARGET,
      adjustments: [],
      roundingMode: 'half_up',
    });
    expect(s.credits.map((row) => row.dealId)).toEqual([dealId(1)]);
    expect(s.credited).toEqual(cny(1_000));
    expect(s.warnings).toEqual([{ code: 'credit_currency_excluded', dealIds: [dealId(4)] }]);
  });

  it('pays a tiered plan without a target at its first rate and warns', () => {
    const s = statement(marginal, 80_000_000, { target: null });
    expect(s.warnings).toEqual([{ code: 'no_target' }]);
    expect(stepsOf(s)).toEqual([[0, 80_000_000, 200, 100, 1_600_000]]);
  });

  it('does not measure a margin plan against a revenue target', () => {
    const s = statement(plan({ tiers: TIERS, basis: 'margin' }), 80_000_000);
    expect(s.warnings).toEqual([
      { code: 'target_basis_mismatch', targetBasis: 'revenue' },
      { code: 'no_target' },
    ]);
  });
});

describe('recomputing after a late change', () => {
  const deals = (splitBob: boolean) => [
    wonDeal(1, {
      value: cny(60_000_000),
      outcomeDate: '2026-02-10',
      splits: splitBob
        ? [
            { personId: ALICE, kind: 'revenue', shareBp: 5_000 },
            { personId: BOB, kind: 'revenue', shareBp: 5_000 },
          ]
        : [{ personId: ALICE, kind: 'revenue', shareBp: 10_000 }],
    }),
    wonDeal(2, { value: cny(40_000_000), outcomeDate: '2026-03-01' }),
  ];
  const run = (splitBob: boolean) =>
    computeStatement({
      plan: marginal,
      person: { id: ALICE },
      period: Q1,
      credits: creditWonDeals({
        deals: deals(splitBob),
        periodKind: 'month',
        fiscalYearStartMonth: 1,
        roundingMode: 'half_up',
      }).lines,
      target: TARGET,
      adjustments: [],
      roundingMode: 'half_up',
    });

  it('shows nothing changed when nothing did', () => {
    const diff = diffStatements(run(false), run(false));
    expect(diff.changed).toBe(false);
    expect(diff.figures).toEqual([]);
    expect(diff.payoutDelta).toEqual(cny(0));
  });

  it('shows the moved figures, the re-split deal and the payout difference', () => {
    // Before: 600 000.00 + 400 000.00 = 100 % → 30 000.00.
    // After Bob takes half of deal 1: 300 000.00 + 400 000.00 = 70 % → 10 000.00 + 8 000.00
    // = 18 000.00; 12 000.00 less to pay.
    const diff = diffStatements(run(false), run(true));
    expect(diff.changed).toBe(true);
    expect(diff.attainment).toEqual({ previousBp: 10_000, currentBp: 7_000 });
    expect(diff.figures.map((f) => [f.figure, f.delta.amountMinor])).toEqual([
      ['credited', -30_000_000],
      ['grossEarnings', -1_200_000],
      ['earnings', -1_200_000],
      ['netEarnings', -1_200_000],
      ['payout', -1_200_000],
    ]);
    expect(diff.credits).toMatchObject([
      {
        change: 'changed',
        delta: cny(-30_000_000),
        current: { dealId: dealId(1), shareBp: 5_000 },
      },
    ]);
    expect(diff.payoutDelta).toEqual(cny(-1_200_000));
    expect(diff.stepsChanged).toBe(true);
  });

  it('lists a deal that left the period', () => {
    const before = run(false);
    const after = computeStatement({
      plan: marginal,
      person: { id: ALICE },
      period: Q1,
      credits: [],
      target: TARGET,
      adjustments: [],
      roundingMode: 'half_up',
    });
    const diff = diffStatements(before, after);
    expect(diff.credits.map((c) => c.change)).toEqual(['removed', 'removed']);
    expect(diff.payoutDelta).toEqual(cny(-3_000_000));
  });

  it('refuses to compare different people or periods', () => {
    const a = run(false);
    expect(() => diffStatements(a, { ...a, personId: BOB })).toThrow(RangeError);
  });
});
