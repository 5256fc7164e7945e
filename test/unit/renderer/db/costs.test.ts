import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal, deleteDeal } from '@renderer/db/repositories/deals';
import {
  addCostEntry,
  addTimeEntry,
  CostCurrencyError,
  deleteCostEntry,
  deleteTimeEntry,
  ForeignTimeTaskError,
  setCategoryBudget,
  updateCostEntry,
  updateTimeEntry,
} from '@renderer/db/repositories/costs';
import { DealInTrashError } from '@renderer/db/repositories/deliverables';
import { undoLast } from '@renderer/db/repositories/undo';
import { RecordValidationError, StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { runWrite } from '@renderer/db/write';
import { parsePlanDate } from '@shared/domain/dates';
import type { DealId, TaskId } from '@shared/domain/ids';
import { money } from '@shared/domain/money';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');
const usd = (minor: number) => money(minor, 'USD');

beforeEach(() => undoStack.clear());

async function setup() {
  const ctx = await freshDatabase();
  const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
  return { ...ctx, deal };
}

function addTask(ctx: Awaited<ReturnType<typeof setup>>, dealId: DealId) {
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

const live = async <T extends { deletedAt: number | null }>(rows: Promise<T[]>) =>
  (await rows).filter((row) => row.deletedAt === null);
const trailOf = async (ctx: Awaited<ReturnType<typeof setup>>, table: string) =>
  (await ctx.db.activities.where('dealId').equals(ctx.deal.id).sortBy('at')).filter(
    (a) => a.system?.table === table,
  );

describe('costs repository', () => {
  it('sets, changes and removes a category budget, in the trail and undoable', async () => {
    const ctx = await setup();
    await setCategoryBudget(ctx.db, ctx.env, ctx.deal.id, 'travel', [], {
      amount: usd(500_000),
      note: 'Site visits',
    });
    let lines = await live(ctx.db.budgetLines.where('dealId').equals(ctx.deal.id).toArray());
    expect(lines).toMatchObject([
      { category: 'travel', amount: usd(500_000), note: 'Site visits' },
    ]);
    await setCategoryBudget(ctx.db, ctx.env, ctx.deal.id, 'travel', lines, {
      amount: usd(700_000),
      note: '',
    });
    lines = await live(ctx.db.budgetLines.where('dealId').equals(ctx.deal.id).toArray());
    expect(lines).toMatchObject([{ amount: usd(700_000), rev: 2 }]);
    await undoLast(ctx.db, ctx.env);
    lines = await live(ctx.db.budgetLines.where('dealId').equals(ctx.deal.id).toArray());
    expect(lines).toMatchObject([{ amount: usd(500_000), rev: 3 }]);
    await setCategoryBudget(ctx.db, ctx.env, ctx.deal.id, 'travel', lines, null);
    expect(await live(ctx.db.budgetLines.toArray())).toEqual([]);
    expect((await trailOf(ctx, 'budgetLines')).map((a) => a.system?.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
  });

  it('merges several lines of one category into the amount typed', async () => {
    const ctx = await setup();
    await setCategoryBudget(ctx.db, ctx.env, ctx.deal.id, 'other', [], {
      amount: usd(1),
      note: '',
    });
    const [first] = await ctx.db.budgetLines.toArray();
    const second = await runWrite(ctx.db, ctx.env, ['budgetLines'], (writer) =>
      writer.insert(
        'budgetLines',
        { dealId: ctx.deal.id, category: 'other', amount: usd(2), note: '' },
        '',
      ),
    );
    await setCategoryBudget(ctx.db, ctx.env, ctx.deal.id, 'other', [first!, second], {
      amount: usd(10),
      note: '',
    });
    const lines = await live(ctx.db.budgetLines.toArray());
    expect(lines.map((l) => l.amount.amountMinor)).toEqual([10]);
  });

  it('refuses amounts in another currency than the deal’s', async () => {
    const ctx = await setup();
    await expect(
      addCostEntry(ctx.db, ctx.env, ctx.deal.id, {
        date: TODAY,
        category: 'travel',
        amount: money(100, 'CNY'),
        note: '',
      }),
    ).rejects.toBeInstanceOf(CostCurrencyError);
    await expect(
      setCategoryBudget(ctx.db, ctx.env, ctx.deal.id, 'travel', [], {
        amount: money(100, 'EUR'),
        note: '',
      }),
    ).rejects.toBeInstanceOf(CostCurrencyError);
    expect(await ctx.db.costEntries.count()).toBe(0);
    expect(await ctx.db.budgetLines.count()).toBe(0);
  });

  it('adds, edits and deletes cost entries, refunds included', async () => {
    const ctx = await setup();
    const entry = await addCostEntry(ctx.db, ctx.env, ctx.deal.id, {
      date: TODAY,
      category: 'bid_bond_fees',
      amount: usd(2_000_000),
      note: 'Bid bond',
    });
    const refund = await addCostEntry(ctx.db, ctx.env, ctx.deal.id, {
      date: TODAY,
      category: 'bid_bond_fees',
      amount: usd(-2_000_000),
      note: 'Bid bond returned',
    });
    expect(refund.amount.amountMinor).toBe(-2_000_000);
    const edited = await updateCostEntry(ctx.db, ctx.env, entry.id, entry.rev, {
      amount: usd(1_500_000),
    });
    expect(edited).toMatchObject({ rev: 2, amount: usd(1_500_000), note: 'Bid bond' });
    await expect(
      updateCostEntry(ctx.db, ctx.env, entry.id, entry.rev, { note: 'stale' }),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    await deleteCostEntry(ctx.db, ctx.env, edited.id, edited.rev);
    expect((await live(ctx.db.costEntries.toArray())).map((e) => e.id)).toEqual([refund.id]);
    await undoLast(ctx.db, ctx.env);
    expect(await live(ctx.db.costEntries.toArray())).toHaveLength(2);
  });

  it('logs time against a task of the deal only, with hours above zero', async () => {
    const ctx = await setup();
    const task = await addTask(ctx, ctx.deal.id);
    const other = await createDeal(ctx.db, ctx.env, ctx.dealInput({ code: 'BID-2026-002' }), TODAY);
    const foreign = await addTask(ctx, other.id);
    const input = {
      personId: ctx.owner.id,
      taskId: task.id as TaskId | null,
      date: TODAY,
      hours: 3.5,
      note: '',
    };
    const entry = await addTimeEntry(ctx.db, ctx.env, ctx.deal.id, input);
    expect(entry).toMatchObject({ dealId: ctx.deal.id, hours: 3.5, taskId: task.id });
    await expect(
      addTimeEntry(ctx.db, ctx.env, ctx.deal.id, { ...input, taskId: foreign.id }),
    ).rejects.toBeInstanceOf(ForeignTimeTaskError);
    await expect(
      addTimeEntry(ctx.db, ctx.env, ctx.deal.id, { ...input, hours: 0 }),
    ).rejects.toBeInstanceOf(RecordValidationError);
    const edited = await updateTimeEntry(ctx.db, ctx.env, entry.id, entry.rev, {
      hours: 6,
      taskId: null,
    });
    expect(edited).toMatchObject({ hours: 6, taskId: null });
    await deleteTimeEntry(ctx.db, ctx.env, edited.id, edited.rev);
    expect(await live(ctx.db.timeEntries.toArray())).toEqual([]);
    expect((await trailOf(ctx, 'timeEntries')).map((a) => a.system?.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
  });

  it('changes nothing on a deal in the trash', async () => {
    const ctx = await setup();
    await deleteDeal(ctx.db, ctx.env, ctx.deal.id, ctx.deal.rev);
    await expect(
      addCostEntry(ctx.db, ctx.env, ctx.deal.id, {
        date: TODAY,
        category: 'travel',
        amount: usd(1),
        note: '',
      }),
    ).rejects.toBeInstanceOf(DealInTrashError);
  });
});
