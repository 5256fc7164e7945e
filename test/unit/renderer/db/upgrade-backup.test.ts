import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { parseBackup, serializeBackup } from '@shared/backup/format';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { PursuitDatabase } from '@renderer/db/database';
import { STORES_V1 } from '@renderer/db/schema';
import {
  AutoBackupStore,
  listAutoBackups,
  readAutoBackup,
  storeAutoBackup,
} from '@renderer/db/auto-backups';
import { readAllData } from '@renderer/db/repositories/backup';
import { backupBeforeUpgrade } from '@renderer/db/upgrade-backup';
import { parsePlanDate } from '@shared/domain/dates';

const NOW = Date.UTC(2026, 10, 27, 9);
const sample = generatePortfolio({
  seed: 5,
  locale: 'en',
  now: NOW,
  deals: 3,
  people: 12,
  accounts: 8,
});
let counter = 0;

/** A database as version 1 of the app left it (settings without plan templates). */
async function versionOneDatabase(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(STORES_V1);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const table of old.tables) {
      const rows = sample[table.name as keyof typeof sample] as readonly Record<string, unknown>[];
      await table.bulkAdd(
        table.name === 'settings'
          ? rows.map(({ planTemplates: _dropped, ...settings }) => settings)
          : [...rows],
      );
    }
  });
  old.close();
}

async function storedNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((db) => db.name ?? '');
}

describe('backup before a schema upgrade', () => {
  it('does nothing, and creates nothing, when there is no database yet', async () => {
    const name = `pursuit-upgrade-none-${++counter}`;
    const save = vi.fn(() => Promise.resolve());
    expect(await backupBeforeUpgrade(name, 20, save)).toBeNull();
    expect(save).not.toHaveBeenCalled();
    expect(await storedNames()).not.toContain(name);
  });

  it('does nothing when the database is already at the code’s version', async () => {
    const name = `pursuit-upgrade-current-${++counter}`;
    const db = new PursuitDatabase(name);
    await db.open();
    db.close();
    const save = vi.fn(() => Promise.resolve());
    expect(await backupBeforeUpgrade(name, Math.round(db.verno * 10), save)).toBeNull();
    expect(save).not.toHaveBeenCalled();
  });

  it('keeps the data as stored in an older version, then the upgrade proceeds', async () => {
    const name = `pursuit-upgrade-old-${++counter}`;
    await versionOneDatabase(name);
    const store = new AutoBackupStore(`pursuit-upgrade-backups-${counter}`);
    const db = new PursuitDatabase(name);
    const stored = await backupBeforeUpgrade(name, Math.round(db.verno * 10), async (found) => {
      const text = serializeBackup(found.portfolio, { appVersion: '0.1.0', createdAt: NOW });
      await storeAutoBackup(
        store,
        {
          id: 'upgrade-1',
          reason: 'before_upgrade',
          createdAt: NOW,
          day: parsePlanDate('2026-11-27'),
          appVersion: '0.1.0',
        },
        text,
        1,
      );
    });
    expect(stored?.storedVersion).toBe(10);
    expect(stored?.portfolio.deals).toHaveLength(3);
    expect(stored?.portfolio.settings[0]).not.toHaveProperty('planTemplates');
    const [info] = await listAutoBackups(store);
    expect(info?.reason).toBe('before_upgrade');
    // The backup restores like a file (the older record gains its default on reading).
    const parsed = parseBackup((await readAutoBackup(store, 'upgrade-1')) ?? '');
    expect(parsed.ok).toBe(true);

    // The upgrade itself then runs as before: the same data, now at the new version.
    await db.open();
    expect(db.backendDB().version).toBe(Math.round(db.verno * 10));
    expect((await readAllData(db)).deals).toHaveLength(3);
    expect((await db.settings.toArray())[0]?.planTemplates).toEqual([]);
    db.close();
  });

  it('leaves the database unopened and not upgraded when the backup fails (a full disk)', async () => {
    const name = `pursuit-upgrade-full-${++counter}`;
    await versionOneDatabase(name);
    const full = new DOMException('The disk is full', 'QuotaExceededError');
    await expect(backupBeforeUpgrade(name, 20, () => Promise.reject(full))).rejects.toBe(full);
    const version = (await indexedDB.databases()).find((db) => db.name === name)?.version;
    expect(version).toBe(10);
  });
});
