/**
 * Reads a Microsoft Project XML (MSPDI) document into a plan Pursuit can store: its tasks and
 * outline, milestones, dependencies and the assignments of people it can name. The parsing of the
 * text into elements is the platform's (`DOMParser` in the app); this module walks the elements,
 * so it takes any tree with the shape of a DOM element and stays free of the DOM itself.
 *
 * What a file can hold that a Pursuit plan cannot is not dropped in silence: it comes back as a
 * warning the import dialog lists (a start-to-finish link, a link on a summary task, an elapsed
 * lag converted to working days, a resource no person is named after…). What makes the file
 * unusable is an error naming the task and field: a missing or malformed date, a name longer than
 * Pursuit keeps, a repeated UID, a loop of links.
 */
import type { CalendarConfig, WorkingCalendar } from '@shared/domain/calendar';
import { createCalendar } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import { isPlanDate } from '@shared/domain/dates';
import type { PersonId } from '@shared/domain/ids';
import type { MilestoneKind } from '@shared/domain/milestone';
import { MILESTONE_KINDS } from '@shared/domain/milestone';
import { findCycle } from '@shared/schedule/graph';
import type { LinkType } from '@shared/schedule/model';
import { MAX_LAG_DAYS } from '@shared/plan/links';
import {
  KIND_FIELD_ALIAS,
  KIND_FIELD_ID,
  MAX_IMPORT_TASKS,
  MINUTES_PER_DAY,
} from '@shared/exchange/msproject';

/** The part of a DOM `Element` the reader uses. */
export interface XmlElementLike {
  readonly localName: string;
  readonly textContent: string | null;
  readonly children: ArrayLike<XmlElementLike>;
}

/** Longest names and notes the plan tables keep (see the task and milestone schemas). */
const MAX_NAME = { task: 300, milestone: 200 } as const;
const MAX_NOTES = { task: 10_000, milestone: 5_000 } as const;

export type MsProjectError =
  | { readonly kind: 'notProject'; readonly root: string }
  | { readonly kind: 'noTasks' }
  | { readonly kind: 'tooManyTasks'; readonly count: number; readonly max: number }
  | { readonly kind: 'duplicateUid'; readonly uid: string }
  | {
      readonly kind: 'badValue';
      readonly task: string;
      readonly field: string;
      readonly value: string;
    }
  | {
      readonly kind: 'tooLong';
      readonly task: string;
      readonly field: 'Name' | 'Notes';
      readonly max: number;
    }
  | { readonly kind: 'cycle'; readonly tasks: readonly string[] };

export type MsProjectWarning =
  | { readonly kind: 'unnamed'; readonly task: string }
  | { readonly kind: 'linkStartToFinish'; readonly from: string; readonly to: string }
  | { readonly kind: 'linkSummary'; readonly from: string; readonly to: string }
  | { readonly kind: 'linkUnknown'; readonly to: string; readonly uid: string }
  | { readonly kind: 'lagApproximated'; readonly from: string; readonly to: string }
  | { readonly kind: 'lagDropped'; readonly from: string; readonly to: string }
  | { readonly kind: 'lagLimited'; readonly from: string; readonly to: string }
  | { readonly kind: 'datesAdjusted'; readonly task: string }
  | { readonly kind: 'milestoneNested'; readonly task: string }
  | { readonly kind: 'resourceUnmatched'; readonly resource: string; readonly count: number }
  | { readonly kind: 'assignmentSkipped'; readonly task: string; readonly resource: string };

export interface ImportedItem {
  /** The task's UID in the file: links and assignments refer to it. */
  readonly key: string;
  readonly kind: 'task' | 'milestone';
  readonly parentKey: string | null;
  readonly name: string;
  readonly start: PlanDate;
  readonly finish: PlanDate;
  readonly durationDays: number;
  readonly progress: number;
  readonly notes: string;
  /** Milestone records only. */
  readonly milestoneKind: MilestoneKind | null;
  readonly actualDate: PlanDate | null;
  readonly baselineDate: PlanDate | null;
}

export interface ImportedLink {
  readonly from: string;
  readonly to: string;
  readonly type: LinkType;
  readonly lagDays: number;
}

export interface ImportedAssignment {
  readonly taskKey: string;
  readonly personId: PersonId;
  readonly hours: number;
}

export interface ImportedPlan {
  readonly title: string;
  /** In outline order: a parent comes before its children. */
  readonly items: readonly ImportedItem[];
  readonly links: readonly ImportedLink[];
  readonly assignments: readonly ImportedAssignment[];
}

export type MsProjectReadResult =
  | {
      readonly ok: true;
      readonly plan: ImportedPlan;
      readonly warnings: readonly MsProjectWarning[];
    }
  | { readonly ok: false; readonly error: MsProjectError };

export interface MsProjectReadOptions {
  /** The company calendar the plan is laid on. */
  readonly calendar: CalendarConfig;
  /** The people assignments may name (matched on name, ignoring case and spacing). */
  readonly people: readonly { readonly id: PersonId; readonly name: string }[];
}

function childrenNamed(parent: XmlElementLike, name: string): XmlElementLike[] {
  const found: XmlElementLike[] = [];
  for (let i = 0; i < parent.children.length; i += 1) {
    const child = parent.children[i];
    if (child !== undefined && child.localName === name) found.push(child);
  }
  return found;
}

function child(parent: XmlElementLike, name: string): XmlElementLike | undefined {
  for (let i = 0; i < parent.children.length; i += 1) {
    const node = parent.children[i];
    if (node !== undefined && node.localName === name) return node;
  }
  return undefined;
}

/** The trimmed text of a child element, or null when it is absent or empty. */
function text(parent: XmlElementLike, name: string): string | null {
  const value = child(parent, name)?.textContent?.trim() ?? '';
  return value === '' ? null : value;
}

function integer(parent: XmlElementLike, name: string): number | null {
  const value = text(parent, name);
  if (value === null || !/^[+-]?\d{1,12}$/.test(value)) return null;
  return Number(value);
}

function flag(parent: XmlElementLike, name: string): boolean {
  const value = text(parent, name);
  return value === '1' || value?.toLowerCase() === 'true';
}

/** The date part of an MSPDI date-time (`2026-03-02T08:00:00`), or null when it is not one. */
export function planDateOfDateTime(value: string | null): PlanDate | null {
  if (value === null) return null;
  const date = value.slice(0, 10);
  if (!isPlanDate(date)) return null;
  if (value.length > 10 && !/^T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.slice(10))) return null;
  return date;
}

/** Minutes of an ISO 8601 duration as MSPDI writes them (`PT40H0M0S`, `PT7H30M0S`, `P2DT4H`). */
export function durationMinutes(value: string | null): number | null {
  if (value === null) return null;
  const match =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value,
    );
  if (match === null || value === 'P' || value.endsWith('T')) return null;
  const [, days, hours, minutes, seconds] = match;
  const total =
    Number(days ?? 0) * 24 * 60 +
    Number(hours ?? 0) * 60 +
    Number(minutes ?? 0) +
    Number(seconds ?? 0) / 60;
  return Number.isFinite(total) ? total : null;
}

/** MSPDI lag formats: which count working time, which elapsed time, which a percentage. */
const WORKING_LAG_FORMATS = new Set([3, 5, 7, 9, 11, 35, 37, 39, 41, 43, 53]);
const ELAPSED_LAG_FORMATS = new Set([4, 6, 8, 10, 12, 36, 38, 40, 42, 44]);

const LINK_TYPES: Readonly<Record<number, LinkType | 'SF'>> = {
  0: 'FF',
  1: 'FS',
  2: 'SF',
  3: 'SS',
};

interface RawTask {
  readonly uid: string;
  readonly label: string;
  readonly name: string;
  readonly level: number;
  readonly start: PlanDate;
  readonly finish: PlanDate;
  readonly minutes: number | null;
  readonly milestone: boolean;
  readonly progress: number;
  readonly notes: string;
  readonly kind: MilestoneKind | null;
  readonly actualDate: PlanDate | null;
  readonly baselineDate: PlanDate | null;
  readonly links: readonly XmlElementLike[];
}

const normalName = (name: string) =>
  name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

function isMilestoneKind(value: string | null): value is MilestoneKind {
  return value !== null && (MILESTONE_KINDS as readonly string[]).includes(value);
}

/** Reads the document; see the module comment for what is refused and what is reported. */
export function readMsProject(
  root: XmlElementLike,
  options: MsProjectReadOptions,
): MsProjectReadResult {
  if (root.localName !== 'Project') {
    return { ok: false, error: { kind: 'notProject', root: root.localName } };
  }
  const warnings: MsProjectWarning[] = [];
  const calendar: WorkingCalendar = createCalendar(options.calendar);
  const declaredMinutes = integer(root, 'MinutesPerDay');
  const minutesPerDay =
    declaredMinutes !== null && declaredMinutes > 0 && declaredMinutes <= 1_440
      ? declaredMinutes
      : MINUTES_PER_DAY;
  const workingShare = options.calendar.workingWeek.length / 7;

  // The field holding a Pursuit milestone's kind: declared by alias, else the usual Text30.
  let kindFieldId = String(KIND_FIELD_ID);
  let writtenByPursuit = false;
  for (const definition of childrenNamed(
    child(root, 'ExtendedAttributes') ?? root,
    'ExtendedAttribute',
  )) {
    if (text(definition, 'Alias') === KIND_FIELD_ALIAS) {
      kindFieldId = text(definition, 'FieldID') ?? kindFieldId;
      writtenByPursuit = true;
    }
  }

  const taskElements = childrenNamed(child(root, 'Tasks') ?? root, 'Task');
  if (taskElements.length > MAX_IMPORT_TASKS + 1) {
    return {
      ok: false,
      error: { kind: 'tooManyTasks', count: taskElements.length, max: MAX_IMPORT_TASKS },
    };
  }

  const raw: RawTask[] = [];
  const seen = new Set<string>();
  for (const element of taskElements) {
    if (flag(element, 'IsNull')) continue;
    const uid = text(element, 'UID');
    const name = (child(element, 'Name')?.textContent ?? '').trim();
    const label = name === '' ? `UID ${uid ?? '?'}` : name;
    if (uid === null || !/^\d{1,10}$/.test(uid)) {
      return {
        ok: false,
        error: { kind: 'badValue', task: label, field: 'UID', value: uid ?? '' },
      };
    }
    const level = integer(element, 'OutlineLevel') ?? (uid === '0' ? 0 : 1);
    // UID 0 / outline level 0 is the project's own summary row.
    if (level <= 0) continue;
    if (seen.has(uid)) return { ok: false, error: { kind: 'duplicateUid', uid } };
    seen.add(uid);
    if (name === '') warnings.push({ kind: 'unnamed', task: label });

    const startText = text(element, 'Start');
    const start = planDateOfDateTime(startText);
    if (start === null) {
      return {
        ok: false,
        error: { kind: 'badValue', task: label, field: 'Start', value: startText ?? '' },
      };
    }
    const finishText = text(element, 'Finish');
    const finish = planDateOfDateTime(finishText);
    if (finish === null || finish < start) {
      return {
        ok: false,
        error: { kind: 'badValue', task: label, field: 'Finish', value: finishText ?? '' },
      };
    }
    const durationText = text(element, 'Duration');
    const minutes = durationMinutes(durationText);
    if (durationText !== null && minutes === null) {
      return {
        ok: false,
        error: { kind: 'badValue', task: label, field: 'Duration', value: durationText },
      };
    }
    const percentText = text(element, 'PercentComplete');
    const percent = percentText === null ? 0 : Number(percentText);
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      return {
        ok: false,
        error: {
          kind: 'badValue',
          task: label,
          field: 'PercentComplete',
          value: percentText ?? '',
        },
      };
    }
    let kind: MilestoneKind | null = null;
    for (const attribute of childrenNamed(element, 'ExtendedAttribute')) {
      const value = text(attribute, 'Value');
      if (text(attribute, 'FieldID') === kindFieldId && isMilestoneKind(value)) kind = value;
    }
    const baseline = childrenNamed(element, 'Baseline').find(
      (entry) => (text(entry, 'Number') ?? '0') === '0',
    );
    raw.push({
      uid,
      label,
      name: name === '' ? label : name,
      level,
      start,
      finish,
      minutes,
      milestone: flag(element, 'Milestone') || minutes === 0,
      progress: Math.round(percent),
      notes: child(element, 'Notes')?.textContent ?? '',
      kind,
      actualDate: planDateOfDateTime(text(element, 'ActualFinish')),
      baselineDate: baseline === undefined ? null : planDateOfDateTime(text(baseline, 'Start')),
      links: childrenNamed(element, 'PredecessorLink'),
    });
  }
  if (raw.length === 0) return { ok: false, error: { kind: 'noTasks' } };
  if (raw.length > MAX_IMPORT_TASKS) {
    return { ok: false, error: { kind: 'tooManyTasks', count: raw.length, max: MAX_IMPORT_TASKS } };
  }

  // The outline: each task's parent is the nearest task above it one level up. A level that jumps
  // more than one deeper is read as one deeper (MS Project never writes such a jump).
  const parents: (string | null)[] = [];
  const stack: { uid: string; level: number }[] = [];
  for (const task of raw) {
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= task.level) stack.pop();
    const parent = stack.at(-1) ?? null;
    parents.push(parent?.uid ?? null);
    stack.push({ uid: task.uid, level: task.level });
  }
  const hasChildren = new Set(parents.filter((uid): uid is string => uid !== null));

  const items: ImportedItem[] = [];
  const byKey = new Map<string, ImportedItem>();
  const labelOf = new Map<string, string>();
  for (const [index, task] of raw.entries()) {
    const parentKey = parents[index] ?? null;
    const summary = hasChildren.has(task.uid);
    labelOf.set(task.uid, task.label);
    // A milestone record sits at the top of the outline. A file Pursuit wrote says which of its
    // milestones are records (they carry a kind); from elsewhere, a top-level milestone is one.
    const record =
      !summary &&
      parentKey === null &&
      (writtenByPursuit ? task.kind !== null : task.milestone || task.kind !== null);
    const field: keyof typeof MAX_NAME = record ? 'milestone' : 'task';
    if (task.name.length > MAX_NAME[field]) {
      return {
        ok: false,
        error: { kind: 'tooLong', task: task.label, field: 'Name', max: MAX_NAME[field] },
      };
    }
    if (task.notes.length > MAX_NOTES[field]) {
      return {
        ok: false,
        error: { kind: 'tooLong', task: task.label, field: 'Notes', max: MAX_NOTES[field] },
      };
    }
    let item: ImportedItem;
    if (record) {
      item = {
        key: task.uid,
        kind: 'milestone',
        parentKey: null,
        name: task.name,
        start: task.start,
        finish: task.start,
        durationDays: 0,
        progress: task.actualDate === null ? 0 : 100,
        notes: task.notes,
        milestoneKind: task.kind ?? 'other',
        actualDate: task.actualDate,
        baselineDate: task.baselineDate,
      };
    } else if (summary) {
      // A summary's dates follow its subtasks once they are stored.
      item = {
        key: task.uid,
        kind: 'task',
        parentKey,
        name: task.name,
        start: task.start,
        finish: task.finish,
        durationDays: calendar.countWorkingDaysInclusive(task.start, task.finish),
        progress: task.progress,
        notes: task.notes,
        milestoneKind: null,
        actualDate: null,
        baselineDate: null,
      };
    } else {
      if (task.milestone && parentKey !== null && !writtenByPursuit) {
        warnings.push({ kind: 'milestoneNested', task: task.label });
      }
      const durationDays = task.milestone
        ? 0
        : task.minutes === null
          ? Math.max(1, calendar.countWorkingDaysInclusive(task.start, task.finish))
          : Math.min(
              5_000,
              Math.max(task.minutes > 0 ? 1 : 0, Math.round(task.minutes / minutesPerDay)),
            );
      const start = calendar.workingDayOnOrAfter(task.start);
      const finish = calendar.finishForDuration(start, durationDays);
      if (start !== task.start || (durationDays > 0 && finish !== task.finish)) {
        warnings.push({ kind: 'datesAdjusted', task: task.label });
      }
      item = {
        key: task.uid,
        kind: 'task',
        parentKey,
        name: task.name,
        start,
        finish,
        durationDays,
        progress: task.progress,
        notes: task.notes,
        milestoneKind: null,
        actualDate: null,
        baselineDate: null,
      };
    }
    items.push(item);
    byKey.set(item.key, item);
  }

  const links: ImportedLink[] = [];
  const linked = new Set<string>();
  for (const task of raw) {
    for (const link of task.links) {
      const from = text(link, 'PredecessorUID') ?? '';
      const pair = { from: labelOf.get(from) ?? `UID ${from}`, to: task.label };
      const predecessor = byKey.get(from);
      if (predecessor === undefined) {
        warnings.push({ kind: 'linkUnknown', to: task.label, uid: from });
        continue;
      }
      const type = LINK_TYPES[integer(link, 'Type') ?? 1];
      if (type === 'SF') {
        warnings.push({ kind: 'linkStartToFinish', ...pair });
        continue;
      }
      if (type === undefined) {
        return {
          ok: false,
          error: {
            kind: 'badValue',
            task: task.label,
            field: 'PredecessorLink/Type',
            value: text(link, 'Type') ?? '',
          },
        };
      }
      if (hasChildren.has(from) || hasChildren.has(task.uid)) {
        warnings.push({ kind: 'linkSummary', ...pair });
        continue;
      }
      if (from === task.uid || linked.has(`${from}>${task.uid}`)) continue;
      linked.add(`${from}>${task.uid}`);
      const lag = integer(link, 'LinkLag') ?? 0;
      const format = integer(link, 'LagFormat') ?? 7;
      let lagDays = 0;
      if (lag !== 0) {
        if (WORKING_LAG_FORMATS.has(format)) {
          lagDays = Math.round(lag / 10 / minutesPerDay);
        } else if (ELAPSED_LAG_FORMATS.has(format)) {
          lagDays = Math.round((lag / 10 / 1_440) * workingShare);
          warnings.push({ kind: 'lagApproximated', ...pair });
        } else {
          warnings.push({ kind: 'lagDropped', ...pair });
        }
      }
      if (Math.abs(lagDays) > MAX_LAG_DAYS) {
        lagDays = Math.sign(lagDays) * MAX_LAG_DAYS;
        warnings.push({ kind: 'lagLimited', ...pair });
      }
      links.push({ from, to: task.uid, type, lagDays });
    }
  }
  const cycle = findCycle(
    items.map((item) => ({ id: item.key, durationDays: item.durationDays })),
    links.map((link) => ({
      predecessorId: link.from,
      successorId: link.to,
      type: link.type,
      lagDays: link.lagDays,
    })),
  );
  if (cycle !== null) {
    return {
      ok: false,
      error: { kind: 'cycle', tasks: cycle.map((key) => labelOf.get(key) ?? key) },
    };
  }

  // Resources are matched to people by name; their assignments land on plain (not summary) tasks.
  const personByName = new Map<string, PersonId>();
  for (const person of options.people) {
    const key = normalName(person.name);
    if (!personByName.has(key)) personByName.set(key, person.id);
  }
  const resourceName = new Map<string, string>();
  for (const resource of childrenNamed(child(root, 'Resources') ?? root, 'Resource')) {
    const uid = text(resource, 'UID');
    const name = (child(resource, 'Name')?.textContent ?? '').trim();
    if (uid !== null && name !== '') resourceName.set(uid, name);
  }
  const merged = new Map<string, { taskKey: string; personId: PersonId; hours: number }>();
  const unmatched = new Map<string, number>();
  for (const assignment of childrenNamed(child(root, 'Assignments') ?? root, 'Assignment')) {
    const taskKey = text(assignment, 'TaskUID') ?? '';
    const resource = resourceName.get(text(assignment, 'ResourceUID') ?? '');
    const item = byKey.get(taskKey);
    if (resource === undefined || item === undefined) continue;
    const personId = personByName.get(normalName(resource));
    if (personId === undefined) {
      unmatched.set(resource, (unmatched.get(resource) ?? 0) + 1);
      continue;
    }
    if (item.kind !== 'task' || hasChildren.has(taskKey)) {
      warnings.push({ kind: 'assignmentSkipped', task: labelOf.get(taskKey) ?? taskKey, resource });
      continue;
    }
    const minutes = durationMinutes(text(assignment, 'Work')) ?? 0;
    const key = `${taskKey}\u0000${personId}`;
    const entry = merged.get(key);
    if (entry) entry.hours += minutes / 60;
    else merged.set(key, { taskKey, personId, hours: minutes / 60 });
  }
  for (const [resource, count] of unmatched) {
    warnings.push({ kind: 'resourceUnmatched', resource, count });
  }
  const assignments: ImportedAssignment[] = [...merged.values()].map((entry) => ({
    ...entry,
    hours: Math.min(100_000, Math.round(entry.hours * 100) / 100),
  }));

  return {
    ok: true,
    plan: {
      title: (child(root, 'Title') ?? child(root, 'Name'))?.textContent?.trim() ?? '',
      items,
      links,
      assignments,
    },
    warnings,
  };
}
