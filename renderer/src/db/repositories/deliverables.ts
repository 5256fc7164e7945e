import Dexie from 'dexie';
import type { Deliverable, ReviewComment, ReviewRound } from '@shared/domain/deliverable';
import type {
  DealId,
  DeliverableId,
  PersonId,
  ReviewCommentId,
  ReviewRoundId,
  TaskId,
} from '@shared/domain/ids';
import { reviewCommentIdSchema } from '@shared/domain/ids';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError, StaleRevisionError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { RecordPatch, WriteEnv, Writer } from '@renderer/db/write';

/** The fields a user edits on a deliverable. */
export type DeliverableInput = Pick<
  Deliverable,
  'name' | 'kind' | 'ownerId' | 'dueDate' | 'pageLimit' | 'status' | 'taskIds' | 'notes'
>;

/** A comment as the review form sends it: a new one has no id yet. */
export type ReviewCommentInput = Omit<ReviewComment, 'id'> & { id?: ReviewCommentId };

/** The fields a user edits on a review round. */
export type ReviewRoundInput = Pick<ReviewRound, 'kind' | 'reviewerId' | 'date' | 'score'> & {
  comments: readonly ReviewCommentInput[];
};

/** Linked plan tasks must be tasks of the same deal; `taskIds` names those that are not. */
export class ForeignTaskError extends Error {
  override readonly name = 'ForeignTaskError';
  constructor(readonly taskIds: readonly string[]) {
    super(`Not tasks of this deal: ${taskIds.join(', ')}`);
  }
}

/** The deal is in the trash: its documents cannot change until it is restored. */
export class DealInTrashError extends Error {
  override readonly name = 'DealInTrashError';
  constructor(readonly code: string) {
    super(`Deal ${code} is in the trash`);
  }
}

/**
 * `NotFoundError` shares its name with a DOMException, so Dexie hands it back from a transaction
 * wrapped in a DexieError; callers get the repository's own error, as the UI expects.
 */
export function unwrapNotFound(error: unknown): never {
  if (error instanceof Dexie.DexieError && error.inner instanceof NotFoundError) throw error.inner;
  throw error;
}

/** The deal a deliverable (or a risk) belongs to, which must exist and not be in the trash. */
export function requireLiveDeal(writer: Writer, dealId: DealId) {
  return writer.require('deals', dealId).then((deal) => {
    if (deal.deletedAt !== null) throw new DealInTrashError(deal.code);
    return deal;
  });
}

export function requirePerson(writer: Writer, id: PersonId | null | undefined) {
  if (id === null || id === undefined) return Dexie.Promise.resolve(undefined);
  return writer.require('people', id).then(() => undefined);
}

function checkTasks(db: PursuitDatabase, dealId: DealId, taskIds: readonly TaskId[] | undefined) {
  if (!taskIds || taskIds.length === 0) return Dexie.Promise.resolve();
  return db.tasks.bulkGet([...taskIds]).then((tasks) => {
    const foreign = taskIds.filter((id, i) => {
      const task = tasks[i];
      return !task || task.dealId !== dealId || task.deletedAt !== null;
    });
    if (foreign.length > 0) throw new ForeignTaskError(foreign);
  });
}

/** A record read for an edit: it must exist, not be deleted, and be at the revision the user saw. */
function requireCurrent<T extends { id: string; rev: number; deletedAt: number | null }>(
  table: 'deliverables' | 'reviewRounds',
  record: T,
  expectedRev: number,
): T {
  if (record.deletedAt !== null) throw new StaleRevisionError(table, record.id, expectedRev, null);
  if (record.rev !== expectedRev)
    throw new StaleRevisionError(table, record.id, expectedRev, record.rev);
  return record;
}

/** Adds a proposal volume or document to a deal. */
export async function createDeliverable(
  db: PursuitDatabase,
  env: WriteEnv,
  dealId: DealId,
  input: DeliverableInput,
): Promise<Deliverable> {
  return runWrite(
    db,
    env,
    ['deals', 'people', 'tasks', 'deliverables'],
    async (writer) => {
      writer.subject = input.name;
      await requireLiveDeal(writer, dealId);
      await requirePerson(writer, input.ownerId);
      await checkTasks(db, dealId, input.taskIds);
      return writer.insert('deliverables', { ...input, dealId }, input.name);
    },
    { undoAction: 'create' },
  ).catch(unwrapNotFound);
}

/** Saves an edit (or a status change) made on the copy at revision `expectedRev`. */
export async function updateDeliverable(
  db: PursuitDatabase,
  env: WriteEnv,
  id: DeliverableId,
  expectedRev: number,
  patch: Partial<DeliverableInput>,
): Promise<Deliverable> {
  return runWrite(
    db,
    env,
    ['deals', 'people', 'tasks', 'deliverables'],
    async (writer) => {
      const current = requireCurrent(
        'deliverables',
        await writer.require('deliverables', id),
        expectedRev,
      );
      writer.subject = patch.name ?? current.name;
      await requireLiveDeal(writer, current.dealId);
      await requirePerson(writer, patch.ownerId);
      await checkTasks(db, current.dealId, patch.taskIds);
      return writer.update(
        'deliverables',
        id,
        expectedRev,
        patch satisfies RecordPatch<'deliverables'>,
        patch.name ?? current.name,
      );
    },
    { undoAction: 'update' },
  ).catch(unwrapNotFound);
}

/**
 * Moves a deliverable to the trash with its review rounds (stamped with the same `deletedAt`, as
 * a deal's children are). Undo brings both back.
 */
export async function deleteDeliverable(
  db: PursuitDatabase,
  env: WriteEnv,
  id: DeliverableId,
  expectedRev: number,
): Promise<void> {
  await runWrite(
    db,
    env,
    ['deals', 'deliverables', 'reviewRounds'],
    async (writer) => {
      const current = requireCurrent(
        'deliverables',
        await writer.require('deliverables', id),
        expectedRev,
      );
      writer.subject = current.name;
      await requireLiveDeal(writer, current.dealId);
      await writer.update(
        'deliverables',
        id,
        expectedRev,
        { deletedAt: writer.at },
        current.name,
        'delete',
      );
      const rounds = await db.reviewRounds.where('deliverableId').equals(id).toArray();
      for (const round of rounds) {
        if (round.deletedAt === null)
          await writer.cascade('reviewRounds', round, { deletedAt: writer.at });
      }
    },
    { undoAction: 'delete' },
  ).catch(unwrapNotFound);
}

/** Comments with ids: kept for existing ones, new ones get one from the write environment. */
function withIds(writer: Writer, comments: readonly ReviewCommentInput[]): ReviewComment[] {
  return comments.map((comment) => ({
    id: comment.id ?? reviewCommentIdSchema.parse(writer.env.newId()),
    authorId: comment.authorId,
    text: comment.text,
    resolved: comment.resolved,
  }));
}

function roundSummary(kind: ReviewRound['kind'], deliverable: Deliverable): string {
  return `${deliverable.name} · ${kind}`;
}

/** Records a colour-team review of a deliverable, with its score and comments. */
export async function addReviewRound(
  db: PursuitDatabase,
  env: WriteEnv,
  deliverableId: DeliverableId,
  input: ReviewRoundInput,
): Promise<ReviewRound> {
  return runWrite(
    db,
    env,
    ['deals', 'people', 'deliverables', 'reviewRounds'],
    async (writer) => {
      const deliverable = await writer.require('deliverables', deliverableId);
      if (deliverable.deletedAt !== null) throw new NotFoundError('deliverables', deliverableId);
      writer.subject = deliverable.name;
      await requireLiveDeal(writer, deliverable.dealId);
      await requirePerson(writer, input.reviewerId);
      return writer.insert(
        'reviewRounds',
        {
          dealId: deliverable.dealId,
          deliverableId,
          kind: input.kind,
          reviewerId: input.reviewerId,
          date: input.date,
          score: input.score,
          comments: withIds(writer, input.comments),
        },
        roundSummary(input.kind, deliverable),
      );
    },
    { undoAction: 'create' },
  ).catch(unwrapNotFound);
}

/** Saves an edit of a review round (its comments included) made on revision `expectedRev`. */
export async function updateReviewRound(
  db: PursuitDatabase,
  env: WriteEnv,
  id: ReviewRoundId,
  expectedRev: number,
  input: ReviewRoundInput,
): Promise<ReviewRound> {
  return runWrite(
    db,
    env,
    ['deals', 'people', 'deliverables', 'reviewRounds'],
    async (writer) => {
      const current = requireCurrent(
        'reviewRounds',
        await writer.require('reviewRounds', id),
        expectedRev,
      );
      const deliverable = await writer.require('deliverables', current.deliverableId);
      writer.subject = deliverable.name;
      await requireLiveDeal(writer, current.dealId);
      await requirePerson(writer, input.reviewerId);
      return writer.update(
        'reviewRounds',
        id,
        expectedRev,
        {
          kind: input.kind,
          reviewerId: input.reviewerId,
          date: input.date,
          score: input.score,
          comments: withIds(writer, input.comments),
        },
        roundSummary(input.kind, deliverable),
      );
    },
    { undoAction: 'update' },
  ).catch(unwrapNotFound);
}

/** Moves a review round to the trash (undoable). */
export async function deleteReviewRound(
  db: PursuitDatabase,
  env: WriteEnv,
  id: ReviewRoundId,
  expectedRev: number,
): Promise<void> {
  await runWrite(
    db,
    env,
    ['deals', 'deliverables', 'reviewRounds'],
    async (writer) => {
      const current = requireCurrent(
        'reviewRounds',
        await writer.require('reviewRounds', id),
        expectedRev,
      );
      const deliverable = await writer.require('deliverables', current.deliverableId);
      writer.subject = deliverable.name;
      await requireLiveDeal(writer, current.dealId);
      await writer.update(
        'reviewRounds',
        id,
        expectedRev,
        { deletedAt: writer.at },
        roundSummary(current.kind, deliverable),
        'delete',
      );
    },
    { undoAction: 'delete' },
  ).catch(unwrapNotFound);
}

/** Marks one comment of a review round resolved (or open again). */
export async function setReviewCommentResolved(
  db: PursuitDatabase,
  env: WriteEnv,
  roundId: ReviewRoundId,
  expectedRev: number,
  commentId: ReviewCommentId,
  resolved: boolean,
): Promise<ReviewRound> {
  return runWrite(
    db,
    env,
    ['deals', 'deliverables', 'reviewRounds'],
    async (writer) => {
      const current = requireCurrent(
        'reviewRounds',
        await writer.require('reviewRounds', roundId),
        expectedRev,
      );
      if (!current.comments.some((comment) => comment.id === commentId)) {
        throw new NotFoundError('reviewRounds', `${roundId}/${commentId}`);
      }
      const deliverable = await writer.require('deliverables', current.deliverableId);
      writer.subject = deliverable.name;
      await requireLiveDeal(writer, current.dealId);
      return writer.update(
        'reviewRounds',
        roundId,
        expectedRev,
        {
          comments: current.comments.map((comment) =>
            comment.id === commentId ? { ...comment, resolved } : comment,
          ),
        },
        roundSummary(current.kind, deliverable),
      );
    },
    { undoAction: 'update' },
  ).catch(unwrapNotFound);
}
