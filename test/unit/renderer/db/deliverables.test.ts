import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal, deleteDeal } from '@renderer/db/repositories/deals';
import {
  addReviewRound,
  createDeliverable,
  DealInTrashError,
  deleteDeliverable,
  ForeignTaskError,
  setReviewCommentResolved,
  updateDeliverable,
  updateReviewRound,
} from '@renderer/db/repositories/deliverables';
import type { DeliverableInput } from '@renderer/db/repositories/deliverables';
import { undoLast } from '@renderer/db/repositories/undo';
import { NotFoundError, RecordValidationError, StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { runWrite } from '@renderer/db/write';
import { parsePlanDate } from '@shared/domain/dates';
import type { DealId, PersonId, TaskId } from '@shared/domain/ids';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');

beforeEach(() => undoStack.clear());

async function setup() {
  const ctx = await freshDatabase();
  const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
  const input = (overrides: Partial<DeliverableInput> = {}): DeliverableInput => ({
    name: 'Technical volume',
    kind: 'technical_volume',
    ownerId: ctx.owner.id,
    dueDate: parsePlanDate('2027-01-12'),
    pageLimit: 120,
    status: 'not_started',
    taskIds: [],
    notes: '',
    ...overrides,
  });
  return { ...ctx, deal, input };
}

async function addTask(ctx: Awaited<ReturnType<typeof freshDatabase>>, dealId: DealId) {
  return runWrite(ctx.db, ctx.env, ['tasks'], (writer) =>
    writer.insert(
      'tasks',
      {
        dealId,
        parentId: null,
        name: 'Write solution',
        start: parsePlanDate('2026-11-09'),
        finish: parsePlanDate('2026-11-13'),
        durationDays: 5,
        progress: 0,
        sortIndex: 0,
        requiredRoleId: null,
        notes: '',
      },
      'Write solution',
    ),
  );
}

const trailOf = async (ctx: Awaited<ReturnType<typeof setup>>, table: string) =>
  (await ctx.db.activities.where('dealId').equals(ctx.deal.id).sortBy('at')).filter(
    (a) => a.system?.table === table,
  );

describe('deliverables repository', () => {
  it('adds a deliverable with its activity in the deal’s trail, undoably', async () => {
    const ctx = await setup();
    const task = await addTask(ctx, ctx.deal.id);
    const doc = await createDeliverable(
      ctx.db,
      ctx.env,
      ctx.deal.id,
      ctx.input({ taskIds: [task.id] }),
    );
    expect(doc).toMatchObject({ rev: 1, dealId: ctx.deal.id, taskIds: [task.id] });
    expect((await trailOf(ctx, 'deliverables')).map((a) => a.system?.action)).toEqual(['create']);

    await undoLast(ctx.db, ctx.env);
    expect(await ctx.db.deliverables.get(doc.id)).toBeUndefined();
  });

  it('refuses tasks of another deal, an unknown owner, bad fields and a deal in the trash', async () => {
    const ctx = await setup();
    const other = await createDeal(ctx.db, ctx.env, ctx.dealInput({ code: 'BID-2026-002' }), TODAY);
    const foreign = await addTask(ctx, other.id);
    await expect(
      createDeliverable(ctx.db, ctx.env, ctx.deal.id, ctx.input({ taskIds: [foreign.id] })),
    ).rejects.toBeInstanceOf(ForeignTaskError);
    await expect(
      createDeliverable(
        ctx.db,
        ctx.env,
        ctx.deal.id,
        ctx.input({ taskIds: ['00000000-0000-4000-8000-999999999999' as TaskId] }),
      ),
    ).rejects.toBeInstanceOf(ForeignTaskError);
    await expect(
      createDeliverable(
        ctx.db,
        ctx.env,
        ctx.deal.id,
        ctx.input({ ownerId: '00000000-0000-4000-8000-999999999998' as PersonId }),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    const invalid = await createDeliverable(
      ctx.db,
      ctx.env,
      ctx.deal.id,
      ctx.input({ name: '  ', pageLimit: 0 }),
    ).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(RecordValidationError);
    expect((invalid as RecordValidationError).issues).toEqual(
      expect.arrayContaining(['name: must not be empty', 'pageLimit: must be at least 1']),
    );
    await deleteDeal(ctx.db, ctx.env, ctx.deal.id, ctx.deal.rev);
    await expect(
      createDeliverable(ctx.db, ctx.env, ctx.deal.id, ctx.input()),
    ).rejects.toBeInstanceOf(DealInTrashError);
    expect(await ctx.db.deliverables.count()).toBe(0);
  });

  it('changes the status with the old and new value in the trail, refusing a stale edit', async () => {
    const ctx = await setup();
    const doc = await createDeliverable(ctx.db, ctx.env, ctx.deal.id, ctx.input());
    const drafting = await updateDeliverable(ctx.db, ctx.env, doc.id, 1, { status: 'drafting' });
    expect(drafting.rev).toBe(2);
    expect((await trailOf(ctx, 'deliverables')).at(-1)?.system?.changes).toEqual([
      { field: 'status', old: 'not_started', new: 'drafting' },
    ]);
    await expect(
      updateDeliverable(ctx.db, ctx.env, doc.id, 1, { status: 'approved' }),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    expect((await ctx.db.deliverables.get(doc.id))?.status).toBe('drafting');

    await undoLast(ctx.db, ctx.env);
    expect((await ctx.db.deliverables.get(doc.id))?.status).toBe('not_started');
  });

  it('records review rounds with comment ids and keeps them through an edit', async () => {
    const ctx = await setup();
    const doc = await createDeliverable(ctx.db, ctx.env, ctx.deal.id, ctx.input());
    const round = await addReviewRound(ctx.db, ctx.env, doc.id, {
      kind: 'pink',
      reviewerId: ctx.owner.id,
      date: parsePlanDate('2026-12-01'),
      score: 64,
      comments: [
        { authorId: ctx.owner.id, text: 'Win themes missing in 2.1', resolved: false },
        { authorId: null, text: 'Compliance matrix misses 5.2', resolved: false },
      ],
    });
    expect(round).toMatchObject({ dealId: ctx.deal.id, deliverableId: doc.id, rev: 1 });
    const [first, second] = round.comments;
    expect(first?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first?.id).not.toBe(second?.id);

    const edited = await updateReviewRound(ctx.db, ctx.env, round.id, 1, {
      kind: 'pink',
      reviewerId: ctx.owner.id,
      date: round.date,
      score: 70,
      comments: [
        { ...second!, text: 'Compliance matrix misses clause 5.2' },
        { authorId: null, text: 'Add a reference project', resolved: false },
      ],
    });
    expect(edited.comments.map((c) => c.id).slice(0, 1)).toEqual([second?.id]);
    expect(edited.comments).toHaveLength(2);
    expect(edited.score).toBe(70);
  });

  it('marks one comment resolved, undoably, and refuses a stale or unknown one', async () => {
    const ctx = await setup();
    const doc = await createDeliverable(ctx.db, ctx.env, ctx.deal.id, ctx.input());
    const round = await addReviewRound(ctx.db, ctx.env, doc.id, {
      kind: 'red',
      reviewerId: null,
      date: parsePlanDate('2026-12-10'),
      score: null,
      comments: [
        { authorId: null, text: 'A', resolved: false },
        { authorId: null, text: 'B', resolved: false },
      ],
    });
    const [a, b] = round.comments;
    const saved = await setReviewCommentResolved(ctx.db, ctx.env, round.id, 1, a!.id, true);
    expect(saved.comments.map((c) => c.resolved)).toEqual([true, false]);
    await expect(
      setReviewCommentResolved(ctx.db, ctx.env, round.id, 1, b!.id, true),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    await expect(
      setReviewCommentResolved(ctx.db, ctx.env, round.id, 2, 'nope' as never, true),
    ).rejects.toBeInstanceOf(NotFoundError);

    await undoLast(ctx.db, ctx.env);
    expect((await ctx.db.reviewRounds.get(round.id))?.comments.map((c) => c.resolved)).toEqual([
      false,
      false,
    ]);
  });

  it('deletes a deliverable with its rounds in one step, and undo brings both back', async () => {
    const ctx = await setup();
    const doc = await createDeliverable(ctx.db, ctx.env, ctx.deal.id, ctx.input());
    const round = await addReviewRound(ctx.db, ctx.env, doc.id, {
      kind: 'gold',
      reviewerId: null,
      date: parsePlanDate('2027-01-05'),
      score: 88,
      comments: [],
    });
    await deleteDeliverable(ctx.db, ctx.env, doc.id, 1);
    const deletedAt = (await ctx.db.deliverables.get(doc.id))?.deletedAt;
    expect(deletedAt).not.toBeNull();
    expect((await ctx.db.reviewRounds.get(round.id))?.deletedAt).toBe(deletedAt);
    await expect(
      updateDeliverable(ctx.db, ctx.env, doc.id, 2, { status: 'drafting' }),
    ).rejects.toBeInstanceOf(StaleRevisionError);

    await undoLast(ctx.db, ctx.env);
    expect((await ctx.db.deliverables.get(doc.id))?.deletedAt).toBeNull();
    expect((await ctx.db.reviewRounds.get(round.id))?.deletedAt).toBeNull();
  });
});
