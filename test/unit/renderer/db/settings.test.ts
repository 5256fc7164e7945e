import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal } from '@renderer/db/repositories/deals';
import { ScorecardCriteriaError, updateBidScorecard } from '@renderer/db/repositories/settings';
import { undoLast } from '@renderer/db/repositories/undo';
import { StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { parsePlanDate } from '@shared/domain/dates';
import { DEFAULT_BID_SCORECARD } from '@shared/domain/defaults';
import { settingsId } from '@shared/domain/settings';
import type { CriterionDraft } from '@shared/pipeline/gate-edit';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');

beforeEach(() => undoStack.clear());

/** The shipped criteria with "Risk" renamed and reweighted, and a new criterion at the end. */
const EDITED: CriterionDraft[] = [
  ...DEFAULT_BID_SCORECARD.map((c) =>
    c.key === 'risk' ? { ...c, label: { zh: '交付风险', en: 'Delivery risk' }, weight: 25 } : c,
  ),
  { key: null, label: { zh: ' 本地服务能力 ', en: 'Local service capacity' }, weight: 5 },
];

async function settingsNow(ctx: Awaited<ReturnType<typeof freshDatabase>>) {
  const settings = await ctx.db.settings.get(settingsId);
  if (!settings) throw new Error('no settings');
  return settings;
}

describe('settings repository: bid/no-bid scorecard', () => {
  it('saves the criteria, keying new ones, with an entry in the portfolio’s trail', async () => {
    const ctx = await freshDatabase();
    const before = await settingsNow(ctx);
    const saved = await updateBidScorecard(ctx.db, ctx.env, before.rev, EDITED);
    expect(saved.rev).toBe(before.rev + 1);
    expect(saved.bidScorecard.at(-1)).toEqual({
      key: 'local_service_capacity',
      label: { zh: '本地服务能力', en: 'Local service capacity' },
      weight: 5,
    });
    expect(saved.bidScorecard.find((c) => c.key === 'risk')?.weight).toBe(25);
    const trail = await ctx.db.activities.filter((a) => a.system?.table === 'settings').toArray();
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ dealId: null, summary: 'Bid/no-bid scorecard' });
    expect(trail[0]?.system?.changes.map((c) => c.field)).toContain('bidScorecard');
  });

  it('leaves gates already open with their criteria; new gates copy the new ones', async () => {
    const ctx = await freshDatabase();
    const early = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
    const settings = await settingsNow(ctx);
    await updateBidScorecard(ctx.db, ctx.env, settings.rev, EDITED);
    const late = await createDeal(ctx.db, ctx.env, ctx.dealInput({ code: 'BID-2026-002' }), TODAY);
    const bidGate = async (dealId: string) =>
      (await ctx.db.gates.where('dealId').equals(dealId).toArray()).find(
        (g) => g.kind === 'bid_no_bid',
      );
    const earlyKeys = (await bidGate(early.id))?.scorecard.map((i) => i.key);
    const lateCard = (await bidGate(late.id))?.scorecard;
    expect(earlyKeys).toEqual(DEFAULT_BID_SCORECARD.map((c) => c.key));
    expect(lateCard?.map((i) => i.key)).toEqual([
      ...DEFAULT_BID_SCORECARD.map((c) => c.key),
      'local_service_capacity',
    ]);
    expect(lateCard?.find((i) => i.key === 'risk')?.label.en).toBe('Delivery risk');
  });

  it('refuses invalid criteria with the problems, and a stale revision, writing nothing', async () => {
    const ctx = await freshDatabase();
    const settings = await settingsNow(ctx);
    const error = await updateBidScorecard(ctx.db, ctx.env, settings.rev, [
      { key: null, label: { zh: '', en: 'Fit' }, weight: 0 },
    ]).then(
      () => expect.fail('saved invalid criteria'),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ScorecardCriteriaError);
    expect((error as ScorecardCriteriaError).issues).toEqual([
      { index: 0, field: 'zh', problem: 'empty' },
      { index: null, field: 'list', problem: 'no_weight' },
    ]);
    await expect(
      updateBidScorecard(ctx.db, ctx.env, settings.rev - 1, EDITED),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    expect((await settingsNow(ctx)).rev).toBe(settings.rev);
  });

  it('is undone as one step', async () => {
    const ctx = await freshDatabase();
    const settings = await settingsNow(ctx);
    await updateBidScorecard(ctx.db, ctx.env, settings.rev, EDITED);
    await undoLast(ctx.db, ctx.env);
    expect((await settingsNow(ctx)).bidScorecard).toEqual(DEFAULT_BID_SCORECARD);
  });
});
