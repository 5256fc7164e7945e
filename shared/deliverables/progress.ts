import type { PlanDate } from '@shared/domain/dates';
import { diffDays } from '@shared/domain/dates';
import type { Deliverable, DeliverableStatus, ReviewRound } from '@shared/domain/deliverable';

/**
 * Where a deliverable stands: due or overdue, and what its colour-team reviews left open. Pure, so "my deliverables" and the deal's tab agree on every figure.
 */

/** Approved or submitted: the document is ready, so its due date no longer threatens the bid. */
export function isDeliverableDone(status: DeliverableStatus): boolean {
  return status === 'approved' || status === 'submitted';
}

export type DueState =
  | { readonly state: 'done' }
  /** Due today (0) or in `days` calendar days. */
  | { readonly state: 'due'; readonly days: number }
  /** Past its due date by `days` calendar days and not done. */
  | { readonly state: 'overdue'; readonly days: number };

export function dueState(
  deliverable: Pick<Deliverable, 'dueDate' | 'status'>,
  today: PlanDate,
): DueState {
  if (isDeliverableDone(deliverable.status)) return { state: 'done' };
  const days = diffDays(today, deliverable.dueDate);
  return days < 0 ? { state: 'overdue', days: -days } : { state: 'due', days };
}

export interface ReviewSummary {
  readonly rounds: number;
  /** The most recent round (by date, then by when it was recorded). */
  readonly latest: ReviewRound | null;
  readonly comments: number;
  /** Comments not yet resolved, over every round. */
  readonly openComments: number;
}

export function reviewSummary(rounds: readonly ReviewRound[]): ReviewSummary {
  let latest: ReviewRound | null = null;
  let comments = 0;
  let openComments = 0;
  for (const round of rounds) {
    if (round.deletedAt !== null) continue;
    if (
      latest === null ||
      round.date > latest.date ||
      (round.date === latest.date && round.createdAt > latest.createdAt)
    ) {
      latest = round;
    }
    comments += round.comments.length;
    openComments += round.comments.filter((comment) => !comment.resolved).length;
  }
  const count = rounds.filter((round) => round.deletedAt === null).length;
  return { rounds: count, latest, comments, openComments };
}

/** Rounds in the order they were held: by date, then by when they were recorded. */
export function sortRounds(rounds: readonly ReviewRound[]): ReviewRound[] {
  return [...rounds].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.createdAt - b.createdAt,
  );
}

/** Earliest due first; the same day by name, so the order never jumps between renders. */
export function compareByDue(
  a: Pick<Deliverable, 'dueDate' | 'name' | 'id'>,
  b: Pick<Deliverable, 'dueDate' | 'name' | 'id'>,
): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
