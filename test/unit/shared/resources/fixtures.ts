import type { PlanDate, Weekday } from '@shared/domain/dates';
import { parsePlanDate } from '@shared/domain/dates';
import {
  assignmentIdSchema,
  dealIdSchema,
  milestoneIdSchema,
  personIdSchema,
  roleIdSchema,
  taskIdSchema,
} from '@shared/domain/ids';
import type { MilestoneKind } from '@shared/domain/milestone';
import type { LoadAssignment, LoadSettings, LoadTask } from '@shared/resources/load';
import type { SuggestionPerson } from '@shared/resources/over-allocation';
import type { RiskMilestone } from '@shared/resources/what-if';
import type { Settings } from '@shared/domain/settings';

export const d = parsePlanDate;
export const MON_FRI: readonly Weekday[] = [1, 2, 3, 4, 5];

/** A stable lower-case UUID per (kind, label), so tests name records by readable labels. */
function uuidFor(kind: number, label: string): string {
  let hash = 0x811c9dc5;
  for (const char of label) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const tail = `${hash.toString(16).padStart(8, '0')}${label.length.toString(16).padStart(4, '0')}`;
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${tail}`;
}

export const personId = (label: string) => personIdSchema.parse(uuidFor(1, label));
export const roleId = (label: string) => roleIdSchema.parse(uuidFor(2, label));
export const dealId = (label: string) => dealIdSchema.parse(uuidFor(3, label));
export const taskId = (label: string) => taskIdSchema.parse(uuidFor(4, label));
export const assignmentId = (label: string) => assignmentIdSchema.parse(uuidFor(5, label));
export const milestoneId = (label: string) => milestoneIdSchema.parse(uuidFor(6, label));

export function settings(
  overrides: {
    holidays?: readonly string[];
    extraWorkingDays?: readonly string[];
    overAllocationPct?: number;
  } = {},
): LoadSettings & Pick<Settings, 'workingWeek'> {
  return {
    workingWeek: [...MON_FRI],
    holidays: (overrides.holidays ?? []).map(d),
    extraWorkingDays: (overrides.extraWorkingDays ?? []).map(d),
    thresholds: { overAllocationPct: overrides.overAllocationPct ?? 100 },
  };
}

export function person(
  label: string,
  roles: readonly string[],
  overrides: {
    weeklyCapacityHours?: number;
    workingWeek?: readonly Weekday[];
    leaveDays?: readonly string[];
    active?: boolean;
    deleted?: boolean;
  } = {},
): SuggestionPerson {
  return {
    id: personId(label),
    roleIds: roles.map(roleId),
    weeklyCapacityHours: overrides.weeklyCapacityHours ?? 40,
    workingWeek: [...(overrides.workingWeek ?? MON_FRI)],
    leaveDays: (overrides.leaveDays ?? []).map(d),
    active: overrides.active ?? true,
    deletedAt: overrides.deleted === true ? 1 : null,
  };
}

export function task(
  label: string,
  deal: string,
  start: string,
  finish: string,
  deleted = false,
): LoadTask {
  return {
    id: taskId(label),
    dealId: dealId(deal),
    start: d(start),
    finish: d(finish),
    deletedAt: deleted ? 1 : null,
  };
}

/** An assignment labelled `<person>@<task>`, on the task's deal. */
export function assign(
  who: string,
  on: LoadTask,
  hours: number,
  role: string | null = null,
  deleted = false,
): LoadAssignment {
  return {
    id: assignmentId(`${who}@${on.id}`),
    dealId: on.dealId,
    taskId: on.id,
    personId: personId(who),
    roleId: role === null ? null : roleId(role),
    hours,
    deletedAt: deleted ? 1 : null,
  };
}

export function milestone(
  label: string,
  deal: string,
  date: string,
  overrides: { kind?: MilestoneKind; actualDate?: string } = {},
): RiskMilestone {
  return {
    id: milestoneId(label),
    dealId: dealId(deal),
    name: label,
    kind: overrides.kind ?? 'review',
    date: d(date),
    actualDate: overrides.actualDate === undefined ? null : d(overrides.actualDate),
    deletedAt: null,
  };
}

export const hours = (h: number) => h * 60;

/** Freezes a value and everything reachable from it, so any write throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    if (ArrayBuffer.isView(value)) throw new Error('typed arrays cannot be frozen');
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze(Reflect.get(value, key));
  }
  return value;
}

/** The dates of a week range, for readable expectations. */
export function weekOf(load: { readonly weeks: readonly PlanDate[] }, start: string): number {
  const index = load.weeks.indexOf(d(start));
  if (index < 0) throw new Error(`${start} is not a week of the load`);
  return index;
}
