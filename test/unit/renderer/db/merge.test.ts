import { beforeEach, describe, expect, it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { parseBackup, serializeBackup } from '@shared/backup/format';
import { chooseAll, planMerge, resolveMerge } from '@shared/backup/merge';
import { StaleRevisionError, isQuotaError } from '@renderer/db/errors';
import { readAllData } from '@renderer/db/repositories/backup';
import { applyMerge } from '@renderer/db/repositories/merge';
import { undoStack } from '@renderer/db/undo';
import { testEnv, byId, databaseWith } from './helpers';

const NOW = Date.UTC(2026, 10, 26, 9);
const SIZE = { deals: 5, people: 12, accounts: 8 } as const;
const mine = generatePortfolio({ seed: 2026, locale: 'en', now: NOW, ...SIZE });
const theirs = generatePortfolio({ seed: 9, locale: 'zh-CN', now: NOW, ...SIZE });

beforeEach(() => undoStack.clear());

describe('applyMerge', () => {
  it('brings another person’s portfolio in: the result is the planned merge plus its trail', async () => {
    const db = await databaseWith(mine);
    const current = await readAllData(db);
    const plan = planMerge(current, theirs);
    const result = resolveMerge(current, plan, chooseAll(plan, 'theirs'));
    expect(result.problems).toEqual([]);
    const steps: number[] = [];
    const counts = await applyMerge(db, testEnv(NOW), result, 'theirs.json', ({ done }) =>
      steps.push(done),
    );

    expect(counts.added).toBe(plan.totals.added);
    expect(counts.replaced).toBe(plan.totals.conflicts);
    expect(steps.at(-1)).toBe(counts.added + counts.replaced + counts.logged);
    const after = await readAllData(db);
    const trail = after.activities.filter((a) => a.details === 'Merged from theirs.json');
    expect(trail).toHaveLength(counts.logged);
    // One entry per added deal, none for the records that came with it.
    expect(trail.filter((a) => a.system?.table === 'deals')).toHaveLength(theirs.deals.length);
    expect(trail.some((a) => a.system?.table === 'tasks')).toBe(false);
    const withoutTrail = {
      ...after,
      activities: after.activities.filter((a) => a.details !== 'Merged from theirs.json'),
    };
    expect(byId(withoutTrail)).toEqual(byId(result.merged));
    // The merged database is itself a valid backup.
    expect(parseBackup(serializeBackup(after, { appVersion: '0', createdAt: NOW })).ok).toBe(true);
  });

  it('records what a replaced record was before, field by field', async () => {
    const db = await databaseWith(mine);
    const deal = mine.deals[0]!;
    const edited = {
      ...mine,
      deals: mine.deals.map((d) => (d.id === deal.id ? { ...d, name: 'Their name' } : d)),
    };
    const plan = planMerge(mine, edited);
    const result = resolveMerge(mine, plan, chooseAll(plan, 'theirs'));
    await applyMerge(db, testEnv(NOW), result, 'edited.json');
    const after = await db.deals.get(deal.id);
    expect(after?.name).toBe('Their name');
    expect(after?.rev).toBe(deal.rev + 1);
    const entry = (await db.activities.where('dealId').equals(deal.id).toArray()).find(
      (a) => a.details === 'Merged from edited.json',
    );
    expect(entry?.system?.action).toBe('import');
    expect(entry?.system?.changes).toEqual([{ field: 'name', old: deal.name, new: 'Their name' }]);
  });

  it('refuses, writing nothing, when a record changed after the merge was planned', async () => {
    const db = await databaseWith(mine);
    const deal = mine.deals[0]!;
    const edited = {
      ...mine,
      deals: mine.deals.map((d) => (d.id === deal.id ? { ...d, name: 'Their name' } : d)),
    };
    const plan = planMerge(mine, edited);
    const result = resolveMerge(mine, plan, chooseAll(plan, 'theirs'));
    await db.deals.put({ ...deal, name: 'Edited meanwhile', rev: deal.rev + 1 });
    const before = await readAllData(db);
    await expect(applyMerge(db, testEnv(NOW), result, 'edited.json')).rejects.toBeInstanceOf(
      StaleRevisionError,
    );
    expect(byId(await readAllData(db))).toEqual(byId(before));
  });

  it('keeps the data as it was when the disk fills up partway through', async () => {
    const db = await databaseWith(mine);
    const plan = planMerge(mine, theirs);
    const result = resolveMerge(mine, plan, new Map());
    const error = await applyMerge(db, testEnv(NOW), result, 'theirs.json', ({ done }) => {
      if (done > 50) throw new DOMException('The disk is full', 'QuotaExceededError');
    }).catch((caught: unknown) => caught);
    expect(isQuotaError(error)).toBe(true);
    expect(byId(await readAllData(db))).toEqual(byId(mine));
  });
});
