import type { WorkingCalendar } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import type { TaskId } from '@shared/domain/ids';
import type { Milestone } from '@shared/domain/milestone';
import type { Task } from '@shared/domain/task';
import { buildPlanRows } from '@shared/plan/rows';

/** A summary task's derived fields. */
export interface SummaryDates {
  readonly start: PlanDate;
  readonly finish: PlanDate;
  readonly durationDays: number;
  readonly progress: number;
}

/**
 * The dates and progress every summary task should have: from its first subtask's start to its
 * last subtask's finish, the working days between, and the subtasks' progress weighted by their
 * duration (a zero-day subtask counts as one day, so a reached milestone still counts). Returns
 * only the summaries whose stored values differ, so a write touches nothing else.
 */
export function rollUpSummaries(
  tasks: readonly Task[],
  milestones: readonly Milestone[],
  calendar: WorkingCalendar,
): Map<TaskId, SummaryDates> {
  const rows = buildPlanRows(tasks, milestones);
  const byId = new Map<string, Task>(tasks.map((task) => [task.id, task]));
  const derived = new Map<string, SummaryDates>();
  // Deepest rows first, so a summary's subtasks are settled before it.
  const order = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.depth - a.row.depth || a.index - b.index);
  for (const { row } of order) {
    if (!row.summary) continue;
    const parts = rows
      .filter((child) => child.parentId === row.id)
      .map((child) => {
        const own = derived.get(child.id);
        return own === undefined
          ? {
              start: child.start,
              finish: child.finish,
              durationDays: child.durationDays,
              progress: child.progress,
            }
          : own;
      });
    const first = parts[0];
    if (first === undefined) continue;
    const from = parts.reduce((min, part) => (part.start < min ? part.start : min), first.start);
    const to = parts.reduce((max, part) => (part.finish > max ? part.finish : max), first.finish);
    const weight = parts.reduce((sum, part) => sum + Math.max(part.durationDays, 1), 0);
    const done = parts.reduce(
      (sum, part) => sum + Math.max(part.durationDays, 1) * part.progress,
      0,
    );
    derived.set(row.id, {
      start: from,
      finish: to,
      durationDays: calendar.countWorkingDaysInclusive(from, to),
      progress: weight === 0 ? 0 : Math.round(done / weight),
    });
  }
  const out = new Map<TaskId, SummaryDates>();
  for (const [id, dates] of derived) {
    const task = byId.get(id);
    if (task === undefined) continue;
    if (
      task.start !== dates.start ||
      task.finish !== dates.finish ||
      task.durationDays !== dates.durationDays ||
      task.progress !== dates.progress
    ) {
      out.set(task.id, dates);
    }
  }
  return out;
}
