/**
 * The performance scorecard: per person and fiscal period, results (bookings against target, win
 * rate, average deal size, sales cycle) and activity (meetings and site visits logged, deals
 * advanced, milestones met on time, deliverables finished on time, risk reviews), each beside the
 * team's median. Everything is computed from stored facts; nothing here is stored.
 *
 * Definitions (all within the period's first and last day, inclusive):
 * - bookings: the person's credit on revenue (revenue and overlay splits, spread installments
 *   included), in the settings' currency; target: their own revenue target for exactly the period;
 * - win rate: of the deals they own that closed won or lost in the period, the share won (no-bid
 *   and cancelled deals are not decided by the customer and are left out);
 * - average deal size and cycle time: over the deals they own won in the period (value in the
 *   settings' currency; cycle = days from the deal's creation to its outcome date);
 * - meetings and site visits: activities of that type they logged;
 * - deals advanced: deals they moved to a later stage at least once (stage moves in the trail);
 * - milestones: of the milestones met in the period on deals they own, those met on or before the
 *   date agreed in the baseline (or the planned date when never baselined);
 * - deliverables: of the deliverables they own due in the period and finished (approved or
 *   submitted), those finished on or before the due date (when the trail shows it finished; a
 *   deliverable without such an entry counts as finished on its last change);
 * - risk reviews: risk history entries they recorded.
 */
import type { Activity } from '@shared/domain/activity';
import type { PlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { Deliverable } from '@shared/domain/deliverable';
import type { PersonId } from '@shared/domain/ids';
import type { Milestone } from '@shared/domain/milestone';
import type { CurrencyCode, Money } from '@shared/domain/money';
import { diffDays } from '@shared/domain/dates';
import type { Period } from '@shared/domain/period';
import type { Risk } from '@shared/domain/risk';
import type { Target } from '@shared/domain/target';
import { ratioBp } from '@shared/compensation/allocation';
import { findPersonTarget } from '@shared/compensation/bases';
import type { CreditLine } from '@shared/compensation/credit';
import { creditTotalsByPerson } from '@shared/compensation/credit';

/** A count of things done on time out of those that could be. */
export interface OnTime {
  readonly onTime: number;
  readonly total: number;
  /** onTime ÷ total in basis points; null when there were none. */
  readonly rateBp: number | null;
}

export interface ScorecardRow {
  readonly personId: PersonId;
  readonly bookings: Money;
  readonly target: Money | null;
  /** bookings ÷ target in basis points; null without a target. */
  readonly attainmentBp: number | null;
  readonly won: number;
  readonly lost: number;
  /** won ÷ (won + lost) in basis points; null when nothing was decided. */
  readonly winRateBp: number | null;
  /** Mean value of the deals won, in minor units rounded half away from zero; null when none. */
  readonly averageDealSize: Money | null;
  /** Mean days from creation to outcome of the deals won; null when none. */
  readonly cycleDays: number | null;
  readonly meetings: number;
  readonly siteVisits: number;
  readonly dealsAdvanced: number;
  readonly milestones: OnTime;
  readonly deliverables: OnTime;
  readonly riskReviews: number;
}

/** The figures a scorecard shows and sorts by, each a number (or null when there is none). */
export const SCORECARD_FIGURES = [
  'bookings',
  'target',
  'attainment',
  'winRate',
  'averageDealSize',
  'cycleDays',
  'meetings',
  'siteVisits',
  'dealsAdvanced',
  'milestonesOnTime',
  'deliverablesOnTime',
  'riskReviews',
] as const;
export type ScorecardFigure = (typeof SCORECARD_FIGURES)[number];

/** The number a figure is compared and its median taken on (money in minor units, rates in bp). */
export function figureValue(row: ScorecardRow, figure: ScorecardFigure): number | null {
  switch (figure) {
    case 'bookings':
      return row.bookings.amountMinor;
    case 'target':
      return row.target?.amountMinor ?? null;
    case 'attainment':
      return row.attainmentBp;
    case 'winRate':
      return row.winRateBp;
    case 'averageDealSize':
      return row.averageDealSize?.amountMinor ?? null;
    case 'cycleDays':
      return row.cycleDays;
    case 'meetings':
      return row.meetings;
    case 'siteVisits':
      return row.siteVisits;
    case 'dealsAdvanced':
      return row.dealsAdvanced;
    case 'milestonesOnTime':
      return row.milestones.rateBp;
    case 'deliverablesOnTime':
      return row.deliverables.rateBp;
    case 'riskReviews':
      return row.riskReviews;
  }
}

/**
 * The median of some numbers: the middle one, or the mean of the two middle ones for an even
 * count; null for none. Order does not matter.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[middle - 1] ?? 0;
  return (lower + upper) / 2;
}

/** The median of each figure over the rows that have one (a person without a target is not a zero). */
export function scorecardMedians(
  rows: readonly ScorecardRow[],
): Record<ScorecardFigure, number | null> {
  const result = {} as Record<ScorecardFigure, number | null>;
  for (const figure of SCORECARD_FIGURES) {
    const values: number[] = [];
    for (const row of rows) {
      const value = figureValue(row, figure);
      if (value !== null) values.push(value);
    }
    result[figure] = median(values);
  }
  return result;
}

/**
 * Rows sorted by a figure; people without the figure go last in either direction, and ties keep
 * the given order (the caller's name order).
 */
export function sortScorecard(
  rows: readonly ScorecardRow[],
  figure: ScorecardFigure,
  direction: 'ascend' | 'descend',
): ScorecardRow[] {
  const sign = direction === 'ascend' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: figureValue(row, figure) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === null ? 1 : -1;
      }
      return (a.value - b.value) * sign || a.index - b.index;
    })
    .map(({ row }) => row);
}

export interface ScorecardInput {
  readonly people: readonly { readonly id: PersonId }[];
  readonly period: Period;
  /** First and last day of the period (see `periodBounds`). */
  readonly bounds: { readonly start: PlanDate; readonly end: PlanDate };
  /** The settings' currency: bookings, targets and deal sizes in it only. */
  readonly currency: CurrencyCode;
  /** Credit lines by month (see `monthlyCredit`). */
  readonly credit: readonly CreditLine[];
  readonly targets: readonly Target[];
  readonly deals: readonly Deal[];
  readonly activities: readonly Activity[];
  readonly milestones: readonly Milestone[];
  readonly deliverables: readonly Deliverable[];
  readonly risks: readonly Risk[];
  /** Stage order by stage id, to tell a move forward from a move back. */
  readonly stageOrder: ReadonlyMap<string, number>;
  /** The day of a moment in the user's time zone (the app passes the local calendar day). */
  readonly dateOf: (epochMs: number) => PlanDate;
}

const FINISHED = new Set(['approved', 'submitted']);

function onTime(onTimeCount: number, total: number): OnTime {
  return {
    onTime: onTimeCount,
    total,
    rateBp: total === 0 ? null : ratioBp(onTimeCount, total),
  };
}

function meanRounded(sum: number, count: number): number {
  const mean = sum / count;
  return Math.sign(mean) * Math.round(Math.abs(mean));
}

function counter<K>(): { add(key: K, by?: number): void; get(key: K): number } {
  const map = new Map<K, number>();
  return {
    add(key, by = 1) {
      map.set(key, (map.get(key) ?? 0) + by);
    },
    get: (key) => map.get(key) ?? 0,
  };
}

/** One scorecard row per person, in the order given. */
export function computeScorecard(input: ScorecardInput): ScorecardRow[] {
  const { start, end } = input.bounds;
  const inPeriod = (date: PlanDate | null): date is PlanDate =>
    date !== null && date >= start && date <= end;
  const msInPeriod = (ms: number) => inPeriod(input.dateOf(ms));

  const bookings = creditTotalsByPerson(input.credit, input.period, 'revenue', input.currency);

  const won = counter<PersonId>();
  const lost = counter<PersonId>();
  const wonValue = counter<PersonId>();
  const wonInCurrency = counter<PersonId>();
  const cycleDays = counter<PersonId>();
  const dealOwner = new Map<string, PersonId>();
  for (const deal of input.deals) {
    if (deal.deletedAt !== null) continue;
    dealOwner.set(deal.id, deal.ownerId);
    if (!inPeriod(deal.outcomeDate)) continue;
    if (deal.status === 'lost') lost.add(deal.ownerId);
    if (deal.status !== 'won') continue;
    won.add(deal.ownerId);
    cycleDays.add(
      deal.ownerId,
      Math.max(0, diffDays(input.dateOf(deal.createdAt), deal.outcomeDate)),
    );
    if (deal.value.currency === input.currency) {
      wonValue.add(deal.ownerId, deal.value.amountMinor);
      wonInCurrency.add(deal.ownerId);
    }
  }

  const meetings = counter<PersonId>();
  const siteVisits = counter<PersonId>();
  const advanced = new Map<PersonId, Set<string>>();
  /** Deliverable id → the day it first became approved or submitted, per the trail. */
  const finishedOn = new Map<string, PlanDate>();
  for (const activity of input.activities) {
    if (activity.deletedAt !== null) continue;
    if (activity.type === 'system' && activity.system !== null) {
      const system = activity.system;
      if (system.table === 'deliverables') {
        const change = system.changes.find((c) => c.field === 'status');
        if (change !== undefined && typeof change.new === 'string' && FINISHED.has(change.new)) {
          const day = input.dateOf(activity.at);
          const before = finishedOn.get(system.entityId);
          if (before === undefined || day < before) finishedOn.set(system.entityId, day);
        }
        continue;
      }
      if (
        system.table !== 'deals' ||
        activity.actorId === null ||
        activity.dealId === null ||
        !msInPeriod(activity.at)
      ) {
        continue;
      }
      const stage = system.changes.find((c) => c.field === 'stageId');
      if (stage === undefined || typeof stage.old !== 'string' || typeof stage.new !== 'string') {
        continue;
      }
      const from = input.stageOrder.get(stage.old);
      const to = input.stageOrder.get(stage.new);
      if (from === undefined || to === undefined || to <= from) continue;
      const deals = advanced.get(activity.actorId) ?? new Set<string>();
      deals.add(activity.dealId);
      advanced.set(activity.actorId, deals);
      continue;
    }
    if (activity.actorId === null || !msInPeriod(activity.at)) continue;
    if (activity.type === 'meeting') meetings.add(activity.actorId);
    if (activity.type === 'site_visit') siteVisits.add(activity.actorId);
  }

  const milestonesMet = counter<PersonId>();
  const milestonesOnTime = counter<PersonId>();
  for (const milestone of input.milestones) {
    if (milestone.deletedAt !== null || !inPeriod(milestone.actualDate)) continue;
    const owner = dealOwner.get(milestone.dealId);
    if (owner === undefined) continue;
    milestonesMet.add(owner);
    if (milestone.actualDate <= (milestone.baselineDate ?? milestone.date)) {
      milestonesOnTime.add(owner);
    }
  }

  const deliverablesDone = counter<PersonId>();
  const deliverablesOnTime = counter<PersonId>();
  for (const deliverable of input.deliverables) {
    if (deliverable.deletedAt !== null || !inPeriod(deliverable.dueDate)) continue;
    if (!FINISHED.has(deliverable.status) || !dealOwner.has(deliverable.dealId)) continue;
    const owner = deliverable.ownerId ?? dealOwner.get(deliverable.dealId);
    if (owner === undefined) continue;
    deliverablesDone.add(owner);
    const finished = finishedOn.get(deliverable.id) ?? input.dateOf(deliverable.updatedAt);
    if (finished <= deliverable.dueDate) deliverablesOnTime.add(owner);
  }

  const reviews = counter<PersonId>();
  for (const risk of input.risks) {
    if (risk.deletedAt !== null || !dealOwner.has(risk.dealId)) continue;
    for (const entry of risk.history) {
      if (entry.byId !== null && msInPeriod(entry.at)) reviews.add(entry.byId);
    }
  }

  return input.people.map((person) => {
    const id = person.id;
    const found = findPersonTarget(input.targets, id, input.period, 'revenue');
    const target = found !== null && found.amount.currency === input.currency ? found.amount : null;
    const booked = bookings.get(id) ?? { amountMinor: 0, currency: input.currency };
    const wonCount = won.get(id);
    const decided = wonCount + lost.get(id);
    const sized = wonInCurrency.get(id);
    return {
      personId: id,
      bookings: booked,
      target,
      attainmentBp: target === null ? null : ratioBp(booked.amountMinor, target.amountMinor),
      won: wonCount,
      lost: lost.get(id),
      winRateBp: decided === 0 ? null : ratioBp(wonCount, decided),
      averageDealSize:
        sized === 0
          ? null
          : { amountMinor: meanRounded(wonValue.get(id), sized), currency: input.currency },
      cycleDays: wonCount === 0 ? null : meanRounded(cycleDays.get(id), wonCount),
      meetings: meetings.get(id),
      siteVisits: siteVisits.get(id),
      dealsAdvanced: advanced.get(id)?.size ?? 0,
      milestones: onTime(milestonesOnTime.get(id), milestonesMet.get(id)),
      deliverables: onTime(deliverablesOnTime.get(id), deliverablesDone.get(id)),
      riskReviews: reviews.get(id),
    };
  });
}
