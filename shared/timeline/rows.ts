import type { Account } from '@shared/domain/account';
import type { WorkingCalendar } from '@shared/domain/calendar';
import type { Deal } from '@shared/domain/deal';
import type { PlanDate } from '@shared/domain/dates';
import { planDateInTimeZone } from '@shared/domain/dates';
import type { LocalizedText } from '@shared/domain/fields';
import type { AccountId, DealId, MilestoneId, PersonId, StageId } from '@shared/domain/ids';
import type { Milestone, MilestoneKind } from '@shared/domain/milestone';
import type { Person } from '@shared/domain/person';
import type { Stage } from '@shared/domain/sales-process';
import { detectSlips } from '@shared/schedule/baseline';

/**
 * The portfolio timeline's rows: every open deal as a bar from kickoff to expected award, with
 * its key milestones and whether it is slipping; then filtered, grouped and flattened into the
 * list of lines the view draws (only the ones on screen).
 */

/** Milestones drawn on the bar: the gates and reviews, submission and award. */
export const KEY_MILESTONE_KINDS = [
  'bid_no_bid',
  'review',
  'submission',
  'award',
] as const satisfies readonly MilestoneKind[];

export interface TimelineMarker {
  readonly id: MilestoneId;
  readonly kind: MilestoneKind;
  readonly name: string;
  /** Reached on (actual) or planned for. */
  readonly date: PlanDate;
  readonly done: boolean;
}

/** A milestone behind its baseline (beyond the tolerance) or overdue, in working days. */
export interface TimelineSlip {
  readonly id: MilestoneId;
  readonly name: string;
  readonly reason: 'late' | 'overdue';
  readonly days: number;
}

export interface TimelineDeal {
  readonly id: DealId;
  readonly code: string;
  readonly name: string;
  readonly ownerId: PersonId;
  readonly ownerName: string;
  readonly stageId: StageId;
  readonly stageName: LocalizedText | null;
  readonly stageOrder: number;
  readonly accountId: AccountId;
  readonly accountName: string;
  /** First day of the bar: the kickoff, else the day the deal was created. */
  readonly start: PlanDate;
  readonly startFrom: 'kickoff' | 'created';
  /** Last day of the bar: expected award, else submission, else the last milestone, else start. */
  readonly finish: PlanDate;
  readonly finishFrom: 'expectedAward' | 'submissionDue' | 'milestone' | 'start';
  readonly markers: readonly TimelineMarker[];
  readonly slips: readonly TimelineSlip[];
}

export interface TimelineSources {
  readonly deals: readonly Deal[];
  /** Milestones of (at least) the open deals. */
  readonly milestones: readonly Milestone[];
  readonly accounts: readonly Account[];
  readonly people: readonly Person[];
  readonly stages: readonly Stage[];
  readonly today: PlanDate;
  /** The company calendar: slips are counted in working days. */
  readonly calendar: WorkingCalendar;
  /** Working days a milestone may be behind its baseline before it counts as slipping. */
  readonly slipToleranceDays: number;
  /** The user's time zone, for the creation day of a deal without a kickoff date. */
  readonly timeZone: string;
}

const KEY_KINDS: ReadonlySet<MilestoneKind> = new Set(KEY_MILESTONE_KINDS);

function byDate<T extends { readonly date: PlanDate }>(a: T, b: T): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * Builds a bar per open deal that is not in the trash. Slips come from `detectSlips` on the deal's
 * milestones in working days: late against the baseline by more than the tolerance, or not
 * reached and already past today.
 */
export function buildTimelineDeals(sources: TimelineSources): TimelineDeal[] {
  const { calendar } = sources;
  const accounts = new Map(sources.accounts.map((a) => [a.id, a.name]));
  const people = new Map(sources.people.map((p) => [p.id, p.name]));
  const stages = new Map(sources.stages.map((s) => [s.id, s]));
  const milestonesOf = new Map<string, Milestone[]>();
  for (const milestone of sources.milestones) {
    if (milestone.deletedAt !== null) continue;
    const list = milestonesOf.get(milestone.dealId);
    if (list) list.push(milestone);
    else milestonesOf.set(milestone.dealId, [milestone]);
  }
  const today = calendar.workingIndex(sources.today);

  const rows: TimelineDeal[] = [];
  for (const deal of sources.deals) {
    if (deal.deletedAt !== null || deal.status !== 'open') continue;
    const milestones = milestonesOf.get(deal.id) ?? [];
    const stage = stages.get(deal.stageId);

    const kickoff = deal.keyDates.kickoff;
    const start = kickoff ?? planDateInTimeZone(deal.createdAt, sources.timeZone);
    let lastMilestone: PlanDate | null = null;
    for (const m of milestones) {
      const date = m.actualDate ?? m.date;
      if (lastMilestone === null || date > lastMilestone) lastMilestone = date;
    }
    const [rawFinish, finishFrom]: [PlanDate, TimelineDeal['finishFrom']] =
      deal.keyDates.expectedAward !== null
        ? [deal.keyDates.expectedAward, 'expectedAward']
        : deal.keyDates.submissionDue !== null
          ? [deal.keyDates.submissionDue, 'submissionDue']
          : lastMilestone !== null
            ? [lastMilestone, 'milestone']
            : [start, 'start'];

    const markers: TimelineMarker[] = milestones
      .filter((m) => KEY_KINDS.has(m.kind))
      .map((m) => ({
        id: m.id,
        kind: m.kind,
        name: m.name,
        date: m.actualDate ?? m.date,
        done: m.actualDate !== null,
      }))
      .sort(byDate);

    const report = detectSlips({
      today,
      milestones: milestones.map((m) => ({
        id: m.id,
        date: calendar.workingIndex(m.date),
        ...(m.baselineDate !== null && { baselineDate: calendar.workingIndex(m.baselineDate) }),
        ...(m.actualDate !== null && { actualDate: calendar.workingIndex(m.actualDate) }),
      })),
    });
    const byId = new Map<string, Milestone>(milestones.map((m) => [m.id, m]));
    const slips: TimelineSlip[] = [];
    const addSlip = (id: string, reason: TimelineSlip['reason'], days: number) => {
      const milestone = byId.get(id);
      if (milestone) slips.push({ id: milestone.id, name: milestone.name, reason, days });
    };
    for (const late of report.late) {
      if (late.days > sources.slipToleranceDays) addSlip(late.id, 'late', late.days);
    }
    for (const overdue of report.overdue) addSlip(overdue.id, 'overdue', overdue.days);

    rows.push({
      id: deal.id,
      code: deal.code,
      name: deal.name,
      ownerId: deal.ownerId,
      ownerName: people.get(deal.ownerId) ?? '',
      stageId: deal.stageId,
      stageName: stage?.name ?? null,
      stageOrder: stage?.order ?? Number.MAX_SAFE_INTEGER,
      accountId: deal.accountId,
      accountName: accounts.get(deal.accountId) ?? '',
      start,
      startFrom: kickoff !== null ? 'kickoff' : 'created',
      finish: rawFinish < start ? start : rawFinish,
      finishFrom,
      markers,
      slips,
    });
  }
  return rows;
}

export interface TimelineFilter {
  readonly ownerIds?: readonly PersonId[];
  readonly stageIds?: readonly StageId[];
  readonly accountIds?: readonly AccountId[];
  /** Matched, case-insensitively, against code, name, account and owner. */
  readonly text?: string;
  /** Only deals with a slipping milestone. */
  readonly slippingOnly?: boolean;
}

/** The deals that pass every filter given (an empty or missing filter passes everything). */
export function filterTimelineDeals(
  deals: readonly TimelineDeal[],
  filter: TimelineFilter,
): TimelineDeal[] {
  const owners = filter.ownerIds?.length ? new Set<string>(filter.ownerIds) : null;
  const stages = filter.stageIds?.length ? new Set<string>(filter.stageIds) : null;
  const accounts = filter.accountIds?.length ? new Set<string>(filter.accountIds) : null;
  const needle = filter.text?.trim().toLocaleLowerCase() ?? '';
  return deals.filter(
    (deal) =>
      (!owners || owners.has(deal.ownerId)) &&
      (!stages || stages.has(deal.stageId)) &&
      (!accounts || accounts.has(deal.accountId)) &&
      (!filter.slippingOnly || deal.slips.length > 0) &&
      (needle === '' ||
        [deal.code, deal.name, deal.accountName, deal.ownerName].some((text) =>
          text.toLocaleLowerCase().includes(needle),
        )),
  );
}

export const TIMELINE_GROUPINGS = ['owner', 'stage'] as const;
export type TimelineGrouping = (typeof TIMELINE_GROUPINGS)[number];

export interface TimelineGroup {
  /** The owner's or the stage's id. */
  readonly key: string;
  /** The owner's name, or the stage's name in both languages (null: unknown stage). */
  readonly label:
    | { readonly kind: 'owner'; readonly name: string }
    | {
        readonly kind: 'stage';
        readonly name: LocalizedText | null;
      };
  readonly deals: readonly TimelineDeal[];
  readonly slipping: number;
}

/** Deals in a group: earliest start first, then earliest finish, then code. */
function compareInGroup(a: TimelineDeal, b: TimelineDeal): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.finish !== b.finish) return a.finish < b.finish ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * Groups deals by owner (names in the collation of `locale`, so Chinese names sort by pinyin) or
 * by stage (in sales-process order).
 */
export function groupTimelineDeals(
  deals: readonly TimelineDeal[],
  by: TimelineGrouping,
  locale: string,
): TimelineGroup[] {
  const buckets = new Map<string, TimelineDeal[]>();
  for (const deal of deals) {
    const key = by === 'owner' ? deal.ownerId : deal.stageId;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(deal);
    else buckets.set(key, [deal]);
  }
  const groups: TimelineGroup[] = [...buckets].map(([key, members]) => {
    const first = members[0];
    return {
      key,
      label:
        by === 'owner'
          ? { kind: 'owner', name: first?.ownerName ?? '' }
          : { kind: 'stage', name: first?.stageName ?? null },
      deals: members.sort(compareInGroup),
      slipping: members.filter((deal) => deal.slips.length > 0).length,
    };
  });
  if (by === 'owner') {
    const collator = new Intl.Collator(locale);
    groups.sort(
      (a, b) =>
        collator.compare(
          a.label.kind === 'owner' ? a.label.name : '',
          b.label.kind === 'owner' ? b.label.name : '',
        ) || (a.key < b.key ? -1 : 1),
    );
  } else {
    groups.sort(
      (a, b) =>
        (a.deals[0]?.stageOrder ?? 0) - (b.deals[0]?.stageOrder ?? 0) || (a.key < b.key ? -1 : 1),
    );
  }
  return groups;
}

/** One line of the drawn timeline: a group's header or a deal's bar. */
export type TimelineLine =
  | { readonly type: 'group'; readonly group: TimelineGroup; readonly collapsed: boolean }
  | { readonly type: 'deal'; readonly deal: TimelineDeal };

/** The groups as the list of lines to draw; a collapsed group shows its header only. */
export function timelineLines(
  groups: readonly TimelineGroup[],
  collapsed: ReadonlySet<string>,
): TimelineLine[] {
  const lines: TimelineLine[] = [];
  for (const group of groups) {
    const isCollapsed = collapsed.has(group.key);
    lines.push({ type: 'group', group, collapsed: isCollapsed });
    if (!isCollapsed) for (const deal of group.deals) lines.push({ type: 'deal', deal });
  }
  return lines;
}

/**
 * The days the timeline must show: every bar and marker, and today (so the today line is always
 * on the drawing). With no deals, just today.
 */
export function timelineSpan(
  deals: readonly TimelineDeal[],
  today: PlanDate,
): { from: PlanDate; to: PlanDate } {
  let from = today;
  let to = today;
  for (const deal of deals) {
    if (deal.start < from) from = deal.start;
    if (deal.finish > to) to = deal.finish;
    for (const marker of deal.markers) {
      if (marker.date < from) from = marker.date;
      if (marker.date > to) to = marker.date;
    }
  }
  return { from, to };
}
