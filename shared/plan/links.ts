import type { PlanItemId } from '@shared/domain/ids';
import { findCycle } from '@shared/schedule/graph';
import type { LinkType } from '@shared/schedule/model';
import type { PlanRow } from '@shared/plan/rows';

/** A dependency as the plan rules see it (the stored record has more). */
export interface PlanLink {
  readonly predecessorId: PlanItemId;
  readonly successorId: PlanItemId;
  readonly type: LinkType;
  readonly lagDays: number;
}

/** A predecessor of one row: which item, how, with what lag (working days; negative = lead). */
export interface IncomingLink {
  readonly predecessorId: PlanItemId;
  readonly type: LinkType;
  readonly lagDays: number;
}

/** Lags the dependency record accepts. */
export const MAX_LAG_DAYS = 1_000;

/**
 * Why a set of predecessors cannot be saved, by item id (the repository checks again inside its
 * transaction, where only ids are known; the grid maps them to row numbers and names).
 */
export type LinkRuleError =
  | { readonly kind: 'unknownItem'; readonly id: string }
  | { readonly kind: 'selfLink'; readonly id: PlanItemId }
  | { readonly kind: 'duplicate'; readonly id: PlanItemId }
  /** A summary's dates follow its subtasks; link the subtasks instead. */
  | { readonly kind: 'summary'; readonly id: PlanItemId }
  | { readonly kind: 'badLag'; readonly lagDays: number }
  /** The links would loop back: ids in link order, the first not repeated at the end. */
  | { readonly kind: 'cycle'; readonly cycle: readonly PlanItemId[] };

/**
 * Checks replacing `successorId`'s predecessors with `proposed` against the rest of the plan:
 * every predecessor exists, is not the row itself, appears once, and is not a summary (nor is the
 * row); lags are whole numbers in range; and the new links close no loop. A loop is named in full
 * (`findCycle`) so the user sees which chain to break.
 */
export function checkPredecessors(input: {
  readonly rows: readonly PlanRow[];
  readonly links: readonly PlanLink[];
  readonly successorId: PlanItemId;
  readonly proposed: readonly IncomingLink[];
}): LinkRuleError | null {
  const byId = new Map<string, PlanRow>(input.rows.map((row) => [row.id, row]));
  const target = byId.get(input.successorId);
  if (target === undefined) return { kind: 'unknownItem', id: input.successorId };
  if (target.summary && input.proposed.length > 0) return { kind: 'summary', id: target.id };
  const seen = new Set<string>();
  for (const link of input.proposed) {
    const row = byId.get(link.predecessorId);
    if (row === undefined) return { kind: 'unknownItem', id: link.predecessorId };
    if (row.id === target.id) return { kind: 'selfLink', id: row.id };
    if (seen.has(row.id)) return { kind: 'duplicate', id: row.id };
    seen.add(row.id);
    if (row.summary) return { kind: 'summary', id: row.id };
    if (!Number.isInteger(link.lagDays) || Math.abs(link.lagDays) > MAX_LAG_DAYS) {
      return { kind: 'badLag', lagDays: link.lagDays };
    }
  }
  const links = [
    ...input.links.filter((link) => link.successorId !== input.successorId),
    ...input.proposed.map((link) => ({ ...link, successorId: input.successorId })),
  ];
  const cycle = findCycle(
    input.rows.map((row) => ({ id: row.id, durationDays: row.durationDays })),
    links,
  );
  if (cycle === null) return null;
  return {
    kind: 'cycle',
    cycle: cycle.flatMap((id) => {
      const row = byId.get(id);
      return row === undefined ? [] : [row.id];
    }),
  };
}
