import Dexie, { liveQuery } from 'dexie';
import type { Table } from 'dexie';
import type { AutoBackupInfo, AutoBackupReason } from '@shared/backup/auto-backup';
import { backupsToDelete } from '@shared/backup/retention';
import type { PlanDate } from '@shared/domain/dates';
import type { PursuitDatabase } from '@renderer/db/database';
import { writeBackupOffThread } from '@renderer/db/backup/export';
import type { ExportProgress } from '@renderer/db/repositories/backup';
import type { AutoBackupStorage } from '@renderer/platform/platform';

export type { AutoBackupInfo, AutoBackupReason };

interface AutoBackupText {
  readonly id: string;
  readonly text: string;
}

/**
 * The app's own store of automatic backups: a database of its own beside the data, so clearing
 * or restoring the data never touches it. Each backup is the same JSON text as an exported
 * backup file, so restoring one goes through the same checks as restoring a file.
 */
export class AutoBackupStore extends Dexie {
  declare backups: Table<AutoBackupInfo, string>;
  declare texts: Table<AutoBackupText, string>;

  constructor(name = 'pursuit-backups') {
    super(name);
    this.version(1).stores({ backups: 'id, createdAt', texts: 'id' });
  }
}

let store: AutoBackupStore | null = null;

/** The window's automatic-backup store, opened on first use. */
export function getAutoBackupStore(): AutoBackupStore {
  store ??= new AutoBackupStore();
  return store;
}

/** Every automatic backup, newest first. */
export async function listAutoBackups(backups: AutoBackupStore): Promise<AutoBackupInfo[]> {
  return (await backups.backups.orderBy('createdAt').reverse().toArray()) as AutoBackupInfo[];
}

/** The text of one automatic backup, or null if it was deleted meanwhile. */
export async function readAutoBackup(backups: AutoBackupStore, id: string): Promise<string | null> {
  return (await backups.texts.get(id))?.text ?? null;
}

export interface SaveAutoBackupInput {
  readonly id: string;
  readonly reason: AutoBackupReason;
  readonly createdAt: number;
  readonly day: PlanDate;
  readonly appVersion: string;
  readonly onProgress?: (progress: ExportProgress) => void;
}

/**
 * Writes a backup of all data to where this platform keeps automatic backups (the store below in
 * a browser, files on desktop), which then deletes the ones the retention rule
 * (`shared/backup/retention.ts`) no longer keeps.
 */
export async function saveAutoBackup(
  db: PursuitDatabase,
  storage: AutoBackupStorage,
  input: SaveAutoBackupInput,
): Promise<AutoBackupInfo> {
  // The records are counted as they are written: the count is the file's, with no second read.
  // Written in a worker, so a backup of a large database does not freeze the window.
  const { text, records } = await writeBackupOffThread(
    db,
    { appVersion: input.appVersion, createdAt: input.createdAt },
    input.onProgress ? { onProgress: input.onProgress } : {},
  );
  const { id, reason, createdAt, day, appVersion } = input;
  return storage.store({ id, reason, createdAt, day, appVersion, records }, text);
}

/**
 * Stores an already written backup text (of `records` records) as an automatic backup and applies
 * the retention rule, in strict durability: a backup reported saved is on disk.
 */
export async function storeAutoBackup(
  backups: AutoBackupStore,
  input: Omit<SaveAutoBackupInput, 'onProgress'>,
  text: string,
  records: number,
): Promise<AutoBackupInfo> {
  const info: AutoBackupInfo = {
    id: input.id,
    createdAt: input.createdAt,
    day: input.day,
    reason: input.reason,
    records,
    bytes: new Blob([text]).size,
    appVersion: input.appVersion,
  };
  await backups.transaction('rw!', backups.backups, backups.texts, async () => {
    await backups.backups.put(info);
    await backups.texts.put({ id: info.id, text });
    const all = await backups.backups.toArray();
    const doomed = backupsToDelete(all, input.day);
    await backups.backups.bulkDelete(doomed);
    await backups.texts.bulkDelete(doomed);
  });
  return info;
}

/** The browser's automatic backups: the store above, watched with a live query. */
export function createBrowserAutoBackups(
  backups: () => AutoBackupStore = getAutoBackupStore,
): AutoBackupStorage {
  return {
    folder: async () => null,
    list: () => listAutoBackups(backups()),
    watch(listener, onError) {
      const subscription = liveQuery(() => listAutoBackups(backups())).subscribe({
        next: listener,
        error: onError,
      });
      return () => subscription.unsubscribe();
    },
    read: (id) => readAutoBackup(backups(), id),
    store: ({ records, ...input }, text) => storeAutoBackup(backups(), input, text, records),
    async remove(id) {
      const store = backups();
      return store.transaction('rw!', store.backups, store.texts, async () => {
        const found = (await store.backups.get(id)) !== undefined;
        await store.backups.delete(id);
        await store.texts.delete(id);
        return found;
      });
    },
    openFolder: null,
  };
}

/**
 * Calls `listener` whenever data of `db` changes, in this window or another one on the same
 * data (Dexie's own change event, the one live queries use). Returns the unsubscribe.
 */
export function onDataChanged(db: PursuitDatabase, listener: () => void): () => void {
  const prefix = `idb://${db.name}/`;
  const subscriber = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((key) => key.startsWith(prefix))) listener();
  };
  Dexie.on('storagemutated', subscriber);
  return () => Dexie.on('storagemutated').unsubscribe(subscriber);
}
