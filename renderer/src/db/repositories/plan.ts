import Dexie from 'dexie';
import type { PromiseExtended } from 'dexie';
import type { WorkingCalendar } from '@shared/domain/calendar';
import { calendarFromSettings } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { Dependency } from '@shared/domain/dependency';
import type { Baseline } from '@shared/domain/baseline';
import type { DealId, PlanItemId, StageId, TaskId } from '@shared/domain/ids';
import type { Milestone, MilestoneKind } from '@shared/domain/milestone';
import type { PlanTemplateId } from '@shared/domain/plan-template';
import type { Locale } from '@shared/domain/settings';
import type { ImportedPlan } from '@shared/exchange/msproject-read';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { Task } from '@shared/domain/task';
import type { IncomingLink, LinkRuleError, PlanLink } from '@shared/plan/links';
import { checkPredecessors } from '@shared/plan/links';
import type { OutlineChange, OutlineError, OutlineResult } from '@shared/plan/outline';
import { placeNewRow, planIndent, planOutdent } from '@shared/plan/outline';
import { rollUpSummaries } from '@shared/plan/rollup';
import type { PlanRow } from '@shared/plan/rows';
import { buildPlanRows, descendantIds, SORT_STEP } from '@shared/plan/rows';
import { layOutSavedTemplate } from '@shared/plan/saved-template';
import type { TemplateError } from '@shared/plan/template';
import { layOutTemplate, STANDARD_BID_PLAN } from '@shared/plan/template';
import { finishOf } from '@shared/schedule/model';
import type { ScheduleError } from '@shared/schedule/model';
import type { MoveLimit } from '@shared/schedule/move';
import { applyMove } from '@shared/schedule/move';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError, StaleRevisionError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { Writer, WriteEnv } from '@renderer/db/write';

/**
 * A deal's plan: its tasks (the WBS), milestones and dependencies. Every function here is one
 * transaction with its activity records, undoable as one step; dates are decided by the pure
 * functions in `shared/plan` and `shared/schedule` and only written here.
 */

/** Why a plan edit was refused; nothing was written. The UI says which rows and why. */
export type PlanProblem =
  | { readonly kind: 'links'; readonly error: LinkRuleError }
  | { readonly kind: 'outline'; readonly error: OutlineError }
  | { readonly kind: 'template'; readonly error: TemplateError }
  /** The template only starts an empty plan. */
  | { readonly kind: 'planExists' }
  /** The saved template chosen was deleted meanwhile (in another window). */
  | { readonly kind: 'templateGone' }
  /** A summary's dates follow its subtasks; move those instead. */
  | { readonly kind: 'summaryDates'; readonly id: PlanItemId }
  | { readonly kind: 'schedule'; readonly error: ScheduleError };

export class PlanRuleError extends Error {
  override readonly name = 'PlanRuleError';
  constructor(readonly problem: PlanProblem) {
    super(`The plan edit was refused (${problem.kind})`);
  }
}

const PLAN_TABLES = ['deals', 'settings', 'tasks', 'milestones', 'dependencies'] as const;

/** A deal's live plan records, read inside a write. */
interface PlanState {
  readonly deal: Deal;
  readonly calendar: WorkingCalendar;
  readonly tasks: Task[];
  readonly milestones: Milestone[];
  readonly dependencies: Dependency[];
}

function live<T extends { deletedAt: number | null }>(rows: T[]): T[] {
  return rows.filter((row) => row.deletedAt === null);
}

/** Reads the plan as one chain of Dexie promises (see `Writer`: no native async in between). */
function loadPlan(writer: Writer, db: PursuitDatabase, dealId: DealId): PromiseExtended<PlanState> {
  return writer.require('deals', dealId).then((deal) => {
    if (deal.deletedAt !== null) throw new NotFoundError('deals', dealId);
    return writer.require('settings', SETTINGS_ID).then((settings) =>
      db.tasks
        .where('dealId')
        .equals(dealId)
        .toArray()
        .then((tasks) =>
          db.milestones
            .where('dealId')
            .equals(dealId)
            .toArray()
            .then((milestones) =>
              db.dependencies
                .where('dealId')
                .equals(dealId)
                .toArray()
                .then((dependencies) => ({
                  deal,
                  calendar: calendarFromSettings(settings),
                  tasks: live(tasks),
                  milestones: live(milestones),
                  dependencies: live(dependencies),
                })),
            ),
        ),
    );
  });
}

function rowsOf(state: PlanState): PlanRow[] {
  return buildPlanRows(state.tasks, state.milestones);
}

function linksOf(state: PlanState): PlanLink[] {
  return state.dependencies.map((d) => ({
    predecessorId: d.predecessorId,
    successorId: d.successorId,
    type: d.type,
    lagDays: d.lagDays,
  }));
}

function requireRow(rows: readonly PlanRow[], id: PlanItemId, expectedRev: number): PlanRow {
  const row = rows.find((r) => r.id === id);
  if (row === undefined) throw new StaleRevisionError('tasks', id, expectedRev, null);
  if (row.rev !== expectedRev) {
    throw new StaleRevisionError(
      row.kind === 'task' ? 'tasks' : 'milestones',
      id,
      expectedRev,
      row.rev,
    );
  }
  return row;
}

/**
 * Issues independent writes of one transaction together rather than one after the other: each
 * IndexedDB round trip costs milliseconds, and a drag can touch dozens of rows.
 */
function together<T>(writes: PromiseExtended<T>[]): PromiseExtended<T[]> {
  return Dexie.Promise.all(writes);
}

/** Rewrites the summaries whose derived dates or progress changed (no entry of their own). */
function rollUp(writer: Writer, state: PlanState): PromiseExtended<unknown> {
  const writes = [...rollUpSummaries(state.tasks, state.milestones, state.calendar)].flatMap(
    ([id, dates]) => {
      const index = state.tasks.findIndex((task) => task.id === id);
      const current = state.tasks[index];
      if (current === undefined) return [];
      return [
        writer.cascade('tasks', current, { ...dates }).then((next) => {
          state.tasks[index] = { ...current, ...dates, rev: next.rev, updatedAt: writer.at };
        }),
      ];
    },
  );
  return together(writes);
}

/**
 * Writes outline changes. The row the user acted on (`primary`) gets an activity entry with its
 * new parent; the renumbering around it only keeps the order and is written as a cascade.
 */
async function applyOutline(
  writer: Writer,
  state: PlanState,
  changes: readonly OutlineChange[],
  primary: PlanItemId | null = null,
): Promise<void> {
  for (const item of changes) {
    if (item.kind === 'task') {
      const index = state.tasks.findIndex((task) => task.id === item.id);
      const current = state.tasks[index];
      if (current === undefined) continue;
      const patch =
        item.parentId === undefined
          ? { sortIndex: item.sortIndex }
          : { sortIndex: item.sortIndex, parentId: item.parentId };
      if (item.id === primary) {
        state.tasks[index] = await writer.update(
          'tasks',
          current.id,
          current.rev,
          patch,
          current.name,
        );
        continue;
      }
      const next = await writer.cascade('tasks', current, patch);
      state.tasks[index] = { ...current, ...patch, rev: next.rev, updatedAt: writer.at };
    } else {
      const index = state.milestones.findIndex((m) => m.id === item.id);
      const current = state.milestones[index];
      if (current === undefined) continue;
      const next = await writer.cascade('milestones', current, { sortIndex: item.sortIndex });
      state.milestones[index] = {
        ...current,
        sortIndex: item.sortIndex,
        rev: next.rev,
        updatedAt: writer.at,
      };
    }
  }
}

/** The stage (of the deal's sales process) whose milestone template has `key`, if any. */
function stageWithTemplate(
  db: PursuitDatabase,
  deal: Deal,
  key: string,
): PromiseExtended<StageId | null> {
  return db.stages.get(deal.stageId).then((current) => {
    if (current === undefined) return null;
    return db.stages
      .where('processId')
      .equals(current.processId)
      .toArray()
      .then(
        (stages) =>
          stages.find((stage) => stage.milestoneTemplates.some((t) => t.key === key))?.id ?? null,
      );
  });
}

/**
 * Starts an empty plan from the standard bid plan or a saved template, laid backward from the deal's submission date
 * on the company calendar (`layOutTemplate`), with names in `locale`. A milestone the deal already
 * has for a step (its bid/no-bid or submission milestone from the sales process) is reused and
 * re-dated rather than doubled; other existing milestones keep their dates and are placed among
 * the new rows by date.
 */
export async function createPlanFromTemplate(
  db: PursuitDatabase,
  env: WriteEnv,
  input: {
    readonly dealId: DealId;
    readonly today: PlanDate;
    readonly locale: Locale;
    /** A saved template (Settings → Plan templates); null for the standard bid plan. */
    readonly templateId?: PlanTemplateId | null;
  },
): Promise<void> {
  await runWrite(
    db,
    env,
    [...PLAN_TABLES, 'stages'],
    async (writer) => {
      const state = await loadPlan(writer, db, input.dealId);
      writer.subject = state.deal.code;
      if (state.tasks.length > 0) throw new PlanRuleError({ kind: 'planExists' });
      const templateId = input.templateId ?? null;
      let laid: ReturnType<typeof layOutTemplate>;
      if (templateId === null) {
        laid = layOutTemplate({
          steps: STANDARD_BID_PLAN,
          calendar: state.calendar,
          submissionDue: state.deal.keyDates.submissionDue,
          today: input.today,
          locale: input.locale,
        });
      } else {
        const settings = await writer.require('settings', SETTINGS_ID);
        const template = settings.planTemplates.find((item) => item.id === templateId);
        if (template === undefined) throw new PlanRuleError({ kind: 'templateGone' });
        laid = layOutSavedTemplate({
          template,
          calendar: state.calendar,
          submissionDue: state.deal.keyDates.submissionDue,
          today: input.today,
        });
      }
      if (!laid.ok) throw new PlanRuleError({ kind: 'template', error: laid.error });

      const idOf = new Map<string, PlanItemId>();
      const reused = new Set<string>();
      for (const [i, step] of laid.value.steps.entries()) {
        const sortIndex = (i + 1) * SORT_STEP;
        if (step.milestoneKind === null) {
          const parent = step.parentKey === null ? undefined : idOf.get(step.parentKey);
          const task = await writer.insert(
            'tasks',
            {
              dealId: state.deal.id,
              parentId: state.tasks.find((t) => t.id === parent)?.id ?? null,
              name: step.name,
              start: step.start,
              finish: step.finish,
              durationDays: step.durationDays,
              progress: 0,
              sortIndex,
              requiredRoleId: null,
              notes: '',
            },
            step.name,
          );
          idOf.set(step.key, task.id);
          state.tasks.push(task);
          continue;
        }
        // Only a step standing for a sales-process milestone (bid/no-bid, submission) takes over
        // the deal's own one; any other milestone of a saved template is the plan's own.
        const existing =
          step.stageTemplateKey === null
            ? undefined
            : state.milestones.find(
                (m) =>
                  !reused.has(m.id) &&
                  (m.templateKey === step.stageTemplateKey || m.kind === step.milestoneKind),
              );
        if (existing !== undefined) {
          reused.add(existing.id);
          const saved = await writer.update(
            'milestones',
            existing.id,
            existing.rev,
            { date: step.start, sortIndex },
            existing.name,
          );
          idOf.set(step.key, saved.id);
          continue;
        }
        const stageId =
          step.stageTemplateKey === null
            ? null
            : await stageWithTemplate(db, state.deal, step.stageTemplateKey);
        const milestone = await writer.insert(
          'milestones',
          {
            dealId: state.deal.id,
            name: step.name,
            kind: step.milestoneKind,
            date: step.start,
            baselineDate: null,
            actualDate: null,
            stageId,
            templateKey: stageId === null ? null : step.stageTemplateKey,
            sortIndex,
            notes: '',
          },
          step.name,
        );
        idOf.set(step.key, milestone.id);
      }
      // Milestones the template did not take: among the new rows, after the last one before them.
      await together(
        state.milestones
          .filter((m) => !reused.has(m.id))
          .map((m) => {
            const before = laid.value.steps.filter((step) => step.start <= m.date).length;
            return writer.cascade('milestones', m, { sortIndex: before * SORT_STEP + 1 });
          }),
      );
      await together(
        laid.value.links.flatMap((link) => {
          const predecessorId = idOf.get(link.from);
          const successorId = idOf.get(link.to);
          if (predecessorId === undefined || successorId === undefined) return [];
          return [
            writer.insert(
              'dependencies',
              {
                dealId: state.deal.id,
                predecessorId,
                successorId,
                type: link.type,
                lagDays: link.lagDays,
              },
              state.deal.code,
            ),
          ];
        }),
      );
      // A saved template's summary tasks follow their subtasks.
      await rollUp(writer, state);
    },
    { undoAction: 'create' },
  );
}

/** Kinds a deal has one milestone of, so a file's milestone of that kind is the deal's own. */
const UNIQUE_MILESTONE_KINDS: ReadonlySet<string> = new Set<MilestoneKind>([
  'kickoff',
  'rfp_release',
  'questions_due',
  'bid_no_bid',
  'submission',
  'award',
  'contract',
]);

/** What an import brought in, for the message that confirms it. */
export interface PlanImportCounts {
  readonly tasks: number;
  readonly milestones: number;
  readonly links: number;
  readonly assignments: number;
}

/**
 * Lays a plan read from a Microsoft Project file (`readMsProject`) into an empty plan: its tasks
 * with their outline, milestones, links and assignments, in one transaction (all or nothing) with
 * the trail and one Undo. A milestone of a kind the deal already has (its bid/no-bid or submission
 * milestone from the sales process, or one of the same kind and name) is re-dated rather than
 * doubled, as a template does; the deal's other milestones stay as they are. Assignments take the person's first role.
 */
export async function importPlan(
  db: PursuitDatabase,
  env: WriteEnv,
  input: { readonly dealId: DealId; readonly plan: ImportedPlan },
): Promise<PlanImportCounts> {
  return runWrite(
    db,
    env,
    [...PLAN_TABLES, 'people', 'assignments'],
    async (writer) => {
      const state = await loadPlan(writer, db, input.dealId);
      writer.subject = state.deal.code;
      if (state.tasks.length > 0) throw new PlanRuleError({ kind: 'planExists' });
      const idOf = new Map<string, PlanItemId>();
      const taskIdOf = new Map<string, TaskId>();
      const reused = new Set<string>();
      let milestones = 0;
      for (const [i, item] of input.plan.items.entries()) {
        const sortIndex = (i + 1) * SORT_STEP;
        if (item.kind === 'task') {
          const parentId = item.parentKey === null ? null : (taskIdOf.get(item.parentKey) ?? null);
          const task = await writer.insert(
            'tasks',
            {
              dealId: state.deal.id,
              parentId,
              name: item.name,
              start: item.start,
              finish: item.finish,
              durationDays: item.durationDays,
              progress: item.progress,
              sortIndex,
              requiredRoleId: null,
              notes: item.notes,
            },
            item.name,
          );
          idOf.set(item.key, task.id);
          taskIdOf.set(item.key, task.id);
          state.tasks.push(task);
          continue;
        }
        milestones += 1;
        const fields = {
          name: item.name,
          kind: item.milestoneKind ?? 'other',
          date: item.start,
          baselineDate: item.baselineDate,
          actualDate: item.actualDate,
          sortIndex,
          notes: item.notes,
        } as const;
        const free = state.milestones.filter((m) => !reused.has(m.id));
        const existing =
          free.find((m) => m.kind === fields.kind && m.name === fields.name) ??
          (UNIQUE_MILESTONE_KINDS.has(fields.kind)
            ? free.find((m) => m.kind === fields.kind)
            : undefined);
        if (existing !== undefined) {
          reused.add(existing.id);
          const saved = await writer.update(
            'milestones',
            existing.id,
            existing.rev,
            fields,
            existing.name,
          );
          idOf.set(item.key, saved.id);
          continue;
        }
        const milestone = await writer.insert(
          'milestones',
          { ...fields, dealId: state.deal.id, stageId: null, templateKey: null },
          item.name,
        );
        idOf.set(item.key, milestone.id);
      }
      // The deal's milestones the file did not take: among the new rows, by date.
      await together(
        state.milestones
          .filter((m) => !reused.has(m.id))
          .map((m) => {
            const before = input.plan.items.filter((item) => item.start <= m.date).length;
            return writer.cascade('milestones', m, { sortIndex: before * SORT_STEP + 1 });
          }),
      );
      const links = input.plan.links.flatMap((link) => {
        const predecessorId = idOf.get(link.from);
        const successorId = idOf.get(link.to);
        if (predecessorId === undefined || successorId === undefined) return [];
        return [
          writer.insert(
            'dependencies',
            {
              dealId: state.deal.id,
              predecessorId,
              successorId,
              type: link.type,
              lagDays: link.lagDays,
            },
            state.deal.code,
          ),
        ];
      });
      await together(links);
      const people = await db.people.bulkGet(input.plan.assignments.map((a) => a.personId));
      const assignments = input.plan.assignments.flatMap((assignment, i) => {
        const taskId = taskIdOf.get(assignment.taskKey);
        const person = people[i];
        if (taskId === undefined || person === undefined || person.deletedAt !== null) return [];
        const task = state.tasks.find((t) => t.id === taskId);
        return [
          writer.insert(
            'assignments',
            {
              dealId: state.deal.id,
              taskId,
              personId: person.id,
              roleId: person.roleIds[0] ?? null,
              hours: assignment.hours,
            },
            `${task?.name ?? ''} · ${person.name} · ${assignment.hours} h`,
          ),
        ];
      });
      await together(assignments);
      await rollUp(writer, state);
      return {
        tasks: taskIdOf.size,
        milestones,
        links: links.length,
        assignments: assignments.length,
      };
    },
    { undoAction: 'create' },
  );
}

export interface NewPlanItem {
  readonly dealId: DealId;
  /** The row the new one goes after (at its level); null: at the end of the plan. */
  readonly afterId: PlanItemId | null;
  readonly kind: 'task' | 'milestone';
  readonly name: string;
  /** Where an empty plan starts. */
  readonly today: PlanDate;
}

/**
 * Adds a one-day task (or a milestone) right after a row, starting the working day after it
 * ends, so a new step follows the one the user is on. Milestones stay at the top level: after a
 * subtask, a milestone goes after its top-level ancestor.
 */
export async function addPlanItem(
  db: PursuitDatabase,
  env: WriteEnv,
  input: NewPlanItem,
): Promise<PlanItemId> {
  return runWrite(
    db,
    env,
    PLAN_TABLES,
    async (writer) => {
      const state = await loadPlan(writer, db, input.dealId);
      writer.subject = input.name;
      const rows = rowsOf(state);
      let after = rows.find((row) => row.id === input.afterId) ?? null;
      if (after !== null && input.kind === 'milestone') {
        const top = rows.filter(
          (row) => row.depth === 0 && row.rowNumber <= (after?.rowNumber ?? 0),
        );
        after = top.at(-1) ?? null;
      }
      const last = after ?? rows.at(-1) ?? null;
      const calendar = state.calendar;
      const start =
        last === null
          ? calendar.workingDayOnOrAfter(input.today)
          : calendar.addWorkingDays(last.finish, last.durationDays === 0 ? 0 : 1);
      const place = placeNewRow(rows, after);
      await applyOutline(writer, state, place.renumbered);
      if (input.kind === 'milestone') {
        const milestone = await writer.insert(
          'milestones',
          {
            dealId: state.deal.id,
            name: input.name,
            kind: 'other',
            date: start,
            baselineDate: null,
            actualDate: null,
            stageId: null,
            templateKey: null,
            sortIndex: place.sortIndex,
            notes: '',
          },
          input.name,
        );
        return milestone.id;
      }
      const task = await writer.insert(
        'tasks',
        {
          dealId: state.deal.id,
          parentId: place.parentId,
          name: input.name,
          start,
          finish: start,
          durationDays: 1,
          progress: 0,
          sortIndex: place.sortIndex,
          requiredRoleId: null,
          notes: '',
        },
        input.name,
      );
      state.tasks.push(task);
      await rollUp(writer, state);
      return task.id;
    },
    { undoAction: 'create' },
  );
}

/** Renames a task or milestone. */
export async function renamePlanItem(
  db: PursuitDatabase,
  env: WriteEnv,
  input: {
    readonly dealId: DealId;
    readonly id: PlanItemId;
    readonly expectedRev: number;
    readonly name: string;
  },
): Promise<void> {
  await runWrite(
    db,
    env,
    PLAN_TABLES,
    async (writer) => {
      const state = await loadPlan(writer, db, input.dealId);
      const row = requireRow(rowsOf(state), input.id, input.expectedRev);
      writer.subject = input.name;
      await writer.update(
        row.kind === 'task' ? 'tasks' : 'milestones',
        row.id,
        row.rev,
        { name: input.name },
        input.name,
      );
    },
    { undoAction: 'update' },
  );
}

/** A date change asked for from the Gantt or the grid; what is absent stays as it is. */
export interface ScheduleChange {
  readonly dealId: DealId;
  readonly id: PlanItemId;
  readonly expectedRev: number;
  /** New start (a non-working day rolls forward to the next working day). */
  readonly start?: PlanDate;
  /** New last day (a resize): the duration becomes the working days from start to it. */
  readonly finish?: PlanDate;
  /** New duration in working days (0 makes a task a milestone). */
  readonly durationDays?: number;
}

export interface ScheduleResult {
  /** Rows whose dates changed: the one asked for first, then the successors it pushed. */
  readonly changed: readonly PlanItemId[];
  /** Set when the row could not go as early as asked: what held it, and where it starts. */
  readonly clamped: { readonly limit: MoveLimit; readonly start: PlanDate } | null;
}

/** The engine's view of the rows that are scheduled (summaries follow their subtasks). */
function plannedTasks(rows: readonly PlanRow[], calendar: WorkingCalendar) {
  return rows
    .filter((row) => !row.summary)
    .map((row) => ({
      id: row.id,
      durationDays: row.durationDays,
      start: calendar.workingIndex(row.start),
      progress: row.progress,
    }));
}

/** Links between scheduled rows (a link to a summary, which the app never writes, is ignored). */
function scheduleLinks(rows: readonly PlanRow[], links: readonly PlanLink[]): PlanLink[] {
  const scheduled = new Set<string>(rows.filter((row) => !row.summary).map((row) => row.id));
  return links.filter(
    (link) => scheduled.has(link.predecessorId) && scheduled.has(link.successorId),
  );
}

/**
 * Applies `applyMove` to the plan and writes every changed row, each with its activity entry,
 * then the summaries above them. The row asked for is written even when it is held by a
 * predecessor (it goes as early as allowed, and `clamped` says why).
 */
async function moveAndWrite(
  writer: Writer,
  state: PlanState,
  id: PlanItemId,
  newStart: number,
  newDuration: number | undefined,
  reason: string,
): Promise<ScheduleResult> {
  const rows = rowsOf(state);
  const outcome = applyMove({
    tasks: plannedTasks(rows, state.calendar),
    links: scheduleLinks(rows, linksOf(state)),
    taskId: id,
    newStart,
    ...(newDuration === undefined ? {} : { newDuration }),
  });
  if (!outcome.ok) throw new PlanRuleError({ kind: 'schedule', error: outcome.error });
  const { calendar } = state;
  const changed: PlanItemId[] = [];
  const writes: PromiseExtended<unknown>[] = [];
  const taskIndex = new Map<string, number>(state.tasks.map((task, i) => [task.id, i]));
  const milestoneIndex = new Map<string, number>(state.milestones.map((m, i) => [m.id, i]));
  // The rows were read in this transaction, so their revisions are current: written as they are.
  for (const change of outcome.value.changes) {
    const start = calendar.dateOfWorkingIndex(change.newStart);
    const details = change.id === id ? '' : reason;
    const t = taskIndex.get(change.id);
    const task = t === undefined ? undefined : state.tasks[t];
    if (t !== undefined && task !== undefined) {
      const finish = calendar.dateOfWorkingIndex(finishOf(change.newStart, change.newDuration));
      const next = { ...task, start, finish, durationDays: change.newDuration };
      changed.push(task.id);
      writes.push(
        writer.replace('tasks', task, next, task.name, 'update', details).then((saved) => {
          state.tasks[t] = saved;
        }),
      );
      continue;
    }
    const m = milestoneIndex.get(change.id);
    const milestone = m === undefined ? undefined : state.milestones[m];
    if (m === undefined || milestone === undefined) continue;
    changed.push(milestone.id);
    writes.push(
      writer
        .replace(
          'milestones',
          milestone,
          { ...milestone, date: start },
          milestone.name,
          'update',
          details,
        )
        .then((saved) => {
          state.milestones[m] = saved;
        }),
    );
  }
  await together(writes);
  await rollUp(writer, state);
  const clamped = outcome.value.clamped;
  return {
    changed,
    clamped:
      clamped === null
        ? null
        : { limit: clamped.limit, start: calendar.dateOfWorkingIndex(clamped.start) },
  };
}

/**
 * Moves or resizes a row (a Gantt drag, or a start, finish or duration typed in the grid).
 * Successors are pushed as their links require, transitively; nothing is pulled earlier; a row
 * asked to start before its predecessors allow starts as early as they allow. A milestone
 * record keeps a duration of zero; a summary cannot be moved (its subtasks can).
 */
export async function schedulePlanItem(
  db: PursuitDatabase,
  env: WriteEnv,
  input: ScheduleChange,
): Promise<ScheduleResult> {
  return runWrite(
    db,
    env,
    PLAN_TABLES,
    async (writer) => {
      const state = await loadPlan(writer, db, input.dealId);
      const row = requireRow(rowsOf(state), input.id, input.expectedRev);
      writer.subject = row.name;
      if (row.summary) throw new PlanRuleError({ kind: 'summaryDates', id: row.id });
      const { calendar } = state;
      const start = calendar.workingIndex(input.start ?? row.start);
      let duration = input.durationDays;
      if (input.finish !== undefined && row.kind === 'task') {
        duration = Math.max(
          1,
          calendar.countWorkingDaysInclusive(calendar.dateOfWorkingIndex(start), input.finish),
        );
      }
      if (row.kind === 'milestone' && duration !== undefined && duration !== 0) {
        duration = 0;
      }
      return moveAndWrite(writer, state, row.id, start, duration, row.name);
    },
    { undoAction: 'update' },
  );
}

/**
 * Sets a row's progress. A milestone is either reached (100: its actual date is its date) or
 * not (0); summaries follow their subtasks.
 */
export async function setPlanItemProgress(
  db: PursuitDatabase,
  env: WriteEnv,
  input: {
    readonly dealId: DealId;
    readonly id: PlanItemId;
    readonly expectedRev: number;
    readonly progress: number;
  },
): Promise<void> {
  await runWrite(
    db,
    env,
    PLAN_TABLES,
    async (writer) => {
      const state = await loadPlan(writer, db, input.dealId);
      const row = requireRow(rowsOf(state), input.id, input.expectedRev);
      writer.subject = row.name;
      if (row.summary) throw new PlanRuleError({ kind: 'summaryDates', id: row.id });
      if (row.kind === 'milestone') {
        const index = state.milestones.findIndex((m) => m.id === row.id);
        const saved = await writer.update(
          'milestones',
          row.id,
          row.rev,
          { actualDate: input.progress >= 100 ? row.start : null },
          row.name,
        );
        state.milestones[index] = saved;
      } else {
        const index = state.tasks.findIndex((task) => task.id === row.id);
        const saved = await writer.update(
          'tasks',
          row.id,
          row.rev,
          { progress: Math.round(input.progress) },
          row.name,
        );
        state.tasks[index] = saved;
      }
      await rollUp(writer, state);
    },
    { undoAction: 'update' },
  );
}

/**
 * Replaces a row's predecessors. Refused, with the reason, when a predecessor does not exist, is
 * the row itself, is named twice, is a summary, or when the links would close a loop (the loop
 * is named). When a new link requires it, the row moves later — and its successors with it — in
 * the same step.
 */
export async function setPredecessors(
  db: PursuitDatabase,
  env: WriteEnv,
  input: {
    readonly dealId: DealId;
    readonly id: PlanItemId;
    readonly links: readonly IncomingLink[];
  },
): Promise<ScheduleResult> {
  return runWrite(
    db,
    env,
    PLAN_TABLES,
    async (writer) => {
      const state = await loadPlan(writer, db, input.dealId);
      const rows = rowsOf(state);
      const row = rows.find((r) => r.id === input.id);
      if (row === undefined) throw new StaleRevisionError('tasks', input.id, 0, null);
      writer.subject = row.name;
      const problem = checkPredecessors({
        rows,
        links: linksOf(state),
        successorId: row.id,
        proposed: input.links,
      });
      if (problem !== null) throw new PlanRuleError({ kind: 'links', error: problem });

      const incoming = state.dependencies.filter((d) => d.successorId === row.id);
      const wanted = new Map<string, IncomingLink>(
        input.links.map((link) => [link.predecessorId, link]),
      );
      const kept: Dependency[] = state.dependencies.filter((d) => d.successorId !== row.id);
      for (const dependency of incoming) {
        const link = wanted.get(dependency.predecessorId);
        if (link === undefined) {
          await writer.update(
            'dependencies',
            dependency.id,
            dependency.rev,
            { deletedAt: writer.at },
            row.name,
            'delete',
          );
          continue;
        }
        wanted.delete(dependency.predecessorId);
        if (link.type === dependency.type && link.lagDays === dependency.lagDays) {
          kept.push(dependency);
          continue;
        }
        kept.push(
          await writer.update(
            'dependencies',
            dependency.id,
            dependency.rev,
            { type: link.type, lagDays: link.lagDays },
            row.name,
          ),
        );
      }
      for (const link of wanted.values()) {
        kept.push(
          await writer.insert(
            'dependencies',
            {
              dealId: state.deal.id,
              predecessorId: link.predecessorId,
              successorId: row.id,
              type: link.type,
              lagDays: link.lagDays,
            },
            row.name,
          ),
        );
      }
      state.dependencies.splice(0, state.dependencies.length, ...kept);
      if (row.summary) return { changed: [], clamped: null };
      return moveAndWrite(
        writer,
        state,
        row.id,
        state.calendar.workingIndex(row.start),
        undefined,
        row.name,
      );
    },
    { undoAction: 'update' },
  );
}

async function outline(
  writer: Writer,
  state: PlanState,
  id: PlanItemId,
  result: OutlineResult,
): Promise<void> {
  if (!result.ok) throw new PlanRuleError({ kind: 'outline', error: result.error });
  await applyOutline(writer, state, result.changes, id);
  await rollUp(writer, state);
}

type OutlineRule = typeof planIndent;

/** Indents or outdents a row by `rule`, in one transaction with its activity records. */
async function reoutlinePlanItem(
  db: PursuitDatabase,
  env: WriteEnv,
  input: { readonly dealId: DealId; readonly id: PlanItemId },
  rule: OutlineRule,
): Promise<void> {
  await runWrite(
    db,
    env,
    PLAN_TABLES,
    async (writer) => {
      const state = await loadPlan(writer, db, input.dealId);
      const rows = rowsOf(state);
      writer.subject = rows.find((row) => row.id === input.id)?.name ?? state.deal.code;
      await outline(writer, state, input.id, rule(rows, linksOf(state), input.id));
    },
    { undoAction: 'update' },
  );
}

/** Makes a task the last subtask of the row above it (Tab in the grid). */
export function indentPlanItem(
  db: PursuitDatabase,
  env: WriteEnv,
  input: { readonly dealId: DealId; readonly id: PlanItemId },
): Promise<void> {
  return reoutlinePlanItem(db, env, input, planIndent);
}

/** Moves a subtask up one level, after its former parent (Shift+Tab in the grid). */
export function outdentPlanItem(
  db: PursuitDatabase,
  env: WriteEnv,
  input: { readonly dealId: DealId; readonly id: PlanItemId },
): Promise<void> {
  return reoutlinePlanItem(db, env, input, planOutdent);
}

/**
 * Moves a row to the trash with its subtasks and every link to or from them; the summary above
 * it follows the subtasks that remain.
 */
export async function deletePlanItem(
  db: PursuitDatabase,
  env: WriteEnv,
  input: { readonly dealId: DealId; readonly id: PlanItemId; readonly expectedRev: number },
): Promise<void> {
  await runWrite(
    db,
    env,
    PLAN_TABLES,
    async (writer) => {
      const state = await loadPlan(writer, db, input.dealId);
      const rows = rowsOf(state);
      const row = requireRow(rows, input.id, input.expectedRev);
      writer.subject = row.name;
      const gone = new Set<string>([row.id, ...descendantIds(rows, row.id)]);
      const at = { deletedAt: writer.at };
      await together<unknown>([
        ...state.dependencies
          .filter((d) => gone.has(d.predecessorId) || gone.has(d.successorId))
          .map((d) => writer.replace('dependencies', d, { ...d, ...at }, row.name, 'delete')),
        ...state.tasks
          .filter((t) => gone.has(t.id))
          .map((t) => writer.replace('tasks', t, { ...t, ...at }, t.name, 'delete')),
        ...state.milestones
          .filter((m) => gone.has(m.id))
          .map((m) => writer.replace('milestones', m, { ...m, ...at }, m.name, 'delete')),
      ]);
      const remaining: PlanState = {
        ...state,
        tasks: state.tasks.filter((t) => !gone.has(t.id)),
        milestones: state.milestones.filter((m) => !gone.has(m.id)),
      };
      await rollUp(writer, remaining);
    },
    { undoAction: 'delete' },
  );
}

/**
 * Captures a named baseline of the plan as it stands (every task's dates and duration, every
 * milestone's date), and makes those dates the milestones' baseline dates, which the portfolio
 * reads for slips.
 */
export async function captureBaseline(
  db: PursuitDatabase,
  env: WriteEnv,
  input: { readonly dealId: DealId; readonly name: string },
): Promise<Baseline> {
  return runWrite(
    db,
    env,
    [...PLAN_TABLES, 'baselines'],
    async (writer) => {
      const state = await loadPlan(writer, db, input.dealId);
      writer.subject = input.name;
      const baseline = await writer.insert(
        'baselines',
        {
          dealId: state.deal.id,
          name: input.name,
          capturedAt: writer.at,
          tasks: state.tasks.map((task) => ({
            taskId: task.id,
            start: task.start,
            finish: task.finish,
            durationDays: task.durationDays,
          })),
          milestones: state.milestones.map((m) => ({ milestoneId: m.id, date: m.date })),
        },
        input.name,
      );
      await together(
        state.milestones
          .filter((m) => m.baselineDate !== m.date)
          .map((m) => writer.cascade('milestones', m, { baselineDate: m.date })),
      );
      return baseline;
    },
    { undoAction: 'create' },
  );
}
