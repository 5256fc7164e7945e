import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commissionAssignmentSchema } from '@shared/domain/commission';
import { commissionAdjustmentSchema } from '@shared/domain/commission-adjustment';
import type { CommissionAdjustmentRecord } from '@shared/domain/commission-adjustment';
import { diffStatements } from '@shared/compensation/statement';
import type { CommissionAssignment } from '@shared/domain/commission';
import type { Deal } from '@shared/domain/deal';
import {
  commissionAssignmentIdSchema,
  commissionPlanIdSchema,
  targetIdSchema,
  teamIdSchema,
} from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import type { Period } from '@shared/domain/period';
import { targetSchema } from '@shared/domain/target';
import type { Target } from '@shared/domain/target';
import { creditTotalsByPerson } from '@shared/compensation/credit';
import { periodsOfYear } from '@shared/compensation/periods';
import {
  allocationCandidates,
  attainmentRows,
  creditSpreadOf,
  findTeamTarget,
  monthlyCredit,
  personStatement,
  planFor,
  proposeClawback,
  statementAdjustments,
  wonThenClosed,
} from '@shared/compensation/workspace';
import { ALICE, BOB, cny, plan, wonDeal } from './fixtures';

const AT = Date.UTC(2026, 0, 5);
const Q1: Period = { kind: 'quarter', fiscalYear: 2026, index: 1 };
const Q2: Period = { kind: 'quarter', fiscalYear: 2026, index: 2 };
const Q3: Period = { kind: 'quarter', fiscalYear: 2026, index: 3 };
const TEAM = teamIdSchema.parse('00000000-0000-4001-8000-000000000001');

let nextTarget = 1;
function target(fields: Partial<Target> & Pick<Target, 'period' | 'amount'>): Target {
  return targetSchema.parse({
    id: targetIdSchema.parse(`00000000-0000-4002-8000-${String(nextTarget++).padStart(12, '0')}`),
    createdAt: AT,
    updatedAt: AT,
    rev: 1,
    deletedAt: null,
    personId: ALICE,
    teamId: null,
    basis: 'revenue',
    parentTargetId: null,
    allocationMethod: null,
    note: '',
    ...fields,
  });
}

function spreadDeal(n: number, value: Money, outcomeDate: string, months: number): Deal {
  return { ...wonDeal(n, { value, outcomeDate }), creditSpreadMonths: months };
}

describe('monthlyCredit', () => {
  it('credits a deal in the month it was won, or spread evenly over its months', () => {
    // 1 200.00 won on 15 May, spread over 3 months: 400.00 in May, June and July.
    const credit = monthlyCredit([spreadDeal(1, cny(120_000), '2026-05-15', 3)], 1, 'half_up');
    expect(credit.lines.map((line) => [line.period.index, line.revenue.amountMinor])).toEqual([
      [5, 40_000],
      [6, 40_000],
      [7, 40_000],
    ]);
    // Q2 (April–June) holds May and June; Q3 holds July.
    expect(creditTotalsByPerson(credit.lines, Q2, 'revenue', 'CNY').get(ALICE)).toEqual(
      cny(80_000),
    );
    expect(creditTotalsByPerson(credit.lines, Q3, 'revenue', 'CNY').get(ALICE)).toEqual(
      cny(40_000),
    );
  });

  it('treats a deal without a spread as one month', () => {
    expect(creditSpreadOf(wonDeal(1, { value: cny(1), outcomeDate: '2026-01-01' }))).toBe(1);
  });

  it('credits exactly the deal value whatever the spread (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 12 }),
        (value, months, startMonth) => {
          const credit = monthlyCredit(
            [spreadDeal(1, cny(value), '2026-03-31', months)],
            startMonth,
            'half_up',
          );
          expect(credit.lines).toHaveLength(months);
          expect(credit.lines.reduce((sum, line) => sum + line.revenue.amountMinor, 0)).toBe(value);
        },
      ),
    );
  });
});

describe('allocationCandidates', () => {
  it("takes last period's bookings and target, the weighted pipeline and hand-set amounts", () => {
    const deals = [
      // Won in February (Q1): 300.00, split 2/3 to Alice and 1/3 to Bob.
      wonDeal(1, {
        value: cny(30_000),
        outcomeDate: '2026-02-10',
        splits: [
          { personId: ALICE, kind: 'revenue', shareBp: 6_667 },
          { personId: BOB, kind: 'revenue', shareBp: 3_333 },
        ],
      }),
      // Open, 1 000.00 at 50 %: 500.00 of weighted pipeline for Bob, its owner.
      wonDeal(2, { value: cny(100_000), outcomeDate: '2026-05-01', owner: BOB, status: 'open' }),
    ];
    const targets = [target({ period: Q1, amount: cny(40_000) })];
    const candidates = allocationCandidates({
      people: [{ id: ALICE }, { id: BOB }],
      deals,
      accounts: [],
      targets,
      credit: monthlyCredit(deals, 1, 'half_up'),
      period: Q2,
      basis: 'revenue',
      currency: 'CNY',
      manual: new Map([[BOB, cny(12_345)]]),
    });
    expect(candidates).toEqual([
      {
        personId: ALICE,
        potential: cny(0),
        lastPeriodBookings: cny(20_001),
        lastPeriodTarget: cny(40_000),
        weightedPipeline: cny(0),
        manual: null,
      },
      {
        personId: BOB,
        potential: cny(0),
        lastPeriodBookings: cny(9_999),
        lastPeriodTarget: null,
        weightedPipeline: cny(50_000),
        manual: cny(12_345),
      },
    ]);
  });
});

describe('attainmentRows', () => {
  it("sets each person's credit in the period against their own target", () => {
    const deals = [wonDeal(1, { value: cny(80_000), outcomeDate: '2026-04-30' })];
    const rows = attainmentRows({
      people: [{ id: ALICE }, { id: BOB }],
      targets: [
        target({ period: Q2, amount: cny(100_000) }),
        // A deleted target and another period's do not count.
        { ...target({ period: Q2, amount: cny(1) }), deletedAt: AT },
        target({ period: Q1, amount: cny(5), personId: BOB }),
      ],
      credit: monthlyCredit(deals, 1, 'half_up'),
      period: Q2,
      basis: 'revenue',
      currency: 'CNY',
    });
    expect(rows).toEqual([
      { personId: ALICE, target: cny(100_000), credited: cny(80_000), attainmentBp: 8_000 },
      { personId: BOB, target: null, credited: cny(0), attainmentBp: null },
    ]);
  });
});

describe('findTeamTarget', () => {
  it('finds the live team target of the period and basis, the latest if several', () => {
    const older = target({ period: Q2, amount: cny(1), personId: null, teamId: TEAM });
    const newer = {
      ...older,
      id: targetIdSchema.parse(`00000000-0000-4002-8000-000000009999`),
      updatedAt: AT + 1,
      amount: cny(2),
    };
    const deleted = {
      ...newer,
      id: targetIdSchema.parse(`00000000-0000-4002-8000-000000009998`),
      updatedAt: AT + 2,
      deletedAt: AT + 2,
    };
    expect(findTeamTarget([older, newer, deleted], TEAM, Q2, 'revenue')).toBe(newer);
    expect(findTeamTarget([older], TEAM, Q3, 'revenue')).toBeNull();
    expect(findTeamTarget([older], TEAM, Q2, 'margin')).toBeNull();
  });
});

describe('planFor', () => {
  const flat = plan({ kind: 'flat', flatRateBp: 500 });
  const other = {
    ...flat,
    id: commissionPlanIdSchema.parse('00000001-0000-4000-8000-000000000002'),
  };
  const assignment = (n: number, fields: Partial<CommissionAssignment>): CommissionAssignment =>
    commissionAssignmentSchema.parse({
      id: commissionAssignmentIdSchema.parse(
        `00000000-0000-4003-8000-${String(n).padStart(12, '0')}`,
      ),
      createdAt: AT,
      updatedAt: AT,
      rev: 1,
      deletedAt: null,
      personId: ALICE,
      planId: flat.id,
      fiscalYear: 2026,
      ...fields,
    });

  it("finds the person's plan for the fiscal year, the latest assignment if several", () => {
    const assignments = [
      assignment(1, {}),
      assignment(2, { planId: other.id, updatedAt: AT + 1 }),
      assignment(3, { fiscalYear: 2027, updatedAt: AT + 5 }),
    ];
    expect(planFor(assignments, [flat, other], ALICE, 2026)?.plan.id).toBe(other.id);
    expect(planFor(assignments, [flat, other], BOB, 2026)).toBeNull();
  });

  it('ignores assignments in the trash and plans in the trash', () => {
    expect(planFor([assignment(1, { deletedAt: AT })], [flat], ALICE, 2026)).toBeNull();
    expect(planFor([assignment(1, {})], [{ ...flat, deletedAt: AT }], ALICE, 2026)).toBeNull();
  });
});

describe('personStatement', () => {
  it("carries a recoverable draw from the year's earlier periods into this one", () => {
    // 5 % flat with a recoverable draw of 1 000.00 per quarter.
    const drawPlan = plan({
      kind: 'flat',
      flatRateBp: 500,
      draw: { kind: 'recoverable', amountPerPeriod: cny(100_000) },
    });
    // Nothing in Q1: the draw pays 1 000.00 and is owed. 100 000.00 won in Q2 earns 5 000.00;
    // 1 000.00 of it pays back the Q1 draw: 4 000.00 is paid.
    const deals = [wonDeal(1, { value: cny(10_000_000), outcomeDate: '2026-05-20' })];
    const statement = personStatement({
      plan: drawPlan,
      personId: ALICE,
      period: Q2,
      credit: monthlyCredit(deals, 1, 'half_up'),
      targets: [],
      roundingMode: 'half_up',
    });
    expect(statement.earnings).toEqual(cny(500_000));
    expect(statement.draw).toMatchObject({
      balanceBefore: cny(100_000),
      recovered: cny(100_000),
      topUp: cny(0),
      balanceAfter: cny(0),
    });
    expect(statement.payout).toEqual(cny(400_000));
    expect(periodsOfYear(2026, 'quarter')).toHaveLength(4);
  });

  it("uses the person's own target for the period on the plan's basis", () => {
    const deals = [wonDeal(1, { value: cny(50_000), outcomeDate: '2026-01-20' })];
    const statement = personStatement({
      plan: plan({ kind: 'flat', flatRateBp: 1_000 }),
      personId: ALICE,
      period: Q1,
      credit: monthlyCredit(deals, 1, 'half_up'),
      targets: [
        target({ period: Q1, amount: cny(200_000) }),
        target({ period: Q1, amount: cny(1), basis: 'margin' }),
      ],
      roundingMode: 'half_up',
    });
    expect(statement.target).toEqual(cny(200_000));
    expect(statement.attainmentBp).toBe(2_500);
    expect(statement.payout).toEqual(cny(5_000));
  });
});

describe('stored adjustments on statements', () => {
  const record = (
    fields: Pick<CommissionAdjustmentRecord, 'period' | 'kind' | 'amount' | 'reason'> &
      Partial<CommissionAdjustmentRecord>,
  ): CommissionAdjustmentRecord =>
    commissionAdjustmentSchema.parse({
      id: `00000000-0000-4009-8000-${String(nextTarget++).padStart(12, '0')}`,
      createdAt: AT,
      updatedAt: AT,
      rev: 1,
      deletedAt: null,
      personId: ALICE,
      dealId: null,
      ...fields,
    });

  it('counts the person’s live adjustments of the period and of months inside it', () => {
    const may: Period = { kind: 'month', fiscalYear: 2026, index: 5 };
    const rows = [
      record({ period: Q2, kind: 'payout', amount: cny(-5_000), reason: 'recovery' }),
      record({ period: may, kind: 'credit', amount: cny(-100_000), reason: 'clawback' }),
      record({ period: Q3, kind: 'payout', amount: cny(9_999), reason: 'next quarter' }),
      record({ period: Q2, kind: 'payout', amount: cny(1), reason: 'bob', personId: BOB }),
      record({ period: Q2, kind: 'payout', amount: cny(2), reason: 'gone', deletedAt: AT }),
    ];
    expect(statementAdjustments(rows, ALICE, Q2).map((a) => a.reason)).toEqual([
      'recovery',
      'clawback',
    ]);
    // A flat 10 % plan on 5 000.00 won in May: the clawback lowers credit to 4 000.00 (400.00
    // earned), the recovery takes 50.00 off after: 350.00.
    const credit = monthlyCredit(
      [wonDeal(1, { value: cny(500_000), outcomeDate: '2026-05-10' })],
      1,
      'half_up',
    );
    const statement = personStatement({
      plan: plan({ kind: 'flat', flatRateBp: 1_000 }),
      personId: ALICE,
      period: Q2,
      credit,
      targets: [],
      roundingMode: 'half_up',
      adjustments: rows,
    });
    expect(statement.credited).toEqual(cny(400_000));
    expect(statement.payout).toEqual(cny(35_000));
    const without = personStatement({
      plan: plan({ kind: 'flat', flatRateBp: 1_000 }),
      personId: ALICE,
      period: Q2,
      credit,
      targets: [],
      roundingMode: 'half_up',
    });
    const diff = diffStatements(without, statement);
    expect(diff.changed).toBe(true);
    expect(diff.payoutDelta).toEqual(cny(-15_000));
    expect(diff.adjustments.map((c) => [c.change, c.adjustment.reason])).toEqual([
      ['added', 'clawback'],
      ['added', 'recovery'],
    ]);
    expect(diffStatements(statement, without).adjustments.map((c) => c.change)).toEqual([
      'removed',
      'removed',
    ]);
  });
});

describe('clawback of a deal won and then cancelled', () => {
  const cancelled = wonDeal(7, {
    value: cny(300_000),
    outcomeDate: '2026-08-01',
    status: 'cancelled',
    splits: [
      { personId: ALICE, kind: 'revenue', shareBp: 6_000 },
      { personId: BOB, kind: 'revenue', shareBp: 4_000 },
    ],
  });
  const change = (at: number, changes: { field: string; old: string; new: string }[]) =>
    ({
      dealId: cancelled.id,
      at,
      system: { table: 'deals', entityId: cancelled.id, action: 'update', changes },
    }) as unknown as Parameters<typeof wonThenClosed>[1][number];

  it('finds the day it was won in its trail and takes back the credit paid on', () => {
    const trail = [
      change(Date.UTC(2026, 7, 1), [{ field: 'status', old: 'won', new: 'cancelled' }]),
      change(Date.UTC(2026, 4, 20), [
        { field: 'status', old: 'open', new: 'won' },
        { field: 'outcomeDate', old: '', new: '2026-05-18' },
      ]),
    ];
    const wonOn = wonThenClosed([cancelled], trail, () => '2000-01-01' as never);
    expect(wonOn.get(cancelled.id)).toBe('2026-05-18');
    // Alice had 60 % of 3 000.00 credited in May: 1 800.00 comes back on her Q3 statement.
    const proposal = proposeClawback({
      deal: cancelled,
      wonOn: '2026-05-18' as never,
      personId: ALICE,
      period: Q3,
      basis: 'revenue',
      currency: 'CNY',
      fiscalYearStartMonth: 1,
      roundingMode: 'half_up',
      reason: 'cancelled',
    });
    expect(proposal).toEqual({
      kind: 'credit',
      amount: cny(-180_000),
      reason: 'cancelled',
      dealId: cancelled.id,
    });
    // Nothing to take back before it was credited, nor from someone never credited.
    expect(
      proposeClawback({
        deal: cancelled,
        wonOn: '2026-05-18' as never,
        personId: ALICE,
        period: Q1,
        basis: 'revenue',
        currency: 'CNY',
        fiscalYearStartMonth: 1,
        roundingMode: 'half_up',
        reason: 'x',
      }),
    ).toBeNull();
    // A deal lost without ever being won has no clawback.
    expect(wonThenClosed([cancelled], trail.slice(0, 1), () => '2000-01-01' as never).size).toBe(0);
  });
});
