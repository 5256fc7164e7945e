import type { PlanDate, Weekday } from '@shared/domain/dates';
import { startOfWeek } from '@shared/domain/dates';
import type { PersonId, RoleId, TaskId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import {
  MAX_LOAD_WEEKS,
  MIN_LOAD_WEEKS,
  reweighPeople,
  weeklyLoad,
  type WeeklyLoad,
  type WeeklyLoadInput,
} from '@shared/resources/load';
import {
  overAllocations,
  suggestions,
  type OverAllocation,
  type Suggestions,
} from '@shared/resources/over-allocation';
import type { LoadRecords } from '@renderer/db/hooks/resources';
import type { PlanRecords } from '@renderer/db/hooks/plan';
import { calendarFromSettings } from '@shared/domain/calendar';
import { analysePlan } from '@shared/plan/analysis';
import { buildPlanRows } from '@shared/plan/rows';

/** Weeks start on Monday, as on Chinese and ISO calendars. */
export const WEEK_STARTS_ON: Weekday = 1;

/** The ranges offered in the heatmap. */
export const WEEK_COUNTS = [4, 8, 13, 26, 52] as const satisfies readonly number[];

export function clampWeeks(count: number): number {
  return Math.min(MAX_LOAD_WEEKS, Math.max(MIN_LOAD_WEEKS, Math.round(count)));
}

export function weekStartOf(date: PlanDate): PlanDate {
  return startOfWeek(date, WEEK_STARTS_ON);
}

function loadInput(records: LoadRecords, start: PlanDate, count: number): WeeklyLoadInput {
  return {
    people: records.people,
    assignments: records.assignments,
    tasks: records.tasks,
    settings: records.settings,
    weeks: { start: weekStartOf(start), count: clampWeeks(count) },
    weekStartsOn: WEEK_STARTS_ON,
  };
}

/** A load and the records it was computed from, to compute the next one from what changed. */
export interface ComputedLoad {
  readonly records: LoadRecords;
  readonly load: WeeklyLoad;
}

/**
 * The people whose assignments differ between two reads of the load records, or null when more
 * than assignments changed (people, settings or the plans were read again): then everything is
 * computed again. Every write bumps a record's revision, so id and revision tell a change; the
 * assignments are read in key order, so the ones that did not change keep their relative order
 * (a cell lists its contributions in that order).
 */
export function changedPeople(before: LoadRecords, after: LoadRecords): Set<PersonId> | null {
  if (before.tasks !== after.tasks) return null;
  if (
    before.settings.rev !== after.settings.rev ||
    before.settings.updatedAt !== after.settings.updatedAt
  ) {
    return null;
  }
  if (before.people.length !== after.people.length) return null;
  for (let i = 0; i < after.people.length; i += 1) {
    const a = before.people[i];
    const b = after.people[i];
    if (a === undefined || b === undefined || a.id !== b.id || a.rev !== b.rev) return null;
  }
  // The mirror keeps an unchanged record's object and its place in the list, so the records
  // both lists share at their start and end are skipped by identity: a reassignment leaves one
  // record in between, not the portfolio's tens of thousands to index.
  const was = before.assignments;
  const now = after.assignments;
  let head = 0;
  while (head < was.length && head < now.length && was[head] === now[head]) head += 1;
  let tail = 0;
  while (
    tail < was.length - head &&
    tail < now.length - head &&
    was[was.length - 1 - tail] === now[now.length - 1 - tail]
  ) {
    tail += 1;
  }
  const old = new Map(
    was.slice(head, was.length - tail).map((assignment) => [assignment.id, assignment]),
  );
  const changed = new Set<PersonId>();
  for (const assignment of now.slice(head, now.length - tail)) {
    const prior = old.get(assignment.id);
    old.delete(assignment.id);
    if (prior !== undefined && prior.rev === assignment.rev) continue;
    changed.add(assignment.personId);
    if (prior !== undefined) changed.add(prior.personId);
  }
  for (const gone of old.values()) changed.add(gone.personId);
  return changed;
}

/**
 * The load of the people in `records` (inactive ones included: their work still counts). Given
 * the previous computation, only the people whose assignments changed are computed again (a
 * reassignment touches two), the other rows stay the same objects.
 */
export function computeLoad(
  records: LoadRecords,
  start: PlanDate,
  count: number,
  previous: ComputedLoad | null = null,
): WeeklyLoad {
  const input = loadInput(records, start, count);
  const changed = previous === null ? null : changedPeople(previous.records, records);
  if (previous === null || changed === null) return weeklyLoad(input);
  return reweighPeople(previous.load, input, changed);
}

/**
 * Computes a view's successive loads: each from what changed since the one before (see
 * `computeLoad`). One per view, kept for its lifetime; it holds only the last computation.
 */
export class LoadSeries {
  private last: ComputedLoad | null = null;

  next(records: LoadRecords, start: PlanDate, count: number): WeeklyLoad {
    const load = computeLoad(records, start, count, this.last);
    this.last = { records, load };
    return load;
  }
}

/** How many over-allocated people a list shows, worst first. */
export const SHOWN_OVER_ALLOCATIONS = 20;

/** Over-allocations with their suggestions (reassign to someone free in the same role). */
export interface OverAllocationWithSuggestions {
  readonly over: OverAllocation;
  readonly suggestions: Suggestions;
}

export function overAllocationsWithSuggestions(
  load: WeeklyLoad,
  records: LoadRecords,
  onlyPeople?: ReadonlySet<PersonId>,
  /** Total slack of tasks that may move later (working days), from the plan analysis. */
  slackByTask: ReadonlyMap<TaskId, number> = new Map(),
  /** Suggestions are worked out for the worst this many only: the ones a list shows. */
  limit = SHOWN_OVER_ALLOCATIONS,
): OverAllocationWithSuggestions[] {
  return overAllocations(load)
    .filter((over) => onlyPeople === undefined || onlyPeople.has(over.personId))
    .slice(0, limit)
    .map((over) => ({
      over,
      suggestions: suggestions({
        overAllocation: over,
        load,
        people: records.people,
        roles: records.roles,
        slackByTask,
        tasks: records.tasks,
        settings: records.settings,
      }),
    }));
}

/** Names for ids, for the views. */
export function nameMaps(records: Pick<LoadRecords, 'people' | 'roles' | 'deals' | 'tasks'>) {
  return {
    person: new Map<PersonId, Person>(records.people.map((p) => [p.id, p])),
    role: new Map<RoleId, LoadRecords['roles'][number]>(records.roles.map((r) => [r.id, r])),
    deal: new Map<string, LoadRecords['deals'][number]>(records.deals.map((d) => [d.id, d])),
    task: new Map<string, LoadRecords['tasks'][number]>(records.tasks.map((t) => [t.id, t])),
  };
}

/**
 * Each task's total slack in working days (how far it can move later without the deal slipping),
 * from the plan analysis the Plan tab shows; tasks with none are left out.
 */
export function slackOfPlan(input: {
  readonly plan: PlanRecords;
  readonly settings: LoadRecords['settings'];
  readonly today: PlanDate;
  readonly submissionDue: PlanDate | null;
}): ReadonlyMap<TaskId, number> {
  const analysis = analysePlan({
    rows: buildPlanRows(input.plan.tasks, input.plan.milestones),
    links: input.plan.dependencies.map((d) => ({
      predecessorId: d.predecessorId,
      successorId: d.successorId,
      type: d.type,
      lagDays: d.lagDays,
    })),
    calendar: calendarFromSettings(input.settings),
    today: input.today,
    submissionDue: input.submissionDue,
  });
  const out = new Map<TaskId, number>();
  if (!analysis.ok) return out;
  for (const task of input.plan.tasks) {
    const slack = analysis.rows.get(task.id)?.slackDays ?? 0;
    if (slack >= 1) out.set(task.id, slack);
  }
  return out;
}
