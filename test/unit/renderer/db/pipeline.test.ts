import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal, deleteDeal, updateDeal } from '@renderer/db/repositories/deals';
import {
  moveDealToStage,
  StageMoveRefusedError,
  UnconfirmedSkipError,
} from '@renderer/db/repositories/pipeline';
import type { MoveDealInput } from '@renderer/db/repositories/pipeline';
import { undoLast } from '@renderer/db/repositories/undo';
import { StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { calendarFromSettings } from '@shared/domain/calendar';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import { DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import type { DefaultStageKey } from '@shared/domain/defaults';
import { settingsId } from '@shared/domain/settings';
import { freshDatabase } from './helpers';

beforeEach(() => undoStack.clear());

type Context = Awaited<ReturnType<typeof freshDatabase>>;

const TODAY = parsePlanDate('2026-11-02'); // a Monday
const QUALIFY_CRITERIA = ['meddpicc_assessed', 'bid_decision_go', 'bp_budget_approved'];

function moveTo(
  ctx: Context,
  deal: Pick<Deal, 'id' | 'rev'>,
  target: DefaultStageKey,
  options: Partial<MoveDealInput> = {},
) {
  return moveDealToStage(ctx.db, ctx.env, {
    dealId: deal.id,
    expectedRev: deal.rev,
    targetStageId: DEFAULT_STAGE_IDS[target],
    today: TODAY,
    confirmSkips: false,
    ...options,
  });
}

async function trailOf(ctx: Context, deal: Pick<Deal, 'id'>) {
  return ctx.db.activities.where('dealId').equals(deal.id).sortBy('at');
}

async function stageMovesOf(ctx: Context, deal: Pick<Deal, 'id'>) {
  return (await trailOf(ctx, deal)).filter((a) => a.system?.action === 'stage_move');
}

/** The error a write was refused with, failing the test unless it is of `type`. */
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

describe('moveDealToStage', () => {
  it('moves a deal forward and plans the stage milestones on working days', async () => {
    const ctx = await freshDatabase();
    // A company holiday on Friday 2026-11-20 pushes both Capture milestones by a day.
    await ctx.db.settings.update(settingsId, { holidays: [parsePlanDate('2026-11-20')] });
    const created = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    const ready = await updateDeal(ctx.db, ctx.env, created.id, created.rev, {
      checkedExitCriteria: QUALIFY_CRITERIA,
    });

    const result = await moveTo(ctx, ready, 'capture');

    const stored = await ctx.db.deals.get(created.id);
    expect(stored).toMatchObject({
      stageId: DEFAULT_STAGE_IDS.capture,
      pwin: 30,
      status: 'open',
      rev: ready.rev + 1,
      checkedExitCriteria: QUALIFY_CRITERIA,
    });
    expect(stored?.stageEnteredAt).toBeGreaterThan(ready.stageEnteredAt);
    const milestones = (
      await ctx.db.milestones.where('dealId').equals(created.id).sortBy('date')
    ).filter((m) => m.stageId === DEFAULT_STAGE_IDS.capture);
    // Monday 2026-11-02 + 15 and + 25 working days, with the 20th off.
    expect(milestones.map((m) => [m.templateKey, m.name, m.date])).toEqual([
      ['capture_plan_review', 'Capture plan review', '2026-11-24'],
      ['solution_review', 'Solution review (blue team)', '2026-12-08'],
    ]);
    const settings = await ctx.db.settings.get(settingsId);
    const calendar = calendarFromSettings(settings!);
    expect(milestones.every((m) => calendar.isWorkingDay(m.date))).toBe(true);
    expect(result.milestones.map((m) => m.id)).toEqual(milestones.map((m) => m.id));

    const [entry, ...others] = await stageMovesOf(ctx, created);
    expect(others).toEqual([]);
    expect(entry?.summary).toBe('Stage: Qualify → Capture');
    expect(entry?.system?.changes).toEqual(
      expect.arrayContaining([
        { field: 'stageId', old: DEFAULT_STAGE_IDS.qualify, new: DEFAULT_STAGE_IDS.capture },
        { field: 'pwin', old: 20, new: 30 },
      ]),
    );
    // The move is told once: no generic "update" entry for the same change.
    const trail = await trailOf(ctx, created);
    expect(trail.filter((a) => a.system?.action === 'update')).toHaveLength(1); // the criteria edit
  });

  it('refuses to skip unchecked criteria unless confirmed, then records who skipped what', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    // Created in Qualify, the deal already has that stage's milestone and bid/no-bid gate.
    const milestonesBefore = await ctx.db.milestones.count();
    const gatesBefore = await ctx.db.gates.count();

    const { skipped } = await refusal(moveTo(ctx, deal, 'proposal'), UnconfirmedSkipError);
    expect(skipped.map((c) => `${c.stageKey}.${c.criterionKey}`)).toEqual([
      'qualify.meddpicc_assessed',
      'qualify.bid_decision_go',
      'qualify.bp_budget_approved',
      'capture.capture_plan',
      'capture.win_themes',
      'capture.teaming_agreed',
      'capture.price_to_win',
    ]);
    // Nothing was written.
    expect((await ctx.db.deals.get(deal.id))?.rev).toBe(deal.rev);
    expect(await ctx.db.milestones.count()).toBe(milestonesBefore);
    expect(await ctx.db.gates.count()).toBe(gatesBefore);
    expect(await stageMovesOf(ctx, deal)).toEqual([]);

    ctx.env.actorId = ctx.owner.id;
    const result = await moveTo(ctx, deal, 'proposal', { confirmSkips: true });
    expect(result.deal).toMatchObject({ stageId: DEFAULT_STAGE_IDS.proposal, pwin: 40 });
    expect(result.changes.skippedCriteria).toHaveLength(7);
    expect(await ctx.db.milestones.count()).toBe(milestonesBefore + 5);
    const gates = (await ctx.db.gates.where('dealId').equals(deal.id).toArray()).filter(
      (g) => g.kind !== 'bid_no_bid',
    );
    expect(gates.map((g) => [g.kind, g.scheduledDate]).sort()).toEqual([
      ['gold', '2027-01-13'],
      ['pink', '2026-12-30'],
      ['red', '2027-01-07'],
    ]);

    const [entry] = await stageMovesOf(ctx, deal);
    expect(entry?.actorId).toBe(ctx.owner.id);
    expect(entry?.summary).toBe('Stage: Qualify → Proposal (7 exit criteria skipped)');
    expect(entry?.details).toContain(
      [
        'Exit criteria skipped (confirmed when moving):',
        '- Qualify: MEDDPICC qualification assessed',
        '- Qualify: Bid/no-bid decision is Go',
        '- Qualify: Bid & proposal budget approved',
        '- Capture: Capture plan completed',
        '- Capture: Win themes and discriminators drafted',
        '- Capture: Teaming partners and workshare agreed',
        '- Capture: Price-to-win analysis done',
      ].join('\n'),
    );
  });

  it('asks for the outcome before closing a deal as lost', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);

    const refused = await refusal(moveTo(ctx, deal, 'lost'), StageMoveRefusedError);
    expect(refused.reason).toBe('outcome_required');
    expect((await ctx.db.deals.get(deal.id))?.status).toBe('open');

    const result = await moveTo(ctx, deal, 'lost', {
      outcome: { reason: 'incumbent_advantage', note: 'Renewed with the incumbent', date: TODAY },
    });
    expect(await ctx.db.deals.get(deal.id)).toMatchObject({
      stageId: DEFAULT_STAGE_IDS.lost,
      status: 'lost',
      pwin: 0,
      outcomeReason: 'incumbent_advantage',
      outcomeNote: 'Renewed with the incumbent',
      outcomeDate: '2026-11-02',
    });
    expect(result.changes.skippedCriteria).toEqual([]);
    const [entry] = await stageMovesOf(ctx, deal);
    expect(entry?.details).toContain('Outcome: Incumbent advantage on 2026-11-02');
  });

  it('refuses a move based on a stale revision and keeps the newer data', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    await updateDeal(ctx.db, ctx.env, deal.id, deal.rev, { pwin: 35 }); // another window
    const milestonesBefore = await ctx.db.milestones.count();

    await expect(moveTo(ctx, deal, 'capture', { confirmSkips: true })).rejects.toBeInstanceOf(
      StaleRevisionError,
    );
    expect(await ctx.db.deals.get(deal.id)).toMatchObject({
      stageId: DEFAULT_STAGE_IDS.qualify,
      pwin: 35,
    });
    expect(await ctx.db.milestones.count()).toBe(milestonesBefore);
  });

  it('refuses to move a deal in the trash', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    await deleteDeal(ctx.db, ctx.env, deal.id, deal.rev);
    const trashed = (await ctx.db.deals.get(deal.id))!;

    const refused = await refusal(
      moveTo(ctx, trashed, 'capture', { confirmSkips: true }),
      StageMoveRefusedError,
    );
    expect(refused.reason).toBe('deal_in_trash');
  });

  it('undoes the whole move in one step: stage, Pwin, milestones and gates', async () => {
    const ctx = await freshDatabase();
    const deal = await createDeal(
      ctx.db,
      ctx.env,
      ctx.dealInput({ stageId: DEFAULT_STAGE_IDS.identify, pwin: 10 }),
      TODAY,
    );
    // Created in Identify, the deal has that stage's milestone; the move adds Qualify's.
    const milestonesBefore = await ctx.db.milestones.count();
    await moveTo(ctx, deal, 'qualify', { confirmSkips: true });
    expect(await ctx.db.milestones.count()).toBe(milestonesBefore + 1);
    expect(await ctx.db.gates.count()).toBe(1);

    const undone = await undoLast(ctx.db, ctx.env);
    expect(undone?.label).toEqual({ action: 'update', subject: 'BID-2026-001' });
    expect(await ctx.db.deals.get(deal.id)).toMatchObject({
      stageId: DEFAULT_STAGE_IDS.identify,
      pwin: 10,
      stageEnteredAt: deal.stageEnteredAt,
    });
    expect(await ctx.db.milestones.count()).toBe(milestonesBefore);
    expect(await ctx.db.gates.count()).toBe(0);
    // The trail keeps the move and shows the undo.
    expect(await stageMovesOf(ctx, deal)).toHaveLength(1);
    const undoEntry = (await trailOf(ctx, deal)).findLast(
      (a) => a.system?.table === 'deals' && a.system.action === 'update',
    );
    expect(undoEntry?.system?.changes).toEqual(
      expect.arrayContaining([
        { field: 'stageId', old: DEFAULT_STAGE_IDS.qualify, new: DEFAULT_STAGE_IDS.identify },
      ]),
    );
  });

  it('does not duplicate milestones or pending gates when a deal comes back to a stage', async () => {
    const ctx = await freshDatabase();
    let deal: Pick<Deal, 'id' | 'rev'> = await createDeal(
      ctx.db,
      ctx.env,
      ctx.dealInput({ stageId: DEFAULT_STAGE_IDS.identify, pwin: 10 }),
      TODAY,
    );
    for (const target of ['qualify', 'capture', 'qualify', 'capture'] as const) {
      deal = (await moveTo(ctx, deal, target, { confirmSkips: true })).deal;
    }
    const milestones = await ctx.db.milestones.where('dealId').equals(deal.id).toArray();
    expect(milestones.map((m) => m.templateKey).sort()).toEqual([
      'bid_no_bid',
      'capture_plan_review',
      'opportunity_review',
      'solution_review',
    ]);
    const gates = await ctx.db.gates.where('dealId').equals(deal.id).toArray();
    expect(gates.map((g) => g.kind)).toEqual(['bid_no_bid']);
    expect(await stageMovesOf(ctx, deal)).toHaveLength(4);
  });
});
