import type {
  LinkType,
  Result,
  ScheduleError,
  ScheduleLink,
  ScheduleTask,
} from '@shared/schedule/model';

/**
 * A validated plan in array form. Tasks are numbered by their position in the input and links
 * keep their input order; adjacency is stored as compressed rows (an offset per task into one
 * array of link numbers). Flat typed arrays rather than an object per task and per link keep a
 * 5,000-task plan to a few milliseconds, mostly by sparing the garbage collector.
 */
export interface PlanGraph {
  readonly taskCount: number;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly durations: Float64Array;
  readonly linkPredecessor: Int32Array;
  readonly linkSuccessor: Int32Array;
  readonly linkType: readonly LinkType[];
  readonly linkLag: Float64Array;
  /** Links leaving task `i` are `outLinks[outStart[i] … outStart[i+1])`, in input order. */
  readonly outStart: Int32Array;
  readonly outLinks: Int32Array;
  /** Links entering task `i` are `inLinks[inStart[i] … inStart[i+1])`, in input order. */
  readonly inStart: Int32Array;
  readonly inLinks: Int32Array;
  /** Every task, predecessors before successors (Kahn's order, ties kept in input order). */
  readonly order: Int32Array;
}

interface Adjacency {
  readonly outStart: Int32Array;
  readonly outLinks: Int32Array;
  readonly inStart: Int32Array;
  readonly inLinks: Int32Array;
}

// Typed-array reads below use `?? 0` only to satisfy the compiler: every index is in range.

function buildAdjacency(taskCount: number, pred: Int32Array, succ: Int32Array): Adjacency {
  const linkCount = pred.length;
  const outStart = new Int32Array(taskCount + 1);
  const inStart = new Int32Array(taskCount + 1);
  for (let l = 0; l < linkCount; l++) {
    const p = (pred[l] ?? 0) + 1;
    const s = (succ[l] ?? 0) + 1;
    outStart[p] = (outStart[p] ?? 0) + 1;
    inStart[s] = (inStart[s] ?? 0) + 1;
  }
  for (let i = 1; i <= taskCount; i++) {
    outStart[i] = (outStart[i] ?? 0) + (outStart[i - 1] ?? 0);
    inStart[i] = (inStart[i] ?? 0) + (inStart[i - 1] ?? 0);
  }
  const outLinks = new Int32Array(linkCount);
  const inLinks = new Int32Array(linkCount);
  const outFill = outStart.slice(0, taskCount);
  const inFill = inStart.slice(0, taskCount);
  for (let l = 0; l < linkCount; l++) {
    const p = pred[l] ?? 0;
    const s = succ[l] ?? 0;
    const o = outFill[p] ?? 0;
    const n = inFill[s] ?? 0;
    outLinks[o] = l;
    inLinks[n] = l;
    outFill[p] = o + 1;
    inFill[s] = n + 1;
  }
  return { outStart, outLinks, inStart, inLinks };
}

/**
 * Kahn's algorithm, O(V+E). When the order is shorter than the task count, the missing tasks are
 * on a cycle or downstream of one.
 */
function topologicalOrder(taskCount: number, succ: Int32Array, adj: Adjacency): Int32Array {
  const waiting = new Int32Array(taskCount);
  const queue = new Int32Array(taskCount);
  let tail = 0;
  for (let i = 0; i < taskCount; i++) {
    const count = (adj.inStart[i + 1] ?? 0) - (adj.inStart[i] ?? 0);
    waiting[i] = count;
    if (count === 0) queue[tail++] = i;
  }
  for (let head = 0; head < tail; head++) {
    const i = queue[head] ?? 0;
    const end = adj.outStart[i + 1] ?? 0;
    for (let k = adj.outStart[i] ?? 0; k < end; k++) {
      const j = succ[adj.outLinks[k] ?? 0] ?? 0;
      const left = (waiting[j] ?? 0) - 1;
      waiting[j] = left;
      if (left === 0) queue[tail++] = j;
    }
  }
  return queue.subarray(0, tail);
}

/**
 * Names one cycle among the tasks Kahn's algorithm could not order. Each of them still has an
 * unordered predecessor, so walking predecessors from one must revisit a task; the loop between
 * the two visits is a cycle. It is returned in link direction and rotated to start at the member
 * listed first in the plan, so the same plan always names the same cycle the same way.
 */
function cycleAmongUnordered(
  taskCount: number,
  order: Int32Array,
  pred: Int32Array,
  adj: Adjacency,
): number[] {
  const ordered = new Uint8Array(taskCount);
  for (const i of order) ordered[i] = 1;
  const stepOf = new Int32Array(taskCount).fill(-1);
  const walk: number[] = [];
  let current = ordered.indexOf(0);
  while (current !== -1 && stepOf[current] === -1) {
    stepOf[current] = walk.length;
    walk.push(current);
    let next = -1;
    const end = adj.inStart[current + 1] ?? 0;
    for (let k = adj.inStart[current] ?? 0; k < end; k++) {
      const p = pred[adj.inLinks[k] ?? 0] ?? 0;
      if (ordered[p] === 0) {
        next = p;
        break;
      }
    }
    current = next;
  }
  const cycle = walk.slice(current === -1 ? 0 : stepOf[current]).reverse();
  let first = 0;
  for (let k = 1; k < cycle.length; k++) if ((cycle[k] ?? 0) < (cycle[first] ?? 0)) first = k;
  return [...cycle.slice(first), ...cycle.slice(0, first)];
}

/**
 * Only one link may join a given predecessor to a given successor, whatever its type (two would
 * contradict or repeat each other). Returns the input position of the first link that repeats a
 * pair, or -1. A per-task stamp array makes this O(V+E) without hashing pairs.
 */
function firstDuplicateLink(taskCount: number, succ: Int32Array, adj: Adjacency): number {
  const seenFrom = new Int32Array(taskCount).fill(-1);
  let first = -1;
  for (let i = 0; i < taskCount; i++) {
    const end = adj.outStart[i + 1] ?? 0;
    for (let m = adj.outStart[i] ?? 0; m < end; m++) {
      const l = adj.outLinks[m] ?? 0;
      const s = succ[l] ?? 0;
      if (seenFrom[s] === i) {
        if (first === -1 || l < first) first = l;
      } else {
        seenFrom[s] = i;
      }
    }
  }
  return first;
}

function notWhole(value: number): boolean {
  return !Number.isInteger(value);
}

function validateTask(task: ScheduleTask): ScheduleError | null {
  const d = task.durationDays;
  if (d < 0) return { kind: 'negativeDuration', taskId: task.id, durationDays: d };
  if (notWhole(d))
    return { kind: 'invalidValue', field: 'durationDays', value: d, taskId: task.id };
  if (task.fixedStart !== undefined && notWhole(task.fixedStart)) {
    return { kind: 'invalidValue', field: 'fixedStart', value: task.fixedStart, taskId: task.id };
  }
  const p = task.progress;
  if (p !== undefined && !(Number.isFinite(p) && p >= 0 && p <= 100)) {
    return { kind: 'invalidValue', field: 'progress', value: p, taskId: task.id };
  }
  return null;
}

/**
 * Validates a plan and indexes it for the scheduling passes. Checks run over tasks in order, then
 * links in order, then duplicate links, then cycles, and the first problem found is returned, so
 * a grid can point at one row and say what is wrong with it.
 */
export function buildPlanGraph(
  tasks: readonly ScheduleTask[],
  links: readonly ScheduleLink[],
): Result<PlanGraph, ScheduleError> {
  const taskCount = tasks.length;
  const indexOf = new Map<string, number>();
  const ids = new Array<string>(taskCount);
  const durations = new Float64Array(taskCount);
  for (let i = 0; i < taskCount; i++) {
    const task = tasks[i];
    if (task === undefined) continue;
    if (indexOf.has(task.id))
      return { ok: false, error: { kind: 'duplicateTask', taskId: task.id } };
    const error = validateTask(task);
    if (error !== null) return { ok: false, error };
    indexOf.set(task.id, i);
    ids[i] = task.id;
    durations[i] = task.durationDays;
  }

  const linkCount = links.length;
  const linkPredecessor = new Int32Array(linkCount);
  const linkSuccessor = new Int32Array(linkCount);
  const linkType = new Array<LinkType>(linkCount);
  const linkLag = new Float64Array(linkCount);
  for (let l = 0; l < linkCount; l++) {
    const link = links[l];
    if (link === undefined) continue;
    const predecessor = indexOf.get(link.predecessorId);
    if (predecessor === undefined) {
      return { ok: false, error: { kind: 'unknownTask', taskId: link.predecessorId, link } };
    }
    const successor = indexOf.get(link.successorId);
    if (successor === undefined) {
      return { ok: false, error: { kind: 'unknownTask', taskId: link.successorId, link } };
    }
    if (predecessor === successor) {
      return { ok: false, error: { kind: 'selfLink', taskId: link.predecessorId, link } };
    }
    if (notWhole(link.lagDays)) {
      return {
        ok: false,
        error: { kind: 'invalidValue', field: 'lagDays', value: link.lagDays, link },
      };
    }
    linkPredecessor[l] = predecessor;
    linkSuccessor[l] = successor;
    linkType[l] = link.type;
    linkLag[l] = link.lagDays;
  }

  const adj = buildAdjacency(taskCount, linkPredecessor, linkSuccessor);
  const duplicate = firstDuplicateLink(taskCount, linkSuccessor, adj);
  if (duplicate !== -1) {
    const link = links[duplicate];
    if (link !== undefined) {
      return {
        ok: false,
        error: {
          kind: 'duplicateLink',
          predecessorId: link.predecessorId,
          successorId: link.successorId,
          link,
        },
      };
    }
  }
  const order = topologicalOrder(taskCount, linkSuccessor, adj);
  if (order.length < taskCount) {
    const cycle = cycleAmongUnordered(taskCount, order, linkPredecessor, adj);
    return { ok: false, error: { kind: 'cycle', cycle: cycle.map((i) => ids[i] ?? '') } };
  }
  return {
    ok: true,
    value: {
      taskCount,
      ids,
      indexOf,
      durations,
      linkPredecessor,
      linkSuccessor,
      linkType,
      linkLag,
      ...adj,
      order,
    },
  };
}

/**
 * Finds a dependency cycle, if any, so the UI can refuse the link that closes it and say
 * "Task A → Task B → Task C → Task A". Returns the ids in link order without repeating the first
 * (which is the member listed first in `tasks`), or `null` when the links form no cycle. Unlike
 * {@link buildPlanGraph} it checks nothing else: links naming unknown tasks are skipped, a
 * self-link is a cycle of one, and a repeated task id counts once.
 */
export function findCycle(
  tasks: readonly ScheduleTask[],
  links: readonly ScheduleLink[],
): readonly string[] | null {
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  for (const task of tasks) {
    if (!indexOf.has(task.id)) {
      indexOf.set(task.id, ids.length);
      ids.push(task.id);
    }
  }
  const pred: number[] = [];
  const succ: number[] = [];
  for (const link of links) {
    const p = indexOf.get(link.predecessorId);
    const s = indexOf.get(link.successorId);
    if (p === undefined || s === undefined) continue;
    if (p === s) return [link.predecessorId];
    pred.push(p);
    succ.push(s);
  }
  const predecessors = Int32Array.from(pred);
  const successors = Int32Array.from(succ);
  const adj = buildAdjacency(ids.length, predecessors, successors);
  const order = topologicalOrder(ids.length, successors, adj);
  if (order.length === ids.length) return null;
  return cycleAmongUnordered(ids.length, order, predecessors, adj).map((i) => ids[i] ?? '');
}
