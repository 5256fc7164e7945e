/**
 * Moving and resizing a task on a plan: what a Gantt drag or a grid edit does to the dates.
 * Index conventions are defined in `@shared/schedule/model`.
 */
import { buildPlanGraph } from '@shared/schedule/graph';
import {
  linkOffset,
  type LinkType,
  type Result,
  type ScheduleError,
  type ScheduleLink,
  type ScheduleTask,
} from '@shared/schedule/model';

/** A task as it stands on the plan: its current start (working-day index). */
export interface PlannedTask extends ScheduleTask {
  readonly start: number;
}

export interface MoveInput {
  readonly tasks: readonly PlannedTask[];
  readonly links: readonly ScheduleLink[];
  /** The task the user moved or resized. */
  readonly taskId: string;
  /** Where the user asked it to start. */
  readonly newStart: number;
  /** Its new duration, when resized; the current duration otherwise. */
  readonly newDuration?: number;
  /** Kickoff: the task cannot be moved before it. */
  readonly projectStart?: number;
}

/** One task whose dates change: the caller persists these together, with their activity record. */
export interface TaskChange {
  readonly id: string;
  readonly oldStart: number;
  readonly newStart: number;
  readonly oldDuration: number;
  readonly newDuration: number;
}

/** What stopped the moved task at an earlier position than the user asked for. */
export type MoveLimit =
  | {
      readonly kind: 'predecessor';
      readonly predecessorId: string;
      readonly type: LinkType;
      readonly lagDays: number;
    }
  | { readonly kind: 'projectStart'; readonly projectStart: number };

export interface MoveOutcome {
  /** The moved task first (if it changed), then every pushed successor in dependency order. */
  readonly changes: readonly TaskChange[];
  /** Set when the requested start was earlier than the task's constraints allow. */
  readonly clamped: {
    readonly requestedStart: number;
    readonly start: number;
    readonly limit: MoveLimit;
  } | null;
}

/**
 * Applies a move or resize the way a planner expects it to behave: the task goes where it was
 * dropped unless its predecessors (or kickoff) forbid it, in which case it stops at the earliest
 * allowed day and the result says why; successors that the new position would violate are pushed
 * later, transitively, just far enough; nothing is ever pulled earlier, and tasks the move does
 * not reach keep their dates. The user's drop replaces the moved task's own `fixedStart`, so that
 * is not a limit here; pushed tasks only ever move later, so theirs always holds.
 *
 * Returns the changed tasks (old and new start and duration) so the caller can write them in one
 * transaction and record the activity; it does not modify its input. Runs in O(tasks + links).
 */
export function applyMove(input: MoveInput): Result<MoveOutcome, ScheduleError> {
  const inputError = checkMoveInput(input);
  if (inputError !== null) return { ok: false, error: inputError };
  const built = buildPlanGraph(input.tasks, input.links);
  if (!built.ok) return built;
  const g = built.value;
  const moved = g.indexOf.get(input.taskId);
  if (moved === undefined) {
    return { ok: false, error: { kind: 'unknownTask', taskId: input.taskId } };
  }

  // Typed-array reads below use `?? 0` only to satisfy the compiler: every index is in range.
  const durations = g.durations.slice();
  const starts = new Float64Array(g.taskCount);
  input.tasks.forEach((task, i) => {
    starts[i] = task.start;
  });
  const oldDuration = durations[moved] ?? 0;
  const oldStart = starts[moved] ?? 0;
  const newDuration = input.newDuration ?? oldDuration;
  durations[moved] = newDuration;

  /** The earliest start task `i`'s predecessors allow, and the first link that sets it. */
  const required = (i: number): { start: number; link: number } => {
    let start = Number.NEGATIVE_INFINITY;
    let binding = -1;
    const end = g.inStart[i + 1] ?? 0;
    for (let m = g.inStart[i] ?? 0; m < end; m++) {
      const l = g.inLinks[m] ?? 0;
      const p = g.linkPredecessor[l] ?? 0;
      const offset = linkOffset(
        g.linkType[l] ?? 'FS',
        g.linkLag[l] ?? 0,
        durations[p] ?? 0,
        durations[i] ?? 0,
      );
      const bound = (starts[p] ?? 0) + offset;
      if (bound > start) {
        start = bound;
        binding = l;
      }
    }
    return { start, link: binding };
  };

  // The moved task goes where it was dropped, unless that is too early.
  const need = required(moved);
  let start = input.newStart;
  let limit: MoveLimit | null = null;
  if (need.link !== -1 && need.start > start) {
    start = need.start;
    limit = {
      kind: 'predecessor',
      predecessorId: g.ids[g.linkPredecessor[need.link] ?? 0] ?? '',
      type: g.linkType[need.link] ?? 'FS',
      lagDays: g.linkLag[need.link] ?? 0,
    };
  }
  if (input.projectStart !== undefined && input.projectStart > start) {
    start = input.projectStart;
    limit = { kind: 'projectStart', projectStart: input.projectStart };
  }
  starts[moved] = start;
  const clamped = limit === null ? null : { requestedStart: input.newStart, start, limit };
  if (start === oldStart && newDuration === oldDuration) {
    return { ok: true, value: { changes: [], clamped } };
  }
  const changes: TaskChange[] = [
    { id: input.taskId, oldStart, newStart: start, oldDuration, newDuration },
  ];

  // Push successors just far enough, in topological order from the moved task on. Only tasks
  // with a predecessor that moved are looked at, so the rest keep their dates exactly.
  const touched = new Uint8Array(g.taskCount);
  const touchSuccessors = (i: number): void => {
    const end = g.outStart[i + 1] ?? 0;
    for (let m = g.outStart[i] ?? 0; m < end; m++) {
      touched[g.linkSuccessor[g.outLinks[m] ?? 0] ?? 0] = 1;
    }
  };
  touchSuccessors(moved);
  for (let k = g.order.indexOf(moved) + 1; k < g.order.length; k++) {
    const i = g.order[k] ?? 0;
    if (touched[i] === 0) continue;
    const was = starts[i] ?? 0;
    const bound = required(i).start;
    if (bound <= was) continue;
    starts[i] = bound;
    const d = durations[i] ?? 0;
    changes.push({
      id: g.ids[i] ?? '',
      oldStart: was,
      newStart: bound,
      oldDuration: d,
      newDuration: d,
    });
    touchSuccessors(i);
  }
  return { ok: true, value: { changes, clamped } };
}

function checkMoveInput(input: MoveInput): ScheduleError | null {
  for (const task of input.tasks) {
    if (!Number.isInteger(task.start)) {
      return { kind: 'invalidValue', field: 'start', value: task.start, taskId: task.id };
    }
  }
  if (!Number.isInteger(input.newStart)) {
    return { kind: 'invalidValue', field: 'newStart', value: input.newStart, taskId: input.taskId };
  }
  if (input.projectStart !== undefined && !Number.isInteger(input.projectStart)) {
    return { kind: 'invalidValue', field: 'projectStart', value: input.projectStart };
  }
  const d = input.newDuration;
  if (d !== undefined && d < 0) {
    return { kind: 'negativeDuration', taskId: input.taskId, durationDays: d };
  }
  if (d !== undefined && !Number.isInteger(d)) {
    return { kind: 'invalidValue', field: 'newDuration', value: d, taskId: input.taskId };
  }
  return null;
}
