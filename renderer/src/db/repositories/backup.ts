import { TABLE_NAMES, emptyPortfolio } from '@shared/domain/tables';
import type { Portfolio, TableName } from '@shared/domain/tables';
import { BACKUP_FOOTER, backupHeader, perTable, tablePieces } from '@shared/backup/format';
import type { BackupMeta } from '@shared/backup/format';
import type { PursuitDatabase } from '@renderer/db/database';
import { replaceAllData } from '@renderer/db/repositories/portfolio-load';
import type { LoadProgress } from '@renderer/db/repositories/portfolio-load';

export interface ExportProgress {
  /**
   * How much of the backup is written, from 0 to 1. Tables are read in order and each is written
   * as soon as it arrives, so this counts the finished tables and the records written of the
   * current one (the sizes of the tables still to come are not known: counting them first would
   * read the whole database twice).
   */
  readonly share: number;
}

export interface ExportOptions {
  readonly onProgress?: (progress: ExportProgress) => void;
  /** Records written between two yields to the event loop (the UI repaints in between). */
  readonly recordsPerStep?: number;
  /**
   * Whether to yield to the event loop between steps (default true). A worker, which draws
   * nothing, writes straight through.
   */
  readonly yieldBetweenSteps?: boolean;
}

/** A backup file's text and how many records it holds. */
export interface WrittenBackup {
  readonly text: string;
  readonly records: number;
}

/**
 * Lets the browser run pending work (a repaint, a click) before the next step. A message
 * channel, unlike a zero timeout, is not clamped to 4 ms after a few nested calls.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Every table of the database, in `TABLE_NAMES` order, from one read-only transaction (so a
 * write from another window lands entirely before or entirely after it), handed out as each
 * arrives: `next(t)` resolves to table `t`'s rows once IndexedDB has delivered them and forgets
 * them, so a caller working through the tables in order holds only what it has not processed.
 *
 * This reads with IndexedDB's own `getAll`, under Dexie's connection: for the whole database
 * it is about twice as fast as Dexie's `toArray` (measured on the 2,000-deal benchmark
 * portfolio). All the requests are made at once, so IndexedDB reads the next tables while the
 * caller is still busy with the first ones.
 */
async function readTables(db: PursuitDatabase): Promise<(table: number) => Promise<unknown[]>> {
  await db.open();
  const idb = db.backendDB();
  const arrived: (unknown[] | undefined)[] = [];
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const tell = () => {
    wake?.();
    wake = null;
  };
  const tx = idb.transaction([...TABLE_NAMES], 'readonly');
  TABLE_NAMES.forEach((name, t) => {
    const reading = tx.objectStore(name).getAll();
    reading.onsuccess = () => {
      arrived[t] = reading.result;
      tell();
    };
  });
  tx.onerror = () => {
    failure = tx.error ?? new Error('Reading the database failed');
    tell();
  };
  tx.onabort = () => {
    failure ??= tx.error ?? new Error('Reading the database was interrupted');
    tell();
  };
  return async (table) => {
    for (;;) {
      const rows = arrived[table];
      if (rows !== undefined) {
        arrived[table] = undefined;
        return rows;
      }
      if (failure !== null) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };
}

/** Every table as one consistent snapshot (see `readTables`). */
export async function readAllData(db: PursuitDatabase): Promise<Portfolio> {
  const next = await readTables(db);
  const portfolio = emptyPortfolio();
  for (let t = 0; t < TABLE_NAMES.length; t++) {
    // The rows come from the store declared with this table's record type.
    Object.assign(portfolio, { [TABLE_NAMES[t] as TableName]: await next(t) });
  }
  return portfolio;
}

/** How many records each table holds now, for comparing with a backup before restoring it. */
export async function countAllData(db: PursuitDatabase): Promise<Record<TableName, number>> {
  const counts = await db.transaction('r', db.allTables(), () =>
    Promise.all(TABLE_NAMES.map((name) => db.table(name).count())),
  );
  return perTable((name) => counts[TABLE_NAMES.indexOf(name)] ?? 0);
}

/**
 * The whole database as a backup file (`shared/backup/format.ts`), handed to `onPiece` in order
 * (the header, then each table in pieces of at most `recordsPerStep` records, then the footer);
 * resolves to the number of records written. The data is read in one transaction; each table's
 * text is written as soon as the table arrives, while IndexedDB reads the next ones, in steps that
 * yield to the UI (unless told not to), so a large portfolio shows progress instead of freezing
 * the window. Each table's records are let go once written, so the whole database is never held
 * as objects and as text at once.
 */
export async function writeBackupPieces(
  db: PursuitDatabase,
  meta: BackupMeta,
  onPiece: (text: string) => void,
  options: ExportOptions = {},
): Promise<number> {
  const { onProgress = () => {}, recordsPerStep = 5_000, yieldBetweenSteps = true } = options;
  const next = await readTables(db);
  onPiece(backupHeader(meta));
  let records = 0;
  const tables = TABLE_NAMES.length;
  for (let t = 0; t < tables; t++) {
    const rows = await next(t);
    let done = 0;
    for (const piece of tablePieces(t, rows, recordsPerStep)) {
      onPiece(piece.text);
      if (piece.records === 0) continue;
      done += piece.records;
      onProgress({ share: (t + done / rows.length) / tables });
      if (yieldBetweenSteps) await yieldToEventLoop();
    }
    records += rows.length;
    onProgress({ share: (t + 1) / tables });
  }
  onPiece(BACKUP_FOOTER);
  return records;
}

/** The whole database as a backup file's text and its number of records (see `writeBackupPieces`). */
export async function writeBackup(
  db: PursuitDatabase,
  meta: BackupMeta,
  options: ExportOptions = {},
): Promise<WrittenBackup> {
  const parts: string[] = [];
  const records = await writeBackupPieces(db, meta, (text) => parts.push(text), options);
  return { text: parts.join(''), records };
}

/** The whole database as the text of a backup file (see `writeBackup`). */
export async function exportBackup(
  db: PursuitDatabase,
  meta: BackupMeta,
  options: ExportOptions = {},
): Promise<string> {
  return (await writeBackup(db, meta, options)).text;
}

/**
 * Replaces all data with a backup's portfolio — one that `parseBackup` accepted — in one
 * transaction: every record of the backup lands, or (on a full disk, a closed window, any
 * failure) the data stays exactly as it was. The undo history is cleared: it described data
 * that is gone.
 */
export async function restoreBackup(
  db: PursuitDatabase,
  portfolio: Portfolio,
  onProgress: (progress: LoadProgress) => void = () => {},
): Promise<void> {
  await replaceAllData(db, portfolio, onProgress);
}
