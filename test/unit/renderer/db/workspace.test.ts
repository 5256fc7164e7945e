import { beforeEach, describe, expect, it } from 'vitest';
import { logActivity } from '@renderer/db/repositories/activities';
import { createContact } from '@renderer/db/repositories/contacts';
import {
  UnknownExitCriterionError,
  setExitCriterion,
  updateDealDetails,
} from '@renderer/db/repositories/deal-details';
import { createDeal, deleteDeal } from '@renderer/db/repositories/deals';
import { undoLast } from '@renderer/db/repositories/undo';
import { NotFoundError, RecordValidationError, StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { parsePlanDate } from '@shared/domain/dates';
import { accountIdSchema, contactIdSchema } from '@shared/domain/ids';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');

beforeEach(() => undoStack.clear());

async function dealWithTrail() {
  const ctx = await freshDatabase();
  const deal = await createDeal(ctx.db, ctx.env, ctx.dealInput(), TODAY);
  const trail = async () =>
    ctx.db.activities.where('[dealId+at]').between([deal.id, 0], [deal.id, Infinity]).toArray();
  return { ...ctx, deal, trail };
}

describe('contacts repository', () => {
  it('creates a contact of an account, trimmed, with a portfolio-level trail entry', async () => {
    const ctx = await freshDatabase();
    const contact = await createContact(ctx.db, ctx.env, {
      accountId: ctx.account.id,
      name: '  Wang Fang ',
      buyingRole: 'champion',
    });
    expect(contact).toMatchObject({
      name: 'Wang Fang',
      accountId: ctx.account.id,
      buyingRole: 'champion',
      rev: 1,
    });
    expect(await ctx.db.contacts.where('accountId').equals(ctx.account.id).count()).toBe(1);
    const entry = (await ctx.db.activities.toArray()).find(
      (a) => a.system?.table === 'contacts' && a.system.entityId === contact.id,
    );
    expect(entry?.dealId).toBeNull();
    expect(entry?.summary).toBe('Wang Fang (State Grid Jiangsu)');
  });

  it('refuses a contact for an account that does not exist, writing nothing', async () => {
    const ctx = await freshDatabase();
    const missing = accountIdSchema.parse('00000000-0000-4000-8000-0000000000ff');
    await expect(
      createContact(ctx.db, ctx.env, { accountId: missing, name: 'Nobody' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await ctx.db.contacts.count()).toBe(0);
  });

  it('refuses an empty name with the field path', async () => {
    const ctx = await freshDatabase();
    const error = await createContact(ctx.db, ctx.env, {
      accountId: ctx.account.id,
      name: '   ',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues).toContain('name: must not be empty');
  });

  it('is undoable', async () => {
    const ctx = await freshDatabase();
    undoStack.clear();
    const contact = await createContact(ctx.db, ctx.env, {
      accountId: ctx.account.id,
      name: 'Wang Fang',
    });
    expect((await undoLast(ctx.db, ctx.env))?.label).toEqual({
      action: 'create',
      subject: 'Wang Fang',
    });
    expect(await ctx.db.contacts.get(contact.id)).toBeUndefined();
  });
});

describe('deal detail edits', () => {
  it('records a key date change old → new in the deal’s trail, in the same write', async () => {
    const ctx = await dealWithTrail();
    const saved = await updateDealDetails(ctx.db, ctx.env, ctx.deal.id, 1, {
      keyDates: { ...ctx.deal.keyDates, submissionDue: parsePlanDate('2027-01-22') },
    });
    expect(saved.rev).toBe(2);
    expect(saved.keyDates.submissionDue).toBe('2027-01-22');
    const last = (await ctx.trail()).at(-1);
    expect(last?.system).toMatchObject({ table: 'deals', action: 'update' });
    expect(last?.system?.changes).toEqual([
      { field: 'keyDates.submissionDue', old: '2027-01-15', new: '2027-01-22' },
    ]);
  });

  it('refuses key dates out of order (award before submission), keeping the stored ones', async () => {
    const ctx = await dealWithTrail();
    const before = (await ctx.trail()).length;
    const error = await updateDealDetails(ctx.db, ctx.env, ctx.deal.id, 1, {
      keyDates: { ...ctx.deal.keyDates, expectedAward: parsePlanDate('2027-01-10') },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues.join()).toContain('keyDates.expectedAward');
    expect((await ctx.db.deals.get(ctx.deal.id))?.keyDates.expectedAward).toBe('2027-03-01');
    expect((await ctx.trail()).length).toBe(before);
  });

  it('adds, edits and removes competitors; duplicates by name are refused', async () => {
    const ctx = await dealWithTrail();
    const huawei = { name: 'Huawei', incumbent: true, strengths: 'Installed base', weaknesses: '' };
    let deal = await updateDealDetails(ctx.db, ctx.env, ctx.deal.id, 1, {
      competitors: [huawei],
    });
    deal = await updateDealDetails(ctx.db, ctx.env, deal.id, deal.rev, {
      competitors: [{ ...huawei, weaknesses: 'Price' }],
    });
    expect(deal.competitors).toEqual([{ ...huawei, weaknesses: 'Price' }]);
    await expect(
      updateDealDetails(ctx.db, ctx.env, deal.id, deal.rev, {
        competitors: [huawei, { ...huawei, name: ' huawei ' }],
      }),
    ).rejects.toBeInstanceOf(RecordValidationError);
    const emptied = await updateDealDetails(ctx.db, ctx.env, deal.id, deal.rev, {
      competitors: [],
    });
    expect(emptied.competitors).toEqual([]);
    const changes = (await ctx.trail())
      .flatMap((a) => a.system?.changes ?? [])
      .filter((c) => c.field === 'competitors');
    expect(changes.map((c) => (Array.isArray(c.new) ? c.new.length : null))).toEqual([1, 1, 0]);
  });

  it('refuses an edit based on a stale revision, keeping the newer data', async () => {
    const ctx = await dealWithTrail();
    await updateDealDetails(ctx.db, ctx.env, ctx.deal.id, 1, { winThemes: ['Local service'] });
    await expect(
      updateDealDetails(ctx.db, ctx.env, ctx.deal.id, 1, { winThemes: ['Lowest risk'] }),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    expect((await ctx.db.deals.get(ctx.deal.id))?.winThemes).toEqual(['Local service']);
  });

  it('refuses edits to a deal in the trash', async () => {
    const ctx = await dealWithTrail();
    await deleteDeal(ctx.db, ctx.env, ctx.deal.id, 1);
    await expect(
      updateDealDetails(ctx.db, ctx.env, ctx.deal.id, 2, { discriminators: ['24/7 support'] }),
    ).rejects.toBeInstanceOf(StaleRevisionError);
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const ctx = await dealWithTrail();
    undoStack.clear();
    const before = (await ctx.trail()).length;
    const same = await updateDealDetails(ctx.db, ctx.env, ctx.deal.id, 1, {
      keyDates: ctx.deal.keyDates,
    });
    expect(same.rev).toBe(1);
    expect((await ctx.trail()).length).toBe(before);
    expect(undoStack.size).toBe(0);
  });

  it('adds buying-centre members only for contacts that exist', async () => {
    const ctx = await dealWithTrail();
    const contact = await createContact(ctx.db, ctx.env, {
      accountId: ctx.account.id,
      name: 'Wang Fang',
    });
    const deal = await updateDealDetails(ctx.db, ctx.env, ctx.deal.id, 1, {
      buyingCentre: [{ contactId: contact.id, role: 'economic_buyer', stance: 'supporter' }],
    });
    expect(deal.buyingCentre).toHaveLength(1);
    const ghost = contactIdSchema.parse('00000000-0000-4000-8000-0000000000ee');
    await expect(
      updateDealDetails(ctx.db, ctx.env, deal.id, deal.rev, {
        buyingCentre: [
          ...deal.buyingCentre,
          { contactId: ghost, role: 'champion', stance: 'unknown' },
        ],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await ctx.db.deals.get(deal.id))?.buyingCentre).toHaveLength(1);
  });

  it('checks and unchecks exit criteria of the current stage only, undoably', async () => {
    const ctx = await dealWithTrail();
    let deal = await setExitCriterion(ctx.db, ctx.env, ctx.deal.id, 1, 'bid_decision_go', true);
    expect(deal.checkedExitCriteria).toEqual(['bid_decision_go']);
    // Checking it twice keeps one entry.
    deal = await setExitCriterion(ctx.db, ctx.env, deal.id, deal.rev, 'bid_decision_go', true);
    expect(deal.checkedExitCriteria).toEqual(['bid_decision_go']);
    await expect(
      setExitCriterion(ctx.db, ctx.env, deal.id, deal.rev, 'contract_signed', true),
    ).rejects.toBeInstanceOf(UnknownExitCriterionError);
    deal = await setExitCriterion(ctx.db, ctx.env, deal.id, deal.rev, 'bid_decision_go', false);
    expect(deal.checkedExitCriteria).toEqual([]);
    const changes = (await ctx.trail())
      .flatMap((a) => a.system?.changes ?? [])
      .filter((c) => c.field === 'checkedExitCriteria');
    expect(changes).toEqual([
      { field: 'checkedExitCriteria', old: [], new: ['bid_decision_go'] },
      { field: 'checkedExitCriteria', old: ['bid_decision_go'], new: [] },
    ]);
    await undoLast(ctx.db, ctx.env);
    expect((await ctx.db.deals.get(deal.id))?.checkedExitCriteria).toEqual(['bid_decision_go']);
  });
});

describe('logged activities', () => {
  it('logs a meeting on the deal, trimmed, with its contacts, and undoes it', async () => {
    const ctx = await dealWithTrail();
    const contact = await createContact(ctx.db, ctx.env, {
      accountId: ctx.account.id,
      name: 'Wang Fang',
    });
    undoStack.clear();
    const at = Date.UTC(2026, 10, 2, 8);
    const logged = await logActivity(ctx.db, ctx.env, {
      dealId: ctx.deal.id,
      type: 'meeting',
      at,
      summary: '  Solution workshop  ',
      details: 'Agreed the pilot scope.\n',
      contactIds: [contact.id, contact.id],
    });
    expect(logged).toMatchObject({
      type: 'meeting',
      at,
      summary: 'Solution workshop',
      details: 'Agreed the pilot scope.',
      contactIds: [contact.id],
      system: null,
    });
    expect((await ctx.trail()).some((a) => a.id === logged.id)).toBe(true);
    expect((await undoLast(ctx.db, ctx.env))?.label).toEqual({
      action: 'log',
      subject: 'BID-2026-001',
    });
    expect(await ctx.db.activities.get(logged.id)).toBeUndefined();
  });

  it('refuses an empty summary and a deal in the trash', async () => {
    const ctx = await dealWithTrail();
    const input = {
      dealId: ctx.deal.id,
      type: 'note' as const,
      at: Date.UTC(2026, 10, 2),
      summary: ' ',
      details: '',
      contactIds: [],
    };
    await expect(logActivity(ctx.db, ctx.env, input)).rejects.toBeInstanceOf(RecordValidationError);
    await deleteDeal(ctx.db, ctx.env, ctx.deal.id, 1);
    await expect(
      logActivity(ctx.db, ctx.env, { ...input, summary: 'Called the buyer' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
