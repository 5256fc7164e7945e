/**
 * Critical path method (CPM) for a deal's plan, forward from kickoff or backward from the
 * submission deadline. Index conventions (working-day indices, finish = last day occupied,
 * milestones, link arithmetic) are defined in `@shared/schedule/model`.
 */
import { buildPlanGraph, type PlanGraph } from '@shared/schedule/graph';
import {
  finishOf,
  linkOffset,
  startForFinish,
  type Result,
  type ScheduleError,
  type ScheduleLink,
  type ScheduleTask,
} from '@shared/schedule/model';

export type ScheduleDirection = 'forward' | 'backward';

interface ScheduleInputBase {
  readonly tasks: readonly ScheduleTask[];
  readonly links: readonly ScheduleLink[];
  /** Kickoff (working-day index): no task starts before it. */
  readonly projectStart?: number;
  /**
   * The status date (working-day index). Work not yet done cannot happen before it: a task
   * without progress starts no earlier than `today`; a task in progress keeps its duration and
   * has its remaining days from `today` on (so one that is behind shows a start `done` days
   * before today rather than its actual start); a finished task (progress 100) keeps its dates.
   */
  readonly today?: number;
}

/** Plan as early as possible from kickoff; a deadline, if given, is checked and yields slack. */
export interface ForwardScheduleInput extends ScheduleInputBase {
  readonly direction: 'forward';
  readonly deadline?: number;
}

/** Plan as late as possible before the deadline (the submission date), the way bid managers do. */
export interface BackwardScheduleInput extends ScheduleInputBase {
  readonly direction: 'backward';
  readonly deadline: number;
}

export type ScheduleInput = ForwardScheduleInput | BackwardScheduleInput;

/** One task's dates and slack. All values are working-day indices or working-day counts. */
export interface ScheduledTask {
  readonly id: string;
  readonly durationDays: number;
  /** As soon as links, kickoff, fixed start and `today` allow. */
  readonly earlyStart: number;
  readonly earlyFinish: number;
  /** As late as possible without finishing after the deadline (or, without one, the plan finish). */
  readonly lateStart: number;
  readonly lateFinish: number;
  /**
   * Where the plan puts the task. Forward: the early start. Backward: the late start, except
   * that a task with a fixed start or progress stays at its early start (it is anchored, and
   * tasks before it are planned to be done in time for it), and that when the deadline cannot be
   * met the plan is laid back from the earliest possible finish instead, so no task is ever
   * planned before today or before its predecessors allow.
   */
  readonly start: number;
  readonly finish: number;
  /**
   * Late start − early start: how many working days the task can slip before the deadline (or,
   * without a deadline, the plan finish) slips. Negative when the deadline cannot be met.
   */
  readonly totalSlack: number;
  /**
   * How many days the task can slip before any successor's early start (or the end) moves;
   * never more than the total slack.
   */
  readonly freeSlack: number;
  /** On a chain that sets the earliest finish: its total slack is the plan's smallest. */
  readonly critical: boolean;
}

/** The deadline cannot be met from today: by how much, and which tasks cause it. */
export interface DeadlineOverrun {
  /** Earliest possible finish − deadline, in working days (> 0). */
  readonly days: number;
  /** One chain of tasks, first to last, that drives the earliest finish past the deadline. */
  readonly chain: readonly string[];
  /** Every task that cannot meet the deadline and by how much, worst first. */
  readonly tasks: readonly { readonly id: string; readonly days: number }[];
}

export interface Schedule {
  readonly direction: ScheduleDirection;
  /** In input order. */
  readonly tasks: readonly ScheduledTask[];
  /** First planned start and last planned finish of the plan. */
  readonly start: number;
  readonly finish: number;
  /** The earliest the plan can finish (latest early finish). */
  readonly earliestFinish: number;
  readonly deadline: number | null;
  /** Deadline − earliest finish: the buffer left before the deadline (negative = overrun). */
  readonly deadlineSlack: number | null;
  /** One critical chain, first task to last. */
  readonly criticalPath: readonly string[];
  /** Set when a deadline is given and the earliest finish is after it. */
  readonly overrun: DeadlineOverrun | null;
}

function checkWholeNumber(
  field: 'projectStart' | 'deadline' | 'today',
  value: number | undefined,
): ScheduleError | null {
  return value === undefined || Number.isInteger(value)
    ? null
    : { kind: 'invalidValue', field, value };
}

/** The `c` in `succ.start ≥ pred.start + c` for every link of a validated plan. */
function linkOffsets(g: PlanGraph): Float64Array {
  const offsets = new Float64Array(g.linkType.length);
  g.linkType.forEach((type, l) => {
    offsets[l] = linkOffset(
      type,
      g.linkLag[l] ?? 0,
      g.durations[g.linkPredecessor[l] ?? 0] ?? 0,
      g.durations[g.linkSuccessor[l] ?? 0] ?? 0,
    );
  });
  return offsets;
}

// Typed-array reads below use `?? 0` only to satisfy the compiler: every index is in range.

/**
 * The late pass: each task as late as its successors and the horizon allow, in reverse
 * topological order. `anchored` tasks (when given) are held at their `early` start instead, so
 * their predecessors are planned to be done in time for them.
 */
function latePass(
  g: PlanGraph,
  offsets: Float64Array,
  horizon: number,
  anchored: Uint8Array | null,
  early: Float64Array,
): Float64Array {
  const late = new Float64Array(g.taskCount);
  for (let k = g.order.length - 1; k >= 0; k--) {
    const i = g.order[k] ?? 0;
    if (anchored !== null && anchored[i] === 1) {
      late[i] = early[i] ?? 0;
      continue;
    }
    let ls = startForFinish(horizon, g.durations[i] ?? 0);
    const end = g.outStart[i + 1] ?? 0;
    for (let m = g.outStart[i] ?? 0; m < end; m++) {
      const l = g.outLinks[m] ?? 0;
      const bound = (late[g.linkSuccessor[l] ?? 0] ?? 0) - (offsets[l] ?? 0);
      if (bound < ls) ls = bound;
    }
    late[i] = ls;
  }
  return late;
}

/**
 * The earliest a task may start before its links are considered: the latest of kickoff, its
 * fixed start and (for work not yet done) today; `fallback` when none of these applies.
 */
function lowerBound(task: ScheduleTask, input: ScheduleInput, fallback: number): number {
  let bound = Number.NEGATIVE_INFINITY;
  if (input.projectStart !== undefined) bound = input.projectStart;
  if (task.fixedStart !== undefined && task.fixedStart > bound) bound = task.fixedStart;
  const progress = task.progress ?? 0;
  if (input.today !== undefined && progress < 100) {
    // Days already done may lie before today; the remaining ones cannot.
    const done = Math.floor((task.durationDays * progress) / 100);
    if (input.today - done > bound) bound = input.today - done;
  }
  return bound === Number.NEGATIVE_INFINITY ? fallback : bound;
}

/**
 * Schedules a plan with the critical path method: a forward pass for early dates and a backward
 * pass for late dates, both in topological order, O(tasks + links).
 *
 * Why both directions exist: a delivery project is planned forward from kickoff, but a bid is
 * planned backward from the submission deadline, as late as possible, because the date that
 * cannot move is the deadline. Backward planning still runs the forward pass (from `today`) to
 * tell how much slack remains and, when the deadline cannot be met, which chain of tasks
 * overruns it and by how many days.
 *
 * Lower bounds on a task's start: kickoff (`projectStart`), its `fixedStart`, and `today` for work
 * not yet done. A task with none of these is bound by day 0 when planning forward, and by the
 * backward plan's first late start when planning backward.
 *
 * Bad input (unknown ids, self or duplicate links, negative durations, a cycle) is returned as a
 * typed error, never thrown.
 */
export function computeSchedule(input: ScheduleInput): Result<Schedule, ScheduleError> {
  const inputError =
    checkWholeNumber('projectStart', input.projectStart) ??
    checkWholeNumber('deadline', input.deadline) ??
    checkWholeNumber('today', input.today);
  if (inputError !== null) return { ok: false, error: inputError };

  const built = buildPlanGraph(input.tasks, input.links);
  if (!built.ok) return built;
  const g = built.value;
  const n = g.taskCount;
  const offsets = linkOffsets(g);
  const deadline = input.deadline ?? null;
  const noEarly = new Float64Array(0);

  // Backward planning needs the late dates first: they say where the plan starts by itself.
  let lateAtDeadline: Float64Array | null = null;
  let fallbackStart = input.projectStart ?? 0;
  if (input.direction === 'backward') {
    lateAtDeadline = latePass(g, offsets, input.deadline, null, noEarly);
    fallbackStart =
      input.projectStart ??
      (n > 0 ? lateAtDeadline.reduce((a, b) => Math.min(a, b)) : input.deadline);
  }

  // Forward pass.
  const early = new Float64Array(n);
  for (const i of g.order) {
    const task = input.tasks[i];
    let es = task === undefined ? fallbackStart : lowerBound(task, input, fallbackStart);
    const end = g.inStart[i + 1] ?? 0;
    for (let m = g.inStart[i] ?? 0; m < end; m++) {
      const l = g.inLinks[m] ?? 0;
      const bound = (early[g.linkPredecessor[l] ?? 0] ?? 0) + (offsets[l] ?? 0);
      if (bound > es) es = bound;
    }
    early[i] = es;
  }
  let earliestFinish = n > 0 ? Number.NEGATIVE_INFINITY : fallbackStart;
  for (let i = 0; i < n; i++) {
    const f = finishOf(early[i] ?? 0, g.durations[i] ?? 0);
    if (f > earliestFinish) earliestFinish = f;
  }

  // Backward pass against the deadline, or against the plan's own finish without one.
  const horizon = deadline ?? earliestFinish;
  const late = lateAtDeadline ?? latePass(g, offsets, horizon, null, noEarly);
  const criticalSlack = horizon - earliestFinish;

  // Planned dates: early when forward; late when backward, anchored tasks staying put and the
  // horizon moved out to the earliest finish if the deadline is already lost.
  let planned: Float64Array = early;
  if (input.direction === 'backward') {
    const anchored = Uint8Array.from(input.tasks, (task) =>
      task.fixedStart !== undefined || (task.progress ?? 0) > 0 ? 1 : 0,
    );
    planned = latePass(g, offsets, Math.max(input.deadline, earliestFinish), anchored, early);
  }

  let planStart = n > 0 ? Number.POSITIVE_INFINITY : fallbackStart;
  let planFinish = n > 0 ? Number.NEGATIVE_INFINITY : fallbackStart;
  const tasks = new Array<ScheduledTask>(n);
  for (let i = 0; i < n; i++) {
    const d = g.durations[i] ?? 0;
    const es = early[i] ?? 0;
    const ls = late[i] ?? 0;
    let freeSlack = horizon - finishOf(es, d);
    const end = g.outStart[i + 1] ?? 0;
    for (let m = g.outStart[i] ?? 0; m < end; m++) {
      const l = g.outLinks[m] ?? 0;
      const room = (early[g.linkSuccessor[l] ?? 0] ?? 0) - es - (offsets[l] ?? 0);
      if (room < freeSlack) freeSlack = room;
    }
    const start = planned[i] ?? 0;
    const finish = finishOf(start, d);
    if (start < planStart) planStart = start;
    if (finish > planFinish) planFinish = finish;
    tasks[i] = {
      id: g.ids[i] ?? '',
      durationDays: d,
      earlyStart: es,
      earlyFinish: finishOf(es, d),
      lateStart: ls,
      lateFinish: finishOf(ls, d),
      start,
      finish,
      totalSlack: ls - es,
      // Never more than total slack (it only could be once the deadline is already lost).
      freeSlack: Math.min(freeSlack, ls - es),
      critical: ls - es === criticalSlack,
    };
  }

  const criticalPath = drivingChain(g, offsets, early, earliestFinish);
  let overrun: DeadlineOverrun | null = null;
  if (deadline !== null && earliestFinish > deadline) {
    const behind = tasks
      .filter((t) => t.totalSlack < 0)
      .map((t) => ({ id: t.id, days: -t.totalSlack }))
      .sort((a, b) => b.days - a.days); // stable: ties keep plan order
    overrun = { days: earliestFinish - deadline, chain: criticalPath, tasks: behind };
  }

  return {
    ok: true,
    value: {
      direction: input.direction,
      tasks,
      start: planStart,
      finish: planFinish,
      earliestFinish,
      deadline,
      deadlineSlack: deadline === null ? null : deadline - earliestFinish,
      criticalPath,
      overrun,
    },
  };
}

/**
 * One chain that sets the earliest finish: from the first task (in plan order) that finishes
 * last, step back through a predecessor whose link is tight (that link alone puts the task where
 * it is) until reaching a task held only by its own bounds. A tight predecessor of a critical
 * task is critical too, so the whole chain is critical.
 */
function drivingChain(
  g: PlanGraph,
  offsets: Float64Array,
  early: Float64Array,
  earliestFinish: number,
): string[] {
  let current = -1;
  for (let i = 0; i < g.taskCount && current === -1; i++) {
    if (finishOf(early[i] ?? 0, g.durations[i] ?? 0) === earliestFinish) current = i;
  }
  const chain: string[] = [];
  while (current !== -1) {
    chain.push(g.ids[current] ?? '');
    const at = early[current] ?? 0;
    let next = -1;
    const end = g.inStart[current + 1] ?? 0;
    for (let m = g.inStart[current] ?? 0; m < end && next === -1; m++) {
      const l = g.inLinks[m] ?? 0;
      const p = g.linkPredecessor[l] ?? 0;
      if ((early[p] ?? 0) + (offsets[l] ?? 0) === at) next = p;
    }
    current = next;
  }
  return chain.reverse();
}
