import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activity } from '@shared/domain/activity';
import { parsePlanDate } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import type { DealStatus } from '@shared/domain/deal';
import type { AccountId, DealId, PersonId, RiskId, StageId } from '@shared/domain/ids';
import type { SnapshotDeal } from '@shared/domain/review-snapshot';
import { reviewSnapshotSchema } from '@shared/domain/review-snapshot';
import type { DashboardDeal, DashboardStage, StageMoveFact } from '@shared/dashboard/figures';
import { NO_FILTER, computeDashboard } from '@shared/dashboard/figures';
import { diffSnapshot, isEmptyDiff, snapshotDeals, stageMovesOf } from '@shared/dashboard/snapshot';
import { dealSpend } from '@shared/dashboard/spend';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const d = parsePlanDate;
const sid = (n: number) =>
  `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}` as StageId;
const did = (n: number) =>
  `00000000-0000-4000-9000-0000000000${String(n).padStart(2, '0')}` as DealId;
const OWNER = '00000000-0000-4000-a000-000000000001' as PersonId;
const OTHER_OWNER = '00000000-0000-4000-a000-000000000002' as PersonId;
const ACCOUNT = '00000000-0000-4000-b000-000000000001' as AccountId;

const [IDENTIFY, QUALIFY, PROPOSE, WON, LOST] = [sid(1), sid(2), sid(3), sid(4), sid(5)];
const stage = (
  id: StageId,
  key: string,
  order: number,
  kind: DashboardStage['kind'],
  forecastCategory: DashboardStage['forecastCategory'],
): DashboardStage => ({
  id,
  key,
  name: { en: key, zh: key },
  order,
  kind,
  forecastCategory,
  deletedAt: null,
});
const STAGES: DashboardStage[] = [
  stage(IDENTIFY, 'identify', 0, 'open', 'pipeline'),
  stage(QUALIFY, 'qualify', 1, 'open', 'best_case'),
  stage(PROPOSE, 'propose', 2, 'open', 'commit'),
  stage(WON, 'won', 3, 'won', 'closed'),
  stage(LOST, 'lost', 4, 'lost', 'omitted'),
];

function deal(
  n: number,
  over: Partial<Omit<DashboardDeal, 'keyDates'>> & { award?: PlanDate | null } = {},
): DashboardDeal {
  return {
    id: did(n),
    code: `D-${n}`,
    name: `Deal ${n}`,
    accountId: ACCOUNT,
    ownerId: OWNER,
    stageId: IDENTIFY,
    status: 'open',
    value: { amountMinor: 100_000, currency: 'CNY' },
    pwin: 10,
    createdAt: T0,
    outcomeDate: null,
    deletedAt: null,
    ...over,
    keyDates: {
      kickoff: null,
      rfpRelease: null,
      questionsDue: null,
      submissionDue: null,
      expectedAward: over.award ?? null,
      contractStart: null,
    },
  };
}
const move = (n: number, day: number, from: StageId, to: StageId): StageMoveFact => ({
  dealId: did(n),
  at: T0 + day * DAY,
  from,
  to,
});

/**
 * The known trail: A goes identify → qualify (day 2) → propose (day 5) → won (day 9); B goes
 * identify → qualify (day 4) → lost (day 10); C stays in identify; D skips from identify to
 * propose (day 3) and is still there.
 */
const DEALS = [
  deal(1, { stageId: WON, status: 'won', pwin: 100, outcomeDate: d('2026-01-10') }),
  deal(2, { stageId: LOST, status: 'lost', pwin: 0, outcomeDate: d('2026-01-11') }),
  deal(3, { award: d('2026-02-15') }),
  deal(4, {
    stageId: PROPOSE,
    pwin: 50,
    value: { amountMinor: 200_000, currency: 'CNY' },
    award: d('2026-04-10'),
    ownerId: OTHER_OWNER,
  }),
  deal(5, { value: { amountMinor: 500_000, currency: 'USD' }, award: d('2026-02-01') }),
  deal(6),
];
const MOVES = [
  move(1, 2, IDENTIFY, QUALIFY),
  move(1, 5, QUALIFY, PROPOSE),
  move(1, 9, PROPOSE, WON),
  move(2, 4, IDENTIFY, QUALIFY),
  move(2, 10, QUALIFY, LOST),
  move(4, 3, IDENTIFY, PROPOSE),
];

const input = {
  deals: DEALS,
  stages: STAGES,
  moves: MOVES,
  spend: new Map([
    [did(1), { budgetMinor: 10_000, actualMinor: 8_000 }],
    [did(3), { budgetMinor: 5_000, actualMinor: 1_000 }],
  ]),
  baseCurrency: 'CNY',
  fiscalYearStartMonth: 1,
  filter: NO_FILTER,
};

describe('dashboard figures from a known trail', () => {
  const figures = computeDashboard(input);

  it('counts the funnel: every stage a deal reached, skipped stages included', () => {
    expect(figures.funnel.map((step) => [step.stage?.key ?? 'won', step.reached])).toEqual([
      ['identify', 6],
      ['qualify', 3],
      ['propose', 2],
      ['won', 1],
    ]);
    expect(figures.funnel.map((step) => step.conversion)).toEqual([0.5, 2 / 3, 0.5, null]);
  });

  it('averages completed stays per stage from the trail', () => {
    expect(figures.timeInStage.map((t) => [t.stage.key, t.stays, t.averageDays])).toEqual([
      ['identify', 3, 3], // A 2 days, B 4, D 3
      ['qualify', 2, 4.5], // A 3 days, B 6
      ['propose', 1, 4], // A 4 days; D is still there
    ]);
  });

  it('computes win rate, cycle time and cost of sale', () => {
    expect([figures.won, figures.lost, figures.winRate]).toEqual([1, 1, 0.5]);
    expect(figures.averageCycleDays).toBe(9.5); // 9 and 10 days from creation
    expect(figures.cost.budgetMinor).toBe(15_000);
    expect(figures.cost.actualMinor).toBe(9_000);
    expect(figures.cost.costOfSalePct).toBe(8); // 8,000 spent to win 100,000
  });

  it('buckets the weighted pipeline by fiscal month, quarter and forecast category', () => {
    const p = figures.pipeline;
    expect(p.months.map((m) => [m.key, m.byCategory.pipeline, m.byCategory.commit])).toEqual([
      ['FY2026-M02', 10_000, 0],
      ['FY2026-M04', 0, 100_000],
    ]);
    expect(p.quarters.map((q) => [q.key, q.totalMinor])).toEqual([
      ['FY2026-Q1', 10_000],
      ['FY2026-Q2', 100_000],
    ]);
    expect([p.totalMinor, p.undated, p.otherCurrency]).toEqual([110_000, 1, 1]);
  });

  it('follows the fiscal year start and the filters', () => {
    const april = computeDashboard({ ...input, fiscalYearStartMonth: 4 });
    expect(april.pipeline.quarters.map((q) => q.key)).toEqual(['FY2025-Q4', 'FY2026-Q1']);
    const q2 = computeDashboard({
      ...input,
      filter: { ...NO_FILTER, period: { kind: 'quarter', fiscalYear: 2026, index: 2 } },
    });
    expect(q2.pipeline.totalMinor).toBe(100_000);
    expect(q2.winRate).toBeNull();
    const owner = computeDashboard({ ...input, filter: { ...NO_FILTER, ownerId: OTHER_OWNER } });
    expect(owner.deals.map((x) => x.id)).toEqual([did(4)]);
    expect(owner.funnel.map((s) => s.reached)).toEqual([1, 1, 1, 0]);
  });

  it('reads stage moves from system activities only', () => {
    const base = {
      dealId: did(1),
      at: T0,
      deletedAt: null,
    };
    const activities: Pick<Activity, 'dealId' | 'at' | 'system' | 'deletedAt'>[] = [
      {
        ...base,
        system: {
          table: 'deals',
          entityId: did(1),
          action: 'stage_move',
          changes: [
            { field: 'stageId', old: IDENTIFY, new: QUALIFY },
            { field: 'pwin', old: 10, new: 30 },
          ],
        },
      },
      {
        ...base,
        system: {
          table: 'deals',
          entityId: did(1),
          action: 'update',
          changes: [{ field: 'stageId', old: QUALIFY, new: PROPOSE }],
        },
      },
      { ...base, system: null },
    ];
    expect(stageMovesOf(activities)).toEqual([
      { dealId: did(1), at: T0, from: IDENTIFY, to: QUALIFY },
    ]);
  });
});

describe('dashboard laws', () => {
  const dealArb = fc
    .record({
      n: fc.integer({ min: 1, max: 99 }),
      status: fc.constantFrom<DealStatus>('open', 'won', 'lost', 'no_bid'),
      amount: fc.integer({ min: 0, max: 1e9 }),
      pwin: fc.integer({ min: 0, max: 100 }),
      stage: fc.constantFrom(IDENTIFY, QUALIFY, PROPOSE),
      month: fc.integer({ min: 1, max: 12 }),
    })
    .map((r) =>
      deal(r.n, {
        status: r.status,
        stageId: r.stage,
        pwin: r.pwin,
        value: { amountMinor: r.amount, currency: 'CNY' },
        award: d(`2026-${String(r.month).padStart(2, '0')}-01`),
        outcomeDate: r.status === 'open' ? null : d('2026-06-30'),
      }),
    );
  const movesArb = fc.array(
    fc.record({
      n: fc.integer({ min: 1, max: 99 }),
      day: fc.integer({ min: 0, max: 300 }),
      from: fc.constantFrom(IDENTIFY, QUALIFY, PROPOSE),
      to: fc.constantFrom(IDENTIFY, QUALIFY, PROPOSE, WON),
    }),
    { maxLength: 40 },
  );

  it('funnel counts never grow down the stages; month, quarter and total agree', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(dealArb, { selector: (x) => x.id, maxLength: 30 }),
        movesArb,
        fc.integer({ min: 1, max: 12 }),
        (deals, moves, startMonth) => {
          const f = computeDashboard({
            ...input,
            deals,
            moves: moves.map((m) => move(m.n, m.day, m.from, m.to)),
            fiscalYearStartMonth: startMonth,
          });
          for (let i = 1; i < f.funnel.length; i++) {
            expect(f.funnel[i]?.reached ?? 0).toBeLessThanOrEqual(f.funnel[i - 1]?.reached ?? 0);
          }
          const sum = (xs: readonly { totalMinor: number }[]) =>
            xs.reduce((s, x) => s + x.totalMinor, 0);
          expect(sum(f.pipeline.months)).toBe(f.pipeline.totalMinor);
          expect(sum(f.pipeline.quarters)).toBe(f.pipeline.totalMinor);
          if (f.winRate !== null) {
            expect(f.winRate).toBeGreaterThanOrEqual(0);
            expect(f.winRate).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('review snapshots', () => {
  const riskId = (n: number) => `00000000-0000-4000-a001-0000000000${n}` as RiskId;
  const risks = [
    {
      id: riskId(11),
      dealId: did(3),
      status: 'open' as const,
      exposure: { amountMinor: 700, currency: 'CNY' },
      deletedAt: null,
    },
    {
      id: riskId(12),
      dealId: did(3),
      status: 'closed' as const,
      exposure: { amountMinor: 900, currency: 'CNY' },
      deletedAt: null,
    },
  ];
  const sources = { deals: DEALS, risks, spend: input.spend };
  const before = snapshotDeals(sources);

  it('freezes every live deal with exposure of active risks and spend', () => {
    expect(before).toHaveLength(6);
    const c = before.find((x) => x.dealId === did(3));
    expect(c?.exposure).toEqual({ amountMinor: 700, currency: 'CNY' });
    expect(c?.costActual).toEqual({ amountMinor: 1_000, currency: 'CNY' });
    expect(c?.riskIds).toEqual([riskId(11)]);
    const record = {
      id: '00000000-0000-4000-8000-00000000aaaa',
      createdAt: T0,
      updatedAt: T0,
      rev: 1,
      deletedAt: null,
      name: 'Q1 review',
      takenAt: T0,
      takenOn: '2026-01-01',
      takenBy: null,
      baseCurrency: 'CNY',
      deals: before,
    };
    expect(reviewSnapshotSchema.safeParse(record).success).toBe(true);
    expect(
      reviewSnapshotSchema.safeParse({ ...record, deals: [...before, before[0]] }).success,
    ).toBe(false);
  });

  it('lists added, won, lost, slipped, Pwin, value, stage changes and new risks', () => {
    const changed = DEALS.filter((x) => x.id !== did(6)).map((x) => {
      if (x.id === did(3))
        return {
          ...x,
          pwin: 40,
          stageId: QUALIFY,
          value: { amountMinor: 150_000, currency: 'CNY' },
          keyDates: { ...x.keyDates, expectedAward: d('2026-03-01') },
        };
      if (x.id === did(4))
        return { ...x, status: 'won' as const, stageId: WON, outcomeDate: d('2026-02-01') };
      if (x.id === did(5))
        return { ...x, status: 'lost' as const, stageId: LOST, outcomeDate: d('2026-02-01') };
      return x;
    });
    const after = snapshotDeals({
      deals: [...changed, deal(7, { name: '<img src=x onerror=alert(1)>' })],
      risks: [
        ...risks,
        {
          id: riskId(13),
          dealId: did(4),
          status: 'mitigating' as const,
          exposure: { amountMinor: 1, currency: 'CNY' },
          deletedAt: null,
        },
      ],
      spend: input.spend,
    });
    const diff = diffSnapshot(before, after);
    expect(diff.added.map((x) => x.name)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(diff.removed.map((x) => x.dealId)).toEqual([did(6)]);
    expect(diff.won.map((x) => x.dealId)).toEqual([did(4)]);
    expect(diff.lost.map((x) => x.dealId)).toEqual([did(5)]);
    expect(diff.slipped).toEqual([
      {
        dealId: did(3),
        code: 'D-3',
        name: 'Deal 3',
        field: 'expectedAward',
        before: '2026-02-15',
        after: '2026-03-01',
      },
    ]);
    expect(diff.pwin.map((x) => [x.dealId, x.before, x.after])).toEqual([[did(3), 10, 40]]);
    expect(diff.value.map((x) => x.after.amountMinor)).toEqual([150_000]);
    expect(diff.stage.map((x) => [x.before, x.after])).toEqual([
      [IDENTIFY, QUALIFY],
      [PROPOSE, WON],
      [IDENTIFY, LOST],
    ]);
    expect(diff.newRisks.map((x) => [x.dealId, x.riskId])).toEqual([[did(4), riskId(13)]]);
  });

  it('finds nothing changed against itself, and an earlier date is no slip', () => {
    expect(isEmptyDiff(diffSnapshot(before, before))).toBe(true);
    const earlier: SnapshotDeal[] = before.map((x) => ({
      ...x,
      expectedAward: x.expectedAward === null ? null : d('2025-12-01'),
    }));
    expect(diffSnapshot(before, earlier).slipped).toEqual([]);
    expect(diffSnapshot(earlier, before).slipped.length).toBe(
      before.filter((x) => x.expectedAward !== null).length,
    );
  });

  it('a snapshot diffed with itself is empty, for any deals (law)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 100 }),
        (ns, pwin) => {
          const snap = snapshotDeals({
            deals: ns.map((n) => deal(n, { pwin })),
            risks: [],
            spend: new Map(),
          });
          expect(isEmptyDiff(diffSnapshot(snap, snap))).toBe(true);
          expect(diffSnapshot([], snap).added).toHaveLength(ns.length);
        },
      ),
    );
  });
});

describe('deal spend', () => {
  it('sums budget and spend to date in the deal currency only', () => {
    const person = {
      id: OWNER,
      roleIds: [],
      costRate: { amountMinor: 10_000, currency: 'CNY' },
      deletedAt: null,
    };
    const spend = dealSpend({
      deals: [deal(1)],
      budgetLines: [
        { dealId: did(1), amount: { amountMinor: 50_000, currency: 'CNY' }, deletedAt: null },
        { dealId: did(1), amount: { amountMinor: 99, currency: 'USD' }, deletedAt: null },
      ],
      costEntries: [
        {
          dealId: did(1),
          amount: { amountMinor: 2_000, currency: 'CNY' },
          date: d('2026-01-05'),
          deletedAt: null,
        },
        {
          dealId: did(1),
          amount: { amountMinor: 7_000, currency: 'CNY' },
          date: d('2026-03-05'),
          deletedAt: null,
        },
      ],
      timeEntries: [
        { dealId: did(1), personId: OWNER, hours: 1.5, date: d('2026-01-06'), deletedAt: null },
      ],
      people: [person],
      roles: [],
      today: d('2026-02-01'),
      roundingMode: 'half_up',
    });
    expect(spend.get(did(1))).toEqual({ budgetMinor: 50_000, actualMinor: 17_000 });
  });
});
