import { TABLE_NAMES } from '@shared/domain/tables';
import type { Portfolio, TableName } from '@shared/domain/tables';
import type { PursuitDatabase } from '@renderer/db/database';
import { undoStack } from '@renderer/db/undo';

export interface LoadProgress {
  readonly table: TableName;
  readonly done: number;
  readonly total: number;
}

/** Rows written per `bulkAdd`: large enough to stay close to a bare bulk load, small enough to report progress. */
const CHUNK = 5_000;

/**
 * Replaces the whole database with `portfolio` (the sample and benchmark portfolios, and a
 * validated restore) in one transaction: all of it lands, or nothing changes. Progress is reported
 * after each chunk. One chunk is always queued behind the one being written, so the database never
 * waits for the page between chunks, while the page still gets a turn between chunks to paint the
 * progress (queuing every row at once would block it for the whole load).
 */
export async function replaceAllData(
  db: PursuitDatabase,
  portfolio: Portfolio,
  onProgress: (progress: LoadProgress) => void = () => {},
): Promise<void> {
  const total = TABLE_NAMES.reduce((sum, name) => sum + portfolio[name].length, 0);
  let done = 0;
  await db.transaction('rw!', db.allTables(), async () => {
    for (const name of TABLE_NAMES) await db.table(name).clear();
    let previous: Promise<void> | null = null;
    for (const name of TABLE_NAMES) {
      const rows = portfolio[name];
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        const written = db
          .table(name)
          .bulkAdd(chunk)
          .then(() => {
            done += chunk.length;
            onProgress({ table: name, done, total });
          });
        // If an earlier chunk fails, the transaction aborts and this one is rejected unawaited.
        written.catch(() => undefined);
        if (previous) await previous;
        previous = written;
      }
    }
    if (previous) await previous;
  });
  // The history described data that is gone.
  undoStack.clear();
}
