import type { PlanDate } from '@shared/domain/dates';
import type { MilestoneId, PlanItemId, TaskId } from '@shared/domain/ids';
import type { Milestone, MilestoneKind } from '@shared/domain/milestone';
import type { Task } from '@shared/domain/task';

/**
 * A deal's plan as the grid and the Gantt show it: tasks (which nest, the WBS) and milestones
 * (always at the top level: the milestone record has no parent), in one ordered list of rows.
 *
 * Order: siblings by `sortIndex`, then by start date (a stage milestone added later lands among
 * the work around its date), then tasks before milestones, then by id, so the order is total and
 * the same on every machine. Row numbers count from 1 in that order; predecessors are written
 * with them (`3FS+2`), as in every scheduling tool a bid manager has used.
 */
export interface PlanRow {
  readonly id: PlanItemId;
  readonly kind: 'task' | 'milestone';
  /** 1-based position in the plan: what predecessors refer to. */
  readonly rowNumber: number;
  /** Outline number, `1`, `1.2`, `1.2.3`. */
  readonly wbs: string;
  readonly depth: number;
  readonly parentId: TaskId | null;
  /** A task with subtasks: its dates and progress follow them, and it takes no links. */
  readonly summary: boolean;
  readonly name: string;
  readonly start: PlanDate;
  /** Last day occupied; a milestone's own day. */
  readonly finish: PlanDate;
  /** Working days; 0 for a milestone (and for a zero-duration task, which is one too). */
  readonly durationDays: number;
  readonly progress: number;
  readonly sortIndex: number;
  readonly rev: number;
  /** Set for rows of the milestone table. */
  readonly milestoneKind: MilestoneKind | null;
  readonly actualDate: PlanDate | null;
  readonly baselineDate: PlanDate | null;
}

/** Gap left between sibling sort indexes, so an insert rarely has to renumber its neighbours. */
export const SORT_STEP = 1024;

type Node =
  | { readonly kind: 'task'; readonly record: Task }
  | { readonly kind: 'milestone'; readonly record: Milestone };

function startOf(node: Node): PlanDate {
  return node.kind === 'task' ? node.record.start : node.record.date;
}

function compareNodes(a: Node, b: Node): number {
  if (a.record.sortIndex !== b.record.sortIndex) return a.record.sortIndex - b.record.sortIndex;
  const sa = startOf(a);
  const sb = startOf(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'task' ? -1 : 1;
  return a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
}

/**
 * Orders a deal's live (not deleted) tasks and milestones into plan rows. A task whose parent is
 * missing or deleted is shown at the top level rather than lost.
 */
export function buildPlanRows(tasks: readonly Task[], milestones: readonly Milestone[]): PlanRow[] {
  const live = tasks.filter((task) => task.deletedAt === null);
  const ids = new Set<string>(live.map((task) => task.id));
  const children = new Map<string | null, Node[]>();
  const add = (parent: string | null, node: Node) => {
    const list = children.get(parent);
    if (list) list.push(node);
    else children.set(parent, [node]);
  };
  for (const task of live) {
    add(task.parentId !== null && ids.has(task.parentId) ? task.parentId : null, {
      kind: 'task',
      record: task,
    });
  }
  for (const milestone of milestones) {
    if (milestone.deletedAt === null) add(null, { kind: 'milestone', record: milestone });
  }
  for (const list of children.values()) list.sort(compareNodes);

  const rows: PlanRow[] = [];
  const visit = (parent: string | null, prefix: string, depth: number, seen: Set<string>) => {
    (children.get(parent) ?? []).forEach((node, i) => {
      const wbs = `${prefix}${i + 1}`;
      if (node.kind === 'milestone') {
        const m = node.record;
        rows.push({
          id: m.id,
          kind: 'milestone',
          rowNumber: rows.length + 1,
          wbs,
          depth,
          parentId: null,
          summary: false,
          name: m.name,
          start: m.date,
          finish: m.date,
          durationDays: 0,
          progress: m.actualDate === null ? 0 : 100,
          sortIndex: m.sortIndex,
          rev: m.rev,
          milestoneKind: m.kind,
          actualDate: m.actualDate,
          baselineDate: m.baselineDate,
        });
        return;
      }
      const t = node.record;
      // A parent loop in stored data (never written by the app) is cut rather than followed.
      if (seen.has(t.id)) return;
      const nested = new Set(seen).add(t.id);
      rows.push({
        id: t.id,
        kind: 'task',
        rowNumber: rows.length + 1,
        wbs,
        depth,
        parentId: parent === null ? null : t.parentId,
        summary: (children.get(t.id)?.length ?? 0) > 0,
        name: t.name,
        start: t.start,
        finish: t.finish,
        durationDays: t.durationDays,
        progress: t.progress,
        sortIndex: t.sortIndex,
        rev: t.rev,
        milestoneKind: null,
        actualDate: null,
        baselineDate: null,
      });
      visit(t.id, `${wbs}.`, depth + 1, nested);
    });
  };
  visit(null, '', 0, new Set());
  return rows;
}

/** True for a row drawn as a milestone: a milestone record, or a task of zero working days. */
export function isMilestoneRow(row: Pick<PlanRow, 'kind' | 'durationDays' | 'summary'>): boolean {
  return row.kind === 'milestone' || (!row.summary && row.durationDays === 0);
}

/** The rows the scheduling engine sees: everything but summaries, whose dates follow their subtasks. */
export function scheduledRows(rows: readonly PlanRow[]): PlanRow[] {
  return rows.filter((row) => !row.summary);
}

/** The ids of a task's subtasks at every depth, in row order. */
export function descendantIds(rows: readonly PlanRow[], id: PlanItemId): PlanItemId[] {
  const at = rows.findIndex((row) => row.id === id);
  const row = rows[at];
  if (row === undefined) return [];
  const out: PlanItemId[] = [];
  for (let i = at + 1; i < rows.length; i++) {
    const next = rows[i];
    if (next === undefined || next.depth <= row.depth) break;
    out.push(next.id);
  }
  return out;
}

/** Siblings of a row (same parent, milestones count as top level), in row order. */
export function siblingsOf(rows: readonly PlanRow[], row: PlanRow): PlanRow[] {
  return rows.filter((other) => other.parentId === row.parentId && other.depth === row.depth);
}

/** Only tasks carry a parent; this narrows an item id for the task table. */
export function isTaskRow(row: PlanRow): row is PlanRow & { readonly id: TaskId } {
  return row.kind === 'task';
}

export function isMilestoneRecordRow(row: PlanRow): row is PlanRow & { readonly id: MilestoneId } {
  return row.kind === 'milestone';
}
