/**
 * Weekly load: per person and per week, the hours assigned against the hours available, for the
 * resource heatmap (people × weeks and roles × weeks).
 *
 * All quantities are whole minutes (see `@shared/resources/spread`). A cell's assigned minutes are
 * the sum of its contributions, and each contribution is exactly the part of one assignment's
 * even spread that falls on the person's working days in that week, so a cell always drills down
 * to precisely what fills it.
 */
import { calendarForPerson, type WorkingCalendar } from '@shared/domain/calendar';
import type { Assignment } from '@shared/domain/assignment';
import {
  fromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  type PlanDate,
  type Weekday,
} from '@shared/domain/dates';
import type { AssignmentId, DealId, PersonId, RoleId, TaskId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Settings, Thresholds } from '@shared/domain/settings';
import type { Task } from '@shared/domain/task';
import { evenSplit, minutesInRange, minutesOfHours } from '@shared/resources/spread';

/** Load below this percentage of capacity is "under" (room for more work). */
export const UNDER_LOAD_PCT = 70;

/** Shortest and longest heatmap range, in weeks. */
export const MIN_LOAD_WEEKS = 4;
export const MAX_LOAD_WEEKS = 52;

/**
 * Colour band of a cell: `under` below 70 % of capacity, `ok` from 70 % up to the
 * over-allocation threshold (100 % by default, both ends included), `over` above it. `none` is a
 * week with no capacity and no work (leave, a holiday week): it is neither idle nor overloaded,
 * and colouring it "under" would invite staffing someone who is away.
 */
export type LoadBand = 'none' | 'under' | 'ok' | 'over';

/** What the load needs of a person. */
export type LoadPerson = Pick<
  Person,
  'id' | 'roleIds' | 'weeklyCapacityHours' | 'workingWeek' | 'leaveDays' | 'deletedAt'
>;

/** What the load needs of an assignment (a hypothetical one for a what-if has the same shape). */
export type LoadAssignment = Pick<
  Assignment,
  'id' | 'dealId' | 'taskId' | 'personId' | 'roleId' | 'hours' | 'deletedAt'
>;

/** What the load needs of a task. */
export type LoadTask = Pick<Task, 'id' | 'dealId' | 'start' | 'finish' | 'deletedAt'>;

/** What the load needs of the settings: the company calendar and the over-allocation threshold. */
export type LoadSettings = Pick<Settings, 'holidays' | 'extraWorkingDays'> & {
  readonly thresholds: Pick<Thresholds, 'overAllocationPct'>;
};

/** One assignment's share of a cell. */
export interface Contribution {
  readonly assignmentId: AssignmentId;
  readonly dealId: DealId;
  readonly taskId: TaskId;
  /** The role the person works in on the task (null when the assignment names none). */
  readonly roleId: RoleId | null;
  /** Minutes of this assignment in this week. */
  readonly minutes: number;
  /** The assignment's whole hours, in minutes ("12 h of a 40 h assignment"). */
  readonly totalMinutes: number;
}

/** The figures of a cell, for a person or a role. */
export interface LoadFigures {
  readonly weekStart: PlanDate;
  /** Committed work: every assignment except those of a tentative (what-if) deal. */
  readonly assignedMinutes: number;
  /** Work of a tentative deal layered on top (0 outside a what-if). */
  readonly tentativeMinutes: number;
  /** Weekly capacity spread over the working days of this week, net of leave and holidays. */
  readonly capacityMinutes: number;
  /** Assigned ÷ capacity; null when there is no capacity this week. */
  readonly utilization: number | null;
  readonly band: LoadBand;
  /** (Assigned + tentative) ÷ capacity; equals `utilization` outside a what-if. */
  readonly utilizationWithTentative: number | null;
  readonly bandWithTentative: LoadBand;
}

export interface PersonCell extends LoadFigures {
  /** What fills the committed part, in assignment order. */
  readonly contributions: readonly Contribution[];
  /** What fills the tentative part. */
  readonly tentativeContributions: readonly Contribution[];
}

export interface PersonLoad {
  readonly personId: PersonId;
  /** The person's first role: the row of the roles × weeks heatmap they count in. */
  readonly primaryRoleId: RoleId | null;
  /** One cell per week of the range. */
  readonly cells: readonly PersonCell[];
}

export interface RoleLoad {
  readonly roleId: RoleId | null;
  /** The people whose primary role this is, in load order: a role cell drills down to them. */
  readonly personIds: readonly PersonId[];
  readonly cells: readonly LoadFigures[];
}

/**
 * `noWorkingDay`: the task has no working day on the person's calendar. `taskMissing`: the task is
 * in the trash (or, for tentative work, not given). `personMissing`: the person is not among the
 * people of the load (deleted, or left out by the caller).
 */
export type UnplacedReason = 'noWorkingDay' | 'taskMissing' | 'personMissing';

/**
 * An assignment whose hours could not be put on any day. Listed so the hours never vanish from the
 * heatmap unnoticed.
 */
export interface UnplacedAssignment {
  readonly assignmentId: AssignmentId;
  readonly dealId: DealId;
  readonly taskId: TaskId;
  readonly personId: PersonId;
  readonly minutes: number;
  readonly reason: UnplacedReason;
}

export interface WeeklyLoad {
  /** The first day of each week of the range, in order. */
  readonly weeks: readonly PlanDate[];
  readonly weekStartsOn: Weekday;
  /** Load above this percentage of capacity is over-allocation (from the settings). */
  readonly overAllocationPct: number;
  /** In the order of the `people` given, deleted people left out. */
  readonly people: readonly PersonLoad[];
  /** Primary roles in order of first appearance among the people. */
  readonly roles: readonly RoleLoad[];
  /**
   * Assignments that could not be placed: on a task overlapping the range with no working day for
   * the person, on a task in the trash, or for a person not in the load. An assignment whose task
   * is simply absent from `tasks` cannot be told apart from one outside the range and is skipped;
   * the reference checks keep stored data from holding such assignments.
   */
  readonly unplaced: readonly UnplacedAssignment[];
}

/**
 * The band of a cell. Compared in integers (assigned × 100 against capacity × percent) so a cell
 * exactly at 70 % or exactly at the threshold lands in the band the legend promises.
 */
export function loadBand(
  assignedMinutes: number,
  capacityMinutes: number,
  overAllocationPct: number,
): LoadBand {
  if (capacityMinutes <= 0) return assignedMinutes > 0 ? 'over' : 'none';
  if (assignedMinutes * 100 > capacityMinutes * overAllocationPct) return 'over';
  if (assignedMinutes * 100 < capacityMinutes * UNDER_LOAD_PCT) return 'under';
  return 'ok';
}

function utilizationOf(assignedMinutes: number, capacityMinutes: number): number | null {
  return capacityMinutes > 0 ? assignedMinutes / capacityMinutes : null;
}

/** The derived figures of a cell from its three sums. */
export function cellFigures(
  weekStart: PlanDate,
  assignedMinutes: number,
  tentativeMinutes: number,
  capacityMinutes: number,
  overAllocationPct: number,
): LoadFigures {
  const total = assignedMinutes + tentativeMinutes;
  return {
    weekStart,
    assignedMinutes,
    tentativeMinutes,
    capacityMinutes,
    utilization: utilizationOf(assignedMinutes, capacityMinutes),
    band: loadBand(assignedMinutes, capacityMinutes, overAllocationPct),
    utilizationWithTentative: utilizationOf(total, capacityMinutes),
    bandWithTentative: loadBand(total, capacityMinutes, overAllocationPct),
  };
}

/** Checks the heatmap range and returns its week starts plus the day after the last week. */
export function weekStarts(
  start: PlanDate,
  count: number,
  weekStartsOn: Weekday,
): { readonly weeks: PlanDate[]; readonly end: PlanDate } {
  if (!Number.isInteger(count) || count < MIN_LOAD_WEEKS || count > MAX_LOAD_WEEKS) {
    throw new RangeError(
      `A load covers ${MIN_LOAD_WEEKS} to ${MAX_LOAD_WEEKS} whole weeks, not ${count}`,
    );
  }
  const first = toDayNumber(start);
  if (weekdayOfDayNumber(first) !== weekStartsOn) {
    throw new RangeError(`${start} is not the first day of a week starting on day ${weekStartsOn}`);
  }
  const weeks = Array.from({ length: count }, (_, w) => fromDayNumber(first + 7 * w));
  return { weeks, end: fromDayNumber(first + 7 * count) };
}

/**
 * A person's calendar read at the week boundaries of the range, built once per person so placing
 * each of their assignments costs a couple of index lookups.
 */
export interface PersonWeeks {
  readonly calendar: WorkingCalendar;
  /** `bounds[w]`: the working-day index of the first day of week `w`; `bounds[count]` the end. */
  readonly bounds: Int32Array;
  readonly firstDay: number;
  readonly count: number;
}

export function personWeeks(
  person: LoadPerson,
  settings: LoadSettings,
  weeks: readonly PlanDate[],
  end: PlanDate,
): PersonWeeks {
  const calendar = calendarForPerson(settings, person);
  const bounds = new Int32Array(weeks.length + 1);
  weeks.forEach((week, w) => {
    bounds[w] = calendar.workingIndex(week);
  });
  bounds[weeks.length] = calendar.workingIndex(end);
  const firstWeek = weeks[0];
  return {
    calendar,
    bounds,
    firstDay: firstWeek === undefined ? toDayNumber(end) : toDayNumber(firstWeek),
    count: weeks.length,
  };
}

/**
 * Capacity per week: the weekly capacity spread evenly over the days of the person's working week,
 * counted on the days they actually work that week. A holiday or a day of leave removes one day's
 * share; a make-up working day adds one. Rounded to the minute only when the share is fractional,
 * so an ordinary week is exactly the weekly capacity.
 */
export function capacityByWeek(person: LoadPerson, weeks: PersonWeeks): Int32Array {
  const capacity = new Int32Array(weeks.count);
  const weekly = minutesOfHours(person.weeklyCapacityHours);
  const perWeek = person.workingWeek.length;
  if (perWeek === 0) return capacity;
  for (let w = 0; w < weeks.count; w += 1) {
    const days = (weeks.bounds[w + 1] ?? 0) - (weeks.bounds[w] ?? 0);
    capacity[w] = Math.round((weekly * days) / perWeek);
  }
  return capacity;
}

/** Whether an assignment's minutes could be put into the weeks of the range. */
export type Placement = 'placed' | 'outside' | 'noWorkingDay';

/**
 * Places an assignment's minutes into the weeks of the range, calling `onWeek` for each week that
 * receives some (in week order). The task's working days on the person's calendar are the
 * working-day indices `[a, a + n)`; a week holds the positions between its boundary indices, and
 * {@link minutesInRange} turns positions into minutes in O(1). Weeks outside the range are
 * skipped (their minutes belong to other ranges). A callback rather than a returned list, because
 * this runs for every assignment of the portfolio on every heatmap refresh.
 */
export function placeAssignment(
  minutes: number,
  task: Pick<LoadTask, 'start' | 'finish'>,
  weeks: PersonWeeks,
  onWeek: (week: number, minutes: number) => void,
): Placement {
  const startDay = toDayNumber(task.start);
  const finishDay = toDayNumber(task.finish);
  const endDay = weeks.firstDay + 7 * weeks.count;
  if (finishDay < weeks.firstDay || startDay >= endDay) return 'outside';
  const n =
    finishDay < startDay ? 0 : weeks.calendar.countWorkingDaysInclusive(task.start, task.finish);
  if (n === 0) return 'noWorkingDay';
  const a = weeks.calendar.workingIndex(task.start);
  const split = evenSplit(minutes, n);
  const firstWeek = Math.max(0, Math.floor((startDay - weeks.firstDay) / 7));
  const lastWeek = Math.min(weeks.count - 1, Math.floor((finishDay - weeks.firstDay) / 7));
  for (let w = firstWeek; w <= lastWeek; w += 1) {
    const share = minutesInRange(split, (weeks.bounds[w] ?? 0) - a, (weeks.bounds[w + 1] ?? 0) - a);
    if (share > 0) onWeek(w, share);
  }
  return 'placed';
}

const NO_CONTRIBUTIONS: readonly Contribution[] = Object.freeze([]);

/**
 * Rolls people up into their primary roles, week by week. A role's band is that of its summed
 * load, so a role can be "ok" while one of its people is over: the person heatmap shows who.
 */
export function rollUpRoles(
  people: readonly PersonLoad[],
  weeks: readonly PlanDate[],
  overAllocationPct: number,
): RoleLoad[] {
  const order: (RoleId | null)[] = [];
  const members = new Map<RoleId | null, PersonLoad[]>();
  for (const person of people) {
    let list = members.get(person.primaryRoleId);
    if (list === undefined) {
      list = [];
      members.set(person.primaryRoleId, list);
      order.push(person.primaryRoleId);
    }
    list.push(person);
  }
  return order.map((roleId) => {
    const rows = members.get(roleId) ?? [];
    return {
      roleId,
      personIds: rows.map((row) => row.personId),
      cells: weeks.map((weekStart, w) => {
        let assigned = 0;
        let tentative = 0;
        let capacity = 0;
        for (const row of rows) {
          const cell = row.cells[w];
          if (cell === undefined) continue;
          assigned += cell.assignedMinutes;
          tentative += cell.tentativeMinutes;
          capacity += cell.capacityMinutes;
        }
        return cellFigures(weekStart, assigned, tentative, capacity, overAllocationPct);
      }),
    };
  });
}

export function contributionOf(
  assignment: LoadAssignment,
  minutes: number,
  totalMinutes: number,
): Contribution {
  return {
    assignmentId: assignment.id,
    dealId: assignment.dealId,
    taskId: assignment.taskId,
    roleId: assignment.roleId,
    minutes,
    totalMinutes,
  };
}

export function unplacedOf(
  assignment: LoadAssignment,
  minutes: number,
  reason: UnplacedReason,
): UnplacedAssignment {
  return {
    assignmentId: assignment.id,
    dealId: assignment.dealId,
    taskId: assignment.taskId,
    personId: assignment.personId,
    minutes,
    reason,
  };
}

/** Builds a person's cells from per-week sums and contribution lists. */
export function personCells(
  weeks: readonly PlanDate[],
  assigned: ArrayLike<number>,
  tentative: ArrayLike<number>,
  capacity: ArrayLike<number>,
  contributions: readonly (readonly Contribution[] | undefined)[],
  tentativeContributions: readonly (readonly Contribution[] | undefined)[],
  overAllocationPct: number,
): PersonCell[] {
  // Built as one literal per cell (no spread of an intermediate object): the heatmap has
  // thousands of cells and this runs on every change.
  return weeks.map((weekStart, w) => {
    const assignedMinutes = assigned[w] ?? 0;
    const tentativeMinutes = tentative[w] ?? 0;
    const capacityMinutes = capacity[w] ?? 0;
    const total = assignedMinutes + tentativeMinutes;
    return {
      weekStart,
      assignedMinutes,
      tentativeMinutes,
      capacityMinutes,
      utilization: utilizationOf(assignedMinutes, capacityMinutes),
      band: loadBand(assignedMinutes, capacityMinutes, overAllocationPct),
      utilizationWithTentative: utilizationOf(total, capacityMinutes),
      bandWithTentative: loadBand(total, capacityMinutes, overAllocationPct),
      contributions: contributions[w] ?? NO_CONTRIBUTIONS,
      tentativeContributions: tentativeContributions[w] ?? NO_CONTRIBUTIONS,
    };
  });
}

/**
 * People × weeks load for the heatmap, with the roles × weeks roll-up.
 *
 * Every assignment is spread over its task's working days on its person's own calendar (see
 * `spreadAssignment`), and each week receives exactly the minutes of its days. Capacity is
 * computed per week from the same calendar, so a public holiday lowers both what can be assigned
 * in a week and what is available in it. Soft-deleted people, tasks and assignments are left out.
 *
 * Built for the portfolio-wide heatmap (150 people × 52 weeks over tens of thousands of tasks and
 * assignments): one calendar per person, read once at the week boundaries; only the tasks that
 * overlap the range are indexed; one pass over the assignments, each placed into its weeks in
 * O(weeks it spans) whatever the task's length.
 *
 * @throws RangeError when the range is not 4 to 52 weeks starting on a `weekStartsOn` day.
 */
export interface WeeklyLoadInput {
  readonly people: readonly LoadPerson[];
  readonly assignments: readonly LoadAssignment[];
  readonly tasks: readonly LoadTask[];
  readonly settings: LoadSettings;
  readonly weeks: { readonly start: PlanDate; readonly count: number };
  readonly weekStartsOn: Weekday;
}

export function weeklyLoad(input: WeeklyLoadInput): WeeklyLoad {
  const { settings, weekStartsOn } = input;
  const overAllocationPct = settings.thresholds.overAllocationPct;
  const { weeks, end } = weekStarts(input.weeks.start, input.weeks.count, weekStartsOn);
  const count = weeks.length;
  const rangeStart = weeks[0] ?? end;

  const people = input.people.filter((person) => person.deletedAt === null);
  // Every person needs their capacity anyway, so their calendar is built up front, once.
  const rows = people.map((person, slot) => ({
    person,
    slot,
    weeks: personWeeks(person, settings, weeks, end),
  }));
  const rowOf = new Map<PersonId, (typeof rows)[number]>();
  for (const row of rows) if (!rowOf.has(row.person.id)) rowOf.set(row.person.id, row);

  // Only tasks overlapping the range are indexed (plain string order is date order): a portfolio
  // holds years of plans, and indexing all of them would cost more than the rest of the load.
  const taskInRange = new Map<TaskId, LoadTask>();
  const deletedTasks = new Set<TaskId>();
  for (const task of input.tasks) {
    if (task.deletedAt !== null) deletedTasks.add(task.id);
    else if (task.finish >= rangeStart && task.start < end) taskInRange.set(task.id, task);
  }

  const assigned = new Float64Array(people.length * count);
  const contributions: (Contribution[] | undefined)[] = new Array<Contribution[] | undefined>(
    people.length * count,
  );
  const unplaced: UnplacedAssignment[] = [];

  for (const assignment of input.assignments) {
    if (assignment.deletedAt !== null) continue;
    const task = taskInRange.get(assignment.taskId);
    if (task === undefined) {
      // Outside the range, or the task is in the trash while the assignment is not.
      if (deletedTasks.has(assignment.taskId)) {
        unplaced.push(unplacedOf(assignment, minutesOfHours(assignment.hours), 'taskMissing'));
      }
      continue;
    }
    const minutes = minutesOfHours(assignment.hours);
    const row = rowOf.get(assignment.personId);
    if (row === undefined) {
      unplaced.push(unplacedOf(assignment, minutes, 'personMissing'));
      continue;
    }
    const placement = placeAssignment(minutes, task, row.weeks, (w, share) => {
      const cell = row.slot * count + w;
      assigned[cell] = (assigned[cell] ?? 0) + share;
      const contribution = contributionOf(assignment, share, minutes);
      const list = contributions[cell];
      if (list === undefined) contributions[cell] = [contribution];
      else list.push(contribution);
    });
    if (placement === 'noWorkingDay') {
      unplaced.push(unplacedOf(assignment, minutes, 'noWorkingDay'));
    }
  }

  const noTentative = new Float64Array(count);
  const personLoads: PersonLoad[] = rows.map(({ person, slot, weeks: personCalendar }) => {
    const capacity = capacityByWeek(person, personCalendar);
    const from = slot * count;
    return {
      personId: person.id,
      primaryRoleId: person.roleIds[0] ?? null,
      cells: personCells(
        weeks,
        assigned.subarray(from, from + count),
        noTentative,
        capacity,
        contributions.slice(from, from + count),
        [],
        overAllocationPct,
      ),
    };
  });

  return {
    weeks,
    weekStartsOn,
    overAllocationPct,
    people: personLoads,
    roles: rollUpRoles(personLoads, weeks, overAllocationPct),
    unplaced,
  };
}

/**
 * The tasks by id, kept per list: a view's task list stays the same array until a task changes,
 * so successive reassignments index it once.
 */
const taskIndexes = new WeakMap<readonly LoadTask[], ReadonlyMap<TaskId, LoadTask>>();

function tasksById(tasks: readonly LoadTask[]): ReadonlyMap<TaskId, LoadTask> {
  let index = taskIndexes.get(tasks);
  if (index === undefined) {
    index = new Map(tasks.map((task) => [task.id, task]));
    taskIndexes.set(tasks, index);
  }
  return index;
}

/**
 * The load again after a change that touched only the assignments of the `changed` people (a
 * reassignment moves work from one person to another; changing hours, adding or removing an
 * assignment touches one), the people, tasks, settings and range being those `previous` was
 * computed from. Only those people's rows are computed again (from their own assignments); every
 * other row is `previous`'s own object, so a view memoised on rows redraws only the changed ones,
 * and the roles are rolled up again. The result equals `weeklyLoad(input)` (property-tested);
 * when `previous` does not match the input's range, threshold or people, that is what it returns.
 */
export function reweighPeople(
  previous: WeeklyLoad,
  input: WeeklyLoadInput,
  changed: ReadonlySet<PersonId>,
): WeeklyLoad {
  const overAllocationPct = input.settings.thresholds.overAllocationPct;
  const people = input.people.filter((person) => person.deletedAt === null);
  const ids = new Set<PersonId>(people.map((person) => person.id));
  const sameFrame =
    previous.weeks[0] === input.weeks.start &&
    previous.weeks.length === input.weeks.count &&
    previous.weekStartsOn === input.weekStartsOn &&
    previous.overAllocationPct === overAllocationPct &&
    ids.size === people.length &&
    previous.people.length === people.length &&
    previous.people.every(
      (row, i) =>
        row.personId === people[i]?.id && row.primaryRoleId === (people[i]?.roleIds[0] ?? null),
    );
  if (!sameFrame) return weeklyLoad(input);
  if (changed.size === 0) return previous;

  const assignments = input.assignments.filter((assignment) => changed.has(assignment.personId));
  const tasks = tasksById(input.tasks);
  const part = weeklyLoad({
    ...input,
    people: people.filter((person) => changed.has(person.id)),
    assignments,
    // Only their tasks: indexing every task of the portfolio would cost more than the two rows.
    tasks: [...new Set(assignments.flatMap((assignment) => tasks.get(assignment.taskId) ?? []))],
  });
  const again = new Map<PersonId, PersonLoad>(part.people.map((row) => [row.personId, row]));
  const rows = previous.people.map((row) => again.get(row.personId) ?? row);

  // Unplaced work keeps the order of the assignments, as a full computation lists it.
  const kept = previous.unplaced.filter((item) => !changed.has(item.personId));
  let unplaced: readonly UnplacedAssignment[] = kept;
  if (part.unplaced.length > 0) {
    unplaced = [...kept, ...part.unplaced];
    if (kept.length > 0) {
      const position = new Map<AssignmentId, number>(
        input.assignments.map((assignment, i) => [assignment.id, i]),
      );
      unplaced = [...unplaced].sort(
        (a, b) => (position.get(a.assignmentId) ?? 0) - (position.get(b.assignmentId) ?? 0),
      );
    }
  }
  return {
    weeks: previous.weeks,
    weekStartsOn: previous.weekStartsOn,
    overAllocationPct,
    people: rows,
    roles: rollUpRoles(rows, previous.weeks, overAllocationPct),
    unplaced,
  };
}
