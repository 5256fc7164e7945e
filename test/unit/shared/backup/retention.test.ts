import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, parsePlanDate } from '@shared/domain/dates';

import { backupsToDelete, KEEP_AT_LEAST, KEEP_DAYS, KEEP_TODAY } from '@shared/backup/retention';
import type { BackupStamp } from '@shared/backup/retention';

const TODAY = parsePlanDate('2026-11-27');
const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 10, 27, 23);

/** A backup `hoursAgo` before the end of today, on the day it falls on (UTC days in the test). */
function stamp(hoursAgo: number): BackupStamp {
  const createdAt = BASE - hoursAgo * HOUR;
  const day = addDays(TODAY, -Math.floor((hoursAgo + 1) / 24));
  return { id: `b${String(hoursAgo).padStart(5, '0')}`, createdAt, day };
}

describe('backupsToDelete', () => {
  it('keeps everything while there are ten or fewer', () => {
    const few = Array.from({ length: KEEP_AT_LEAST }, (_, i) => stamp(i * 100));
    expect(backupsToDelete(few, TODAY)).toEqual([]);
  });

  it('keeps today’s last three, the newest of each of the seven days before, and ten in all', () => {
    // Every hour for 20 days: today's 24 (hours 0–23 ago), then 24 a day back to day −19.
    const hourly = Array.from({ length: 24 * 20 }, (_, i) => stamp(i));
    const deleted = new Set(backupsToDelete(hourly, TODAY));
    const kept = hourly.filter((backup) => !deleted.has(backup.id));
    // The newest ten are all from today (hourly), so the rule for today adds nothing more.
    expect(kept.filter((b) => b.day === TODAY)).toHaveLength(KEEP_AT_LEAST);
    for (let back = 1; back <= KEEP_DAYS; back += 1) {
      const day = addDays(TODAY, -back);
      const ofDay = kept.filter((b) => b.day === day);
      expect(ofDay).toHaveLength(1);
      // …and it is that day's newest.
      const newest = hourly
        .filter((b) => b.day === day)
        .sort((a, b) => b.createdAt - a.createdAt)[0];
      expect(ofDay[0]?.id).toBe(newest?.id);
    }
    expect(kept.filter((b) => b.day < addDays(TODAY, -KEEP_DAYS))).toEqual([]);
  });

  it('keeps today’s three newest even when older days fill the ten', () => {
    const backups = [
      ...Array.from({ length: 5 }, (_, i) => stamp(i)), // today
      ...Array.from({ length: 30 }, (_, i) => stamp(30 + i * 24)), // one a day before
    ];
    const deleted = new Set(backupsToDelete(backups, TODAY));
    const todays = backups.filter((b) => b.day === TODAY && !deleted.has(b.id));
    expect(todays.length).toBeGreaterThanOrEqual(KEEP_TODAY);
  });

  it('laws: never deletes the newest, keeps min(n, 10), is idempotent, deletes only what it was given', () => {
    const arbitrary = fc.uniqueArray(fc.integer({ min: 0, max: 24 * 40 }), { maxLength: 80 });
    fc.assert(
      fc.property(arbitrary, (hours) => {
        const backups = hours.map(stamp);
        const deleted = backupsToDelete(backups, TODAY);
        const ids = new Set(backups.map((b) => b.id));
        expect(deleted.every((id) => ids.has(id))).toBe(true);
        const kept = backups.filter((b) => !deleted.includes(b.id));
        expect(kept.length).toBeGreaterThanOrEqual(Math.min(backups.length, KEEP_AT_LEAST));
        const newest = [...backups].sort((a, b) => b.createdAt - a.createdAt)[0];
        if (newest) expect(deleted).not.toContain(newest.id);
        expect(backupsToDelete(kept, TODAY)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
