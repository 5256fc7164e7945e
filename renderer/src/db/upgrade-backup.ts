import { TABLE_NAMES, emptyPortfolio } from '@shared/domain/tables';
import type { Portfolio } from '@shared/domain/tables';

/**
 * Opens the database `name` at the version it is stored in, without creating or upgrading it
 * (opening without a version never upgrades; a database that does not exist yet would be created,
 * so that creation is aborted). Null when there is no such database.
 */
function openStored(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    let creating = false;
    request.onupgradeneeded = () => {
      creating = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      if (creating) resolve(null);
      else reject(request.error ?? new Error(`The database ${name} could not be opened`));
    };
  });
}

/** Every table the stored database has, read in one transaction (tables it lacks stay empty). */
function readStores(idb: IDBDatabase): Promise<Portfolio> {
  const portfolio = emptyPortfolio();
  const names = TABLE_NAMES.filter((name) => idb.objectStoreNames.contains(name));
  if (names.length === 0) return Promise.resolve(portfolio);
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(names, 'readonly');
    for (const name of names) {
      const reading = tx.objectStore(name).getAll();
      reading.onsuccess = () => {
        const rows: unknown[] = reading.result;
        Object.assign(portfolio, { [name]: rows });
      };
    }
    tx.oncomplete = () => resolve(portfolio);
    tx.onerror = () => reject(tx.error ?? new Error('Reading the database failed'));
    tx.onabort = () => reject(tx.error ?? new Error('Reading the database was interrupted'));
  });
}

/** The data of a database that is about to be upgraded, as it is stored now. */
export interface StoredBeforeUpgrade {
  /** The IndexedDB version on disk (Dexie's version × 10). */
  readonly storedVersion: number;
  readonly portfolio: Portfolio;
}

/**
 * Before the app opens its database with a newer schema than the one on disk (which upgrades it
 * for good), reads the data as it is stored: `save` keeps it as an automatic backup, and only when
 * that succeeded does the caller open (and so upgrade) the database. Returns null — and calls
 * nothing — when there is no database yet or it is already at `codeVersion` (the IndexedDB
 * version the code declares, `Math.round(db.verno * 10)` for Dexie).
 */
export async function backupBeforeUpgrade(
  name: string,
  codeVersion: number,
  save: (stored: StoredBeforeUpgrade) => Promise<unknown>,
): Promise<StoredBeforeUpgrade | null> {
  const idb = await openStored(name);
  if (idb === null) return null;
  let stored: StoredBeforeUpgrade;
  try {
    if (idb.version >= codeVersion) return null;
    stored = { storedVersion: idb.version, portfolio: await readStores(idb) };
  } finally {
    // Closed before the upgrade, which would otherwise wait for this connection.
    idb.close();
  }
  await save(stored);
  return stored;
}
