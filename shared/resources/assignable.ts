import type { Person } from '@shared/domain/person';
import type { RoleId } from '@shared/domain/ids';
import type { Task } from '@shared/domain/task';
import { buildPlanRows, isMilestoneRow } from '@shared/plan/rows';
import type { PlanRow } from '@shared/plan/rows';

/**
 * Who can be assigned where: a person is assigned to work, so only a task that is neither a
 * summary (its dates follow its subtasks) nor a milestone (no working days to spread hours over).
 */
export function isAssignableRow(row: Pick<PlanRow, 'kind' | 'durationDays' | 'summary'>): boolean {
  return row.kind === 'task' && !row.summary && !isMilestoneRow(row);
}

/** A deal's tasks a person can be assigned to (not in the trash), in plan order. */
export function assignableTasks(tasks: readonly Task[]): Task[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const result: Task[] = [];
  for (const row of buildPlanRows(tasks, [])) {
    const task = byId.get(row.id as Task['id']);
    if (task && isAssignableRow(row)) result.push(task);
  }
  return result;
}

export interface AssignmentProposal {
  /** The task to offer first: the only one, else the first that needs one of the person's roles. */
  readonly taskId: Task['id'] | null;
  /** The role to assign in: the task's when the person has it, else the person's first role. */
  readonly roleId: RoleId | null;
}

/**
 * What the assignment dialog starts with when a person is dropped on a deal (not on one of its
 * tasks): `tasks` are the deal's assignable tasks in plan order.
 */
export function proposeAssignment(
  person: Pick<Person, 'roleIds'>,
  tasks: readonly Pick<Task, 'id' | 'requiredRoleId'>[],
): AssignmentProposal {
  const fits = (task: Pick<Task, 'requiredRoleId'>) =>
    task.requiredRoleId !== null && person.roleIds.includes(task.requiredRoleId);
  const task = tasks.length === 1 ? tasks[0] : tasks.find(fits);
  return {
    taskId: task?.id ?? null,
    roleId: task && fits(task) ? task.requiredRoleId : (person.roleIds[0] ?? null),
  };
}
