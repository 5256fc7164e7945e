import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEEP_AT_LEAST } from '@shared/backup/retention';
import { addDays, parsePlanDate } from '@shared/domain/dates';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import { writeFileAtomic } from '../../../electron/main/atomic-write';
import {
  BackupPathRefusedError,
  backupPath,
  createBackupFolder,
} from '../../../electron/main/backup-files';
/* eslint-enable no-restricted-imports */

const TODAY = parsePlanDate('2026-11-27');
let root: string;
let folder: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pursuit-backups-'));
  folder = join(root, 'userData', 'backups');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function request(back: number, overrides: Partial<{ id: string; text: string }> = {}) {
  return {
    id: overrides.id ?? `b-${String(back).padStart(2, '0')}`,
    createdAt: Date.UTC(2026, 10, 27 - back, 9),
    day: addDays(TODAY, -back),
    reason: 'scheduled' as const,
    records: 4,
    appVersion: '0.1.0',
    text: overrides.text ?? `{"back":${back}}`,
  };
}

describe('backup folder', () => {
  it('writes, lists, reads and deletes backup files, creating the folder on first use', async () => {
    const backups = createBackupFolder(folder);
    await expect(backups.list()).resolves.toEqual([]);
    const older = await backups.write(request(1));
    const newer = await backups.write({ ...request(0), reason: 'on_quit', records: 9 });
    expect(newer).toEqual({
      id: `pursuit-backup_2026-11-27_${Date.UTC(2026, 10, 27, 9)}_on_quit_9_0.1.0_b-00.json`,
      createdAt: Date.UTC(2026, 10, 27, 9),
      day: TODAY,
      reason: 'on_quit',
      records: 9,
      bytes: '{"back":0}'.length,
      appVersion: '0.1.0',
    });
    await expect(backups.list()).resolves.toEqual([newer, older]);
    await expect(backups.read(older.id)).resolves.toBe('{"back":1}');
    expect(await readFile(join(folder, newer.id), 'utf8')).toBe('{"back":0}');
    await expect(backups.remove(older.id)).resolves.toBe(true);
    await expect(backups.remove(older.id)).resolves.toBe(false);
    await expect(backups.read(older.id)).resolves.toBeNull();
    await expect(backups.list()).resolves.toEqual([newer]);
  });

  it('measures sizes in bytes, not characters', async () => {
    const backups = createBackupFolder(folder);
    const info = await backups.write(request(0, { text: '{"name":"华东电网"}' }));
    expect(info.bytes).toBe(Buffer.byteLength('{"name":"华东电网"}'));
  });

  it('lists only backup files, leaving temporary and foreign files alone', async () => {
    const backups = createBackupFolder(folder);
    const info = await backups.write(request(0));
    await writeFile(join(folder, '.pursuit-0123.tmp'), 'half');
    await writeFile(join(folder, 'notes.txt'), 'mine');
    await expect(backups.list()).resolves.toEqual([info]);
    await backups.write(request(0, { id: 'b-later' }));
    expect((await readdir(folder)).sort()).toContain('notes.txt');
  });

  it('applies the shared retention rule after each write', async () => {
    const backups = createBackupFolder(folder);
    // One a day for 15 days, the newest today, then three more today.
    for (let back = 14; back >= 0; back -= 1) await backups.write(request(back));
    const kept = await backups.list();
    expect(kept).toHaveLength(KEEP_AT_LEAST);
    expect(kept.map((b) => b.day)).toEqual(
      Array.from({ length: KEEP_AT_LEAST }, (_, i) => addDays(TODAY, -i)),
    );
    expect(await readdir(folder)).toHaveLength(KEEP_AT_LEAST);
    for (let n = 1; n <= 3; n += 1) {
      await backups.write({
        ...request(0, { id: `today-${n}` }),
        createdAt: Date.UTC(2026, 10, 27, 9 + n),
      });
    }
    const after = await backups.list();
    // Newest ten: today's four, then the six days before; day 7 back survives as its day's only one.
    expect(after.filter((b) => b.day === TODAY)).toHaveLength(4);
    expect(after.some((b) => b.day === addDays(TODAY, -7))).toBe(true);
    expect(after.some((b) => b.day === addDays(TODAY, -8))).toBe(false);
  });

  it('writes atomically: a failed write leaves the previous files and no partial file', async () => {
    const failing = createBackupFolder(folder, async (path, data) => {
      // Write the real temporary file, then fail before the rename would publish it.
      await writeFileAtomic(path, data, () => 'crash');
      await rm(path);
      throw new Error('disk unplugged');
    });
    const good = await createBackupFolder(folder).write(request(1));
    await expect(failing.write(request(0))).rejects.toThrow('disk unplugged');
    expect(await readdir(folder)).toEqual([good.id]);
    await expect(createBackupFolder(folder).list()).resolves.toEqual([good]);
  });

  it('uses a temporary file then a rename, so a reader never sees half a backup', async () => {
    const seen: string[] = [];
    const backups = createBackupFolder(folder, async (path, data) => {
      await writeFileAtomic(path, data, () => 'watch');
      seen.push(...(await readdir(folder)));
    });
    await backups.write(request(0));
    expect(seen.some((name) => name.endsWith('.tmp'))).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['a parent folder', '../secrets.json'],
    [
      'a backup name behind a parent folder',
      '../pursuit-backup_2026-11-27_1_scheduled_1_0.1.0_a.json',
    ],
    ['an absolute path', '/etc/passwd'],
    ['a Windows path', 'C:\\Windows\\win.ini'],
    ['another file in the folder', 'notes.txt'],
    ['an empty name', ''],
    ['a NUL byte', 'pursuit-backup_2026-11-27_1_scheduled_1_0.1.0_a.json\u0000'],
  ])('refuses %s', async (_label, name) => {
    await writeFile(join(root, 'secrets.json'), 'secret');
    const backups = createBackupFolder(folder);
    await expect(backups.read(name)).rejects.toThrow(BackupPathRefusedError);
    await expect(backups.remove(name)).rejects.toThrow(BackupPathRefusedError);
    expect(() => backupPath(folder, name)).toThrow(BackupPathRefusedError);
    expect(await readFile(join(root, 'secrets.json'), 'utf8')).toBe('secret');
  });
});
