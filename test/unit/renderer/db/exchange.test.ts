import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal } from '@renderer/db/repositories/deals';
import { importAccounts, importDeals, loadImportContext } from '@renderer/db/repositories/exchange';
import { undoLast } from '@renderer/db/repositories/undo';
import { undoStack } from '@renderer/db/undo';
import { parsePlanDate } from '@shared/domain/dates';
import { checkDealImport, guessMapping } from '@shared/exchange/import';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');

beforeEach(() => undoStack.clear());

async function checkedSheet(ctx: Awaited<ReturnType<typeof freshDatabase>>, rows: string[][]) {
  const headers = ['Code', 'Name', 'Account', 'Value', 'Currency', 'Stage', 'Owner'];
  const context = await loadImportContext(ctx.db);
  return checkDealImport([headers, ...rows], guessMapping(headers, 'deals'), {
    ...context,
    defaultOwnerId: null,
    suggestCode: () => 'BID-2026-100',
  });
}

describe('spreadsheet import', () => {
  it('imports deals with new accounts, stage milestones and gates, in one undoable step', async () => {
    const ctx = await freshDatabase();
    const check = await checkedSheet(ctx, [
      ['IMP-1', 'Grid upgrade', 'State Grid Jiangsu', '1000', 'USD', 'Qualify', 'Li Na'],
      ['IMP-2', 'Metering', 'New Utility', '2000.5', 'CNY', '', 'li na'],
      ['IMP-3', 'Spare', 'new utility', '5', '', 'qualify', 'Li Na'],
    ]);
    expect(check.errors).toEqual([]);
    expect(check.newAccounts).toEqual(['New Utility']);
    const count = await importDeals(
      ctx.db,
      ctx.env,
      check.drafts,
      check.newAccounts,
      TODAY,
      'x.csv',
    );
    expect(count).toBe(3);
    const deals = await ctx.db.deals.orderBy('code').toArray();
    expect(deals.map((d) => d.code)).toEqual(['IMP-1', 'IMP-2', 'IMP-3']);
    const accounts = await ctx.db.accounts.toArray();
    expect(accounts.map((a) => a.name).sort()).toEqual(['New Utility', 'State Grid Jiangsu']);
    expect(deals[1]?.accountId).toBe(deals[2]?.accountId);
    expect(await ctx.db.gates.count()).toBeGreaterThan(0);
    const trail = await ctx.db.activities.where('dealId').equals(deals[0]!.id).count();
    expect(trail).toBeGreaterThan(0);

    await undoLast(ctx.db, ctx.env);
    expect(await ctx.db.deals.filter((d) => d.deletedAt === null).count()).toBe(0);
  });

  it('writes nothing when any row is refused inside the transaction', async () => {
    const ctx = await freshDatabase();
    const check = await checkedSheet(ctx, [
      ['IMP-1', 'Grid upgrade', 'New Utility', '1000', 'USD', '', 'Li Na'],
      ['IMP-2', 'Metering', 'State Grid Jiangsu', '2000', 'USD', '', 'Li Na'],
    ]);
    expect(check.drafts).toHaveLength(2);
    // Another window takes a code after the check.
    await createDeal(ctx.db, ctx.env, ctx.dealInput({ code: 'IMP-2' }), TODAY);
    const before = { deals: await ctx.db.deals.count(), accounts: await ctx.db.accounts.count() };
    await expect(
      importDeals(ctx.db, ctx.env, check.drafts, check.newAccounts, TODAY, 'x.csv'),
    ).rejects.toThrow(/IMP-2/);
    expect(await ctx.db.deals.count()).toBe(before.deals);
    expect(await ctx.db.accounts.count()).toBe(before.accounts);
  });

  it('imports accounts', async () => {
    const ctx = await freshDatabase();
    await importAccounts(
      ctx.db,
      ctx.env,
      [
        {
          row: 2,
          name: '南方电网',
          shortName: '南网',
          industry: 'utilities',
          tier: 'strategic',
          ownerId: null,
          potential: { amountMinor: 500_000_000_00, currency: 'CNY' },
          region: '广东',
          website: '',
          notes: '',
          tags: ['电力'],
        },
      ],
      'a.csv',
    );
    const account = (await ctx.db.accounts.toArray()).find((a) => a.name === '南方电网');
    expect(account).toMatchObject({
      shortName: '南网',
      region: '广东',
      industry: 'utilities',
      tier: 'strategic',
      potential: { amountMinor: 500_000_000_00, currency: 'CNY' },
      tags: ['电力'],
    });
  });
});
