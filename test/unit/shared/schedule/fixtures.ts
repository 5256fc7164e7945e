import { expect } from 'vitest';
import type { Schedule, ScheduledTask } from '@shared/schedule/cpm';
import type { Result, ScheduleError, ScheduleLink, ScheduleTask } from '@shared/schedule/model';

export function fs(predecessorId: string, successorId: string, lagDays = 0): ScheduleLink {
  return { predecessorId, successorId, type: 'FS', lagDays };
}
export function ss(predecessorId: string, successorId: string, lagDays = 0): ScheduleLink {
  return { predecessorId, successorId, type: 'SS', lagDays };
}
export function ff(predecessorId: string, successorId: string, lagDays = 0): ScheduleLink {
  return { predecessorId, successorId, type: 'FF', lagDays };
}

/** Unwraps a successful result, failing the test with the error otherwise. */
export function unwrap<T>(result: Result<T, ScheduleError>): T {
  if (!result.ok) expect.fail(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function byId(schedule: Schedule): Map<string, ScheduledTask> {
  return new Map(schedule.tasks.map((t) => [t.id, t]));
}

/** Picks the same field of every task, keyed by id, for compact expectations. */
export function column(
  schedule: Schedule,
  field: Exclude<keyof ScheduledTask, 'id' | 'critical'>,
): Record<string, number> {
  return Object.fromEntries(schedule.tasks.map((t) => [t.id, t[field]]));
}

/**
 * A bid plan in precedence-diagram form (12 activities, three of them milestones) using every
 * link type, lags and a lead. Worked by hand in cpm.test.ts.
 */
export const bidPlanTasks: readonly ScheduleTask[] = [
  { id: 'S', durationDays: 0 }, // kickoff (milestone)
  { id: 'A', durationDays: 4 }, // RFP analysis
  { id: 'I', durationDays: 3 }, // compliance matrix
  { id: 'B', durationDays: 0 }, // bid/no-bid decision (milestone)
  { id: 'C', durationDays: 6 }, // solution design
  { id: 'D', durationDays: 5 }, // pricing
  { id: 'E', durationDays: 6 }, // proposal writing
  { id: 'J', durationDays: 2 }, // executive summary
  { id: 'F', durationDays: 2 }, // pink team review
  { id: 'G', durationDays: 3 }, // red team review
  { id: 'H', durationDays: 4 }, // production
  { id: 'M', durationDays: 0 }, // submission (milestone)
];

export const bidPlanLinks: readonly ScheduleLink[] = [
  fs('S', 'A'),
  fs('A', 'B'),
  ss('A', 'I', 1),
  fs('B', 'C'),
  ss('C', 'D', 2),
  ss('C', 'E', 1),
  ff('D', 'E', 2),
  fs('C', 'J', -2),
  fs('I', 'J'),
  fs('E', 'F'),
  fs('J', 'F'),
  fs('F', 'G', 2),
  fs('I', 'G'),
  ff('G', 'H', 3),
  fs('D', 'H'),
  fs('H', 'M'),
];
