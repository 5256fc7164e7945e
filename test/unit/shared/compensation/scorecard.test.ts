import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activitySchema } from '@shared/domain/activity';
import type { Activity, FieldChange } from '@shared/domain/activity';
import { planDateFromUtcMs } from '@shared/domain/dates';
import { deliverableSchema } from '@shared/domain/deliverable';
import type { Deliverable } from '@shared/domain/deliverable';
import {
  activityIdSchema,
  deliverableIdSchema,
  milestoneIdSchema,
  riskIdSchema,
  targetIdSchema,
} from '@shared/domain/ids';
import type { DealId, PersonId } from '@shared/domain/ids';
import { milestoneSchema } from '@shared/domain/milestone';
import type { Milestone } from '@shared/domain/milestone';
import type { Period } from '@shared/domain/period';
import { riskSchema } from '@shared/domain/risk';
import type { Risk } from '@shared/domain/risk';
import { targetSchema } from '@shared/domain/target';
import type { Target } from '@shared/domain/target';
import { periodBounds } from '@shared/compensation/periods';
import {
  computeScorecard,
  median,
  scorecardMedians,
  sortScorecard,
} from '@shared/compensation/scorecard';
import { monthlyCredit } from '@shared/compensation/workspace';
import { ALICE, BOB, CAROL, cny, dealId, wonDeal } from './fixtures';

const Q2: Period = { kind: 'quarter', fiscalYear: 2026, index: 2 };
const ms = (date: string) => Date.parse(`${date}T10:00:00Z`);
let n = 1;
const uuid = (group: string) => `00000000-0000-4${group}-8000-${String(n++).padStart(12, '0')}`;
const base = (at = ms('2026-01-05')) => ({ createdAt: at, updatedAt: at, rev: 1, deletedAt: null });

function target(personId: PersonId, amountMinor: number): Target {
  return targetSchema.parse({
    id: targetIdSchema.parse(uuid('101')),
    ...base(),
    personId,
    teamId: null,
    period: Q2,
    basis: 'revenue',
    amount: cny(amountMinor),
    parentTargetId: null,
    allocationMethod: null,
    note: '',
  });
}

function activity(
  type: Activity['type'],
  actorId: PersonId,
  date: string,
  system: { table: string; entityId: string; changes: FieldChange[] } | null = null,
  deal: DealId | null = dealId(1),
): Activity {
  return activitySchema.parse({
    id: activityIdSchema.parse(uuid('102')),
    ...base(ms(date)),
    dealId: deal,
    type,
    at: ms(date),
    actorId,
    summary: 'x',
    details: '',
    contactIds: [],
    system:
      system === null
        ? null
        : { ...system, action: system.table === 'deals' ? 'stage_move' : 'update' },
  });
}

const STAGES = [1, 2, 3].map((i) => `00000000-0000-4000-b000-00000000000${i}`);
const stageOrder = new Map(STAGES.map((id, i) => [id, i + 1]));
const move = (actor: PersonId, deal: DealId, from: number, to: number, date: string) =>
  activity('system', actor, date, {
    table: 'deals',
    entityId: deal,
    changes: [{ field: 'stageId', old: STAGES[from - 1] ?? '', new: STAGES[to - 1] ?? '' }],
  });

function milestone(deal: DealId, date: string, baseline: string | null, actual: string): Milestone {
  return milestoneSchema.parse({
    id: milestoneIdSchema.parse(uuid('103')),
    ...base(),
    dealId: deal,
    name: 'M',
    kind: 'review',
    date,
    baselineDate: baseline,
    actualDate: actual,
    stageId: null,
    templateKey: null,
    sortIndex: 0,
    notes: '',
  });
}

function deliverable(
  deal: DealId,
  ownerId: PersonId | null,
  dueDate: string,
  status: Deliverable['status'],
  updatedOn = '2026-01-05',
): Deliverable {
  return deliverableSchema.parse({
    id: deliverableIdSchema.parse(uuid('104')),
    ...base(),
    updatedAt: ms(updatedOn),
    dealId: deal,
    name: 'D',
    kind: 'technical_volume',
    ownerId,
    dueDate,
    pageLimit: null,
    status,
    taskIds: [],
    notes: '',
  });
}

function risk(deal: DealId, entries: { by: PersonId; on: string }[]): Risk {
  return riskSchema.parse({
    id: riskIdSchema.parse(uuid('105')),
    ...base(),
    dealId: deal,
    title: 'R',
    description: '',
    category: 'technical',
    probability: 3,
    impact: 3,
    exposure: cny(0),
    ownerId: null,
    mitigation: '',
    mitigationTaskId: null,
    trigger: '',
    status: 'open',
    nextReviewDate: null,
    history: entries.map((e) => ({
      at: ms(e.on),
      byId: e.by,
      probability: 3,
      impact: 3,
      status: 'open',
      note: '',
    })),
  });
}

/**
 * FY2026 starts in January, so Q2 is 1 April – 30 June. Every deal was created on 5 January.
 * Alice won deals 1 (1 000.00, 10 May) and 2 (3 000.00, 20 June) and lost deal 3; Bob lost deal 4
 * in Q2 and won deal 5 in July; Carol has nothing.
 */
function dataset() {
  const deals = [
    wonDeal(1, { value: cny(100_000), outcomeDate: '2026-05-10' }),
    wonDeal(2, { value: cny(300_000), outcomeDate: '2026-06-20' }),
    wonDeal(3, { value: cny(500_000), outcomeDate: '2026-04-15', status: 'lost' }),
    wonDeal(4, { value: cny(200_000), outcomeDate: '2026-05-01', status: 'lost', owner: BOB }),
    wonDeal(5, { value: cny(700_000), outcomeDate: '2026-07-02', owner: BOB }),
    wonDeal(6, { value: cny(900_000), outcomeDate: '2026-05-03', status: 'no_bid' }),
  ];
  const d2 = deliverable(dealId(2), ALICE, '2026-06-10', 'approved');
  const d1 = deliverable(dealId(1), ALICE, '2026-05-31', 'submitted');
  const activities = [
    activity('meeting', ALICE, '2026-04-10'),
    activity('meeting', ALICE, '2026-07-01'),
    activity('site_visit', ALICE, '2026-05-05'),
    activity('meeting', BOB, '2026-06-30'),
    activity('call', BOB, '2026-06-01'),
    move(ALICE, dealId(1), 1, 2, '2026-04-20'),
    move(ALICE, dealId(1), 2, 3, '2026-05-01'),
    move(ALICE, dealId(2), 3, 2, '2026-05-02'),
    move(BOB, dealId(4), 1, 2, '2026-04-02'),
    move(BOB, dealId(5), 1, 2, '2026-03-31'),
    activity('system', ALICE, '2026-05-30', {
      table: 'deliverables',
      entityId: d1.id,
      changes: [{ field: 'status', old: 'approved', new: 'submitted' }],
    }),
    activity('system', ALICE, '2026-06-12', {
      table: 'deliverables',
      entityId: d2.id,
      changes: [{ field: 'status', old: 'in_review', new: 'approved' }],
    }),
  ];
  return {
    people: [{ id: ALICE }, { id: BOB }, { id: CAROL }],
    period: Q2,
    bounds: periodBounds(Q2, 1),
    currency: 'CNY' as const,
    credit: monthlyCredit(deals, 1, 'half_up').lines,
    targets: [target(ALICE, 800_000), target(BOB, 200_000)],
    deals,
    activities,
    milestones: [
      milestone(dealId(1), '2026-04-20', '2026-04-12', '2026-04-10'),
      milestone(dealId(1), '2026-05-15', null, '2026-05-20'),
      milestone(dealId(1), '2026-08-01', null, '2026-08-01'),
    ],
    deliverables: [
      d1,
      d2,
      deliverable(dealId(2), ALICE, '2026-06-15', 'drafting'),
      deliverable(dealId(4), null, '2026-04-30', 'approved', '2026-04-29'),
    ],
    risks: [
      risk(dealId(1), [
        { by: ALICE, on: '2026-03-30' },
        { by: ALICE, on: '2026-04-02' },
        { by: ALICE, on: '2026-05-02' },
        { by: BOB, on: '2026-06-01' },
      ]),
    ],
    stageOrder,
    dateOf: planDateFromUtcMs,
  };
}

describe('computeScorecard on a small known dataset', () => {
  const [alice, bob, carol] = computeScorecard(dataset());

  it('computes the results figures by hand', () => {
    // Bookings: deals 1 and 2 won in Q2 = 4 000.00 against a target of 8 000.00 = 50 %.
    expect(alice?.bookings).toEqual(cny(400_000));
    expect(alice?.target).toEqual(cny(800_000));
    expect(alice?.attainmentBp).toBe(5_000);
    // Won 2, lost 1 (the no-bid is not decided by the customer): 2 / 3 = 66.67 %.
    expect([alice?.won, alice?.lost, alice?.winRateBp]).toEqual([2, 1, 6_667]);
    // (1 000.00 + 3 000.00) / 2 = 2 000.00.
    expect(alice?.averageDealSize).toEqual(cny(200_000));
    // 5 Jan → 10 May = 125 days, 5 Jan → 20 June = 166 days: mean 145.5, shown as 146.
    expect(alice?.cycleDays).toBe(146);
    // Bob won nothing in Q2 (deal 5 is July's) and lost one: 0 %.
    expect(bob?.bookings).toEqual(cny(0));
    expect(bob?.attainmentBp).toBe(0);
    expect(bob?.winRateBp).toBe(0);
    expect(bob?.averageDealSize).toBeNull();
    expect(bob?.cycleDays).toBeNull();
    expect(carol?.target).toBeNull();
    expect(carol?.attainmentBp).toBeNull();
    expect(carol?.winRateBp).toBeNull();
  });

  it('computes the activity figures by hand', () => {
    // One meeting in Q2 (the July one is out), one site visit; a call is not a meeting.
    expect([alice?.meetings, alice?.siteVisits]).toEqual([1, 1]);
    expect([bob?.meetings, bob?.siteVisits]).toEqual([1, 0]);
    // Deal 1 moved forward twice (one deal), deal 2 moved back: 1. Bob's March move is out.
    expect(alice?.dealsAdvanced).toBe(1);
    expect(bob?.dealsAdvanced).toBe(1);
    // Milestones met in Q2: 10 Apr against its 12 Apr baseline (on time), 20 May against 15 May (late).
    expect(alice?.milestones).toEqual({ onTime: 1, total: 2, rateBp: 5_000 });
    // Deliverables due in Q2 and finished: submitted on 30 May for 31 May (on time), approved on
    // 12 June for 10 June (late); the drafting one is not finished.
    expect(alice?.deliverables).toEqual({ onTime: 1, total: 2, rateBp: 5_000 });
    // Bob's deal's deliverable has no owner: the deal owner's; finished (last change) 29 Apr for 30 Apr.
    expect(bob?.deliverables).toEqual({ onTime: 1, total: 1, rateBp: 10_000 });
    expect(carol?.deliverables).toEqual({ onTime: 0, total: 0, rateBp: null });
    // Risk reviews: Alice's on 2 Apr and 2 May (30 Mar is Q1), Bob's on 1 June.
    expect([alice?.riskReviews, bob?.riskReviews, carol?.riskReviews]).toEqual([2, 1, 0]);
  });

  it('puts the team median beside each figure, over the people who have it', () => {
    const medians = scorecardMedians(computeScorecard(dataset()));
    expect(medians.bookings).toBe(0); // 4 000.00, 0, 0
    expect(medians.target).toBe(500_000); // 8 000.00 and 2 000.00; Carol has none
    expect(medians.attainment).toBe(2_500);
    expect(medians.winRate).toBe(3_333.5);
    expect(medians.averageDealSize).toBe(200_000);
    expect(medians.meetings).toBe(1);
    expect(medians.riskReviews).toBe(1);
    expect(medians.milestonesOnTime).toBe(5_000);
  });

  it('sorts by any figure, people without it last either way', () => {
    const rows = computeScorecard(dataset());
    const ids = (figure: Parameters<typeof sortScorecard>[1], dir: 'ascend' | 'descend') =>
      sortScorecard(rows, figure, dir).map((row) => row.personId);
    expect(ids('attainment', 'descend')).toEqual([ALICE, BOB, CAROL]);
    expect(ids('attainment', 'ascend')).toEqual([BOB, ALICE, CAROL]);
    expect(ids('riskReviews', 'ascend')).toEqual([CAROL, BOB, ALICE]);
    // Ties keep the given order.
    expect(ids('meetings', 'descend')).toEqual([ALICE, BOB, CAROL]);
  });

  it('ignores records in the trash', () => {
    const data = dataset();
    const deleted = { ...data, activities: data.activities.map((a) => ({ ...a, deletedAt: 1 })) };
    const [row] = computeScorecard(deleted);
    expect([row?.meetings, row?.dealsAdvanced]).toEqual([0, 0]);
  });
});

describe('median laws', () => {
  const values = fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 40 });

  it('is null for nothing and the value itself for one', () => {
    expect(median([])).toBeNull();
    fc.assert(fc.property(fc.integer(), (x) => median([x]) === x));
  });

  it('does not depend on order', () => {
    fc.assert(
      fc.property(values, fc.integer(), (xs, seed) => {
        const shuffled = [...xs].sort((a, b) => ((a * 31 + seed) % 7) - ((b * 31 + seed) % 7));
        return median(shuffled) === median(xs);
      }),
    );
  });

  it('lies between the smallest and the largest, with as many on each side', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const m = median(xs) ?? NaN;
        const below = xs.filter((x) => x < m).length;
        const above = xs.filter((x) => x > m).length;
        return (
          m >= Math.min(...xs) &&
          m <= Math.max(...xs) &&
          below <= xs.length / 2 &&
          above <= xs.length / 2
        );
      }),
    );
  });

  it('is one of the values for an odd count, and moves with a shift of all of them', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: -1e6, max: 1e6 }), (xs, c) => {
        const odd = xs.length % 2 === 1 ? xs : xs.slice(1);
        const m = median(odd);
        const shifted = median(xs.map((x) => x + c));
        return (
          (odd.length === 0 || odd.includes(m ?? NaN)) &&
          Math.abs((shifted ?? 0) - ((median(xs) ?? 0) + c)) < 1e-6
        );
      }),
    );
  });
});
