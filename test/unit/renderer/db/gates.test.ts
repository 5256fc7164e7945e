import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal, deleteDeal } from '@renderer/db/repositories/deals';
import {
  addGate,
  clearGateDecision,
  DealUnavailableError,
  DecisionRefusedError,
  GateDecidedError,
  recordGateDecision,
  removeGate,
  updateGateFields,
  updateMeddpiccItem,
  updateScorecardItem,
} from '@renderer/db/repositories/gates';
import { undoLast } from '@renderer/db/repositories/undo';
import { RecordValidationError, StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { parsePlanDate } from '@shared/domain/dates';
import type { Gate } from '@shared/domain/gate';
import { UnknownCriterionError } from '@shared/pipeline/gate-edit';
import { assessBidGate } from '@shared/pipeline/scoring';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');

beforeEach(() => undoStack.clear());

type Context = Awaited<ReturnType<typeof freshDatabase>>;

/** A deal created in Qualify, and the bid/no-bid gate that opened with it. */
async function dealWithBidGate(ctx: Context = undefined as never) {
  const context = ctx ?? (await freshDatabase());
  const deal = await createDeal(context.db, context.env, context.dealInput(), TODAY);
  const gates = await context.db.gates.where('dealId').equals(deal.id).toArray();
  const gate = gates.find((g) => g.kind === 'bid_no_bid');
  if (!gate) throw new Error('no bid/no-bid gate');
  return { ctx: context, deal, gate };
}

async function gateTrail(ctx: Context, gate: Gate) {
  const trail = await ctx.db.activities.where('dealId').equals(gate.dealId).sortBy('at');
  return trail.filter((a) => a.system?.table === 'gates' && a.system.entityId === gate.id);
}

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

describe('gates repository: scorecard, MEDDPICC, review fields', () => {
  it('scores a criterion in one transaction with its entry in the deal’s trail', async () => {
    const { ctx, gate } = await dealWithBidGate();
    const saved = await updateScorecardItem(ctx.db, ctx.env, gate.id, gate.rev, {
      key: 'solution_fit',
      score: 4,
      note: 'Reference site',
    });
    expect(saved.rev).toBe(gate.rev + 1);
    expect(saved.scorecard.find((i) => i.key === 'solution_fit')).toMatchObject({
      score: 4,
      note: 'Reference site',
      weight: 20,
    });
    const [entry] = (await gateTrail(ctx, gate)).filter((a) => a.system?.action === 'update');
    expect(entry?.dealId).toBe(gate.dealId);
    expect(entry?.system?.changes.map((c) => c.field)).toContain('scorecard');
  });

  it('refuses an edit based on a stale revision and changes nothing', async () => {
    const { ctx, gate } = await dealWithBidGate();
    await updateScorecardItem(ctx.db, ctx.env, gate.id, gate.rev, { key: 'risk', score: 2 });
    const error = await refusal(
      updateScorecardItem(ctx.db, ctx.env, gate.id, gate.rev, { key: 'risk', score: 5 }),
      StaleRevisionError,
    );
    expect(error.actualRev).toBe(gate.rev + 1);
    const stored = await ctx.db.gates.get(gate.id);
    expect(stored?.scorecard.find((i) => i.key === 'risk')?.score).toBe(2);
  });

  it('refuses scores outside 1–5 and criteria the gate does not have', async () => {
    const { ctx, gate } = await dealWithBidGate();
    await refusal(
      updateScorecardItem(ctx.db, ctx.env, gate.id, gate.rev, { key: 'risk', score: 6 }),
      RecordValidationError,
    );
    await refusal(
      updateScorecardItem(ctx.db, ctx.env, gate.id, gate.rev, { key: 'nope', score: 3 }),
      UnknownCriterionError,
    );
    expect((await ctx.db.gates.get(gate.id))?.rev).toBe(gate.rev);
  });

  it('sets MEDDPICC statuses and evidence, and the assessment follows', async () => {
    const { ctx, gate } = await dealWithBidGate();
    let current = gate;
    for (const element of ['economic_buyer', 'champion', 'metrics'] as const) {
      current = await updateMeddpiccItem(ctx.db, ctx.env, gate.id, current.rev, {
        element,
        status: 'confirmed',
      });
    }
    current = await updateMeddpiccItem(ctx.db, ctx.env, gate.id, current.rev, {
      element: 'champion',
      evidence: 'CIO sponsor, met twice',
    });
    expect(current.meddpicc.find((m) => m.element === 'champion')).toEqual({
      element: 'champion',
      status: 'confirmed',
      evidence: 'CIO sponsor, met twice',
    });
    expect(assessBidGate(current).qualification.points).toBe(6);
  });

  it('sets a review’s score and comments, and refuses a score above 100', async () => {
    const { ctx, deal } = await dealWithBidGate();
    const red = await addGate(ctx.db, ctx.env, {
      dealId: deal.id,
      kind: 'red',
      name: 'Red team review',
      scheduledDate: parsePlanDate('2026-12-01'),
    });
    const scored = await updateGateFields(ctx.db, ctx.env, red.id, red.rev, {
      reviewScore: 74,
      comments: 'Section 3 lacks proof points',
    });
    expect(scored).toMatchObject({ reviewScore: 74, comments: 'Section 3 lacks proof points' });
    await refusal(
      updateGateFields(ctx.db, ctx.env, red.id, scored.rev, { reviewScore: 120 }),
      RecordValidationError,
    );
  });

  it('is undone as one step', async () => {
    const { ctx, gate } = await dealWithBidGate();
    await updateScorecardItem(ctx.db, ctx.env, gate.id, gate.rev, { key: 'risk', score: 3 });
    await undoLast(ctx.db, ctx.env);
    const stored = await ctx.db.gates.get(gate.id);
    expect(stored?.scorecard.find((i) => i.key === 'risk')?.score).toBeNull();
  });
});

describe('gates repository: decisions', () => {
  it('records go with rationale, the named decider and now, and the trail says so', async () => {
    const { ctx, gate } = await dealWithBidGate();
    const decided = await recordGateDecision(ctx.db, ctx.env, gate.id, gate.rev, {
      decision: 'go',
      rationale: 'Strong fit, champion confirmed',
      decidedBy: ctx.owner.id,
    });
    expect(decided.decision).toBe('go');
    expect(decided.decidedBy).toBe(ctx.owner.id);
    expect(decided.decidedAt).toBe(decided.updatedAt);
    expect(decided.rationale).toBe('Strong fit, champion confirmed');
    const entry = (await gateTrail(ctx, gate)).at(-1);
    expect(entry?.summary).toBe('Bid/no-bid decision: Go');
    expect(entry?.details).toBe('Strong fit, champion confirmed');
  });

  it('names the acting person as decider when nobody is named', async () => {
    const { ctx, gate } = await dealWithBidGate();
    const env = { ...ctx.env, actorId: ctx.owner.id };
    const decided = await recordGateDecision(ctx.db, env, gate.id, gate.rev, {
      decision: 'reshape',
      rationale: 'Economic buyer not reached',
    });
    expect(decided.decidedBy).toBe(ctx.owner.id);
    expect((await gateTrail(ctx, gate)).at(-1)?.actorId).toBe(ctx.owner.id);
  });

  it('refuses a decision without rationale or without anyone to name, writing nothing', async () => {
    const { ctx, gate } = await dealWithBidGate();
    const error = await refusal(
      recordGateDecision(ctx.db, ctx.env, gate.id, gate.rev, { decision: 'go', rationale: '  ' }),
      DecisionRefusedError,
    );
    expect(error.problems).toEqual(['rationale_required', 'decider_required']);
    expect((await ctx.db.gates.get(gate.id))?.rev).toBe(gate.rev);
  });

  it('changes a recorded decision and keeps the earlier one in the trail', async () => {
    const { ctx, gate } = await dealWithBidGate();
    const first = await recordGateDecision(ctx.db, ctx.env, gate.id, gate.rev, {
      decision: 'reshape',
      rationale: 'No champion yet',
      decidedBy: ctx.owner.id,
    });
    const second = await recordGateDecision(ctx.db, ctx.env, gate.id, first.rev, {
      decision: 'go',
      rationale: 'Champion found: the CIO',
      decidedBy: ctx.owner.id,
    });
    expect(second.decision).toBe('go');
    expect(second.decidedAt).toBeGreaterThan(first.decidedAt ?? Infinity);
    const entry = (await gateTrail(ctx, gate)).at(-1);
    expect(entry?.summary).toBe('Bid/no-bid decision: Reshape → Go');
    const changes = new Map(entry?.system?.changes.map((c) => [c.field, c]));
    expect(changes.get('decision')).toMatchObject({ old: 'reshape', new: 'go' });
    expect(changes.get('rationale')).toMatchObject({
      old: 'No champion yet',
      new: 'Champion found: the CIO',
    });
  });

  it('writes nothing when the same decision is recorded again', async () => {
    const { ctx, gate } = await dealWithBidGate();
    const edit = { decision: 'go' as const, rationale: 'Fit', decidedBy: ctx.owner.id };
    const first = await recordGateDecision(ctx.db, ctx.env, gate.id, gate.rev, edit);
    const again = await recordGateDecision(ctx.db, ctx.env, gate.id, first.rev, edit);
    expect(again.rev).toBe(first.rev);
    expect(again.decidedAt).toBe(first.decidedAt);
  });

  it('clears a decision only explicitly, keeping the rationale as a draft and the trail', async () => {
    const { ctx, gate } = await dealWithBidGate();
    const decided = await recordGateDecision(ctx.db, ctx.env, gate.id, gate.rev, {
      decision: 'no_go',
      rationale: 'Price gap too wide',
      decidedBy: ctx.owner.id,
    });
    const cleared = await clearGateDecision(ctx.db, ctx.env, gate.id, decided.rev);
    expect(cleared).toMatchObject({
      decision: null,
      decidedBy: null,
      decidedAt: null,
      rationale: 'Price gap too wide',
    });
    const entry = (await gateTrail(ctx, gate)).at(-1);
    expect(entry?.summary).toBe('Bid/no-bid decision: decision cleared');
    expect(entry?.system?.changes.find((c) => c.field === 'decision')).toMatchObject({
      old: 'no_go',
      new: null,
    });
    await undoLast(ctx.db, ctx.env);
    expect((await ctx.db.gates.get(gate.id))?.decision).toBe('no_go');
  });
});

describe('gates repository: adding and removing gates', () => {
  it('adds a gate of any kind by hand, undoably', async () => {
    const { ctx, deal } = await dealWithBidGate();
    const gold = await addGate(ctx.db, ctx.env, {
      dealId: deal.id,
      kind: 'gold',
      name: '  Gold team review  ',
      scheduledDate: null,
    });
    expect(gold).toMatchObject({ kind: 'gold', name: 'Gold team review', stageId: null, rev: 1 });
    expect(undoStack.peek()?.label).toEqual({
      action: 'create',
      subject: `${deal.code} · Gold team review`,
    });
    await undoLast(ctx.db, ctx.env);
    expect(await ctx.db.gates.get(gold.id)).toBeUndefined();
  });

  it('refuses a gate for a deal in the trash', async () => {
    const { ctx, deal } = await dealWithBidGate();
    await deleteDeal(ctx.db, ctx.env, deal.id, deal.rev);
    await refusal(
      addGate(ctx.db, ctx.env, { dealId: deal.id, kind: 'red', name: 'Red', scheduledDate: null }),
      DealUnavailableError,
    );
  });

  it('removes an undecided gate but refuses a decided one until its decision is cleared', async () => {
    const { ctx, gate } = await dealWithBidGate();
    const decided = await recordGateDecision(ctx.db, ctx.env, gate.id, gate.rev, {
      decision: 'go',
      rationale: 'Fit',
      decidedBy: ctx.owner.id,
    });
    await refusal(removeGate(ctx.db, ctx.env, gate.id, decided.rev), GateDecidedError);
    const cleared = await clearGateDecision(ctx.db, ctx.env, gate.id, decided.rev);
    const removed = await removeGate(ctx.db, ctx.env, gate.id, cleared.rev);
    expect(removed.deletedAt).not.toBeNull();
    // A removed gate can no longer be edited.
    const error = await refusal(
      updateScorecardItem(ctx.db, ctx.env, gate.id, removed.rev, { key: 'risk', score: 3 }),
      StaleRevisionError,
    );
    expect(error.actualRev).toBeNull();
  });
});
