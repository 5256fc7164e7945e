import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { TABLE_NAMES } from '@shared/domain/tables';
import { parseBackup, serializeBackup } from '@shared/backup/format';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MIGRATIONS,
  FORMAT_V1_TABLES,
  FORMAT_V2_NEW_TABLES,
  FORMAT_V3_NEW_TABLES,
  FORMAT_V3_TABLES,
  canMigrate,
  migrateTables,
} from '@shared/backup/migrations';
import type { BackupMigration, RawTables } from '@shared/backup/migrations';

const NOW = Date.UTC(2026, 10, 26, 9);
const sample = generatePortfolio({ seed: 11, locale: 'zh-CN', now: NOW, preset: 'sample' });

/**
 * A format "version 0" for the test: people were called `persons`, and commission tables did
 * not exist yet. Its migration to version 1 is what a real one would look like.
 */
const v0ToV1: BackupMigration = {
  from: 0,
  description: 'persons became people; commission plans and assignments were added',
  migrate(tables: RawTables) {
    const { persons, ...rest } = tables;
    return { ...rest, people: persons, commissionPlans: [], commissionAssignments: [] };
  },
};

/** The sample written as a version-1 file: without the tables version 2 added. */
function v1File(): string {
  const current = JSON.parse(serializeBackup(sample, { appVersion: '0.1.0', createdAt: NOW })) as {
    formatVersion: number;
    tables: Record<string, unknown>;
  };
  const tables = Object.fromEntries(
    Object.entries(current.tables).filter(
      ([name]) =>
        !(FORMAT_V2_NEW_TABLES as readonly string[]).includes(name) &&
        !(FORMAT_V3_NEW_TABLES as readonly string[]).includes(name),
    ),
  );
  return JSON.stringify({ ...current, formatVersion: 1, tables });
}

/** The sample written as a version-0 file. */
function v0File(): string {
  const v1 = JSON.parse(serializeBackup(sample, { appVersion: '0.0.9', createdAt: NOW })) as {
    formatVersion: number;
    tables: Record<string, unknown>;
  };
  const {
    people,
    commissionPlans: _plans,
    commissionAssignments: _assignments,
    reviewSnapshots: _snapshots,
    commissionAdjustments: _adjustments,
    ...rest
  } = v1.tables;
  return JSON.stringify({ ...v1, formatVersion: 0, tables: { ...rest, persons: people } });
}

describe('backup format migrations', () => {
  it('lists, for the format this build writes, exactly the tables of the domain', () => {
    // A new table needs a new format version and a migration that adds it, empty, to older files.
    expect(BACKUP_FORMAT_VERSION).toBe(3);
    expect([...TABLE_NAMES]).toEqual([...FORMAT_V3_TABLES]);
    expect(BACKUP_MIGRATIONS.every((m) => m.from < BACKUP_FORMAT_VERSION)).toBe(true);
  });

  it('brings an older file forward before validating it', () => {
    const withoutCommissions = {
      ...sample,
      commissionPlans: [],
      commissionAssignments: [],
      commissionAdjustments: [],
    };
    const result = parseBackup(v0File(), { migrations: [v0ToV1, ...BACKUP_MIGRATIONS] });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.portfolio).toEqual(withoutCommissions);
    // The summary tells the user which format the file was in.
    expect(result.summary.formatVersion).toBe(0);
    expect(result.summary.appVersion).toBe('0.0.9');
    expect(result.summary.counts.people).toBe(sample.people.length);
  });

  it('restores a version 1 file with the tables version 2 added, empty', () => {
    const result = parseBackup(v1File());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.portfolio).toEqual({
      ...sample,
      reviewSnapshots: [],
      commissionAdjustments: [],
      priceBookItems: [],
      quotes: [],
      priceToWin: [],
      contracts: [],
      contractFiles: [],
    });
    expect(result.summary.formatVersion).toBe(1);
    for (const table of FORMAT_V2_NEW_TABLES) expect(FORMAT_V1_TABLES).not.toContain(table);
    // A table already present is left as it is.
    const kept = migrateTables({ commissionAdjustments: ['x'] }, 1);
    if (!kept.ok) throw new Error(kept.message);
    expect(kept.tables['commissionAdjustments']).toEqual(['x']);
    expect(kept.tables['reviewSnapshots']).toEqual([]);
  });

  it('restores a version 2 file with the tables version 3 added, empty', () => {
    const current = JSON.parse(
      serializeBackup(sample, { appVersion: '0.1.0', createdAt: NOW }),
    ) as { formatVersion: number; tables: Record<string, unknown> };
    const tables = Object.fromEntries(
      Object.entries(current.tables).filter(
        ([name]) => !(FORMAT_V3_NEW_TABLES as readonly string[]).includes(name),
      ),
    );
    const result = parseBackup(JSON.stringify({ ...current, formatVersion: 2, tables }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.portfolio).toEqual({
      ...sample,
      priceToWin: [],
      contracts: [],
      contractFiles: [],
    });
    expect(result.summary.formatVersion).toBe(2);
    const kept = migrateTables({ contracts: ['x'] }, 2);
    if (!kept.ok) throw new Error(kept.message);
    expect(kept.tables['contracts']).toEqual(['x']);
    expect(kept.tables['contractFiles']).toEqual([]);
  });

  it('refuses an older file it has no migration for', () => {
    const result = parseBackup(v0File());
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toMatchObject({ code: 'unsupportedVersion', version: 0 });
  });

  it('reports a migration that fails instead of crashing', () => {
    const broken: BackupMigration = {
      ...v0ToV1,
      migrate() {
        throw new TypeError('persons is not a list');
      },
    };
    const result = parseBackup(v0File(), { migrations: [broken, ...BACKUP_MIGRATIONS] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        {
          code: 'migrationFailed',
          field: 'formatVersion',
          version: 0,
          message:
            'the migration from format version 0 to 1 (persons became people; commission plans and assignments were added) failed: persons is not a list',
        },
      ]);
  });

  it('applies migrations one version at a time, in order', () => {
    const steps: BackupMigration[] = [
      { from: 3, description: 'c', migrate: (t) => ({ ...t, log: [...(t.log as string[]), 'c'] }) },
      { from: 1, description: 'a', migrate: (t) => ({ ...t, log: [...(t.log as string[]), 'a'] }) },
      { from: 2, description: 'b', migrate: (t) => ({ ...t, log: [...(t.log as string[]), 'b'] }) },
    ];
    expect(migrateTables({ log: [] }, 1, 4, steps)).toEqual({
      ok: true,
      tables: { log: ['a', 'b', 'c'] },
    });
    expect(migrateTables({ log: [] }, 2, 4, steps)).toEqual({
      ok: true,
      tables: { log: ['b', 'c'] },
    });
    const gap = migrateTables({}, 0, 4, steps);
    expect(gap.ok).toBe(false);
    expect(canMigrate(1, 4, steps)).toBe(true);
    expect(canMigrate(0, 4, steps)).toBe(false);
    expect(canMigrate(5, 4, steps)).toBe(false);
    expect(canMigrate(-1e15, 4, steps)).toBe(false);
    expect(canMigrate(4, 4, steps)).toBe(true);
  });
});
