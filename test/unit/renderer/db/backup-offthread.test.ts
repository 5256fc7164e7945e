import { beforeEach, describe, expect, it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { TABLE_NAMES } from '@shared/domain/tables';
import { writeBackupOffThread, writeBackupPiecesOffThread } from '@renderer/db/backup/export';
import { exportBackup, readAllData, writeBackupPieces } from '@renderer/db/repositories/backup';
import { undoStack } from '@renderer/db/undo';
import { openRestoreSession } from '@renderer/features/backup/utils/restoreSession';
import { byId, databaseWith } from './helpers';

/**
 * The export and restore paths the app uses (a worker in the browser; here, where no worker can
 * start, the same code in the page): they give the same file as `exportBackup`, and a restore
 * writes exactly what it checked, or refuses with the file's problems.
 */

const NOW = Date.UTC(2026, 10, 26, 9);
const META = { appVersion: '0.1.0', createdAt: NOW };
const sample = generatePortfolio({ seed: 7, locale: 'zh-CN', now: NOW, preset: 'sample' });

beforeEach(() => undoStack.clear());

describe('backup export in pieces', () => {
  it('hands out pieces that join into the exported file, with the record count', async () => {
    const db = await databaseWith(sample);
    const pieces: string[] = [];
    const records = await writeBackupPieces(db, META, (text) => pieces.push(text), {
      recordsPerStep: 300,
      yieldBetweenSteps: false,
    });
    expect(pieces.length).toBeGreaterThan(TABLE_NAMES.length);
    expect(pieces.join('')).toBe(await exportBackup(db, META));
    expect(records).toBe(TABLE_NAMES.reduce((sum, name) => sum + sample[name].length, 0));
  });

  it('writes the same file off the thread as in the page, with progress to the end', async () => {
    const db = await databaseWith(sample);
    const shares: number[] = [];
    const written = await writeBackupOffThread(db, META, {
      onProgress: ({ share }) => shares.push(share),
    });
    expect(written.text).toBe(await exportBackup(db, META));
    expect(shares.at(-1)).toBe(1);
  });

  it('keeps the pieces apart for a save in pieces; joined, they are the same file', async () => {
    const db = await databaseWith(sample);
    const { pieces, records } = await writeBackupPiecesOffThread(db, META);
    expect(pieces.length).toBeGreaterThan(TABLE_NAMES.length);
    expect(pieces.join('')).toBe(await exportBackup(db, META));
    expect(records).toBe(TABLE_NAMES.reduce((sum, name) => sum + sample[name].length, 0));
  });
});

describe('restore session', () => {
  it('checks a file, then replaces all data with what it checked', async () => {
    const text = await exportBackup(await databaseWith(sample), META);
    const other = generatePortfolio({ seed: 8, locale: 'en', now: NOW, preset: 'sample' });
    const db = await databaseWith(other);
    const session = await openRestoreSession(new TextEncoder().encode(text));
    expect(session.check.kind).toBe('ready');
    if (session.check.kind !== 'ready') return;
    expect(session.check.summary.counts.deals).toBe(sample.deals.length);
    const progress: number[] = [];
    await session.restore(db, ({ done }) => progress.push(done));
    session.close();
    expect(byId(await readAllData(db))).toEqual(byId(sample));
    expect(progress.at(-1)).toBe(session.check.summary.total);
  });

  it('refuses a bad file with its problems and bytes that are not text, writing nothing', async () => {
    const text = await exportBackup(await databaseWith(sample), META);
    const broken = text.replace('"formatVersion":3', '"formatVersion":"three"');
    const refused = await openRestoreSession(new TextEncoder().encode(broken));
    expect(refused.check).toMatchObject({ kind: 'invalid', truncated: false });
    if (refused.check.kind === 'invalid') {
      expect(refused.check.errors[0]).toMatchObject({ code: 'unsupportedVersion' });
    }
    const db = await databaseWith(sample);
    await expect(refused.restore(db)).rejects.toThrow();
    expect(byId(await readAllData(db))).toEqual(byId(sample));

    const notText = await openRestoreSession(new Uint8Array([0xff, 0xd8, 0xff, 0xc3, 0x28]));
    expect(notText.check).toEqual({ kind: 'notText' });
  });
});
