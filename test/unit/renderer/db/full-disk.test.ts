// @vitest-environment jsdom
import Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeal } from '@renderer/db/repositories/deals';
import { importAccounts, importDeals, loadImportContext } from '@renderer/db/repositories/exchange';
import { createPlanFromTemplate, importPlan } from '@renderer/db/repositories/plan';
import { isQuotaError } from '@renderer/db/errors';
import {
  clearStorageFull,
  isStorageFull,
  noticeStorageFull,
  subscribeStorageFull,
} from '@renderer/db/storage-full';
import { undoStack } from '@renderer/db/undo';
import type { PursuitDatabase } from '@renderer/db/database';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import { settingsId } from '@shared/domain/settings';
import { TABLE_NAMES } from '@shared/domain/tables';
import { checkAccountImport, checkDealImport, guessMapping } from '@shared/exchange/import';
import { readMsProject } from '@shared/exchange/msproject-read';
import type { ImportedPlan } from '@shared/exchange/msproject-read';
import { writeMsProjectXml } from '@shared/exchange/msproject-write';
import { buildPlanRows } from '@shared/plan/rows';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');

/** A full disk as IndexedDB reports it on a write: the request's own error. */
const bare = () => new DOMException('The disk is full', 'QuotaExceededError');
/** …and as Dexie reports a transaction the browser aborted because of it. */
const wrapped = () =>
  new Dexie.AbortError('Transaction aborted', new DOMException('Quota', 'QuotaExceededError'));
/** …and as a DOMException-like abort whose `cause` is the quota error. */
const caused = () =>
  Object.assign(new Error('The transaction was aborted'), { name: 'AbortError', cause: bare() });

const SHAPES = [
  ['bare', bare],
  ['wrapped in an abort error', wrapped],
  ['as the cause of an abort error', caused],
] as const;

type Context = Awaited<ReturnType<typeof freshDatabase>>;

/**
 * From the moment it is armed, lets `okWrites` more writes through and then fails every write
 * with `error()`: the transaction has written something by then, which must all be rolled back.
 * A Dexie middleware, so the error reaches the repository exactly as a storage failure would.
 */
async function fillDiskOf(db: PursuitDatabase, error: () => unknown, okWrites = 1) {
  let armed = false;
  let left = okWrites;
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            if (armed && left-- <= 0) return Promise.reject(error());
            return table.mutate(request);
          },
        };
      },
    }),
  });
  await db.open();
  return () => {
    armed = true;
  };
}

/** Every record of every table, to compare before and after a refused import. */
async function snapshot(db: PursuitDatabase) {
  const tables = await Promise.all(TABLE_NAMES.map((name) => db.table(name).toArray()));
  return Object.fromEntries(TABLE_NAMES.map((name, i) => [name, tables[i]]));
}

async function failedWith(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => expect.fail('the import went through on a full disk'),
    (caught: unknown) => caught,
  );
}

beforeEach(() => {
  undoStack.clear();
  clearStorageFull();
});
afterEach(() => clearStorageFull());

describe('the full-disk state', () => {
  it('is raised by quota errors in every shape, and by nothing else', () => {
    const heard: boolean[] = [];
    const stop = subscribeStorageFull(() => heard.push(isStorageFull()));
    expect(noticeStorageFull(new Error('constraint'))).toBe(false);
    expect(noticeStorageFull(new Dexie.AbortError('aborted', new Error('other')))).toBe(false);
    expect(isStorageFull()).toBe(false);
    for (const [, shape] of SHAPES) {
      clearStorageFull();
      expect(noticeStorageFull(shape())).toBe(true);
      expect(isStorageFull()).toBe(true);
    }
    stop();
    noticeStorageFull(new Error('x'));
    expect(heard).toEqual([true, false, true, false, true]);
  });
});

async function dealSheet(ctx: Context) {
  const headers = ['Code', 'Name', 'Account', 'Value', 'Currency', 'Stage', 'Owner'];
  const rows = [
    ['IMP-1', 'Grid upgrade', 'New Utility', '1000', 'USD', 'Qualify', 'Li Na'],
    ['IMP-2', 'Metering', 'State Grid Jiangsu', '2000', 'CNY', '', 'Li Na'],
  ];
  const check = checkDealImport([headers, ...rows], guessMapping(headers, 'deals'), {
    ...(await loadImportContext(ctx.db)),
    defaultOwnerId: null,
    suggestCode: () => 'BID-2026-100',
  });
  expect(check.errors).toEqual([]);
  return check;
}

describe('spreadsheet import on a full disk', () => {
  for (const [shape, error] of SHAPES) {
    it(`writes nothing and reports a full disk when the error comes ${shape} (deals)`, async () => {
      const ctx = await freshDatabase();
      const check = await dealSheet(ctx);
      const arm = await fillDiskOf(ctx.db, error);
      const before = await snapshot(ctx.db);
      const undoBefore = undoStack.size;
      arm();

      const caught = await failedWith(
        importDeals(ctx.db, ctx.env, check.drafts, check.newAccounts, TODAY, 'deals.xlsx'),
      );

      expect(isQuotaError(caught)).toBe(true);
      expect(noticeStorageFull(caught)).toBe(true);
      expect(isStorageFull()).toBe(true);
      expect(await snapshot(ctx.db)).toEqual(before);
      expect(undoStack.size).toBe(undoBefore);
    });

    it(`writes nothing and reports a full disk when the error comes ${shape} (accounts)`, async () => {
      const ctx = await freshDatabase();
      const headers = ['Name', 'Industry'];
      const check = checkAccountImport(
        [headers, ['Sinopec Shanghai', 'energy'], ['China Mobile Zhejiang', 'telecom']],
        guessMapping(headers, 'accounts'),
        await loadImportContext(ctx.db),
      );
      expect(check.errors).toEqual([]);
      const arm = await fillDiskOf(ctx.db, error);
      const before = await snapshot(ctx.db);
      arm();

      const caught = await failedWith(importAccounts(ctx.db, ctx.env, check.drafts, 'a.csv'));

      expect(isQuotaError(caught)).toBe(true);
      expect(noticeStorageFull(caught)).toBe(true);
      expect(await snapshot(ctx.db)).toEqual(before);
    });
  }
});

/** A Microsoft Project file's plan, read as the Plan tab reads it: the standard plan of a deal. */
async function projectPlan(ctx: Context): Promise<ImportedPlan> {
  const source = await createDeal(ctx.db, ctx.env, ctx.dealInput({ code: 'SRC-1' }), TODAY);
  await createPlanFromTemplate(ctx.db, ctx.env, { dealId: source.id, today: TODAY, locale: 'en' });
  const settings = await ctx.db.settings.get(settingsId);
  if (settings === undefined) expect.fail('no settings');
  const tasks = await ctx.db.tasks.where('dealId').equals(source.id).toArray();
  const milestones = await ctx.db.milestones.where('dealId').equals(source.id).toArray();
  const links = await ctx.db.dependencies.where('dealId').equals(source.id).toArray();
  const xml = writeMsProjectXml({
    title: source.name,
    calendar: settings,
    rows: buildPlanRows(tasks, milestones),
    links,
    resources: [],
    assignments: [],
  });
  const root = new DOMParser().parseFromString(xml, 'application/xml').documentElement;
  const read = readMsProject(root, { calendar: settings, people: [] });
  if (!read.ok) expect.fail(JSON.stringify(read.error));
  expect(read.plan.items.length).toBeGreaterThan(5);
  return read.plan;
}

describe('MS Project plan import on a full disk', () => {
  for (const [shape, error] of SHAPES) {
    it(`writes nothing and reports a full disk when the error comes ${shape}`, async () => {
      const ctx = await freshDatabase();
      const plan = await projectPlan(ctx);
      const target: Deal = await createDeal(
        ctx.db,
        ctx.env,
        ctx.dealInput({ code: 'BID-2026-002' }),
        TODAY,
      );
      undoStack.clear();
      // Several tasks are written before the disk fills up.
      const arm = await fillDiskOf(ctx.db, error, 5);
      const before = await snapshot(ctx.db);
      arm();

      const caught = await failedWith(importPlan(ctx.db, ctx.env, { dealId: target.id, plan }));

      expect(isQuotaError(caught)).toBe(true);
      expect(noticeStorageFull(caught)).toBe(true);
      expect(await snapshot(ctx.db)).toEqual(before);
      expect(undoStack.size).toBe(0);
    });
  }
});
