import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal } from '@renderer/db/repositories/deals';
import {
  applyScenarioAsDraft,
  copyQuoteToDraft,
  createQuote,
  deleteQuote,
  QuoteCurrencyError,
  setQuoteStatus,
  updateQuote,
} from '@renderer/db/repositories/quotes';
import type { QuoteContent } from '@renderer/db/repositories/quotes';
import { undoLast } from '@renderer/db/repositories/undo';
import { undoStack } from '@renderer/db/undo';
import { parsePlanDate } from '@shared/domain/dates';
import { money } from '@shared/domain/money';
import { blankLine, QuoteLockedError, QuoteTransitionError } from '@shared/quote/build';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');

beforeEach(() => undoStack.clear());

const content = (unitPrice = 100_000_00, unitCost = 60_000_00): QuoteContent => ({
  name: 'Main bid',
  sections: [
    {
      id: 'hw',
      name: 'Hardware',
      lines: [
        {
          ...blankLine('l1', 'USD'),
          description: 'Server',
          quantity: 2,
          unitPrice: money(unitPrice, 'USD'),
          unitCost: money(unitCost, 'USD'),
        },
      ],
    },
  ],
  validUntil: null,
  terms: '',
  scenarios: [],
});

async function setup() {
  const ctx = await freshDatabase();
  const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
  return { ...ctx, deal };
}

describe('quote repository', () => {
  it('creates a draft version and the deal follows its price and margin, with a note', async () => {
    const { db, env, deal } = await setup();
    const quote = await createQuote(db, env, deal.id, { ...content(), currency: 'USD' });
    expect(quote.version).toBe(1);
    expect(quote.status).toBe('draft');
    const after = await db.deals.get(deal.id);
    expect(after?.value).toEqual(money(200_000_00, 'USD'));
    expect(after?.expectedMarginPct).toBe(40);
    const notes = (await db.activities.where('dealId').equals(deal.id).toArray()).filter(
      (activity) => activity.system?.table === 'deals' && activity.system.action === 'update',
    );
    expect(notes.at(-1)?.details).toMatch(/quote version v1/);
    // undo takes the quote and the deal's figures back together
    await undoLast(db, env);
    expect((await db.deals.get(deal.id))?.value).toEqual(deal.value);
    expect(await db.quotes.get(quote.id)).toBeUndefined();
  });

  it('refuses a line in another currency and writes nothing', async () => {
    const { db, env, deal } = await setup();
    const bad = content();
    const line = bad.sections[0]?.lines[0];
    if (line === undefined) throw new Error('no line');
    const sections = [{ ...bad.sections[0]!, lines: [{ ...line, unitPrice: money(1, 'CNY') }] }];
    await expect(
      createQuote(db, env, deal.id, { ...bad, sections, currency: 'USD' }),
    ).rejects.toThrow(QuoteCurrencyError);
    expect(await db.quotes.count()).toBe(0);
  });

  it('a sent version is immutable; copying it makes the next draft; accepting supersedes the rest', async () => {
    const { db, env, deal } = await setup();
    const v1 = await createQuote(db, env, deal.id, { ...content(), currency: 'USD' });
    const sent = await setQuoteStatus(db, env, v1.id, v1.rev, 'sent');
    await expect(updateQuote(db, env, sent.id, sent.rev, { terms: 'changed' })).rejects.toThrow(
      QuoteLockedError,
    );
    await expect(setQuoteStatus(db, env, sent.id, sent.rev, 'draft')).rejects.toThrow(
      QuoteTransitionError,
    );
    const v2 = await copyQuoteToDraft(db, env, sent.id);
    expect(v2.version).toBe(2);
    const edited = await updateQuote(db, env, v2.id, v2.rev, content(150_000_00));
    expect((await db.deals.get(deal.id))?.value).toEqual(money(300_000_00, 'USD'));
    const v2Sent = await setQuoteStatus(db, env, edited.id, edited.rev, 'sent');
    await setQuoteStatus(db, env, v2Sent.id, v2Sent.rev, 'accepted');
    expect((await db.quotes.get(v1.id))?.status).toBe('superseded');
    expect((await db.deals.get(deal.id))?.value).toEqual(money(300_000_00, 'USD'));
    // 300,000 − 120,000 = 180,000 of 300,000: 60 %
    expect((await db.deals.get(deal.id))?.expectedMarginPct).toBe(60);
  });

  it('applies a scenario as a new draft and leaves the source version as it was', async () => {
    const { db, env, deal } = await setup();
    const v1 = await createQuote(db, env, deal.id, { ...content(), currency: 'USD' });
    const v2 = await applyScenarioAsDraft(
      db,
      env,
      v1.id,
      {
        id: 's1',
        name: 'Aggressive',
        discountBp: 1_000,
        marginTargetBp: null,
        contingencyShareBp: null,
        excludedSectionIds: [],
      },
      'Contingency',
    );
    expect(v2.version).toBe(2);
    expect(v2.name).toBe('Main bid · Aggressive');
    expect(v2.sections[0]?.lines[0]?.discountBp).toBe(1_000);
    expect((await db.quotes.get(v1.id))?.sections).toEqual(v1.sections);
    // the deal follows the newest draft: 200,000 less 10 %
    expect((await db.deals.get(deal.id))?.value).toEqual(money(180_000_00, 'USD'));
  });

  it('deletes a draft (the deal follows the version before it) but never a sent one', async () => {
    const { db, env, deal } = await setup();
    const v1 = await createQuote(db, env, deal.id, { ...content(), currency: 'USD' });
    const v2 = await copyQuoteToDraft(db, env, v1.id);
    const cheaper = await updateQuote(db, env, v2.id, v2.rev, content(50_000_00, 30_000_00));
    expect((await db.deals.get(deal.id))?.value).toEqual(money(100_000_00, 'USD'));
    await deleteQuote(db, env, cheaper.id, cheaper.rev);
    expect((await db.quotes.get(v2.id))?.deletedAt).not.toBeNull();
    expect((await db.deals.get(deal.id))?.value).toEqual(money(200_000_00, 'USD'));
    // a stale revision is refused
    await expect(deleteQuote(db, env, v1.id, v1.rev + 5)).rejects.toThrow();
    const sent = await setQuoteStatus(db, env, v1.id, v1.rev, 'sent');
    await expect(deleteQuote(db, env, sent.id, sent.rev)).rejects.toThrow(QuoteLockedError);
    expect((await db.quotes.get(v1.id))?.deletedAt).toBeNull();
  });
});
