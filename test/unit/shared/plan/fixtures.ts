import type { WorkingCalendar } from '@shared/domain/calendar';
import { createCalendar } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import { parsePlanDate } from '@shared/domain/dates';
import type { DealId, MilestoneId, TaskId } from '@shared/domain/ids';
import type { Milestone, MilestoneKind } from '@shared/domain/milestone';
import type { Task } from '@shared/domain/task';
import type { PlanLink } from '@shared/plan/links';
import type { LinkType } from '@shared/schedule/model';

export const DEAL = '00000000-0000-4000-8000-00000000d001' as DealId;

/** Monday to Friday, no holidays: working days are easy to count by hand. */
export const WEEKDAYS: WorkingCalendar = createCalendar({
  workingWeek: [1, 2, 3, 4, 5],
  holidays: [],
});

export const d = (text: string): PlanDate => parsePlanDate(text);

let counter = 0;
function uuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

function base() {
  return { createdAt: 1, updatedAt: 1, rev: 1, deletedAt: null };
}

export function task(
  name: string,
  start: string,
  finish: string,
  durationDays: number,
  extra: Partial<Task> = {},
): Task {
  return {
    id: uuid() as TaskId,
    ...base(),
    dealId: DEAL,
    parentId: null,
    name,
    start: d(start),
    finish: d(finish),
    durationDays,
    progress: 0,
    sortIndex: counter * 1024,
    requiredRoleId: null,
    notes: '',
    ...extra,
  };
}

export function milestone(
  name: string,
  date: string,
  kind: MilestoneKind = 'other',
  extra: Partial<Milestone> = {},
): Milestone {
  return {
    id: uuid() as MilestoneId,
    ...base(),
    dealId: DEAL,
    name,
    kind,
    date: d(date),
    baselineDate: null,
    actualDate: null,
    stageId: null,
    templateKey: null,
    sortIndex: counter * 1024,
    notes: '',
    ...extra,
  };
}

export function link(
  from: { id: TaskId | MilestoneId },
  to: { id: TaskId | MilestoneId },
  type: LinkType = 'FS',
  lagDays = 0,
): PlanLink {
  return { predecessorId: from.id, successorId: to.id, type, lagDays };
}
