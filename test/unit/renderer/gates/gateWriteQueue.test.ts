import { describe, expect, it } from 'vitest';
import { createDeal } from '@renderer/db/repositories/deals';
import { updateMeddpiccItem, updateScorecardItem } from '@renderer/db/repositories/gates';
import { StaleRevisionError } from '@renderer/db/errors';
import { queueGateWrite } from '@renderer/features/gates/utils/gateWriteQueue';
import { parsePlanDate } from '@shared/domain/dates';
import { freshDatabase } from '../db/helpers';

async function bidGate() {
  const ctx = await freshDatabase();
  const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), parsePlanDate('2026-11-02'));
  const gate = (await ctx.db.gates.where('dealId').equals(deal.id).toArray()).find(
    (g) => g.kind === 'bid_no_bid',
  );
  if (!gate) throw new Error('no bid/no-bid gate');
  return { ctx, gate };
}

describe('queueGateWrite', () => {
  it('lets quick successive edits from the same screen all land, in order', async () => {
    const { ctx, gate } = await bidGate();
    // Three edits issued before the screen shows the first one's result: all based on `gate`.
    const writes = [
      queueGateWrite(gate, (rev) =>
        updateScorecardItem(ctx.db, ctx.env, gate.id, rev, { key: 'risk', note: 'Penalties' }),
      ),
      queueGateWrite(gate, (rev) =>
        updateScorecardItem(ctx.db, ctx.env, gate.id, rev, { key: 'risk', score: 2 }),
      ),
      queueGateWrite(gate, (rev) =>
        updateMeddpiccItem(ctx.db, ctx.env, gate.id, rev, { element: 'champion', status: 'gap' }),
      ),
    ];
    const saved = await Promise.all(writes);
    expect(saved.map((g) => g.rev)).toEqual([gate.rev + 1, gate.rev + 2, gate.rev + 3]);
    const stored = await ctx.db.gates.get(gate.id);
    expect(stored?.scorecard.find((i) => i.key === 'risk')).toMatchObject({
      score: 2,
      note: 'Penalties',
    });
    expect(stored?.meddpicc.find((m) => m.element === 'champion')?.status).toBe('gap');
  });

  it('still refuses an edit when another window changed the gate since it was seen', async () => {
    const { ctx, gate } = await bidGate();
    await queueGateWrite(gate, (rev) =>
      updateScorecardItem(ctx.db, ctx.env, gate.id, rev, { key: 'risk', score: 2 }),
    );
    // Another window writes on top of this window's edit.
    const mine = await ctx.db.gates.get(gate.id);
    await updateScorecardItem(ctx.db, ctx.env, gate.id, mine?.rev ?? 0, { key: 'risk', score: 5 });
    await expect(
      queueGateWrite(gate, (rev) =>
        updateScorecardItem(ctx.db, ctx.env, gate.id, rev, { key: 'risk', score: 1 }),
      ),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    expect((await ctx.db.gates.get(gate.id))?.scorecard.find((i) => i.key === 'risk')?.score).toBe(
      5,
    );
  });
});
