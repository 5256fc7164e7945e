import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/calendar';
import type { Deal } from '@shared/domain/deal';
import { parsePlanDate } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import type { AccountId, DealId, MilestoneId, PersonId, StageId } from '@shared/domain/ids';
import type { Milestone } from '@shared/domain/milestone';
import type { Person } from '@shared/domain/person';
import type { Stage } from '@shared/domain/sales-process';
import type { Account } from '@shared/domain/account';
import type { TimelineDeal, TimelineSources } from '@shared/timeline/rows';
import {
  buildTimelineDeals,
  filterTimelineDeals,
  groupTimelineDeals,
  timelineLines,
  timelineSpan,
} from '@shared/timeline/rows';

const d = parsePlanDate;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const WANG = uuid(901) as PersonId;
const ADAMS = uuid(902) as PersonId;
const ZHAO = uuid(903) as PersonId;
const QUALIFY = uuid(801) as StageId;
const PROPOSAL = uuid(802) as StageId;
const ACME = uuid(701) as AccountId;
const GRID = uuid(702) as AccountId;

function deal(n: number, overrides: Partial<Deal> = {}): Deal {
  return {
    id: uuid(n) as DealId,
    createdAt: Date.UTC(2026, 0, 5, 12),
    updatedAt: 1,
    rev: 1,
    deletedAt: null,
    code: `BID-${n}`,
    name: `Deal ${n}`,
    description: '',
    accountId: ACME,
    ownerId: WANG,
    value: { amountMinor: 100, currency: 'CNY' },
    expectedMarginPct: 20,
    stageId: QUALIFY,
    status: 'open',
    pwin: 30,
    stageEnteredAt: 1,
    keyDates: {
      kickoff: d('2026-02-02'),
      rfpRelease: null,
      questionsDue: null,
      submissionDue: d('2026-05-15'),
      expectedAward: d('2026-07-01'),
      contractStart: null,
    },
    competitors: [],
    winThemes: [],
    discriminators: [],
    buyingCentre: [],
    checkedExitCriteria: [],
    creditSplits: [],
    outcomeReason: null,
    outcomeNote: '',
    outcomeDate: null,
    tags: [],
    ...overrides,
  } as Deal;
}

function milestone(n: number, dealN: number, overrides: Partial<Milestone>): Milestone {
  return {
    id: uuid(n) as MilestoneId,
    createdAt: 1,
    updatedAt: 1,
    rev: 1,
    deletedAt: null,
    dealId: uuid(dealN) as DealId,
    name: `M${n}`,
    kind: 'other',
    date: d('2026-03-02'),
    baselineDate: null,
    actualDate: null,
    stageId: null,
    templateKey: null,
    sortIndex: n,
    notes: '',
    ...overrides,
  };
}

const people = [
  { id: WANG, name: '王芳' },
  { id: ADAMS, name: 'Adams' },
  { id: ZHAO, name: '陈磊' },
] as Person[];
const stages = [
  { id: QUALIFY, name: { zh: '资格评估', en: 'Qualify' }, order: 1 },
  { id: PROPOSAL, name: { zh: '方案', en: 'Proposal' }, order: 3 },
] as Stage[];
const accounts = [
  { id: ACME, name: 'Acme Rail' },
  { id: GRID, name: 'State Grid' },
] as Account[];

function sources(overrides: Partial<TimelineSources>): TimelineSources {
  return {
    deals: [],
    milestones: [],
    accounts,
    people,
    stages,
    today: d('2026-03-11'), // a Wednesday
    calendar: createCalendar({ workingWeek: [1, 2, 3, 4, 5], holidays: [] }),
    slipToleranceDays: 2,
    timeZone: 'Asia/Shanghai',
    ...overrides,
  };
}

describe('buildTimelineDeals', () => {
  it('draws open deals not in the trash only', () => {
    const rows = buildTimelineDeals(
      sources({
        deals: [
          deal(1),
          deal(2, { status: 'won' }),
          deal(3, { status: 'lost' }),
          deal(4, { deletedAt: 9 }),
        ],
      }),
    );
    expect(rows.map((r) => r.code)).toEqual(['BID-1']);
    expect(rows[0]).toMatchObject({
      ownerName: '王芳',
      accountName: 'Acme Rail',
      stageOrder: 1,
      start: '2026-02-02',
      startFrom: 'kickoff',
      finish: '2026-07-01',
      finishFrom: 'expectedAward',
    });
  });

  it('falls back to the creation day (in the user’s time zone) and to later end dates', () => {
    const noDates = (extra: Partial<Deal['keyDates']>) => ({
      keyDates: { ...deal(0).keyDates, kickoff: null, expectedAward: null, ...extra },
      // 2026-01-05 20:00 UTC is already 2026-01-06 in Shanghai.
      createdAt: Date.UTC(2026, 0, 5, 20),
    });
    const rows = buildTimelineDeals(
      sources({
        deals: [
          deal(1, noDates({})),
          deal(2, noDates({ submissionDue: null })),
          deal(3, noDates({ submissionDue: null })),
        ],
        milestones: [
          milestone(10, 2, { date: d('2026-04-01') }),
          milestone(11, 2, { date: d('2026-03-01'), actualDate: d('2026-04-20') }),
        ],
      }),
    );
    expect(rows.map((r) => [r.start, r.startFrom, r.finish, r.finishFrom])).toEqual([
      ['2026-01-06', 'created', '2026-05-15', 'submissionDue'],
      ['2026-01-06', 'created', '2026-04-20', 'milestone'],
      ['2026-01-06', 'created', '2026-01-06', 'start'],
    ]);
  });

  it('never ends a bar before it starts', () => {
    const [row] = buildTimelineDeals(
      sources({
        deals: [
          deal(1, {
            keyDates: {
              ...deal(0).keyDates,
              kickoff: d('2026-08-01'),
              expectedAward: d('2026-07-01'),
            },
          }),
        ],
      }),
    );
    expect([row?.start, row?.finish]).toEqual(['2026-08-01', '2026-08-01']);
  });

  it('marks gates, reviews, submission and award in date order, on the actual day if reached', () => {
    const [row] = buildTimelineDeals(
      sources({
        deals: [deal(1)],
        milestones: [
          milestone(10, 1, { kind: 'award', date: d('2026-07-01') }),
          milestone(11, 1, { kind: 'kickoff', date: d('2026-02-02') }),
          milestone(12, 1, {
            kind: 'bid_no_bid',
            date: d('2026-02-20'),
            actualDate: d('2026-02-18'),
          }),
          milestone(13, 1, { kind: 'review', date: d('2026-04-10') }),
          milestone(14, 1, { kind: 'submission', date: d('2026-05-15'), deletedAt: 3 }),
        ],
      }),
    );
    expect(row?.markers.map((m) => [m.kind, m.date, m.done])).toEqual([
      ['bid_no_bid', '2026-02-18', true],
      ['review', '2026-04-10', false],
      ['award', '2026-07-01', false],
    ]);
  });

  it('flags milestones late beyond the tolerance, in working days, and overdue ones', () => {
    const [row] = buildTimelineDeals(
      sources({
        deals: [deal(1)],
        milestones: [
          // Fri → next Wed: 3 working days late (beyond the tolerance of 2).
          milestone(10, 1, {
            name: 'Red team',
            date: d('2026-03-18'),
            baselineDate: d('2026-03-13'),
          }),
          // Fri → Tue over a weekend: 2 working days, within the tolerance.
          milestone(11, 1, { date: d('2026-03-24'), baselineDate: d('2026-03-20') }),
          // Planned for Monday, not reached, today is Wednesday: 2 working days overdue.
          milestone(12, 1, { name: 'Questions due', date: d('2026-03-09') }),
          // Past but reached: not overdue.
          milestone(13, 1, { date: d('2026-03-02'), actualDate: d('2026-03-02') }),
        ],
      }),
    );
    expect(row?.slips).toEqual([
      { id: uuid(10), name: 'Red team', reason: 'late', days: 3 },
      { id: uuid(12), name: 'Questions due', reason: 'overdue', days: 2 },
    ]);
  });

  it('counts a slip of any size with no tolerance', () => {
    const [row] = buildTimelineDeals(
      sources({
        slipToleranceDays: 0,
        deals: [deal(1)],
        milestones: [milestone(10, 1, { date: d('2026-03-17'), baselineDate: d('2026-03-16') })],
      }),
    );
    expect(row?.slips.map((s) => [s.reason, s.days])).toEqual([['late', 1]]);
  });
});

describe('filter, group and lines', () => {
  const rows: TimelineDeal[] = buildTimelineDeals(
    sources({
      deals: [
        deal(1, { ownerId: ZHAO, stageId: PROPOSAL, name: 'Metro signalling' }),
        deal(2, { ownerId: WANG, accountId: GRID }),
        deal(3, {
          ownerId: ADAMS,
          keyDates: { ...deal(0).keyDates, kickoff: d('2026-01-10') },
          stageId: PROPOSAL,
        }),
        deal(4, { ownerId: WANG, keyDates: { ...deal(0).keyDates, kickoff: d('2026-01-05') } }),
      ],
      milestones: [milestone(10, 2, { date: d('2026-03-02') })],
    }),
  );

  it('filters by owner, stage, account, text and slipping', () => {
    const codes = (f: Parameters<typeof filterTimelineDeals>[1]) =>
      filterTimelineDeals(rows, f).map((r) => r.code);
    expect(codes({})).toEqual(['BID-1', 'BID-2', 'BID-3', 'BID-4']);
    expect(codes({ ownerIds: [WANG] })).toEqual(['BID-2', 'BID-4']);
    expect(codes({ stageIds: [PROPOSAL] })).toEqual(['BID-1', 'BID-3']);
    expect(codes({ accountIds: [GRID] })).toEqual(['BID-2']);
    expect(codes({ text: '  metro ' })).toEqual(['BID-1']);
    expect(codes({ text: 'state grid' })).toEqual(['BID-2']);
    expect(codes({ text: '陈' })).toEqual(['BID-1']);
    expect(codes({ slippingOnly: true })).toEqual(['BID-2']);
    expect(codes({ ownerIds: [WANG], accountIds: [ACME] })).toEqual(['BID-4']);
  });

  it('groups by owner in the locale’s name order, deals by start date', () => {
    const groups = groupTimelineDeals(rows, 'owner', 'zh-CN');
    // Chinese collation: Han names by pinyin (陈 chen before 王 wang, the reverse of their code
    // points), then Latin names.
    expect(groups.map((g) => (g.label.kind === 'owner' ? g.label.name : ''))).toEqual([
      '陈磊',
      '王芳',
      'Adams',
    ]);
    expect(groups[1]?.deals.map((r) => r.code)).toEqual(['BID-4', 'BID-2']);
    expect(groups[1]?.slipping).toBe(1);
    expect(groups[0]?.slipping).toBe(0);
  });

  it('groups by stage in process order', () => {
    const groups = groupTimelineDeals(rows, 'stage', 'en');
    expect(groups.map((g) => g.key)).toEqual([QUALIFY, PROPOSAL]);
    expect(groups[1]?.deals.map((r) => r.code)).toEqual(['BID-3', 'BID-1']);
    expect(groups[1]?.label).toEqual({ kind: 'stage', name: { zh: '方案', en: 'Proposal' } });
  });

  it('flattens groups into header and deal lines, hiding the deals of collapsed groups', () => {
    const groups = groupTimelineDeals(rows, 'stage', 'en');
    const lines = timelineLines(groups, new Set([QUALIFY]));
    expect(lines.map((l) => (l.type === 'group' ? `[${l.collapsed}]` : l.deal.code))).toEqual([
      '[true]',
      '[false]',
      'BID-3',
      'BID-1',
    ]);
  });

  it('spans every bar and marker and today', () => {
    const span = (today: PlanDate) => timelineSpan(rows, today);
    expect(span(d('2026-03-11'))).toEqual({ from: '2026-01-05', to: '2026-07-01' });
    expect(span(d('2027-01-01'))).toEqual({ from: '2026-01-05', to: '2027-01-01' });
    expect(timelineSpan([], d('2026-03-11'))).toEqual({ from: '2026-03-11', to: '2026-03-11' });
  });
});
