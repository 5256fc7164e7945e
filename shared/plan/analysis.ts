import type { WorkingCalendar } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import type { PlanItemId } from '@shared/domain/ids';
import type { Schedule } from '@shared/schedule/cpm';
import { computeSchedule } from '@shared/schedule/cpm';
import type { ScheduleError, ScheduleLink, ScheduleTask } from '@shared/schedule/model';
import type { PlanLink } from '@shared/plan/links';
import type { PlanRow } from '@shared/plan/rows';
import { descendantIds, scheduledRows } from '@shared/plan/rows';

/** What the plan view shows per row beyond the stored dates. */
export interface RowAnalysis {
  /**
   * Working days the row can slip: before the submission deadline slips, for work leading up to
   * submission; before the plan's own finish slips, for work after it (orals, BAFO). Negative
   * when the deadline is already lost.
   */
  readonly slackDays: number;
  /** On the chain with the least slack: it sets the submission (or the plan finish). */
  readonly critical: boolean;
  /** Leads up to submission, so the deadline binds it. */
  readonly deadlineBound: boolean;
}

/** The backward-scheduling readout: how the plan stands against the submission deadline. */
export interface DeadlineReadout {
  /** The deadline as a working day (a due date on a Sunday means the Friday before). */
  readonly date: PlanDate;
  /** The earliest the work leading to submission can be done, working from today. */
  readonly earliestFinish: PlanDate;
  /** Working days to spare before the deadline, from today; negative when it cannot be met. */
  readonly slackDays: number;
  /** Everything leading to submission is done (the bid went in): slack no longer applies. */
  readonly done: boolean;
  /**
   * Set when the plan as laid out (its stored dates) finishes the work leading to submission
   * after the deadline, although it could still be met from today: by how many working days,
   * and the rows that end after the deadline.
   */
  readonly plannedLate: {
    readonly days: number;
    readonly rows: readonly PlanItemId[];
  } | null;
  /**
   * Set when the deadline cannot be met from today: by how many working days, the chain of rows
   * that drives it, and every row that cannot make it (worst first).
   */
  readonly overrun: {
    readonly days: number;
    readonly chain: readonly PlanItemId[];
    readonly rows: readonly { readonly id: PlanItemId; readonly days: number }[];
  } | null;
}

export type PlanAnalysis =
  | {
      readonly ok: true;
      readonly rows: ReadonlyMap<PlanItemId, RowAnalysis>;
      readonly deadline: DeadlineReadout | null;
    }
  | { readonly ok: false; readonly error: ScheduleError };

export interface PlanAnalysisInput {
  readonly rows: readonly PlanRow[];
  readonly links: readonly PlanLink[];
  readonly calendar: WorkingCalendar;
  /** The status date: work not done cannot happen before it. */
  readonly today: PlanDate;
  /** The deal's submission due date, if set. */
  readonly submissionDue: PlanDate | null;
}

/**
 * The engine's view of a row. Work not done yet is free to move: the analysis asks what is still
 * possible from today (as soon as possible, or as late as the deadline allows), not where the
 * plan happens to have put it. Done work stays where it happened; work in progress has its
 * remaining days from today on (the engine's rule for progress).
 */
function toScheduleTask(row: PlanRow, calendar: WorkingCalendar): ScheduleTask {
  const task = { id: row.id, durationDays: row.durationDays, progress: row.progress };
  return row.progress >= 100 ? { ...task, fixedStart: calendar.workingIndex(row.start) } : task;
}

/** The submission milestones and everything they depend on, directly or through other rows. */
function deadlineBoundIds(rows: readonly PlanRow[], links: readonly PlanLink[]): Set<string> {
  const submissions = rows.filter((row) => row.milestoneKind === 'submission');
  if (submissions.length === 0) return new Set(rows.map((row) => row.id));
  const predecessors = new Map<string, string[]>();
  for (const link of links) {
    const list = predecessors.get(link.successorId);
    if (list) list.push(link.predecessorId);
    else predecessors.set(link.successorId, [link.predecessorId]);
  }
  const bound = new Set<string>();
  const queue: string[] = submissions.map((row) => row.id);
  while (queue.length > 0) {
    const id = queue.pop();
    if (id === undefined || bound.has(id)) continue;
    bound.add(id);
    queue.push(...(predecessors.get(id) ?? []));
  }
  return bound;
}

/**
 * Analyses a deal's plan with the critical path method, the way a bid manager reads it: the
 * work leading up to submission is scheduled backward from the deadline and forward from today,
 * which gives each row's slack before the deadline, the chain that drives submission, and — when
 * the deadline cannot be met from today — by how much and because of which rows. Work after
 * submission (orals, BAFO) is measured against the plan's own earliest finish, since the deadline
 * does not bind it. Summaries show the least slack of their subtasks. Separately, the plan's own
 * dates are checked against the deadline, for a plan dragged past it that could still make it.
 *
 * Without a submission date only the second kind of analysis applies, and no readout is given.
 */
export function analysePlan(input: PlanAnalysisInput): PlanAnalysis {
  const { calendar } = input;
  const scheduled = scheduledRows(input.rows);
  const tasks = scheduled.map((row) => toScheduleTask(row, calendar));
  const links: ScheduleLink[] = input.links.map((link) => ({ ...link }));
  const today = calendar.workingIndex(input.today);

  const whole = computeSchedule({ direction: 'forward', tasks, links, today });
  if (!whole.ok) return whole;

  let toDeadline: Schedule | null = null;
  let bound = new Set<string>();
  let deadlineDate: PlanDate | null = null;
  if (input.submissionDue !== null) {
    bound = deadlineBoundIds(scheduled, input.links);
    deadlineDate = calendar.workingDayOnOrBefore(input.submissionDue);
    const result = computeSchedule({
      direction: 'backward',
      tasks: tasks.filter((task) => bound.has(task.id)),
      links: links.filter((link) => bound.has(link.successorId)),
      deadline: calendar.workingIndex(deadlineDate),
      today,
    });
    if (!result.ok) return result;
    toDeadline = result.value;
  }

  const analysis = new Map<PlanItemId, RowAnalysis>();
  const fromWhole = new Map(whole.value.tasks.map((task) => [task.id, task]));
  const fromDeadline = new Map(toDeadline?.tasks.map((task) => [task.id, task]) ?? []);
  for (const row of scheduled) {
    const own = fromDeadline.get(row.id) ?? fromWhole.get(row.id);
    if (own === undefined) continue;
    analysis.set(row.id, {
      slackDays: own.totalSlack,
      critical: own.critical,
      deadlineBound: fromDeadline.has(row.id),
    });
  }
  for (const row of input.rows) {
    if (!row.summary) continue;
    const parts = descendantIds(input.rows, row.id).flatMap((id) => {
      const part = analysis.get(id);
      return part === undefined ? [] : [part];
    });
    if (parts.length === 0) continue;
    analysis.set(row.id, {
      slackDays: Math.min(...parts.map((part) => part.slackDays)),
      critical: parts.some((part) => part.critical),
      deadlineBound: parts.some((part) => part.deadlineBound),
    });
  }

  let deadline: DeadlineReadout | null = null;
  if (toDeadline !== null && deadlineDate !== null) {
    const overrun = toDeadline.overrun;
    const lastDay = deadlineDate;
    const lateRows = scheduled.filter((row) => bound.has(row.id) && row.finish > lastDay);
    const plannedFinish = lateRows.reduce<PlanDate>(
      (max, row) => (row.finish > max ? row.finish : max),
      lastDay,
    );
    deadline = {
      date: deadlineDate,
      done: scheduled.every((row) => !bound.has(row.id) || row.progress >= 100),
      plannedLate:
        overrun !== null || lateRows.length === 0
          ? null
          : {
              days: calendar.countWorkingDays(lastDay, plannedFinish),
              rows: lateRows.map((row) => row.id),
            },
      earliestFinish: calendar.dateOfWorkingIndex(toDeadline.earliestFinish),
      slackDays: toDeadline.deadlineSlack ?? 0,
      overrun:
        overrun === null
          ? null
          : {
              days: overrun.days,
              chain: overrun.chain.filter(isPlanItem),
              rows: overrun.tasks.filter((task): task is { id: PlanItemId; days: number } =>
                isPlanItem(task.id),
              ),
            },
    };
  }
  return { ok: true, rows: analysis, deadline };

  function isPlanItem(id: string): id is PlanItemId {
    return fromWhole.has(id);
  }
}
