import type {
  Deliverable,
  DeliverableKind,
  DeliverableStatus,
  ReviewKind,
  ReviewRound,
} from '@shared/domain/deliverable';
import type { PlanDate } from '@shared/domain/dates';
import { isPlanDate, parsePlanDate } from '@shared/domain/dates';
import type { PersonId, ReviewCommentId, TaskId } from '@shared/domain/ids';
import type { DeliverableInput, ReviewRoundInput } from '@renderer/db/repositories/deliverables';

/** The deliverable form's values; dates as `YYYY-MM-DD` text. */
export interface DeliverableFormValues {
  name: string;
  kind: DeliverableKind;
  ownerId: PersonId | null;
  dueDate: string | null;
  pageLimit: number | null;
  status: DeliverableStatus;
  taskIds: TaskId[];
  notes: string;
}

export function deliverableFormValues(
  deliverable: Deliverable | null,
  defaultDueDate: PlanDate | null,
): DeliverableFormValues {
  if (deliverable) {
    return {
      name: deliverable.name,
      kind: deliverable.kind,
      ownerId: deliverable.ownerId,
      dueDate: deliverable.dueDate,
      pageLimit: deliverable.pageLimit,
      status: deliverable.status,
      taskIds: [...deliverable.taskIds],
      notes: deliverable.notes,
    };
  }
  return {
    name: '',
    kind: 'technical_volume',
    ownerId: null,
    dueDate: defaultDueDate,
    pageLimit: null,
    status: 'not_started',
    taskIds: [],
    notes: '',
  };
}

/** The repository input for validated form values (the schema in the repository is the last guard). */
export function deliverableInputFromForm(values: DeliverableFormValues): DeliverableInput {
  if (values.dueDate === null || !isPlanDate(values.dueDate)) {
    throw new Error('The deliverable form was submitted without a due date');
  }
  return {
    name: values.name.trim(),
    kind: values.kind,
    ownerId: values.ownerId ?? null,
    dueDate: values.dueDate,
    pageLimit: values.pageLimit ?? null,
    status: values.status,
    taskIds: [...new Set(values.taskIds)],
    notes: (values.notes ?? '').trim(),
  };
}

export interface CommentFormValues {
  id?: ReviewCommentId;
  authorId: PersonId | null;
  text: string;
  resolved: boolean;
}

/** The review-round form's values. */
export interface RoundFormValues {
  kind: ReviewKind;
  reviewerId: PersonId | null;
  date: string | null;
  score: number | null;
  comments: CommentFormValues[];
}

/** The colour-team order a proposal normally goes through. */
const ROUND_SEQUENCE: readonly ReviewKind[] = ['pink', 'red', 'gold'];

/** The review a new round most likely is: the one after the latest pink/red/gold held. */
export function nextRoundKind(rounds: readonly Pick<ReviewRound, 'kind'>[]): ReviewKind {
  let reached = -1;
  for (const round of rounds) reached = Math.max(reached, ROUND_SEQUENCE.indexOf(round.kind));
  return ROUND_SEQUENCE[reached + 1] ?? 'other';
}

export function roundFormValues(
  round: ReviewRound | null,
  defaults: { kind: ReviewKind; today: PlanDate },
): RoundFormValues {
  if (round) {
    return {
      kind: round.kind,
      reviewerId: round.reviewerId,
      date: round.date,
      score: round.score,
      comments: round.comments.map((comment) => ({ ...comment })),
    };
  }
  return {
    kind: defaults.kind,
    reviewerId: null,
    date: defaults.today,
    score: null,
    comments: [{ authorId: null, text: '', resolved: false }],
  };
}

export function roundInputFromForm(values: RoundFormValues): ReviewRoundInput {
  if (values.date === null) throw new Error('The review form was submitted without a date');
  return {
    kind: values.kind,
    reviewerId: values.reviewerId ?? null,
    date: parsePlanDate(values.date),
    score: values.score ?? null,
    comments: (values.comments ?? []).map((comment) => ({
      ...(comment.id !== undefined && { id: comment.id }),
      // A comment raised in the review is the reviewer's unless it already names its author.
      authorId: comment.authorId ?? values.reviewerId ?? null,
      text: comment.text.trim(),
      resolved: comment.resolved ?? false,
    })),
  };
}
