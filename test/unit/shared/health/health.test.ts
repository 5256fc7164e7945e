import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanDate } from '@shared/domain/dates';
import { defaultThresholds } from '@shared/domain/defaults';
import type { DealId } from '@shared/domain/ids';
import type { HealthFacts, HealthReason } from '@shared/health/health';
import {
  compareHealthLevels,
  dealHealth,
  levelOfReasons,
  portfolioHealth,
} from '@shared/health/health';

const d = parsePlanDate;
const TODAY = d('2026-03-11');
const T = defaultThresholds('CNY');

function facts(over: Partial<HealthFacts> = {}): HealthFacts {
  return {
    dealId: 'deal-1' as DealId,
    milestones: [],
    submissionSlackDays: null,
    cost: { currency: 'CNY', valueMinor: 0, budgetMinor: 0, actualMinor: 0, eacMinor: 0 },
    exposure: { amountMinor: 0, currency: 'CNY' },
    risks: [],
    overAllocatedPeople: 0,
    pwin: { current: 50, reference: null },
    lastActivity: TODAY,
    ...over,
  };
}

const codes = (f: HealthFacts) => dealHealth(f, T, TODAY).reasons.map((r) => r.code);

describe('dealHealth rules', () => {
  it('is green with no reasons', () => {
    expect(dealHealth(facts(), T, TODAY)).toEqual({ level: 'green', reasons: [] });
  });

  it('milestones late beyond the tolerance are amber; within it, nothing', () => {
    const within = facts({ milestones: [{ name: 'Red team', lateDays: 2, overdueDays: 0 }] });
    expect(codes(within)).toEqual([]);
    const health = dealHealth(
      facts({
        milestones: [
          { name: 'Red team', lateDays: 3, overdueDays: 0 },
          { name: 'Submission', lateDays: 6, overdueDays: 0 },
        ],
      }),
      T,
      TODAY,
    );
    expect(health.level).toBe('amber');
    expect(health.reasons).toEqual([
      { code: 'milestoneLate', severity: 'amber', count: 2, milestone: 'Submission', days: 6 },
    ]);
  });

  it('an overdue milestone is amber', () => {
    const health = dealHealth(
      facts({ milestones: [{ name: 'Q&A', lateDays: 0, overdueDays: 1 }] }),
      T,
      TODAY,
    );
    expect(health.level).toBe('amber');
    expect(health.reasons[0]).toMatchObject({ code: 'milestoneOverdue', days: 1, count: 1 });
  });

  it('submission slack: amber at the warning, red below zero, nothing above', () => {
    expect(codes(facts({ submissionSlackDays: 4 }))).toEqual([]);
    expect(dealHealth(facts({ submissionSlackDays: 3 }), T, TODAY).level).toBe('amber');
    expect(dealHealth(facts({ submissionSlackDays: 0 }), T, TODAY).level).toBe('amber');
    const late = dealHealth(facts({ submissionSlackDays: -2 }), T, TODAY);
    expect(late.level).toBe('red');
    expect(late.reasons[0]).toEqual({ code: 'submissionAtRisk', severity: 'red', slackDays: -2 });
  });

  it('budget: amber at the warning share or a forecast overrun, red when actual passes it', () => {
    const cost = (actualMinor: number, eacMinor: number) =>
      facts({ cost: { currency: 'CNY', valueMinor: 0, budgetMinor: 1000, actualMinor, eacMinor } });
    expect(codes(cost(899, 1000))).toEqual([]);
    expect(dealHealth(cost(900, 1000), T, TODAY).level).toBe('amber');
    expect(dealHealth(cost(100, 1001), T, TODAY).level).toBe('amber');
    expect(dealHealth(cost(1000, 1000), T, TODAY).level).toBe('amber');
    const over = dealHealth(cost(1001, 1001), T, TODAY);
    expect(over.level).toBe('red');
    expect(over.reasons[0]).toMatchObject({
      code: 'overBudget',
      actual: { amountMinor: 1001, currency: 'CNY' },
      budget: { amountMinor: 1000, currency: 'CNY' },
    });
  });

  it('no budget never warns, whatever was spent', () => {
    expect(
      codes(
        facts({
          cost: {
            currency: 'CNY',
            valueMinor: 0,
            budgetMinor: 0,
            actualMinor: 5000,
            eacMinor: 5000,
          },
        }),
      ),
    ).toEqual([]);
  });

  it('cost of sale: amber once the forecast cost reaches the share of the value (5 %)', () => {
    const cost = (valueMinor: number, eacMinor: number) =>
      facts({ cost: { currency: 'CNY', valueMinor, budgetMinor: 0, actualMinor: 0, eacMinor } });
    // 4,999 of 100,000 is 4.999 %: below; 5,000 is 5 %: reached.
    expect(codes(cost(100_000, 4_999))).toEqual([]);
    const reached = dealHealth(cost(100_000, 5_000), T, TODAY);
    expect(reached.level).toBe('amber');
    expect(reached.reasons).toEqual([
      {
        code: 'costOfSale',
        severity: 'amber',
        eac: { amountMinor: 5_000, currency: 'CNY' },
        value: { amountMinor: 100_000, currency: 'CNY' },
        limitPct: 5,
      },
    ]);
    // The same cost against a lower price (a cut-price scenario) crosses it.
    expect(codes(cost(120_000, 5_000))).toEqual([]);
    expect(codes(cost(99_000, 5_000))).toEqual(['costOfSale']);
    // No value, or no cost: nothing to measure.
    expect(codes(cost(0, 5_000))).toEqual([]);
    expect(codes(cost(100_000, 0))).toEqual([]);
    // A threshold with decimals.
    expect(
      dealHealth(cost(1_000, 25), { ...T, costOfSaleWarnPct: 2.5 }, TODAY).reasons.map(
        (r) => r.code,
      ),
    ).toEqual(['costOfSale']);
  });

  it('high risks: amber at the score threshold, naming the highest', () => {
    expect(codes(facts({ risks: [{ title: 'a', score: 14 }] }))).toEqual([]);
    const health = dealHealth(
      facts({
        risks: [
          { title: 'a', score: 15 },
          { title: '<b>b</b>', score: 20 },
          { title: 'c', score: 4 },
        ],
      }),
      T,
      TODAY,
    );
    expect(health.reasons).toEqual([
      { code: 'highRisks', severity: 'amber', count: 2, title: '<b>b</b>', score: 20 },
    ]);
  });

  it('exposure above the limit (same currency) is amber', () => {
    const limit = T.highRiskExposure.amountMinor;
    expect(codes(facts({ exposure: { amountMinor: limit, currency: 'CNY' } }))).toEqual([]);
    expect(codes(facts({ exposure: { amountMinor: limit + 1, currency: 'CNY' } }))).toEqual([
      'riskExposure',
    ]);
    expect(codes(facts({ exposure: { amountMinor: limit + 1, currency: 'USD' } }))).toEqual([]);
  });

  it('an over-allocated person on the deal is amber', () => {
    expect(dealHealth(facts({ overAllocatedPeople: 2 }), T, TODAY).reasons).toEqual([
      { code: 'overAllocated', severity: 'amber', people: 2 },
    ]);
  });

  it('Pwin drop: amber at the points, red at twice them, a rise is fine', () => {
    expect(codes(facts({ pwin: { current: 50, reference: 64 } }))).toEqual([]);
    expect(codes(facts({ pwin: { current: 80, reference: 40 } }))).toEqual([]);
    expect(dealHealth(facts({ pwin: { current: 50, reference: 65 } }), T, TODAY).level).toBe(
      'amber',
    );
    expect(dealHealth(facts({ pwin: { current: 30, reference: 60 } }), T, TODAY).reasons).toEqual([
      { code: 'pwinDropped', severity: 'red', from: 60, to: 30 },
    ]);
  });

  it('stale activity: amber from the days, red from twice them', () => {
    expect(codes(facts({ lastActivity: d('2026-02-19') }))).toEqual([]); // 20 days
    expect(dealHealth(facts({ lastActivity: d('2026-02-18') }), T, TODAY).reasons).toEqual([
      { code: 'stale', severity: 'amber', days: 21, since: d('2026-02-18') },
    ]);
    expect(dealHealth(facts({ lastActivity: d('2026-01-28') }), T, TODAY).level).toBe('red');
  });

  it('lists the worst reasons first', () => {
    const health = dealHealth(
      facts({ overAllocatedPeople: 1, submissionSlackDays: -1, lastActivity: d('2026-02-01') }),
      T,
      TODAY,
    );
    expect(health.reasons.map((r) => [r.code, r.severity])).toEqual([
      ['submissionAtRisk', 'red'],
      ['overAllocated', 'amber'],
      ['stale', 'amber'],
    ]);
  });

  it('rates a portfolio deal by deal', () => {
    const a = facts({ dealId: 'a' as DealId });
    const b = facts({ dealId: 'b' as DealId, submissionSlackDays: -1 });
    const out = portfolioHealth(
      new Map([
        [a.dealId, a],
        [b.dealId, b],
      ]),
      T,
      TODAY,
    );
    expect(out.get(a.dealId)?.level).toBe('green');
    expect(out.get(b.dealId)?.level).toBe('red');
  });
});

const arbFacts: fc.Arbitrary<HealthFacts> = fc.record({
  dealId: fc.constant('deal-1' as DealId),
  milestones: fc.array(
    fc.record({ name: fc.string(), lateDays: fc.nat(30), overdueDays: fc.nat(30) }),
    { maxLength: 4 },
  ),
  submissionSlackDays: fc.option(fc.integer({ min: -20, max: 40 })),
  cost: fc
    .record({
      valueMinor: fc.nat(400_000),
      budgetMinor: fc.nat(10_000),
      actualMinor: fc.nat(12_000),
      extra: fc.nat(5_000),
    })
    .map(({ valueMinor, budgetMinor, actualMinor, extra }) => ({
      currency: 'CNY',
      valueMinor,
      budgetMinor,
      actualMinor,
      eacMinor: actualMinor + extra,
    })),
  exposure: fc.nat(300_000_000).map((amountMinor) => ({ amountMinor, currency: 'CNY' })),
  risks: fc.array(fc.record({ title: fc.string(), score: fc.integer({ min: 1, max: 25 }) }), {
    maxLength: 5,
  }),
  overAllocatedPeople: fc.nat(3),
  pwin: fc.record({ current: fc.nat(100), reference: fc.option(fc.nat(100)) }),
  lastActivity: fc.integer({ min: 0, max: 90 }).map((n) => d(`2026-0${n < 40 ? 2 : 1}-01`)),
});

describe('dealHealth laws', () => {
  it('no reasons ⇔ green, and the level is the worst reason', () => {
    fc.assert(
      fc.property(arbFacts, (f) => {
        const health = dealHealth(f, T, TODAY);
        expect(health.level === 'green').toBe(health.reasons.length === 0);
        expect(health.level).toBe(levelOfReasons(health.reasons));
      }),
    );
  });

  it('making a fact worse never improves the level', () => {
    fc.assert(
      fc.property(arbFacts, fc.nat(9), (f, which) => {
        const worse: HealthFacts = [
          { ...f, milestones: [...f.milestones, { name: 'x', lateDays: 30, overdueDays: 30 }] },
          { ...f, submissionSlackDays: -5 },
          {
            ...f,
            cost: {
              ...f.cost,
              budgetMinor: 1,
              actualMinor: 2,
              eacMinor: Math.max(2, f.cost.eacMinor),
            },
          },
          { ...f, cost: { ...f.cost, valueMinor: Math.min(f.cost.valueMinor, 1) } },
          { ...f, risks: [...f.risks, { title: 'x', score: 25 }] },
          { ...f, exposure: { amountMinor: 500_000_000, currency: 'CNY' } },
          { ...f, overAllocatedPeople: f.overAllocatedPeople + 1 },
          { ...f, pwin: { current: 0, reference: 100 } },
          { ...f, lastActivity: d('2025-01-01') },
          f,
        ][which] as HealthFacts;
        const before = dealHealth(f, T, TODAY);
        const after = dealHealth(worse, T, TODAY);
        expect(compareHealthLevels(after.level, before.level)).toBeGreaterThanOrEqual(0);
        expect(after.reasons.length).toBeGreaterThanOrEqual(before.reasons.length);
      }),
    );
  });

  it('adding a reason never improves the level', () => {
    const severities = fc.constantFrom<HealthReason['severity']>('amber', 'red');
    fc.assert(
      fc.property(fc.array(fc.record({ severity: severities })), severities, (list, added) => {
        expect(
          compareHealthLevels(levelOfReasons([...list, { severity: added }]), levelOfReasons(list)),
        ).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(arbFacts, (f) => {
        expect(dealHealth(f, T, TODAY)).toEqual(dealHealth(f, T, TODAY));
      }),
    );
  });
});
