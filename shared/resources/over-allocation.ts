/**
 * Over-allocation: the weeks a person is loaded above the threshold, the tasks that cause it, and
 * what could be done about it (another person with the same role and free time, or a task with
 * schedule slack moved later).
 */
import { calendarFromSettings } from '@shared/domain/calendar';
import { addDays, type PlanDate } from '@shared/domain/dates';
import type { DealId, PersonId, RoleId, TaskId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { Settings } from '@shared/domain/settings';
import {
  personWeeks,
  placeAssignment,
  type Contribution,
  type LoadPerson,
  type LoadSettings,
  type LoadTask,
  type PersonCell,
  type PersonLoad,
  type WeeklyLoad,
} from '@shared/resources/load';

export interface OverAllocatedWeek {
  /** Position of the week in `load.weeks`. */
  readonly week: number;
  readonly weekStart: PlanDate;
  /** The load counted: committed, plus tentative when the over-allocation includes it. */
  readonly loadMinutes: number;
  readonly capacityMinutes: number;
  /** Load above the threshold (what has to go for the week to stop being over). */
  readonly excessMinutes: number;
  /** What fills the week, largest first. */
  readonly contributions: readonly Contribution[];
}

export interface OverAllocatingTask {
  readonly taskId: TaskId;
  readonly dealId: DealId;
  /** The task's minutes in the person's over-allocated weeks. */
  readonly minutes: number;
  readonly weekStarts: readonly PlanDate[];
  /** The task belongs to the tentative (what-if) layer. */
  readonly tentative: boolean;
}

export interface OverAllocation {
  readonly personId: PersonId;
  readonly primaryRoleId: RoleId | null;
  /** Whether the tentative layer was counted (a what-if) or only committed work. */
  readonly includesTentative: boolean;
  readonly weeks: readonly OverAllocatedWeek[];
  /** The tasks that fill those weeks, most minutes first. */
  readonly tasks: readonly OverAllocatingTask[];
  readonly excessMinutes: number;
}

/** The most a week may hold before it is over: capacity × threshold, in whole minutes. */
export function allowedMinutes(capacityMinutes: number, overAllocationPct: number): number {
  return Math.floor((capacityMinutes * overAllocationPct) / 100);
}

function loadOf(cell: PersonCell, includeTentative: boolean): number {
  return cell.assignedMinutes + (includeTentative ? cell.tentativeMinutes : 0);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const byMinutesDesc = (a: { minutes: number }, b: { minutes: number }) => b.minutes - a.minutes;

/**
 * Per person, the weeks loaded above the over-allocation threshold and the tasks filling them:
 * what the warnings on the person, the deal's Team tab and the plan's tasks are built from.
 * People are listed worst first (most excess), then in load order.
 *
 * By default only committed work counts; with `includeTentative` the what-if layer counts too,
 * which is how a tentative deal's own over-allocations are listed.
 */
export function overAllocations(
  load: WeeklyLoad,
  options: { readonly includeTentative?: boolean } = {},
): OverAllocation[] {
  const includeTentative = options.includeTentative ?? false;
  const out: OverAllocation[] = [];
  for (const row of load.people) {
    const weeks: OverAllocatedWeek[] = [];
    const tasks = new Map<TaskId, Mutable<OverAllocatingTask> & { weekStarts: PlanDate[] }>();
    let excessTotal = 0;
    row.cells.forEach((cell, week) => {
      const band = includeTentative ? cell.bandWithTentative : cell.band;
      if (band !== 'over') return;
      const loadMinutes = loadOf(cell, includeTentative);
      const excessMinutes =
        loadMinutes - allowedMinutes(cell.capacityMinutes, load.overAllocationPct);
      const contributions = includeTentative
        ? [...cell.contributions, ...cell.tentativeContributions]
        : [...cell.contributions];
      contributions.sort(byMinutesDesc);
      weeks.push({
        week,
        weekStart: cell.weekStart,
        loadMinutes,
        capacityMinutes: cell.capacityMinutes,
        excessMinutes,
        contributions,
      });
      excessTotal += excessMinutes;
      const tentativeIds = new Set(cell.tentativeContributions.map((c) => c.assignmentId));
      for (const contribution of contributions) {
        const tentative = tentativeIds.has(contribution.assignmentId);
        const entry = tasks.get(contribution.taskId);
        if (entry === undefined) {
          tasks.set(contribution.taskId, {
            taskId: contribution.taskId,
            dealId: contribution.dealId,
            minutes: contribution.minutes,
            weekStarts: [cell.weekStart],
            tentative,
          });
          continue;
        }
        entry.minutes += contribution.minutes;
        entry.tentative ||= tentative;
        if (entry.weekStarts.at(-1) !== cell.weekStart) entry.weekStarts.push(cell.weekStart);
      }
    });
    if (weeks.length === 0) continue;
    out.push({
      personId: row.personId,
      primaryRoleId: row.primaryRoleId,
      includesTentative: includeTentative,
      weeks,
      tasks: [...tasks.values()].sort(byMinutesDesc),
      excessMinutes: excessTotal,
    });
  }
  // Stable: equal excess keeps load order.
  return out.sort((a, b) => b.excessMinutes - a.excessMinutes);
}

export interface TaskOverAllocationWarning {
  readonly personId: PersonId;
  readonly weekStarts: readonly PlanDate[];
  readonly minutes: number;
}

/**
 * The over-allocations seen from the plan: for each task, the people it over-allocates and in
 * which weeks, so the plan grid can flag the task itself.
 */
export function tasksCausingOverAllocation(
  overs: readonly OverAllocation[],
): ReadonlyMap<TaskId, readonly TaskOverAllocationWarning[]> {
  const out = new Map<TaskId, TaskOverAllocationWarning[]>();
  for (const over of overs) {
    for (const task of over.tasks) {
      const warning = {
        personId: over.personId,
        weekStarts: task.weekStarts,
        minutes: task.minutes,
      };
      const list = out.get(task.taskId);
      if (list === undefined) out.set(task.taskId, [warning]);
      else list.push(warning);
    }
  }
  return out;
}

/** Someone who could take over part of the work. */
export interface ReassignCandidate {
  readonly personId: PersonId;
  /** Free minutes summed over the over-allocated weeks. */
  readonly freeMinutes: number;
  /** Free minutes in each over-allocated week, in the order of `overAllocation.weeks`. */
  readonly freeByWeek: readonly number[];
  /** Free time in every over-allocated week at least matches that week's excess. */
  readonly coversExcess: boolean;
}

export interface RoleSuggestion {
  readonly roleId: RoleId;
  /** The over-allocated person's minutes in this role in the over-allocated weeks. */
  readonly minutes: number;
  /** Most free time first. */
  readonly candidates: readonly ReassignCandidate[];
}

export interface TaskMoveSuggestion {
  readonly taskId: TaskId;
  readonly dealId: DealId;
  /** Total slack from the schedule: how far the task can move without the deal slipping. */
  readonly slackDays: number;
  /** The proposed move, in working days (1 … slack). */
  readonly moveDays: number;
  readonly newStart: PlanDate;
  readonly newFinish: PlanDate;
  /** How much the person's excess over the range shrinks with the move. */
  readonly excessReducedMinutes: number;
  /** The person's excess over the range that remains after the move. */
  readonly remainingExcessMinutes: number;
}

export interface Suggestions {
  readonly reassign: readonly RoleSuggestion[];
  /** Best first. */
  readonly moveLater: readonly TaskMoveSuggestion[];
}

export type SuggestionPerson = LoadPerson & Pick<Person, 'active'>;

export interface SuggestionInput {
  readonly overAllocation: OverAllocation;
  /** The load the over-allocation was found in. */
  readonly load: WeeklyLoad;
  readonly people: readonly SuggestionPerson[];
  readonly roles: readonly Pick<Role, 'id' | 'deletedAt'>[];
  /** Total slack per task, in working days on the company calendar (from `computeSchedule`). */
  readonly slackByTask: ReadonlyMap<TaskId, number>;
  /** Must hold the over-allocating tasks; passing all tasks is simplest. */
  readonly tasks: readonly LoadTask[];
  /** The company calendar (task moves) and the people's calendars (their load after a move). */
  readonly settings: LoadSettings & Pick<Settings, 'workingWeek'>;
}

/**
 * Ways out of an over-allocation.
 *
 * **Reassign.** For each role the person works in during those weeks (the assignment's role, or
 * their primary role), the other active people holding that role with free time in those weeks,
 * most free time first. Free time is capacity minus everything already on them, tentative work
 * included, because a what-if should not propose someone the scenario itself has filled.
 *
 * **Move later.** Each task filling those weeks that has total slack (from the scheduling engine,
 * in working days on the company calendar) is tried at the moves that carry it past the end of
 * each over-allocated week, and at its full slack. The move that removes the most excess from the
 * person's whole range wins (the smallest such move on a tie); a move that only pushes the excess
 * into the following weeks removes none and is not proposed. Only this person's load is
 * re-evaluated: other people on the same task move with it, and their load is shown once the
 * move is made. Load is judged within the heatmap range; work moved past its last week leaves the
 * evaluation, so a move near the end of the range is best judged on a longer range.
 */
export function suggestions(input: SuggestionInput): Suggestions {
  const { overAllocation, load } = input;
  const rowOf = new Map<PersonId, PersonLoad>(load.people.map((row) => [row.personId, row]));
  return {
    reassign: reassignSuggestions(input, rowOf),
    moveLater: moveSuggestions(input, rowOf.get(overAllocation.personId)),
  };
}

function reassignSuggestions(
  input: SuggestionInput,
  rowOf: ReadonlyMap<PersonId, PersonLoad>,
): RoleSuggestion[] {
  const { overAllocation } = input;
  const liveRoles = new Set(input.roles.filter((r) => r.deletedAt === null).map((r) => r.id));
  const minutesByRole = new Map<RoleId, number>();
  for (const week of overAllocation.weeks) {
    for (const c of week.contributions) {
      const roleId = c.roleId ?? overAllocation.primaryRoleId;
      if (roleId === null || !liveRoles.has(roleId)) continue;
      minutesByRole.set(roleId, (minutesByRole.get(roleId) ?? 0) + c.minutes);
    }
  }
  const roleOrder = [...minutesByRole].sort((a, b) => b[1] - a[1]);
  return roleOrder.map(([roleId, minutes]) => {
    const candidates: ReassignCandidate[] = [];
    for (const person of input.people) {
      if (person.id === overAllocation.personId || !person.active || person.deletedAt !== null)
        continue;
      if (!person.roleIds.includes(roleId)) continue;
      const row = rowOf.get(person.id);
      if (row === undefined) continue;
      const freeByWeek = overAllocation.weeks.map((week) => {
        const cell = row.cells[week.week];
        if (cell === undefined) return 0;
        return Math.max(0, cell.capacityMinutes - cell.assignedMinutes - cell.tentativeMinutes);
      });
      const freeMinutes = freeByWeek.reduce((sum, free) => sum + free, 0);
      if (freeMinutes === 0) continue;
      candidates.push({
        personId: person.id,
        freeMinutes,
        freeByWeek,
        coversExcess: overAllocation.weeks.every(
          (week, i) => (freeByWeek[i] ?? 0) >= week.excessMinutes,
        ),
      });
    }
    candidates.sort((a, b) => b.freeMinutes - a.freeMinutes);
    return { roleId, minutes, candidates };
  });
}

function moveSuggestions(
  input: SuggestionInput,
  row: PersonLoad | undefined,
): TaskMoveSuggestion[] {
  const { overAllocation, load, settings } = input;
  const person = input.people.find((p) => p.id === overAllocation.personId);
  if (row === undefined || person === undefined) return [];
  const withTentative = overAllocation.includesTentative;
  const wanted = new Set(
    overAllocation.tasks
      .filter((t) => (input.slackByTask.get(t.taskId) ?? 0) >= 1)
      .map((t) => t.taskId),
  );
  if (wanted.size === 0) return [];
  const taskById = new Map<TaskId, LoadTask>();
  for (const task of input.tasks) {
    if (wanted.has(task.id) && task.deletedAt === null) taskById.set(task.id, task);
  }

  const lastWeek = load.weeks.at(-1);
  if (lastWeek === undefined) return [];
  const end = addDays(lastWeek, 7);
  const weeks = personWeeks(person, settings, load.weeks, end);
  const company = calendarFromSettings(settings);
  const allowed = row.cells.map((cell) =>
    allowedMinutes(cell.capacityMinutes, load.overAllocationPct),
  );
  const current = row.cells.map((cell) => loadOf(cell, withTentative));
  const excessOf = (loads: readonly number[]) =>
    loads.reduce((sum, minutes, w) => sum + Math.max(0, minutes - (allowed[w] ?? 0)), 0);
  const excessNow = excessOf(current);

  const out: TaskMoveSuggestion[] = [];
  for (const over of overAllocation.tasks) {
    const task = taskById.get(over.taskId);
    const slack = input.slackByTask.get(over.taskId) ?? 0;
    if (task === undefined || slack < 1) continue;
    // This person's assignments on the task, with their whole minutes, and what they add per week.
    const assignments = new Map<string, number>();
    const before = new Array<number>(row.cells.length).fill(0);
    row.cells.forEach((cell, w) => {
      const lists = withTentative
        ? [cell.contributions, cell.tentativeContributions]
        : [cell.contributions];
      for (const list of lists) {
        for (const c of list) {
          if (c.taskId !== task.id) continue;
          assignments.set(c.assignmentId, c.totalMinutes);
          before[w] = (before[w] ?? 0) + c.minutes;
        }
      }
    });

    const moves = new Set<number>([slack]);
    for (const week of overAllocation.weeks) {
      const days = company.countWorkingDays(task.start, addDays(week.weekStart, 7));
      if (days >= 1 && days <= slack) moves.add(days);
    }
    let best: TaskMoveSuggestion | null = null;
    for (const moveDays of [...moves].sort((a, b) => a - b)) {
      const newStart = company.addWorkingDays(task.start, moveDays);
      const newFinish = company.addWorkingDays(task.finish, moveDays);
      const after = current.map((minutes, w) => minutes - (before[w] ?? 0));
      for (const total of assignments.values()) {
        placeAssignment(total, { start: newStart, finish: newFinish }, weeks, (w, share) => {
          after[w] = (after[w] ?? 0) + share;
        });
      }
      const remaining = excessOf(after);
      const reduced = excessNow - remaining;
      if (reduced > 0 && (best === null || reduced > best.excessReducedMinutes)) {
        best = {
          taskId: task.id,
          dealId: task.dealId,
          slackDays: slack,
          moveDays,
          newStart,
          newFinish,
          excessReducedMinutes: reduced,
          remainingExcessMinutes: remaining,
        };
      }
    }
    if (best !== null) out.push(best);
  }
  return out.sort(
    (a, b) => b.excessReducedMinutes - a.excessReducedMinutes || b.slackDays - a.slackDays,
  );
}
