/**
 * What an automatic backup is, wherever it is kept (the browser's backup store or, on desktop,
 * a file in the app's data folder), and how a backup file's name carries what the list shows:
 * `pursuit-backup_<day>_<createdAt ms>_<reason>_<records>_<app version>_<id>.json`. The name is
 * the whole record, so the folder needs no index that could disagree with the files in it.
 */
import { isPlanDate, type PlanDate } from '@shared/domain/dates';

export const AUTO_BACKUP_REASONS = [
  'scheduled',
  'before_restore',
  'before_demo',
  'before_import',
  'before_upgrade',
  'on_quit',
] as const;

/** Why an automatic backup was made; Settings shows it beside each one. */
export type AutoBackupReason = (typeof AUTO_BACKUP_REASONS)[number];

/** What the list of automatic backups shows; the backup's text is kept apart from it. */
export interface AutoBackupInfo {
  /** The store's key; on desktop, the backup's file name. */
  readonly id: string;
  readonly createdAt: number;
  /** The user's local day it was made on (the retention rule counts days). */
  readonly day: PlanDate;
  readonly reason: AutoBackupReason;
  readonly records: number;
  readonly bytes: number;
  readonly appVersion: string;
}

export const AUTO_BACKUP_FILE_PREFIX = 'pursuit-backup';

const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
const VERSION_PATTERN = /^[0-9A-Za-z.+-]{1,40}$/;
const FILE_NAME_PATTERN = new RegExp(
  `^${AUTO_BACKUP_FILE_PREFIX}_(\\d{4}-\\d{2}-\\d{2})_(\\d{1,15})_(${AUTO_BACKUP_REASONS.join('|')})_(\\d{1,9})_([0-9A-Za-z.+-]{1,40})_([A-Za-z0-9-]{1,64})\\.json$`,
);

/** True when `id` and `appVersion` can be written into a backup file name as they are. */
export function isFileSafeStamp(id: string, appVersion: string): boolean {
  return ID_PATTERN.test(id) && VERSION_PATTERN.test(appVersion);
}

/** The file name of a backup described by `info` (its `bytes` are the file's own size). */
export function autoBackupFileName(info: Omit<AutoBackupInfo, 'bytes'>): string {
  if (!isFileSafeStamp(info.id, info.appVersion)) {
    throw new Error(`An automatic backup's id or version cannot be part of a file name.`);
  }
  return [
    AUTO_BACKUP_FILE_PREFIX,
    info.day,
    String(Math.trunc(info.createdAt)),
    info.reason,
    String(Math.trunc(info.records)),
    info.appVersion,
    `${info.id}.json`,
  ].join('_');
}

/**
 * What a backup file's name says about it, with the name as its id; null for any other file
 * (a temporary file, something the user put in the folder).
 */
export function parseAutoBackupFileName(name: string, bytes: number): AutoBackupInfo | null {
  const match = FILE_NAME_PATTERN.exec(name);
  if (match === null) return null;
  const [, day, createdAt, reason, records, appVersion] = match;
  if (!isPlanDate(day)) return null;
  return {
    id: name,
    createdAt: Number(createdAt),
    day,
    reason: reason as AutoBackupReason,
    records: Number(records),
    bytes,
    appVersion: appVersion ?? '',
  };
}
