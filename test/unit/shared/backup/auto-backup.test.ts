import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUTO_BACKUP_REASONS,
  autoBackupFileName,
  parseAutoBackupFileName,
} from '@shared/backup/auto-backup';
import { addDays, parsePlanDate } from '@shared/domain/dates';
import { fileNameProblem } from '@shared/ipc/file-name';

const stamp = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/),
  createdAt: fc.integer({ min: 0, max: 4102444800000 }),
  day: fc.integer({ min: -3000, max: 3000 }).map((n) => addDays(parsePlanDate('2026-11-27'), n)),
  reason: fc.constantFrom(...AUTO_BACKUP_REASONS),
  records: fc.integer({ min: 0, max: 999_999_999 }),
  appVersion: fc.stringMatching(/^[0-9A-Za-z.+-]{1,40}$/).filter((v) => !v.includes('..')),
});

describe('automatic backup file names', () => {
  it('carry everything the list shows, and read back the same', () => {
    fc.assert(
      fc.property(stamp, fc.nat(), (info, bytes) => {
        const name = autoBackupFileName(info);
        expect(parseAutoBackupFileName(name, bytes)).toEqual({ ...info, id: name, bytes });
        // Always a plain, portable file name.
        expect(fileNameProblem(name)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('reads a known name, and nothing else', () => {
    const name = 'pursuit-backup_2026-11-27_1764237600000_before_restore_12_0.1.0_a-1.json';
    expect(parseAutoBackupFileName(name, 10)).toEqual({
      id: name,
      createdAt: 1764237600000,
      day: '2026-11-27',
      reason: 'before_restore',
      records: 12,
      bytes: 10,
      appVersion: '0.1.0',
    });
    for (const other of [
      'notes.txt',
      '.pursuit-0a1b.tmp',
      name.replace('2026-11-27', '2026-02-30'),
      name.replace('before_restore', 'whenever'),
      `../${name}`,
      `${name}.bak`,
    ]) {
      expect(parseAutoBackupFileName(other, 0)).toBeNull();
    }
  });

  it('refuses an id or version that cannot be part of a file name', () => {
    const info = {
      id: '../x',
      createdAt: 1,
      day: parsePlanDate('2026-11-27'),
      reason: 'scheduled' as const,
      records: 0,
      appVersion: '0.1.0',
    };
    expect(() => autoBackupFileName(info)).toThrow(/file name/);
  });
});
