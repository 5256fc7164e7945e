import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CostCategory } from '@shared/domain/cost';
import { COST_CATEGORIES } from '@shared/domain/cost';
import { budgetLineIdSchema, costEntryIdSchema, timeEntryIdSchema } from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import {
  dealCostFigures,
  laborRate,
  planProgressPct,
  type CostPerson,
  type CostTask,
  type DealCostInput,
} from '@shared/cost/rollup';
import { assign, d, personId, roleId, task } from '../resources/fixtures';

const cny = (amountMinor: number, currency = 'CNY'): Money => ({ amountMinor, currency });
let serial = 0;
const nextId = () => `00000009-0000-4000-8000-${(serial++).toString(16).padStart(12, '0')}`;

const budget = (category: CostCategory, amountMinor: number, currency = 'CNY') => ({
  id: budgetLineIdSchema.parse(nextId()),
  category,
  amount: cny(amountMinor, currency),
  deletedAt: null,
});
const cost = (category: CostCategory, date: string, amountMinor: number, currency = 'CNY') => ({
  id: costEntryIdSchema.parse(nextId()),
  category,
  date: d(date),
  amount: cny(amountMinor, currency),
  deletedAt: null,
});
const time = (who: string, date: string, hours: number) => ({
  id: timeEntryIdSchema.parse(nextId()),
  personId: personId(who),
  date: d(date),
  hours,
  deletedAt: null,
});
const costPerson = (
  label: string,
  role: string,
  rateMinor: number,
  currency = 'CNY',
): CostPerson => ({
  id: personId(label),
  roleIds: [roleId(role)],
  costRate: cny(rateMinor, currency),
  deletedAt: null,
});
function planTask(
  label: string,
  durationDays: number,
  progress: number,
  parent: string | null = null,
): CostTask {
  return {
    ...task(label, 'deal', '2026-03-02', '2026-03-13'),
    name: label,
    requiredRoleId: null,
    parentId: parent === null ? null : task(parent, 'deal', '2026-03-02', '2026-03-02').id,
    durationDays,
    progress,
  };
}

const writing = planTask('writing', 5, 50);
const pricing = planTask('pricing', 10, 20);
const handIn = planTask('hand-in', 0, 100);

function scenario(overrides: Partial<DealCostInput> = {}): DealCostInput {
  return {
    // CNY 1,000,000.00 at Pwin 40 % and 25 % margin.
    deal: { value: cny(100_000_000), pwin: 40, expectedMarginPct: 25 },
    budgetLines: [
      budget('labor', 2_000_000),
      budget('travel', 500_000),
      budget('bid_bond_fees', 1_000_000),
      budget('other', 999, 'USD'),
    ],
    costEntries: [
      cost('travel', '2026-03-05', 320_000),
      cost('travel', '2026-03-06', -20_000), // a refund
      cost('bid_bond_fees', '2026-03-09', 1_000_000),
      cost('travel', '2026-03-15', 400_000), // booked for later
      cost('production', '2026-03-08', 150_000), // nothing budgeted
      cost('other', '2026-03-01', 5_000, 'USD'),
    ],
    timeEntries: [
      time('ann', '2026-03-02', 8),
      time('bob', '2026-03-03', 2.5),
      time('ann', '2026-03-20', 4), // after today: not spent yet
    ],
    assignments: [assign('ann', writing, 40), assign('bob', pricing, 10, 'pricer')],
    tasks: [writing, pricing, handIn],
    // Bob has no rate of his own: the pricer role's 450.50 applies.
    people: [costPerson('ann', 'writer', 30_000), costPerson('bob', 'pricer', 0)],
    roles: [
      { id: roleId('writer'), defaultRate: cny(20_000) },
      { id: roleId('pricer'), defaultRate: cny(45_050) },
    ],
    today: d('2026-03-10'),
    thresholds: { budgetWarnPct: 100, costOfSaleWarnPct: 3.5 },
    roundingMode: 'half_up',
    ...overrides,
  };
}

describe('dealCostFigures', () => {
  it('rolls up budget, planned labour, actual, EAC, variance and expected value', () => {
    const figures = dealCostFigures(scenario());
    // Budget 20,000 + 5,000 + 10,000 (the USD line is left out).
    expect(figures.budget).toEqual(cny(3_500_000));
    // Ann 40 h × 300.00 = 12,000.00; Bob 10 h × 450.50 = 4,505.00.
    expect(figures.plannedLabor).toEqual(cny(1_650_500));
    // Logged to today: Ann 8 h × 300 = 2,400.00; Bob 2.5 h × 450.50 = 1,126.25.
    expect(figures.actualLabor).toEqual(cny(352_625));
    const travel = figures.byCategory.find((row) => row.category === 'travel');
    // Travel spent 3,200 − 200 = 3,000 of 5,000; 4,000 booked for later exceeds the 2,000 left.
    expect(travel).toMatchObject({
      actual: cny(300_000),
      scheduled: cny(400_000),
      remaining: cny(400_000),
    });
    // Actual: 3,526.25 labour + 3,000 travel + 10,000 bond + 1,500 production.
    expect(figures.actual).toEqual(cny(1_802_625));
    // Remaining: labour 16,505 − 3,526.25 = 12,978.75, travel 4,000.
    expect(figures.remaining).toEqual(cny(1_697_875));
    expect(figures.eac).toEqual(cny(3_500_500));
    expect(figures.variance).toEqual(cny(-500));
    // Committed: planned labour 16,505 + non-labour still to spend 4,000.
    expect(figures.committed).toEqual(cny(2_050_500));
    expect(figures.burnPct).toBeCloseTo((1_802_625 / 3_500_000) * 100, 10);
    // (5 × 50 + 10 × 20 + 1 × 100) / 16.
    expect(figures.progressPct).toBe(34.375);
    expect(figures.costOfSalePct).toBeCloseTo(3.5005, 10);
    // 1,000,000 × 40 % × 25 % = 100,000.00, less 16,978.75 still to spend.
    expect(figures.expectedValue).toEqual(cny(8_302_125));
    // EAC is over the budget (not yet 90 % spent, though).
    expect(figures.warnings).toEqual({
      overBudget: true,
      budgetSpent: false,
      eacOverBudget: true,
      costOfSale: true,
    });
    expect(figures.excluded.map((e) => [e.kind, e.currency])).toEqual([
      ['budget', 'USD'],
      ['cost', 'USD'],
    ]);
  });

  it('warns only from the thresholds on', () => {
    const figures = dealCostFigures(
      scenario({ thresholds: { budgetWarnPct: 101, costOfSaleWarnPct: 3.6 } }),
    );
    expect(figures.warnings).toMatchObject({ overBudget: false, costOfSale: false });
    // EAC 3,500,500 is exactly 3.5005 % of the value: reaching the threshold warns.
    const edge = dealCostFigures(
      scenario({ thresholds: { budgetWarnPct: 100, costOfSaleWarnPct: 3.5005 } }),
    );
    expect(edge.warnings).toMatchObject({ overBudget: true, costOfSale: true });
    // Actual 1,802,625 is 51.5 % of the budget: a 50 % threshold warns that it is being spent.
    const spent = dealCostFigures(
      scenario({ thresholds: { budgetWarnPct: 50, costOfSaleWarnPct: 50 } }),
    );
    expect(spent.warnings.budgetSpent).toBe(true);
    const under = dealCostFigures(
      scenario({ thresholds: { budgetWarnPct: 52, costOfSaleWarnPct: 50 } }),
    );
    expect(under.warnings.budgetSpent).toBe(false);
  });

  it('gives no budget warning for a pursuit exactly on plan', () => {
    const figures = dealCostFigures(
      scenario({
        budgetLines: [budget('travel', 500_000)],
        costEntries: [cost('travel', '2026-03-05', 100_000)],
        timeEntries: [],
        assignments: [],
        thresholds: { budgetWarnPct: 90, costOfSaleWarnPct: 5 },
      }),
    );
    expect(figures.eac).toEqual(figures.budget);
    expect(figures.warnings.overBudget).toBe(false);
  });

  it('uses the labour budget as the plan when nobody is assigned', () => {
    const figures = dealCostFigures(scenario({ assignments: [] }));
    const labor = figures.byCategory.find((row) => row.category === 'labor');
    expect(labor?.plan).toEqual(cny(2_000_000));
    expect(labor?.remaining).toEqual(cny(2_000_000 - 352_625));
    expect(figures.plannedLabor).toEqual(cny(0));
  });

  it('has no burn, cost of sale or warnings without a budget or a value', () => {
    const figures = dealCostFigures(
      scenario({
        deal: { value: cny(0), pwin: 50, expectedMarginPct: 20 },
        budgetLines: [],
        tasks: [],
        assignments: [],
      }),
    );
    expect(figures.burnPct).toBeNull();
    expect(figures.costOfSalePct).toBeNull();
    expect(figures.progressPct).toBeNull();
    expect(figures.warnings).toMatchObject({ overBudget: false, costOfSale: false });
    expect(figures.expectedValue).toEqual(cny(-400_000));
  });

  it('rounds the expected value once with the rounding mode', () => {
    // 0.05 × 50 % × 50 % = 0.0125 → 0.01 (CNY 0.05 is 5 fen: 1.25 fen).
    const base = scenario({
      deal: { value: cny(5), pwin: 50, expectedMarginPct: 50 },
      budgetLines: [],
      costEntries: [],
      timeEntries: [],
      assignments: [],
    });
    expect(dealCostFigures(base).expectedValue).toEqual(cny(1));
    // 0.10 × 50 % × 50 % = 2.5 fen: half up 3, half even 2.
    const tie = { ...base, deal: { value: cny(10), pwin: 50, expectedMarginPct: 50 } };
    expect(dealCostFigures(tie).expectedValue).toEqual(cny(3));
    expect(dealCostFigures({ ...tie, roundingMode: 'half_even' }).expectedValue).toEqual(cny(2));
  });

  it('leaves out labour at a rate in another currency and says so', () => {
    const figures = dealCostFigures(
      scenario({
        people: [costPerson('ann', 'writer', 4_000, 'USD'), costPerson('bob', 'pricer', 0)],
      }),
    );
    expect(figures.plannedLabor).toEqual(cny(450_500));
    expect(figures.excluded.filter((e) => e.kind !== 'budget' && e.kind !== 'cost')).toEqual([
      { kind: 'time', id: expect.any(String), currency: 'USD' },
      { kind: 'labor', id: personId('ann'), currency: 'USD' },
    ]);
  });
});

describe('laborRate and planProgressPct', () => {
  const roles = new Map([[roleId('pricer'), { id: roleId('pricer'), defaultRate: cny(45_050) }]]);
  it('falls back to the named role, then the primary role', () => {
    expect(laborRate(costPerson('bob', 'pricer', 0), null, roles)).toEqual(cny(45_050));
    expect(laborRate(costPerson('ann', 'writer', 0), roleId('pricer'), roles)).toEqual(cny(45_050));
    expect(laborRate(costPerson('ann', 'writer', 0), null, roles)).toEqual(cny(0));
    expect(laborRate(costPerson('ann', 'writer', 100), roleId('pricer'), roles)).toEqual(cny(100));
    expect(laborRate(undefined, null, roles)).toBeNull();
  });
  it('weights leaf tasks by duration and skips summaries', () => {
    const summary = planTask('phase', 20, 0);
    const child = planTask('child', 4, 75, 'phase');
    expect(planProgressPct([summary, child, writing])).toBe((4 * 75 + 5 * 50) / 9);
  });
});

describe('dealCostFigures laws', () => {
  const category = fc.constantFrom(...COST_CATEGORIES);
  const day = fc.integer({ min: 1, max: 28 }).map((n) => `2026-03-${String(n).padStart(2, '0')}`);
  const input = fc.record({
    budgets: fc.array(fc.tuple(category, fc.integer({ min: 0, max: 10_000_000 })), {
      maxLength: 8,
    }),
    costs: fc.array(fc.tuple(category, day, fc.integer({ min: -1_000_000, max: 10_000_000 })), {
      maxLength: 12,
    }),
    times: fc.array(fc.tuple(fc.constantFrom('ann', 'bob'), day, fc.integer({ min: 1, max: 96 })), {
      maxLength: 8,
    }),
    hours: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 2 }),
    value: fc.integer({ min: 0, max: 1_000_000_000 }),
    pwin: fc.integer({ min: 0, max: 100 }),
    margin: fc.integer({ min: -100, max: 100 }),
  });

  it('EAC ≥ actual, variance + EAC = budget, EAC = actual + remaining', () => {
    fc.assert(
      fc.property(input, (x) => {
        const figures = dealCostFigures(
          scenario({
            deal: { value: cny(x.value), pwin: x.pwin, expectedMarginPct: x.margin },
            budgetLines: x.budgets.map(([c, amount]) => budget(c, amount)),
            costEntries: x.costs.map(([c, date, amount]) => cost(c, date, amount)),
            timeEntries: x.times.map(([who, date, quarters]) => time(who, date, quarters / 4)),
            assignments: [
              assign('ann', writing, x.hours[0] ?? 0),
              assign('bob', pricing, x.hours[1] ?? 0),
            ],
          }),
        );
        expect(figures.eac.amountMinor).toBeGreaterThanOrEqual(figures.actual.amountMinor);
        expect(figures.variance.amountMinor + figures.eac.amountMinor).toBe(
          figures.budget.amountMinor,
        );
        expect(figures.eac.amountMinor).toBe(
          figures.actual.amountMinor + figures.remaining.amountMinor,
        );
        const sum = (pick: (row: (typeof figures.byCategory)[number]) => Money) =>
          figures.byCategory.reduce((total, row) => total + pick(row).amountMinor, 0);
        expect(sum((row) => row.budget)).toBe(figures.budget.amountMinor);
        expect(sum((row) => row.actual)).toBe(figures.actual.amountMinor);
      }),
    );
  });

  it('spending exactly the budget, with nothing assigned or booked, lands on budget', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(category, fc.integer({ min: 0, max: 10_000_000 })), { maxLength: 8 }),
        (lines) => {
          const figures = dealCostFigures(
            scenario({
              budgetLines: lines.map(([c, amount]) => budget(c, amount)),
              costEntries: lines.map(([c, amount]) => cost(c, '2026-03-01', amount)),
              timeEntries: [],
              assignments: [],
            }),
          );
          expect(figures.eac).toEqual(figures.budget);
          expect(figures.variance).toEqual(cny(0));
          expect(figures.remaining).toEqual(cny(0));
        },
      ),
    );
  });

  it('an extra cost entry never lowers EAC', () => {
    fc.assert(
      fc.property(category, day, fc.integer({ min: 0, max: 5_000_000 }), (c, date, amount) => {
        const before = dealCostFigures(scenario());
        const after = dealCostFigures(
          scenario({ costEntries: [...scenario().costEntries, cost(c, date, amount)] }),
        );
        expect(after.eac.amountMinor).toBeGreaterThanOrEqual(before.eac.amountMinor);
      }),
    );
  });
});
