import { beforeEach, describe, expect, it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { TABLE_NAMES } from '@shared/domain/tables';
import type { Portfolio } from '@shared/domain/tables';
import { parseBackup } from '@shared/backup/format';
import { PursuitDatabase } from '@renderer/db/database';
import { isQuotaError } from '@renderer/db/errors';
import {
  countAllData,
  exportBackup,
  readAllData,
  writeBackup,
  restoreBackup,
} from '@renderer/db/repositories/backup';
import type { ExportProgress } from '@renderer/db/repositories/backup';
import { updateDeal } from '@renderer/db/repositories/deals';
import { undoStack } from '@renderer/db/undo';
import { testEnv, byId, databaseWith } from './helpers';

const NOW = Date.UTC(2026, 10, 26, 9);
const META = { appVersion: '0.1.0', createdAt: NOW };
const sample = generatePortfolio({ seed: 2026, locale: 'en', now: NOW, preset: 'sample' });

let counter = 0;
/** Parses a backup text that must be valid. */
function parsed(text: string): Portfolio {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.portfolio;
}

beforeEach(() => undoStack.clear());

describe('backup export and restore', () => {
  it('round-trips the sample portfolio: export, parse, restore gives identical data', async () => {
    const source = await databaseWith(sample);
    const text = await exportBackup(source, META);

    const target = new PursuitDatabase(`pursuit-backup-test-${++counter}`);
    await restoreBackup(target, parsed(text));
    expect(byId(await readAllData(target))).toEqual(byId(sample));

    // Byte for byte: backing up a restored database and restoring that gives the same file.
    const again = await exportBackup(target, META);
    const third = new PursuitDatabase(`pursuit-backup-test-${++counter}`);
    await restoreBackup(third, parsed(again));
    expect(await exportBackup(third, META)).toBe(again);
  });

  it('reports progress as it writes, table after table, ending at the whole file', async () => {
    const db = await databaseWith(sample);
    const seen: ExportProgress[] = [];
    const written = await writeBackup(db, META, {
      onProgress: (p) => seen.push(p),
      recordsPerStep: 500,
    });
    const total = TABLE_NAMES.reduce((sum, name) => sum + sample[name].length, 0);
    expect(written.records).toBe(total);
    expect(written.text).toBe(await exportBackup(db, META));
    // Several steps inside the largest table, not only one per table.
    expect(seen.length).toBeGreaterThan(TABLE_NAMES.length + 3);
    expect(seen.at(-1)).toEqual({ share: 1 });
    expect(seen.every((p, i) => i === 0 || p.share >= seen[i - 1]!.share)).toBe(true);
    expect(seen.every((p) => p.share >= 0 && p.share <= 1)).toBe(true);
  });

  it('replaces changes made after the backup, and forgets the undo history', async () => {
    const db = await databaseWith(sample);
    const text = await exportBackup(db, META);
    const deal = sample.deals[0]!;
    await updateDeal(db, testEnv(NOW + 60_000), deal.id, deal.rev, {
      name: 'Renamed after backup',
    });
    expect((await db.deals.get(deal.id))?.name).toBe('Renamed after backup');
    expect(undoStack.size).toBe(1);

    const progress: number[] = [];
    await restoreBackup(db, parsed(text), ({ done }) => progress.push(done));

    expect((await db.deals.get(deal.id))?.name).toBe(deal.name);
    expect(byId(await readAllData(db))).toEqual(byId(sample));
    expect(progress.at(-1)).toBe(TABLE_NAMES.reduce((sum, name) => sum + sample[name].length, 0));
    expect(undoStack.size).toBe(0);
  });

  it('leaves the previous data intact when the database refuses a record midway', async () => {
    const previous = generatePortfolio({ seed: 9, locale: 'zh-CN', now: NOW, preset: 'sample' });
    const db = await databaseWith(previous);
    const backup = parsed(await exportBackup(await databaseWith(sample), META));
    // Slipped in after validation: a second risk with an existing primary key.
    backup.risks.push(backup.risks[0]!);

    await expect(restoreBackup(db, backup)).rejects.toThrow();
    expect(byId(await readAllData(db))).toEqual(byId(previous));
  });

  it('leaves the previous data intact when the restore fails partway through', async () => {
    const previous = generatePortfolio({ seed: 9, locale: 'zh-CN', now: NOW, preset: 'sample' });
    const db = await databaseWith(previous);
    const backup = parsed(await exportBackup(await databaseWith(sample), META));
    const countsBefore = await countAllData(db);

    const error = await restoreBackup(db, backup, ({ table }) => {
      // Deals and everything before them are written by now.
      if (table === 'tasks') throw new DOMException('The disk is full', 'QuotaExceededError');
    }).catch((caught: unknown) => caught);

    expect(isQuotaError(error)).toBe(true);
    expect(await countAllData(db)).toEqual(countsBefore);
    expect(byId(await readAllData(db))).toEqual(byId(previous));
  });

  it('counts the records of every table', async () => {
    const db = await databaseWith(sample);
    const counts = await countAllData(db);
    expect(counts.deals).toBe(25);
    expect(Object.keys(counts)).toEqual([...TABLE_NAMES]);
  });
});
