import type { Activity } from '@shared/domain/activity';
import type { Assignment } from '@shared/domain/assignment';
import type { WorkingCalendar } from '@shared/domain/calendar';
import type { BudgetLine, CostEntry } from '@shared/domain/cost';
import type { Deal } from '@shared/domain/deal';
import type { PlanDate } from '@shared/domain/dates';
import { planDateFromParts } from '@shared/domain/dates';
import type { Dependency } from '@shared/domain/dependency';
import type { Gate } from '@shared/domain/gate';
import type { DealId, PersonId } from '@shared/domain/ids';
import type { Milestone } from '@shared/domain/milestone';
import type { CurrencyCode, RoundingMode } from '@shared/domain/money';
import type { Risk } from '@shared/domain/risk';
import { isActiveRisk, riskScore } from '@shared/domain/risk';
import type { Task } from '@shared/domain/task';
import type { TimeEntry } from '@shared/domain/time-entry';
import type { CostPerson, CostRole } from '@shared/cost/rollup';
import { dealCostFigures } from '@shared/cost/rollup';
import { analysePlan } from '@shared/plan/analysis';
import { buildPlanRows } from '@shared/plan/rows';
import type { OverAllocation } from '@shared/resources/over-allocation';
import { detectSlips } from '@shared/schedule/baseline';
import type { HealthFacts } from '@shared/health/health';

/**
 * The facts deal health is rated on, derived from the raw records of a whole portfolio in one
 * pass: every list is grouped by deal once, then each open deal's facts are worked out from its
 * own groups (its schedule slack from the plan analysis, its milestone slips, its cost rollup, its
 * risks' exposure, its people's over-allocation, its Pwin trail and its last activity). Kept apart
 * from the rating (`dealHealth`) so thresholds can change without recomputing the schedules, and so
 * each rule is tested on hand-built facts.
 */

export interface HealthSources {
  /** Deals of any status: only open ones not in the trash get facts. */
  readonly deals: readonly Deal[];
  readonly milestones: readonly Milestone[];
  readonly tasks: readonly Task[];
  readonly dependencies: readonly Dependency[];
  readonly risks: readonly Risk[];
  readonly budgetLines: readonly BudgetLine[];
  readonly costEntries: readonly CostEntry[];
  readonly timeEntries: readonly TimeEntry[];
  readonly assignments: readonly Assignment[];
  readonly people: readonly CostPerson[];
  readonly roles: readonly CostRole[];
  readonly gates: readonly Gate[];
  /** The deals' trails (system changes give the Pwin history; logged work the last activity). */
  readonly activities: readonly Activity[];
  /** Over-allocations of the weeks looked at (from `overAllocations` of the weekly load). */
  readonly overAllocations: readonly Pick<OverAllocation, 'personId' | 'tasks'>[];
  readonly calendar: WorkingCalendar;
  readonly baseCurrency: CurrencyCode;
  readonly roundingMode: RoundingMode;
  readonly today: PlanDate;
  /** The user's time zone: the day an activity happened on. */
  readonly timeZone: string;
}

type Grouped<T> = Map<string, T[]>;

function groupByDeal<
  T extends { readonly dealId: string | null; readonly deletedAt: number | null },
>(items: readonly T[], wanted: ReadonlySet<string>): Grouped<T> {
  const out: Grouped<T> = new Map();
  for (const item of items) {
    if (item.deletedAt !== null || item.dealId === null || !wanted.has(item.dealId)) continue;
    const list = out.get(item.dealId);
    if (list) list.push(item);
    else out.set(item.dealId, [item]);
  }
  return out;
}

/** A system activity's change to a deal's Pwin: when, and the values either side. */
function pwinChangeOf(activity: Activity): { at: number; old: number; new: number } | null {
  const system = activity.system;
  if (system === null || system.table !== 'deals') return null;
  for (const change of system.changes) {
    if (change.field !== 'pwin') continue;
    if (typeof change.old === 'number' && typeof change.new === 'number')
      return { at: activity.at, old: change.old, new: change.new };
  }
  return null;
}

/**
 * The Pwin to compare today's against: the value it had at the last decided gate (the last
 * review), read back from the trail as the `old` side of the first change after it (no change
 * since: the current value, so no drop); with no review yet, the first value the trail recorded.
 */
export function pwinReference(
  current: number,
  activities: readonly Activity[],
  lastReviewAt: number | null,
): number | null {
  const changes = activities
    .map(pwinChangeOf)
    .filter((c): c is NonNullable<typeof c> => c !== null)
    .sort((a, b) => a.at - b.at);
  if (lastReviewAt !== null) {
    const after = changes.find((c) => c.at > lastReviewAt);
    return after ? after.old : current;
  }
  return changes[0]?.old ?? null;
}

/** The day of an instant in a time zone, with one formatter for all (making one is slow). */
function dayInZone(timeZone: string): (epochMs: number) => PlanDate {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (epochMs) => {
    const parts = formatter.formatToParts(epochMs);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
    return planDateFromParts(part('year'), part('month'), part('day'));
  };
}

/** One deal's own records, as `dealFacts` reads them (live records of that deal only). */
export interface DealRecords {
  readonly milestones: readonly Milestone[];
  readonly tasks: readonly Task[];
  readonly dependencies: readonly Dependency[];
  readonly risks: readonly Risk[];
  readonly budgetLines: readonly BudgetLine[];
  readonly costEntries: readonly CostEntry[];
  readonly timeEntries: readonly TimeEntry[];
  readonly assignments: readonly Assignment[];
  readonly gates: readonly Gate[];
  readonly activities: readonly Activity[];
}

/** The names of `DealRecords`, in a fixed order (the cache compares them in it). */
export const DEAL_RECORD_KINDS = [
  'milestones',
  'tasks',
  'dependencies',
  'risks',
  'budgetLines',
  'costEntries',
  'timeEntries',
  'assignments',
  'gates',
  'activities',
] as const satisfies readonly (keyof DealRecords)[];

const NONE: readonly never[] = [];

/** The open deals of `sources` not in the trash, and each one's live records. */
export function recordsByDeal(sources: Pick<HealthSources, 'deals' | keyof DealRecords>): {
  deals: Deal[];
  records: (deal: DealId) => DealRecords;
} {
  const deals = sources.deals.filter((d) => d.deletedAt === null && d.status === 'open');
  const ids = new Set<string>(deals.map((d) => d.id));
  const milestones = groupByDeal(sources.milestones, ids);
  const tasks = groupByDeal(sources.tasks, ids);
  const dependencies = groupByDeal(sources.dependencies, ids);
  const risks = groupByDeal(sources.risks, ids);
  const budgetLines = groupByDeal(sources.budgetLines, ids);
  const costEntries = groupByDeal(sources.costEntries, ids);
  const timeEntries = groupByDeal(sources.timeEntries, ids);
  const assignments = groupByDeal(sources.assignments, ids);
  const gates = groupByDeal(sources.gates, ids);
  const activities = groupByDeal(sources.activities, ids);
  return {
    deals,
    records: (id) => ({
      milestones: milestones.get(id) ?? NONE,
      tasks: tasks.get(id) ?? NONE,
      dependencies: dependencies.get(id) ?? NONE,
      risks: risks.get(id) ?? NONE,
      budgetLines: budgetLines.get(id) ?? NONE,
      costEntries: costEntries.get(id) ?? NONE,
      timeEntries: timeEntries.get(id) ?? NONE,
      assignments: assignments.get(id) ?? NONE,
      gates: gates.get(id) ?? NONE,
      activities: activities.get(id) ?? NONE,
    }),
  };
}

/** The people over capacity in the weeks looked at, per deal whose tasks they work on. */
export function overAllocatedByDeal(
  overAllocations: HealthSources['overAllocations'],
): Map<string, Set<PersonId>> {
  const overPeople = new Map<string, Set<PersonId>>();
  for (const over of overAllocations) {
    for (const task of over.tasks) {
      const set = overPeople.get(task.dealId) ?? new Set<PersonId>();
      set.add(over.personId);
      overPeople.set(task.dealId, set);
    }
  }
  return overPeople;
}

/** What every deal's facts are worked out against (the same for the whole portfolio). */
export type FactsContext = Pick<
  HealthSources,
  'people' | 'roles' | 'calendar' | 'baseCurrency' | 'roundingMode' | 'today' | 'timeZone'
>;

/**
 * A function giving one open deal's facts from its own records and the number of its people
 * over capacity; everything shared by the deals (calendar, today's working day, the time-zone
 * formatter) is prepared once.
 */
export function dealFactsWith(
  context: FactsContext,
): (deal: Deal, records: DealRecords, overAllocatedPeople: number) => HealthFacts {
  const { calendar, today } = context;
  const todayIndex = calendar.workingIndex(today);
  const dayOf = dayInZone(context.timeZone);
  const thresholds = { budgetWarnPct: 100, costOfSaleWarnPct: 100 };
  return (deal, records, overAllocatedPeople) => {
    const ms = records.milestones;
    const ts = records.tasks;

    const report = detectSlips({
      today: todayIndex,
      milestones: ms.map((m) => ({
        id: m.id,
        date: calendar.workingIndex(m.date),
        ...(m.baselineDate !== null && { baselineDate: calendar.workingIndex(m.baselineDate) }),
        ...(m.actualDate !== null && { actualDate: calendar.workingIndex(m.actualDate) }),
      })),
    });
    const slipped = new Map<string, { name: string; lateDays: number; overdueDays: number }>();
    const names = new Map<string, string>(ms.map((m) => [m.id, m.name]));
    const entry = (id: string) => {
      const found = slipped.get(id);
      if (found) return found;
      const created = { name: names.get(id) ?? '', lateDays: 0, overdueDays: 0 };
      slipped.set(id, created);
      return created;
    };
    for (const late of report.late) entry(late.id).lateDays = late.days;
    for (const overdue of report.overdue) entry(overdue.id).overdueDays = overdue.days;

    let submissionSlackDays: number | null = null;
    if (deal.keyDates.submissionDue !== null && (ts.length > 0 || ms.length > 0)) {
      const analysis = analysePlan({
        rows: buildPlanRows(ts, ms),
        links: records.dependencies.map((d) => ({
          predecessorId: d.predecessorId,
          successorId: d.successorId,
          type: d.type,
          lagDays: d.lagDays,
        })),
        calendar,
        today,
        submissionDue: deal.keyDates.submissionDue,
      });
      if (analysis.ok && analysis.deadline !== null && !analysis.deadline.done)
        submissionSlackDays = analysis.deadline.slackDays;
    }

    const cost = dealCostFigures({
      deal,
      budgetLines: records.budgetLines,
      costEntries: records.costEntries,
      timeEntries: records.timeEntries,
      assignments: records.assignments,
      tasks: ts,
      people: context.people,
      roles: context.roles,
      today,
      thresholds,
      roundingMode: context.roundingMode,
    });

    const active = records.risks.filter(isActiveRisk);
    let exposureMinor = 0;
    for (const risk of active) {
      if (risk.exposure.currency === context.baseCurrency)
        exposureMinor += risk.exposure.amountMinor;
    }

    const trail = records.activities;
    let lastReviewAt: number | null = null;
    for (const gate of records.gates) {
      if (gate.decidedAt !== null && (lastReviewAt === null || gate.decidedAt > lastReviewAt))
        lastReviewAt = gate.decidedAt;
    }
    let lastAt = deal.createdAt;
    for (const activity of trail) {
      if (activity.type !== 'system' && activity.at > lastAt) lastAt = activity.at;
    }
    const lastDay = dayOf(lastAt);

    return {
      dealId: deal.id,
      milestones: [...slipped.values()],
      submissionSlackDays,
      cost: {
        currency: cost.currency,
        valueMinor: deal.value.amountMinor,
        budgetMinor: cost.budget.amountMinor,
        actualMinor: cost.actual.amountMinor,
        eacMinor: cost.eac.amountMinor,
      },
      exposure: { amountMinor: exposureMinor, currency: context.baseCurrency },
      risks: active.map((r) => ({ title: r.title, score: riskScore(r) })),
      overAllocatedPeople,
      pwin: { current: deal.pwin, reference: pwinReference(deal.pwin, trail, lastReviewAt) },
      lastActivity: lastDay > today ? today : lastDay,
    };
  };
}

/** The facts of every open deal not in the trash, keyed by deal id. */
export function healthFacts(sources: HealthSources): Map<DealId, HealthFacts> {
  const { deals, records } = recordsByDeal(sources);
  const overPeople = overAllocatedByDeal(sources.overAllocations);
  const factsOf = dealFactsWith(sources);
  const out = new Map<DealId, HealthFacts>();
  for (const deal of deals)
    out.set(deal.id, factsOf(deal, records(deal.id), overPeople.get(deal.id)?.size ?? 0));
  return out;
}
