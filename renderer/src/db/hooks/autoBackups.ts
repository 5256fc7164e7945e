import { useLiveQuery } from 'dexie-react-hooks';
import type { AutoBackupInfo } from '@renderer/db/auto-backups';
import { getAutoBackupStore, listAutoBackups } from '@renderer/db/auto-backups';

/** The automatic backups kept, newest first; `undefined` while loading. */
export function useAutoBackupList(): AutoBackupInfo[] | undefined {
  return useLiveQuery(() => listAutoBackups(getAutoBackupStore()), []);
}
