import type { BackupMeta } from '@shared/backup/format';

/** The window asks the export worker for a backup of the database named `dbName`. */
export interface ExportRequest {
  readonly dbName: string;
  readonly meta: BackupMeta;
}

/**
 * The worker's answers, in order: the file's text in pieces (each with the share of the file
 * written so far, 0 to 1), then the record count, or why it failed (`name` kept so a full disk or
 * a closed database is still recognised in the window). The text comes in pieces of at most a few
 * thousand records so the window takes each in a moment; one message with the whole text of a
 * large portfolio (over 100 million characters) held the window for seconds while it was copied.
 */
export type ExportReply =
  | { readonly type: 'pieces'; readonly texts: readonly string[]; readonly share: number }
  | { readonly type: 'done'; readonly records: number }
  | { readonly type: 'error'; readonly name: string; readonly message: string };
