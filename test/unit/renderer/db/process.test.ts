import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal, deleteDeal } from '@renderer/db/repositories/deals';
import { moveDealToStage } from '@renderer/db/repositories/pipeline';
import {
  createStage,
  deleteStage,
  ProcessEditError,
  reorderStages,
  StageDeletionRefusedError,
  updateStage,
} from '@renderer/db/repositories/process';
import { undoLast } from '@renderer/db/repositories/undo';
import { StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import { DEFAULT_PROCESS_ID, DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import type { StageId } from '@shared/domain/ids';
import type { Stage } from '@shared/domain/sales-process';
import { settingsId } from '@shared/domain/settings';
import { moveInSequence } from '@shared/pipeline/process-edit';
import type { StageInput } from '@shared/pipeline/process-edit';
import { freshDatabase } from './helpers';

beforeEach(() => undoStack.clear());

type Context = Awaited<ReturnType<typeof freshDatabase>>;

const TODAY = parsePlanDate('2026-11-02');

async function stageOf(ctx: Context, id: StageId): Promise<Stage> {
  const stage = await ctx.db.stages.get(id);
  if (!stage) throw new Error(`no stage ${id}`);
  return stage;
}

function inputOf(stage: Stage): StageInput {
  return {
    name: stage.name,
    defaultPwin: stage.defaultPwin,
    forecastCategory: stage.forecastCategory,
    exitCriteria: stage.exitCriteria,
    milestoneTemplates: stage.milestoneTemplates,
    gateKinds: stage.gateKinds,
  };
}

async function liveStages(ctx: Context) {
  return (await ctx.db.stages.orderBy('order').toArray()).filter((s) => s.deletedAt === null);
}

/** Three deals: two in Capture (one closed as cancelled), one in Proposal; plus one trashed in Capture. */
async function portfolio(ctx: Context) {
  const make = async (code: string, stageKey: 'capture' | 'proposal', pwin: number) =>
    createDeal(
      ctx.db,
      ctx.env,
      ctx.dealInput({ code, stageId: DEFAULT_STAGE_IDS[stageKey], pwin }),
      TODAY,
    );
  const a = await make('BID-A', 'capture', 35);
  const b = await make('BID-B', 'capture', 15);
  const c = await make('BID-C', 'proposal', 45);
  const trashed = await make('BID-T', 'capture', 30);
  await deleteDeal(ctx.db, ctx.env, trashed.id, trashed.rev);
  undoStack.clear();
  return { a, b, c, trashed };
}

const dealSnapshot = (deal: Deal | undefined) =>
  deal && {
    stageId: deal.stageId,
    pwin: deal.pwin,
    status: deal.status,
    stageEnteredAt: deal.stageEnteredAt,
  };

async function refusal<E extends Error>(
  write: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const error = await write.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof type)) expect.fail(`expected ${type.name}, got ${String(error)}`);
  return error;
}

describe('sales process repository', () => {
  it('renames a stage: deals stay in it, the change is settings-level activity, undo restores it', async () => {
    const ctx = await freshDatabase();
    const { a, b } = await portfolio(ctx);
    const capture = await stageOf(ctx, DEFAULT_STAGE_IDS.capture);

    const saved = await updateStage(
      ctx.db,
      ctx.env,
      { id: capture.id, rev: capture.rev },
      { ...inputOf(capture), name: { zh: '方案引导', en: 'Shaping' } },
    );

    expect(saved).toMatchObject({ name: { zh: '方案引导', en: 'Shaping' }, rev: capture.rev + 1 });
    expect(saved.key).toBe('capture');
    for (const deal of [a, b]) {
      expect(dealSnapshot(await ctx.db.deals.get(deal.id))).toEqual(dealSnapshot(deal));
    }
    const entries = await ctx.db.activities
      .filter((x) => x.system?.entityId === capture.id)
      .toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ dealId: null, summary: 'Shaping' });
    expect(entries[0]?.system?.changes).toContainEqual({
      field: 'name.en',
      old: 'Capture',
      new: 'Shaping',
    });

    await undoLast(ctx.db, ctx.env);
    expect((await stageOf(ctx, capture.id)).name.en).toBe('Capture');
  });

  it('refuses an edit based on a stale revision, and one that breaks the schema rules', async () => {
    const ctx = await freshDatabase();
    const capture = await stageOf(ctx, DEFAULT_STAGE_IDS.capture);
    await updateStage(ctx.db, ctx.env, capture, { ...inputOf(capture), defaultPwin: 33 });

    await refusal(
      updateStage(ctx.db, ctx.env, capture, { ...inputOf(capture), defaultPwin: 34 }),
      StaleRevisionError,
    );
    const won = await stageOf(ctx, DEFAULT_STAGE_IDS.won);
    const error = await refusal(
      updateStage(ctx.db, ctx.env, won, { ...inputOf(won), defaultPwin: 90 }),
      ProcessEditError,
    );
    expect(error.issues).toEqual([
      {
        code: 'stage',
        stageId: won.id,
        issue: { code: 'pwin_fixed', path: ['defaultPwin'], required: 100 },
      },
    ]);
    expect((await stageOf(ctx, capture.id)).defaultPwin).toBe(33);
    expect((await stageOf(ctx, won.id)).defaultPwin).toBe(100);
  });

  it('adds an exit criterion and a milestone template that the next stage move uses', async () => {
    const ctx = await freshDatabase();
    const capture = await stageOf(ctx, DEFAULT_STAGE_IDS.capture);
    const saved = await updateStage(ctx.db, ctx.env, capture, {
      ...inputOf(capture),
      exitCriteria: [
        ...capture.exitCriteria,
        { key: null, label: { zh: '已完成现场踏勘', en: 'Site survey done' } },
      ],
      milestoneTemplates: [
        ...capture.milestoneTemplates,
        {
          key: null,
          name: { zh: '现场踏勘', en: 'Site survey' },
          kind: 'other',
          anchor: 'submission',
          offsetWorkingDays: -20,
        },
      ],
    });
    const criterion = saved.exitCriteria.at(-1);
    expect(criterion?.key).toMatch(/^site_survey_done_[a-z0-9]{6}$/);

    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    await moveDealToStage(ctx.db, ctx.env, {
      dealId: deal.id,
      expectedRev: deal.rev,
      targetStageId: capture.id,
      today: TODAY,
      confirmSkips: true,
    });
    const milestones = await ctx.db.milestones.where('dealId').equals(deal.id).toArray();
    // 20 working days before Friday 2027-01-15 (no holidays in an English install).
    expect(milestones.find((m) => m.name === 'Site survey')?.date).toBe('2026-12-18');
  });

  it('creates a stage after the last open stage, moving Won / Lost / No-bid down', async () => {
    const ctx = await freshDatabase();
    const created = await createStage(ctx.db, ctx.env, DEFAULT_PROCESS_ID, {
      name: { zh: '技术交流', en: 'Technical exchange' },
      defaultPwin: 25,
      forecastCategory: 'pipeline',
      exitCriteria: [],
      milestoneTemplates: [],
      gateKinds: ['blue'],
    });
    expect(created).toMatchObject({ key: 'technical_exchange', kind: 'open', rev: 1 });
    expect((await liveStages(ctx)).map((s) => s.key)).toEqual([
      'identify',
      'qualify',
      'capture',
      'proposal',
      'submitted',
      'negotiation',
      'technical_exchange',
      'won',
      'lost',
      'no_bid',
    ]);
    const entries = await ctx.db.activities.filter((x) => x.system?.table === 'stages').toArray();
    expect(entries.every((entry) => entry.dealId === null)).toBe(true);
    expect(entries.map((entry) => entry.system?.action)).toEqual([
      'update',
      'update',
      'update',
      'create',
    ]);

    await undoLast(ctx.db, ctx.env);
    expect((await liveStages(ctx)).map((s) => s.key)).not.toContain('technical_exchange');
    expect((await stageOf(ctx, DEFAULT_STAGE_IDS.won)).order).toBe(6);
  });

  it('reorders stages in one write without touching deals', async () => {
    const ctx = await freshDatabase();
    const { a, c } = await portfolio(ctx);
    const before = await liveStages(ctx);
    const versions = before.map((s) => ({ id: s.id, rev: s.rev }));
    const proposal = versions.find((v) => v.id === DEFAULT_STAGE_IDS.proposal)!;
    const moved = moveInSequence(versions, proposal, -2);

    await reorderStages(ctx.db, ctx.env, moved);

    expect((await liveStages(ctx)).map((s) => s.key).slice(0, 5)).toEqual([
      'identify',
      'proposal',
      'qualify',
      'capture',
      'submitted',
    ]);
    for (const deal of [a, c]) {
      expect(dealSnapshot(await ctx.db.deals.get(deal.id))).toEqual(dealSnapshot(deal));
    }
    // A stale view of the process is refused as a whole.
    await refusal(reorderStages(ctx.db, ctx.env, versions), StaleRevisionError);

    await undoLast(ctx.db, ctx.env);
    expect((await liveStages(ctx)).map((s) => s.key).slice(0, 5)).toEqual([
      'identify',
      'qualify',
      'capture',
      'proposal',
      'submitted',
    ]);
  });

  it('refuses to put a closing stage before an open one', async () => {
    const ctx = await freshDatabase();
    const versions = (await liveStages(ctx)).map((s) => ({ id: s.id, rev: s.rev }));
    const won = versions.find((v) => v.id === DEFAULT_STAGE_IDS.won)!;
    const error = await refusal(
      reorderStages(ctx.db, ctx.env, moveInSequence(versions, won, -1)),
      ProcessEditError,
    );
    expect(error.issues).toEqual([{ code: 'closing_before_open', stageId: won.id }]);
  });

  it('refuses to delete a stage holding deals without a target, writing nothing', async () => {
    const ctx = await freshDatabase();
    const { a, b } = await portfolio(ctx);
    const capture = await stageOf(ctx, DEFAULT_STAGE_IDS.capture);
    const activitiesBefore = await ctx.db.activities.count();

    const error = await refusal(
      deleteStage(ctx.db, ctx.env, { stage: capture, targetStageId: null }),
      StageDeletionRefusedError,
    );
    expect(error).toMatchObject({ reason: 'target_required', dealCount: 2 });
    expect((await stageOf(ctx, capture.id)).deletedAt).toBeNull();
    for (const deal of [a, b]) {
      expect((await ctx.db.deals.get(deal.id))?.stageId).toBe(capture.id);
    }
    expect(await ctx.db.activities.count()).toBe(activitiesBefore);
    expect(undoStack.size).toBe(0);
  });

  it('deletes a stage with a target: its deals move, each with a stage move in its trail', async () => {
    const ctx = await freshDatabase();
    await ctx.db.settings.update(settingsId, { locale: 'zh-CN' });
    const { a, b, c, trashed } = await portfolio(ctx);
    const capture = await stageOf(ctx, DEFAULT_STAGE_IDS.capture);

    const plan = await deleteStage(ctx.db, ctx.env, {
      stage: capture,
      targetStageId: DEFAULT_STAGE_IDS.qualify,
    });

    expect(plan.relocations.map((r) => r.code).sort()).toEqual(['BID-A', 'BID-B']);
    for (const deal of [a, b]) {
      const stored = await ctx.db.deals.get(deal.id);
      expect(dealSnapshot(stored)).toEqual({
        ...dealSnapshot(deal),
        stageId: DEFAULT_STAGE_IDS.qualify,
      });
      const moves = (await ctx.db.activities.where('dealId').equals(deal.id).toArray()).filter(
        (entry) => entry.system?.action === 'stage_move',
      );
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({
        summary: '阶段：商机捕获 → 资格评估（阶段已删除）',
        details: `原因：阶段已删除\n赢率保持 ${deal.pwin}%`,
      });
      expect(moves[0]?.system?.changes).toEqual([
        { field: 'stageId', old: capture.id, new: DEFAULT_STAGE_IDS.qualify },
      ]);
    }
    expect((await ctx.db.deals.get(c.id))?.stageId).toBe(DEFAULT_STAGE_IDS.proposal);
    expect((await ctx.db.deals.get(trashed.id))?.stageId).toBe(capture.id);
    const stored = await stageOf(ctx, capture.id);
    expect(stored.deletedAt).not.toBeNull();
    const stageEntry = await ctx.db.activities
      .filter((x) => x.system?.entityId === capture.id)
      .toArray();
    expect(stageEntry).toMatchObject([{ dealId: null, system: { action: 'delete' } }]);

    // Undo brings the stage back and its deals with it, as one step.
    await undoLast(ctx.db, ctx.env);
    expect((await stageOf(ctx, capture.id)).deletedAt).toBeNull();
    for (const deal of [a, b]) {
      expect((await ctx.db.deals.get(deal.id))?.stageId).toBe(capture.id);
    }
  });

  it('deletes an empty stage without a target, but not from a stale view, and never a closing stage', async () => {
    const ctx = await freshDatabase();
    const identify = await stageOf(ctx, DEFAULT_STAGE_IDS.identify);
    await updateStage(ctx.db, ctx.env, identify, { ...inputOf(identify), defaultPwin: 12 });
    await refusal(
      deleteStage(ctx.db, ctx.env, { stage: identify, targetStageId: null }),
      StaleRevisionError,
    );
    const fresh = await stageOf(ctx, identify.id);
    await deleteStage(ctx.db, ctx.env, { stage: fresh, targetStageId: null });
    expect((await liveStages(ctx)).map((s) => s.key)).not.toContain('identify');

    const won = await stageOf(ctx, DEFAULT_STAGE_IDS.won);
    const error = await refusal(
      deleteStage(ctx.db, ctx.env, { stage: won, targetStageId: DEFAULT_STAGE_IDS.qualify }),
      StageDeletionRefusedError,
    );
    expect(error.reason).toBe('closing_stage');
  });
});
