/**
 * Which automatic backups to keep. The rule, from newest to oldest:
 * - the newest `KEEP_AT_LEAST` backups, whatever their age (so a user who works once a month
 *   still has ten to go back to);
 * - today's newest `KEEP_TODAY`;
 * - for each of the `KEEP_DAYS` days before today, that day's newest one.
 * Every other backup is deleted. Days are the user's local calendar days, passed in as
 * `YYYY-MM-DD` (the caller knows the time zone; this module does not read the clock).
 */
import type { PlanDate } from '@shared/domain/dates';
import { addDays } from '@shared/domain/dates';

export const KEEP_AT_LEAST = 10;
export const KEEP_TODAY = 3;
export const KEEP_DAYS = 7;

export interface BackupStamp {
  readonly id: string;
  readonly createdAt: number;
  /** The local day it was made on. */
  readonly day: PlanDate;
}

/** The ids of the backups to delete, given all of them and today's local day. */
export function backupsToDelete(backups: readonly BackupStamp[], today: PlanDate): string[] {
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  const keep = new Set<string>(newestFirst.slice(0, KEEP_AT_LEAST).map((backup) => backup.id));
  newestFirst
    .filter((backup) => backup.day === today)
    .slice(0, KEEP_TODAY)
    .forEach((backup) => keep.add(backup.id));
  for (let back = 1; back <= KEEP_DAYS; back += 1) {
    const day = addDays(today, -back);
    const newest = newestFirst.find((backup) => backup.day === day);
    if (newest !== undefined) keep.add(newest.id);
  }
  return newestFirst.filter((backup) => !keep.has(backup.id)).map((backup) => backup.id);
}
