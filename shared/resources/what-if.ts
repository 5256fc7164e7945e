/**
 * What-if: a tentative deal's load layered on the heatmap (for example before its bid/no-bid
 * gate), to see whom it would overload and which other deals' milestones that would put at risk,
 * before anything is stored.
 */
import { addDays, type PlanDate } from '@shared/domain/dates';
import type { AssignmentId, DealId, MilestoneId, PersonId, TaskId } from '@shared/domain/ids';
import type { Milestone, MilestoneKind } from '@shared/domain/milestone';
import {
  contributionOf,
  personCells,
  personWeeks,
  placeAssignment,
  rollUpRoles,
  unplacedOf,
  type Contribution,
  type LoadAssignment,
  type LoadPerson,
  type LoadSettings,
  type LoadTask,
  type PersonLoad,
  type UnplacedAssignment,
  type WeeklyLoad,
} from '@shared/resources/load';
import { minutesOfHours } from '@shared/resources/spread';

/** A person-week the tentative work takes above the over-allocation threshold. */
export interface TentativeOverload {
  readonly personId: PersonId;
  /** Position of the week in `load.weeks`. */
  readonly week: number;
  readonly weekStart: PlanDate;
  readonly assignedMinutes: number;
  readonly tentativeMinutes: number;
  readonly capacityMinutes: number;
  /** True when committed work alone was within the threshold: the tentative deal tips it over. */
  readonly newlyOver: boolean;
}

/** Why a milestone is at risk: a person-week overloaded while working on a task that feeds it. */
export interface RiskCause {
  readonly personId: PersonId;
  readonly weekStart: PlanDate;
  readonly taskId: TaskId;
}

export interface MilestoneAtRisk {
  readonly milestoneId: MilestoneId;
  readonly dealId: DealId;
  readonly name: string;
  readonly kind: MilestoneKind;
  readonly date: PlanDate;
  readonly causes: readonly RiskCause[];
}

export interface TentativeLayer {
  /** The load with the tentative deal's work in `tentativeMinutes` / `tentativeContributions`. */
  readonly load: WeeklyLoad;
  /** Person-weeks over the threshold that hold tentative work, in load order then week order. */
  readonly overloads: readonly TentativeOverload[];
  /** Other deals' milestones fed by work in those person-weeks, earliest first. */
  readonly milestonesAtRisk: readonly MilestoneAtRisk[];
  /** Tentative assignments that could not be placed (no working day, unknown task or person). */
  readonly unplaced: readonly UnplacedAssignment[];
}

export type RiskMilestone = Pick<
  Milestone,
  'id' | 'dealId' | 'name' | 'kind' | 'date' | 'actualDate' | 'deletedAt'
>;

const sumMinutes = (list: readonly Contribution[]) =>
  list.reduce((sum, contribution) => sum + contribution.minutes, 0);

/**
 * Layers a tentative deal's assignments on a load, returning a new load and leaving every input
 * untouched (accepting or discarding the scenario is the caller's business; nothing here writes).
 *
 * Tentative assignments already counted in the load as committed (a stored deal being marked
 * tentative) move from the committed to the tentative layer instead of counting twice; new
 * hypothetical ones are simply added. Layering on an already layered load adds to its tentative
 * layer, so several tentative deals can be weighed together.
 *
 * A milestone of another deal is at risk when one of its tasks has work in a person-week the
 * tentative deal pushes (or keeps) over the threshold, and the milestone is the first one of that
 * deal on or after the task's finish: the point a slip of that task would hit first. Milestones
 * already met (with an actual date) are not at risk.
 *
 * `tasks` must hold the tentative deal's tasks and the tasks of the deals sharing its people
 * (passing all tasks is simplest); `people` and `settings` give the calendars of the people on
 * tentative work.
 */
export function layerTentative(
  load: WeeklyLoad,
  input: {
    readonly assignments: readonly LoadAssignment[];
    readonly tasks: readonly LoadTask[];
    readonly people: readonly LoadPerson[];
    readonly settings: LoadSettings;
    readonly milestones: readonly RiskMilestone[];
  },
): TentativeLayer {
  const count = load.weeks.length;
  const lastWeek = load.weeks.at(-1);
  const end = lastWeek === undefined ? undefined : addDays(lastWeek, 7);
  const tentative = input.assignments.filter((a) => a.deletedAt === null);
  const tentativeIds = new Set<AssignmentId>(tentative.map((a) => a.id));
  const tentativeDeals = new Set<DealId>(tentative.map((a) => a.dealId));

  // Only the tentative deal's tasks are looked up here (the portfolio may hold tens of thousands).
  const tentativeTasks = tasksById(input.tasks, new Set(tentative.map((a) => a.taskId)));
  const personById = new Map<PersonId, LoadPerson>();
  for (const person of input.people) {
    if (person.deletedAt === null && !personById.has(person.id)) personById.set(person.id, person);
  }
  const slotOf = new Map<PersonId, number>();
  load.people.forEach((row, slot) => {
    if (!slotOf.has(row.personId)) slotOf.set(row.personId, slot);
  });

  // Place the tentative work, person by person.
  const added = new Map<number, Contribution[][]>();
  const unplaced: UnplacedAssignment[] = [];
  const weeksOfPerson = new Map<PersonId, ReturnType<typeof personWeeks>>();
  for (const assignment of tentative) {
    const minutes = minutesOfHours(assignment.hours);
    const task = tentativeTasks.get(assignment.taskId);
    if (task === undefined) {
      unplaced.push(unplacedOf(assignment, minutes, 'taskMissing'));
      continue;
    }
    const slot = slotOf.get(assignment.personId);
    const person = personById.get(assignment.personId);
    if (slot === undefined || person === undefined) {
      unplaced.push(unplacedOf(assignment, minutes, 'personMissing'));
      continue;
    }
    if (end === undefined) continue;
    let weeks = weeksOfPerson.get(person.id);
    if (weeks === undefined) {
      weeks = personWeeks(person, input.settings, load.weeks, end);
      weeksOfPerson.set(person.id, weeks);
    }
    const placement = placeAssignment(minutes, task, weeks, (w, share) => {
      let lists = added.get(slot);
      if (lists === undefined) {
        lists = Array.from({ length: count }, () => []);
        added.set(slot, lists);
      }
      lists[w]?.push(contributionOf(assignment, share, minutes));
    });
    if (placement === 'noWorkingDay') {
      unplaced.push(unplacedOf(assignment, minutes, 'noWorkingDay'));
    }
  }

  // Rebuild the rows that change; the others are shared with the input load, untouched.
  const people: PersonLoad[] = load.people.map((row, slot) => {
    const extra = added.get(slot);
    // Work already on the load that the scenario marks tentative (or places again).
    const reclassified = row.cells.some(
      (cell) =>
        cell.contributions.some((c) => tentativeIds.has(c.assignmentId)) ||
        cell.tentativeContributions.some((c) => tentativeIds.has(c.assignmentId)),
    );
    if (extra === undefined && !reclassified) return row;
    const committed = row.cells.map((cell) => {
      const kept = cell.contributions.filter((c) => !tentativeIds.has(c.assignmentId));
      return kept.length === cell.contributions.length ? cell.contributions : kept;
    });
    const layered = row.cells.map((cell, w) => [
      ...cell.tentativeContributions.filter((c) => !tentativeIds.has(c.assignmentId)),
      ...(extra?.[w] ?? []),
    ]);
    return {
      personId: row.personId,
      primaryRoleId: row.primaryRoleId,
      cells: personCells(
        load.weeks,
        committed.map(sumMinutes),
        layered.map(sumMinutes),
        row.cells.map((cell) => cell.capacityMinutes),
        committed,
        layered,
        load.overAllocationPct,
      ),
    };
  });

  const overloads: TentativeOverload[] = [];
  for (const row of people) {
    row.cells.forEach((cell, week) => {
      if (cell.tentativeMinutes === 0 || cell.bandWithTentative !== 'over') return;
      overloads.push({
        personId: row.personId,
        week,
        weekStart: cell.weekStart,
        assignedMinutes: cell.assignedMinutes,
        tentativeMinutes: cell.tentativeMinutes,
        capacityMinutes: cell.capacityMinutes,
        newlyOver: cell.band !== 'over',
      });
    });
  }

  return {
    load: {
      ...load,
      people,
      roles: rollUpRoles(people, load.weeks, load.overAllocationPct),
    },
    overloads,
    milestonesAtRisk: milestonesAtRisk(
      overloads,
      people,
      input.tasks,
      input.milestones,
      tentativeDeals,
    ),
    unplaced,
  };
}

/** The live tasks among `wanted`, by id, from one pass over all tasks. */
function tasksById(
  tasks: readonly LoadTask[],
  wanted: ReadonlySet<TaskId>,
): ReadonlyMap<TaskId, LoadTask> {
  const out = new Map<TaskId, LoadTask>();
  if (wanted.size === 0) return out;
  for (const task of tasks) {
    if (task.deletedAt === null && wanted.has(task.id)) out.set(task.id, task);
  }
  return out;
}

function milestonesAtRisk(
  overloads: readonly TentativeOverload[],
  people: readonly PersonLoad[],
  tasks: readonly LoadTask[],
  milestones: readonly RiskMilestone[],
  tentativeDeals: ReadonlySet<DealId>,
): MilestoneAtRisk[] {
  if (overloads.length === 0) return [];
  const rowOf = new Map<PersonId, PersonLoad>(people.map((row) => [row.personId, row]));
  // The committed tasks working in the overloaded person-weeks.
  const wanted = new Set<TaskId>();
  for (const overload of overloads) {
    for (const c of rowOf.get(overload.personId)?.cells[overload.week]?.contributions ?? []) {
      if (!tentativeDeals.has(c.dealId)) wanted.add(c.taskId);
    }
  }
  const taskById = tasksById(tasks, wanted);
  // Open milestones of the other deals, by deal, in date order.
  const byDeal = new Map<DealId, RiskMilestone[]>();
  for (const milestone of milestones) {
    if (milestone.deletedAt !== null || milestone.actualDate !== null) continue;
    if (tentativeDeals.has(milestone.dealId)) continue;
    const list = byDeal.get(milestone.dealId);
    if (list === undefined) byDeal.set(milestone.dealId, [milestone]);
    else list.push(milestone);
  }
  for (const list of byDeal.values()) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  const atRisk = new Map<MilestoneId, { milestone: RiskMilestone; causes: RiskCause[] }>();
  for (const overload of overloads) {
    const cell = rowOf.get(overload.personId)?.cells[overload.week];
    if (cell === undefined) continue;
    const seen = new Set<TaskId>();
    for (const contribution of cell.contributions) {
      if (tentativeDeals.has(contribution.dealId) || seen.has(contribution.taskId)) continue;
      seen.add(contribution.taskId);
      const task = taskById.get(contribution.taskId);
      const list = byDeal.get(contribution.dealId);
      if (task === undefined || list === undefined) continue;
      const milestone = list.find((m) => m.date >= task.finish);
      if (milestone === undefined) continue;
      const cause = {
        personId: overload.personId,
        weekStart: overload.weekStart,
        taskId: task.id,
      };
      const entry = atRisk.get(milestone.id);
      if (entry === undefined) atRisk.set(milestone.id, { milestone, causes: [cause] });
      else entry.causes.push(cause);
    }
  }
  return [...atRisk.values()]
    .map(({ milestone, causes }) => ({
      milestoneId: milestone.id,
      dealId: milestone.dealId,
      name: milestone.name,
      kind: milestone.kind,
      date: milestone.date,
      causes,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
