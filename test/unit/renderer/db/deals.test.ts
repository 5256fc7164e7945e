import { beforeEach, describe, expect, it } from 'vitest';
import {
  createDeal,
  deleteDeal,
  DuplicateDealCodeError,
  emptyTrash,
  restoreDeal,
  updateDeal,
} from '@renderer/db/repositories/deals';
import { undoLast } from '@renderer/db/repositories/undo';
import {
  RecordValidationError,
  StaleRevisionError,
  UndoConflictError,
  isQuotaError,
} from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import { undoStack } from '@renderer/db/undo';
import { parsePlanDate } from '@shared/domain/dates';
import type { TaskId } from '@shared/domain/ids';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');

beforeEach(() => undoStack.clear());

async function addTask(
  ctx: Awaited<ReturnType<typeof freshDatabase>>,
  dealId: string,
  name: string,
) {
  return runWrite(ctx.db, ctx.env, ['tasks'], (writer) =>
    writer.insert(
      'tasks',
      {
        dealId: dealId as never,
        parentId: null,
        name,
        start: parsePlanDate('2026-11-09'),
        finish: parsePlanDate('2026-11-13'),
        durationDays: 5,
        progress: 0,
        sortIndex: 0,
        requiredRoleId: null,
        notes: '',
      },
      name,
    ),
  );
}

describe('deals repository', () => {
  it('creates a deal at revision 1 with its activity record', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    expect(deal.rev).toBe(1);
    expect(deal.status).toBe('open');
    const stored = await ctx.db.deals.get(deal.id);
    expect(stored?.name).toBe('Substation monitoring');
    const trail = await ctx.db.activities.where('dealId').equals(deal.id).toArray();
    expect(trail.filter((a) => a.system?.table === 'deals').map((a) => a.system?.action)).toEqual([
      'create',
    ]);
  });

  it('gives a new deal its stage’s milestones on working days and its gates', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    const gates = await ctx.db.gates.where('dealId').equals(deal.id).toArray();
    expect(gates.map((g) => g.kind)).toContain('bid_no_bid');
    const milestones = await ctx.db.milestones.where('dealId').equals(deal.id).toArray();
    expect(milestones.length).toBeGreaterThan(0);
    for (const m of milestones) expect(new Date(`${m.date}T00:00:00Z`).getUTCDay()).not.toBe(0);
  });

  it('records old and new values of changed fields on update', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    const updated = await updateDeal(ctx.db, ctx.env, deal.id, 1, {
      pwin: 35,
      keyDates: { ...deal.keyDates, submissionDue: parsePlanDate('2027-01-29') },
    });
    expect(updated.rev).toBe(2);
    const trail = await ctx.db.activities.where('dealId').equals(deal.id).sortBy('at');
    expect(trail.at(-1)?.system?.changes).toEqual([
      { field: 'keyDates.submissionDue', old: '2027-01-15', new: '2027-01-29' },
      { field: 'pwin', old: 20, new: 35 },
    ]);
  });

  it('refuses a write based on a stale revision and keeps the newer data', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    await updateDeal(ctx.db, ctx.env, deal.id, 1, { pwin: 40 }); // the other window
    await expect(updateDeal(ctx.db, ctx.env, deal.id, 1, { pwin: 10 })).rejects.toBeInstanceOf(
      StaleRevisionError,
    );
    expect((await ctx.db.deals.get(deal.id))?.pwin).toBe(40);
  });

  it('refuses invalid data with a path, writing nothing', async () => {
    const ctx = await freshDatabase();
    const error = await createDeal(ctx.db, ctx.env, ctx.dealInput({ pwin: 140 }), TODAY).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues).toContain('pwin: must be at most 100');
    expect(await ctx.db.deals.count()).toBe(0);
  });

  it('refuses a second deal with the same code', async () => {
    const ctx = await freshDatabase();
    await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    await expect(
      createDeal(ctx.db, ctx.env, ctx.dealInput({ name: 'Other' }), TODAY),
    ).rejects.toBeInstanceOf(DuplicateDealCodeError);
  });

  it('writes all or nothing when a write fails midway', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    const activitiesBefore = await ctx.db.activities.count();
    await expect(
      runWrite(ctx.db, ctx.env, ['deals', 'accounts'], async (writer) => {
        await writer.update('deals', deal.id, 1, { name: 'Renamed' }, 'rename');
        await writer.insert('accounts', { name: '   ' } as never, 'bad'); // fails validation
      }),
    ).rejects.toBeInstanceOf(RecordValidationError);
    const stored = await ctx.db.deals.get(deal.id);
    expect(stored?.name).toBe('Substation monitoring');
    expect(stored?.rev).toBe(1);
    expect(await ctx.db.activities.count()).toBe(activitiesBefore);
  });

  it('moves a deal and everything under it to the trash, and restores exactly that', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    const task = await addTask(ctx, deal.id, 'RFP analysis');
    await deleteDeal(ctx.db, ctx.env, deal.id, 1);
    expect((await ctx.db.deals.get(deal.id))?.deletedAt).not.toBeNull();
    expect((await ctx.db.tasks.get(task.id))?.deletedAt).not.toBeNull();
    expect(await ctx.db.deals.where('deletedAt').above(0).count()).toBe(1);

    await restoreDeal(ctx.db, ctx.env, deal.id);
    expect((await ctx.db.deals.get(deal.id))?.deletedAt).toBeNull();
    expect((await ctx.db.tasks.get(task.id as TaskId))?.deletedAt).toBeNull();
    const actions = (await ctx.db.activities.where('dealId').equals(deal.id).sortBy('at')).map(
      (a) => a.system?.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['create', 'delete', 'restore']));
  });

  it('empties the trash for good, children and trail included', async () => {
    const ctx = await freshDatabase();
    const keep = await createDeal(ctx.db, ctx.env, ctx.dealInput({ code: 'KEEP-1' }), TODAY);
    const gone = await createDeal(ctx.db, ctx.env, ctx.dealInput({ code: 'GONE-1' }), TODAY);
    await addTask(ctx, gone.id, 'Pricing');
    await deleteDeal(ctx.db, ctx.env, gone.id, 1);
    expect(await emptyTrash(ctx.db, ctx.env)).toBe(1);
    expect(await ctx.db.deals.get(gone.id)).toBeUndefined();
    expect(await ctx.db.tasks.where('dealId').equals(gone.id).count()).toBe(0);
    expect(await ctx.db.activities.where('dealId').equals(gone.id).count()).toBe(0);
    expect(await ctx.db.deals.get(keep.id)).toBeDefined();
  });
});

describe('undo', () => {
  it('undoes an edit, then a delete, then a create, newest first', async () => {
    const ctx = await freshDatabase();
    undoStack.clear();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    await updateDeal(ctx.db, ctx.env, deal.id, 1, { name: 'Renamed' });
    await deleteDeal(ctx.db, ctx.env, deal.id, 2);

    expect((await undoLast(ctx.db, ctx.env))?.label.action).toBe('delete');
    expect((await ctx.db.deals.get(deal.id))?.deletedAt).toBeNull();

    expect((await undoLast(ctx.db, ctx.env))?.label).toEqual({
      action: 'update',
      subject: 'BID-2026-001',
    });
    expect((await ctx.db.deals.get(deal.id))?.name).toBe('Substation monitoring');

    expect((await undoLast(ctx.db, ctx.env))?.label.action).toBe('create');
    expect(await ctx.db.deals.get(deal.id)).toBeUndefined();
    expect(await undoLast(ctx.db, ctx.env)).toBeNull();
  });

  it('refuses to undo over a change made since, and keeps the history', async () => {
    const ctx = await freshDatabase();
    undoStack.clear();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    await updateDeal(ctx.db, ctx.env, deal.id, 1, { pwin: 30 });
    // Another window edits the deal directly (not through this session's history).
    await ctx.db.deals.update(deal.id, { pwin: 45, rev: 3 });
    await expect(undoLast(ctx.db, ctx.env)).rejects.toBeInstanceOf(UndoConflictError);
    expect((await ctx.db.deals.get(deal.id))?.pwin).toBe(45);
    expect(undoStack.size).toBe(2);
  });
});

describe('isQuotaError', () => {
  it('recognises a quota error directly and wrapped in an abort error', () => {
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'ConstraintError' } })).toBe(false);
    expect(isQuotaError(new Error('x'))).toBe(false);
  });
});
