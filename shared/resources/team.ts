/**
 * A deal's team: who works on it, in which role, for how many planned hours and at what planned
 * labour cost; and the work that still needs someone (a task naming a role with nobody on it).
 *
 * Hours are summed in whole minutes (see `@shared/resources/spread`) and cost is computed per
 * assignment in the person's own rate currency, rounded once per row, so the figures shown add up
 * to the minor unit.
 */
import type { Assignment } from '@shared/domain/assignment';
import type { AssignmentId, PersonId, RoleId, TaskId } from '@shared/domain/ids';
import type { Money, RoundingMode } from '@shared/domain/money';
import { multiplyMoney } from '@shared/domain/money';
import type { Person } from '@shared/domain/person';
import type { Task } from '@shared/domain/task';
import { MINUTES_PER_HOUR, minutesOfHours } from '@shared/resources/spread';

export type TeamAssignment = Pick<
  Assignment,
  'id' | 'dealId' | 'taskId' | 'personId' | 'roleId' | 'hours' | 'deletedAt'
>;
export type TeamPerson = Pick<Person, 'id' | 'roleIds' | 'costRate' | 'deletedAt'>;
export type TeamTask = Pick<
  Task,
  'id' | 'dealId' | 'name' | 'start' | 'finish' | 'requiredRoleId' | 'deletedAt'
>;

/** One person in one role on the deal. */
export interface TeamMember {
  readonly personId: PersonId;
  /** The role of the assignments (null: none named, the person's primary role applies). */
  readonly roleId: RoleId | null;
  readonly minutes: number;
  /** Planned hours × the person's cost rate (null when the person is unknown). */
  readonly cost: Money | null;
  readonly assignmentIds: readonly AssignmentId[];
  readonly taskIds: readonly TaskId[];
}

/** A task that needs a role and has nobody assigned. */
export interface UnassignedWork {
  readonly taskId: TaskId;
  readonly roleId: RoleId;
}

export interface DealTeam {
  /** Most hours first, then in order of first assignment. */
  readonly members: readonly TeamMember[];
  readonly totalMinutes: number;
  /** Planned labour cost per currency, in order of first appearance. */
  readonly costByCurrency: readonly Money[];
  /** In task order (start, then as given). */
  readonly unassigned: readonly UnassignedWork[];
}

/**
 * The team of one deal from its assignments and tasks. Assignments and tasks in the trash, and
 * assignments on tasks that are gone, are left out (they are not planned work any more).
 */
export function dealTeam(input: {
  readonly assignments: readonly TeamAssignment[];
  readonly tasks: readonly TeamTask[];
  readonly people: readonly TeamPerson[];
  readonly roundingMode: RoundingMode;
}): DealTeam {
  const liveTasks = input.tasks.filter((task) => task.deletedAt === null);
  const taskIds = new Set<TaskId>(liveTasks.map((task) => task.id));
  const personById = new Map<PersonId, TeamPerson>();
  for (const person of input.people) personById.set(person.id, person);

  const members = new Map<
    string,
    {
      personId: PersonId;
      roleId: RoleId | null;
      minutes: number;
      ids: AssignmentId[];
      tasks: TaskId[];
    }
  >();
  const staffed = new Set<TaskId>();
  let totalMinutes = 0;
  for (const assignment of input.assignments) {
    if (assignment.deletedAt !== null || !taskIds.has(assignment.taskId)) continue;
    staffed.add(assignment.taskId);
    const minutes = minutesOfHours(assignment.hours);
    totalMinutes += minutes;
    const key = `${assignment.personId}|${assignment.roleId ?? ''}`;
    const entry = members.get(key);
    if (entry === undefined) {
      members.set(key, {
        personId: assignment.personId,
        roleId: assignment.roleId,
        minutes,
        ids: [assignment.id],
        tasks: [assignment.taskId],
      });
    } else {
      entry.minutes += minutes;
      entry.ids.push(assignment.id);
      if (!entry.tasks.includes(assignment.taskId)) entry.tasks.push(assignment.taskId);
    }
  }

  const costs = new Map<string, number>();
  const list: TeamMember[] = [...members.values()].map((entry) => {
    const person = personById.get(entry.personId);
    const cost =
      person === undefined
        ? null
        : multiplyMoney(
            person.costRate,
            { numerator: entry.minutes, denominator: MINUTES_PER_HOUR },
            input.roundingMode,
          );
    if (cost !== null) costs.set(cost.currency, (costs.get(cost.currency) ?? 0) + cost.amountMinor);
    return {
      personId: entry.personId,
      roleId: entry.roleId,
      minutes: entry.minutes,
      cost,
      assignmentIds: entry.ids,
      taskIds: entry.tasks,
    };
  });
  // Stable: equal hours keep the order of first assignment.
  list.sort((a, b) => b.minutes - a.minutes);

  const unassigned = liveTasks
    .map((task, index) => ({ task, index }))
    .filter(({ task }) => task.requiredRoleId !== null && !staffed.has(task.id))
    .sort((a, b) =>
      a.task.start < b.task.start ? -1 : a.task.start > b.task.start ? 1 : a.index - b.index,
    )
    .flatMap(({ task }) =>
      task.requiredRoleId === null ? [] : [{ taskId: task.id, roleId: task.requiredRoleId }],
    );

  return {
    members: list,
    totalMinutes,
    costByCurrency: [...costs].map(([currency, amountMinor]) => ({ currency, amountMinor })),
    unassigned,
  };
}
