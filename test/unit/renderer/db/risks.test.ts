import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal, deleteDeal } from '@renderer/db/repositories/deals';
import { DealInTrashError } from '@renderer/db/repositories/deliverables';
import {
  createRisk,
  deleteRisk,
  ForeignMitigationTaskError,
  updateRisk,
} from '@renderer/db/repositories/risks';
import type { RiskInput } from '@renderer/db/repositories/risks';
import { undoLast } from '@renderer/db/repositories/undo';
import { NotFoundError, RecordValidationError, StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { runWrite } from '@renderer/db/write';
import { parsePlanDate } from '@shared/domain/dates';
import type { DealId, PersonId } from '@shared/domain/ids';
import { money } from '@shared/domain/money';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');

beforeEach(() => undoStack.clear());

async function setup() {
  const ctx = await freshDatabase();
  const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
  const input = (overrides: Partial<RiskInput> = {}): RiskInput => ({
    title: 'Incumbent undercuts on price',
    description: '',
    category: 'competitive',
    probability: 3,
    impact: 4,
    exposure: money(200_000_00, 'USD'),
    ownerId: ctx.owner.id,
    mitigation: 'Price-to-win review',
    mitigationTaskId: null,
    trigger: 'Competitor discounts on a related bid',
    status: 'open',
    nextReviewDate: parsePlanDate('2026-11-20'),
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
        name: 'Price-to-win analysis',
        start: parsePlanDate('2026-11-09'),
        finish: parsePlanDate('2026-11-13'),
        durationDays: 5,
        progress: 0,
        sortIndex: 0,
        requiredRoleId: null,
        notes: '',
      },
      'Price-to-win analysis',
    ),
  );
}

const trailOf = async (ctx: Awaited<ReturnType<typeof setup>>) =>
  (await ctx.db.activities.where('dealId').equals(ctx.deal.id).sortBy('at')).filter(
    (a) => a.system?.table === 'risks',
  );

describe('risks repository', () => {
  it('adds a risk with its first assessment in the history and the trail, undoably', async () => {
    const ctx = await setup();
    const task = await addTask(ctx, ctx.deal.id);
    const risk = await createRisk(
      ctx.db,
      ctx.env,
      ctx.deal.id,
      ctx.input({ mitigationTaskId: task.id }),
    );
    expect(risk).toMatchObject({ rev: 1, dealId: ctx.deal.id, mitigationTaskId: task.id });
    expect(risk.history).toEqual([
      { at: risk.createdAt, byId: null, probability: 3, impact: 4, status: 'open', note: '' },
    ]);
    expect((await trailOf(ctx)).map((a) => a.system?.action)).toEqual(['create']);

    await undoLast(ctx.db, ctx.env);
    expect(await ctx.db.risks.get(risk.id)).toBeUndefined();
  });

  it('appends history when probability, impact or status changes, with the note', async () => {
    const ctx = await setup();
    const risk = await createRisk(ctx.db, ctx.env, ctx.deal.id, ctx.input());
    const retitled = await updateRisk(ctx.db, ctx.env, risk.id, 1, { title: 'Price pressure' });
    expect(retitled.history).toHaveLength(1);

    const raised = await updateRisk(
      ctx.db,
      ctx.env,
      risk.id,
      2,
      { probability: 5 },
      'Competitor won the pilot',
    );
    expect(raised.history).toHaveLength(2);
    expect(raised.history.at(-1)).toMatchObject({
      probability: 5,
      impact: 4,
      status: 'open',
      note: 'Competitor won the pilot',
    });
    const trail = await trailOf(ctx);
    expect(trail.at(-1)?.system?.changes).toEqual(
      expect.arrayContaining([{ field: 'probability', old: 3, new: 5 }]),
    );
    expect(trail.at(-1)?.details).toBe('Competitor won the pilot');

    const mitigating = await updateRisk(ctx.db, ctx.env, risk.id, 3, { status: 'mitigating' });
    expect(mitigating.history.map((h) => h.status)).toEqual(['open', 'open', 'mitigating']);

    await undoLast(ctx.db, ctx.env);
    const restored = await ctx.db.risks.get(risk.id);
    expect(restored?.status).toBe('open');
    expect(restored?.history).toHaveLength(2);
  });

  it('refuses a stale edit, a foreign mitigation task, an unknown owner and bad fields', async () => {
    const ctx = await setup();
    const other = await createDeal(ctx.db, ctx.env, ctx.dealInput({ code: 'BID-2026-002' }), TODAY);
    const foreign = await addTask(ctx, other.id);
    await expect(
      createRisk(ctx.db, ctx.env, ctx.deal.id, ctx.input({ mitigationTaskId: foreign.id })),
    ).rejects.toBeInstanceOf(ForeignMitigationTaskError);
    await expect(
      createRisk(
        ctx.db,
        ctx.env,
        ctx.deal.id,
        ctx.input({ ownerId: '00000000-0000-4000-8000-999999999998' as PersonId }),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    const invalid = await createRisk(
      ctx.db,
      ctx.env,
      ctx.deal.id,
      ctx.input({ title: ' ', probability: 6 }),
    ).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(RecordValidationError);

    const risk = await createRisk(ctx.db, ctx.env, ctx.deal.id, ctx.input());
    await updateRisk(ctx.db, ctx.env, risk.id, 1, { impact: 5 });
    await expect(updateRisk(ctx.db, ctx.env, risk.id, 1, { impact: 1 })).rejects.toBeInstanceOf(
      StaleRevisionError,
    );
    expect((await ctx.db.risks.get(risk.id))?.impact).toBe(5);
    expect(await ctx.db.risks.count()).toBe(1);
  });

  it('moves a risk to the trash and brings it back with undo; a trashed deal takes none', async () => {
    const ctx = await setup();
    const risk = await createRisk(ctx.db, ctx.env, ctx.deal.id, ctx.input());
    await deleteRisk(ctx.db, ctx.env, risk.id, 1);
    expect((await ctx.db.risks.get(risk.id))?.deletedAt).not.toBeNull();
    expect((await trailOf(ctx)).at(-1)?.system?.action).toBe('delete');
    await undoLast(ctx.db, ctx.env);
    expect((await ctx.db.risks.get(risk.id))?.deletedAt).toBeNull();

    const deal = await ctx.db.deals.get(ctx.deal.id);
    await deleteDeal(ctx.db, ctx.env, ctx.deal.id, deal!.rev);
    await expect(createRisk(ctx.db, ctx.env, ctx.deal.id, ctx.input())).rejects.toBeInstanceOf(
      DealInTrashError,
    );
  });
});
