import type { PlanItemId, TaskId } from '@shared/domain/ids';
import type { PlanRow } from '@shared/plan/rows';
import { isTaskRow, SORT_STEP, siblingsOf } from '@shared/plan/rows';

/**
 * Outline (WBS) edits as pure decisions: where a new row goes, what indenting or outdenting a
 * task changes. Each returns the records to write; the repository only applies them. Indent and
 * outdent keep every row where it is on screen, so row numbers — and the predecessors written
 * with them — do not change under the user's hands.
 */

/** One record's new place in the outline. `parentId` is absent when it does not change. */
export interface OutlineChange {
  readonly id: PlanItemId;
  readonly kind: 'task' | 'milestone';
  readonly parentId?: TaskId | null;
  readonly sortIndex: number;
}

/** Why an outline edit cannot be made; the UI names the rows involved. */
export type OutlineError =
  /** Milestones stay at the top level (the milestone record has no parent). */
  | { readonly kind: 'milestoneCannotNest'; readonly id: PlanItemId }
  /** Indent needs a row above at the same level to go under. */
  | { readonly kind: 'noRowAbove'; readonly id: PlanItemId }
  /** The row above is a milestone, which cannot hold subtasks. */
  | { readonly kind: 'parentIsMilestone'; readonly id: PlanItemId; readonly parentId: PlanItemId }
  /**
   * The task would get subtasks but has links of its own: a summary takes its dates from its
   * subtasks, so its links must go (or move to a subtask) first.
   */
  | { readonly kind: 'parentHasLinks'; readonly id: PlanItemId; readonly parentId: PlanItemId }
  /** Outdent of a row that is already at the top level. */
  | { readonly kind: 'alreadyTopLevel'; readonly id: PlanItemId };

export type OutlineResult =
  | { readonly ok: true; readonly changes: readonly OutlineChange[] }
  | { readonly ok: false; readonly error: OutlineError };

/** A link between plan items, only as far as the outline rules need it. */
export interface OutlineLink {
  readonly predecessorId: string;
  readonly successorId: string;
}

function hasLinks(links: readonly OutlineLink[], id: string): boolean {
  return links.some((link) => link.predecessorId === id || link.successorId === id);
}

function change(row: PlanRow, sortIndex: number, parentId?: TaskId | null): OutlineChange {
  return parentId === undefined
    ? { id: row.id, kind: row.kind, sortIndex }
    : { id: row.id, kind: row.kind, sortIndex, parentId };
}

/**
 * A sort index for a new sibling placed after `siblings[position - 1]` (at the start when
 * `position` is 0): halfway into the gap when there is one, otherwise the siblings are spread out
 * again and the ones whose index changes are returned.
 */
export function slotAt(
  siblings: readonly PlanRow[],
  position: number,
): { readonly sortIndex: number; readonly renumbered: readonly OutlineChange[] } {
  const before = siblings[position - 1];
  const after = siblings[position];
  const low =
    before === undefined
      ? after === undefined
        ? 0
        : after.sortIndex - 2 * SORT_STEP
      : before.sortIndex;
  if (after === undefined) return { sortIndex: low + SORT_STEP, renumbered: [] };
  if (after.sortIndex - low >= 2) {
    return { sortIndex: low + Math.floor((after.sortIndex - low) / 2), renumbered: [] };
  }
  const renumbered: OutlineChange[] = [];
  siblings.forEach((row, i) => {
    const next = (i < position ? i : i + 1) * SORT_STEP;
    if (row.sortIndex !== next) renumbered.push(change(row, next));
  });
  return { sortIndex: position * SORT_STEP, renumbered };
}

/**
 * Where a new row goes: right after `after` and its subtasks, at its level (at the end of the
 * plan when `after` is null). A milestone or a top-level row gets a top-level sibling.
 */
export function placeNewRow(
  rows: readonly PlanRow[],
  after: PlanRow | null,
): {
  readonly parentId: TaskId | null;
  readonly sortIndex: number;
  readonly renumbered: readonly OutlineChange[];
} {
  if (after === null) {
    const top = rows.filter((row) => row.depth === 0);
    return { parentId: null, ...slotAt(top, top.length) };
  }
  const siblings = siblingsOf(rows, after);
  const position = siblings.findIndex((row) => row.id === after.id) + 1;
  return { parentId: after.parentId, ...slotAt(siblings, position) };
}

/** Makes a task the last subtask of the row above it at its level. */
export function planIndent(
  rows: readonly PlanRow[],
  links: readonly OutlineLink[],
  id: PlanItemId,
): OutlineResult {
  const row = rows.find((r) => r.id === id);
  if (row === undefined) return { ok: false, error: { kind: 'noRowAbove', id } };
  if (row.kind === 'milestone') return { ok: false, error: { kind: 'milestoneCannotNest', id } };
  const siblings = siblingsOf(rows, row);
  const above = siblings[siblings.findIndex((r) => r.id === id) - 1];
  if (above === undefined) return { ok: false, error: { kind: 'noRowAbove', id } };
  if (!isTaskRow(above)) {
    return { ok: false, error: { kind: 'parentIsMilestone', id, parentId: above.id } };
  }
  if (!above.summary && hasLinks(links, above.id)) {
    return { ok: false, error: { kind: 'parentHasLinks', id, parentId: above.id } };
  }
  const children = rows.filter((r) => r.parentId === above.id);
  const last = children.at(-1);
  return {
    ok: true,
    changes: [change(row, last === undefined ? 0 : last.sortIndex + SORT_STEP, above.id)],
  };
}

/**
 * Moves a subtask up one level, right after its former parent. The subtasks below it under the
 * same parent become its own subtasks, so nothing moves on screen (the way MS Project outdents).
 */
export function planOutdent(
  rows: readonly PlanRow[],
  links: readonly OutlineLink[],
  id: PlanItemId,
): OutlineResult {
  const row = rows.find((r) => r.id === id);
  if (row === undefined || !isTaskRow(row) || row.parentId === null) {
    return { ok: false, error: { kind: 'alreadyTopLevel', id } };
  }
  const parent = rows.find((r) => r.id === row.parentId);
  if (parent === undefined) return { ok: false, error: { kind: 'alreadyTopLevel', id } };
  const siblings = siblingsOf(rows, row);
  const later = siblings.slice(siblings.findIndex((r) => r.id === id) + 1);
  if (later.length > 0 && !row.summary && hasLinks(links, row.id)) {
    return { ok: false, error: { kind: 'parentHasLinks', id, parentId: row.id } };
  }
  const parentLevel = siblingsOf(rows, parent);
  const slot = slotAt(parentLevel, parentLevel.findIndex((r) => r.id === parent.id) + 1);
  const ownChildren = rows.filter((r) => r.parentId === row.id);
  const base = ownChildren.at(-1)?.sortIndex ?? -SORT_STEP;
  return {
    ok: true,
    changes: [
      ...slot.renumbered,
      change(row, slot.sortIndex, parent.parentId),
      ...later.map((r, i) => change(r, base + (i + 1) * SORT_STEP, row.id)),
    ],
  };
}
