import { describe, expect, it } from 'vitest';
import { createDeal, deleteDeal, updateDeal } from '@renderer/db/repositories/deals';
import { readHealthInput } from '@renderer/db/health/read';
import { followPortfolioHealth, portfolioHealthNow } from '@renderer/db/health/portfolio-health';
import type { PursuitDatabase } from '@renderer/db/database';
import { parsePlanDate } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import { healthOfRecords } from '@shared/health/portfolio';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');

async function rated(db: PursuitDatabase, scope: Parameters<typeof readHealthInput>[1]) {
  const input = await readHealthInput(db, scope);
  if (!input) return input;
  return healthOfRecords(input.records, input.settings, TODAY, 'UTC');
}

/** Resolves with the portfolio's health once `done` holds for it. */
function healthWhen(
  db: PursuitDatabase,
  today: PlanDate,
  done: (health: NonNullable<ReturnType<typeof portfolioHealthNow>>) => boolean,
) {
  return new Promise<NonNullable<ReturnType<typeof portfolioHealthNow>>>((resolve) => {
    const check = () => {
      const health = portfolioHealthNow(db, today);
      if (health !== undefined && done(health)) {
        stop();
        resolve(health);
      }
    };
    // No lingering: the watcher (and its live query) stops with its last follower.
    const stop = followPortfolioHealth(db, today, check, 0);
    check();
  });
}

describe('deal health from the database', () => {
  it('rates a deal the same whether read alone or with the portfolio', async () => {
    const { db, env, dealInput } = await freshDatabase();
    const deal = await createDeal(db, env, dealInput(), TODAY);
    const other = await createDeal(db, env, dealInput({ code: 'BID-2026-002' }), TODAY);
    const portfolio = await rated(db, 'portfolio');
    const alone = await rated(db, deal.id);
    expect([...(portfolio?.keys() ?? [])].sort()).toEqual([deal.id, other.id].sort());
    expect(alone?.get(deal.id)).toEqual(portfolio?.get(deal.id));
  });

  it('reads nothing to rate for a deal that is closed or in the trash', async () => {
    const { db, env, dealInput } = await freshDatabase();
    const won = await createDeal(db, env, dealInput(), TODAY);
    await updateDeal(db, env, won.id, won.rev, { status: 'won', outcomeDate: TODAY });
    const trashed = await createDeal(db, env, dealInput({ code: 'BID-2026-002' }), TODAY);
    await deleteDeal(db, env, trashed.id, trashed.rev);
    expect(await readHealthInput(db, won.id)).toBeNull();
    expect(await readHealthInput(db, trashed.id)).toBeNull();
    expect((await rated(db, 'portfolio'))?.size).toBe(0);
  });

  it('keeps the portfolio health current as deals change (in the page where no worker runs)', async () => {
    const { db, env, dealInput } = await freshDatabase();
    const deal = await createDeal(db, env, dealInput(), TODAY);
    const first = await healthWhen(db, TODAY, (h) => h.has(deal.id));
    expect(first.get(deal.id)?.level).toMatch(/^(green|amber|red)$/);
    await deleteDeal(db, env, deal.id, deal.rev);
    const after = await healthWhen(db, TODAY, (h) => !h.has(deal.id));
    expect(after.size).toBe(0);
  });
});
