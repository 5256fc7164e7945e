import { useEffect, useState } from 'react';
import type { AutoBackupInfo } from '@renderer/db/auto-backups';
import { getPlatform } from '@renderer/platform/getPlatform';

/**
 * The automatic backups kept, newest first, kept current as backups are made and pruned;
 * `undefined` while loading, and `null` when they could not be listed.
 */
export function useAutoBackupList(): AutoBackupInfo[] | null | undefined {
  const [list, setList] = useState<AutoBackupInfo[] | null | undefined>(undefined);
  useEffect(
    () =>
      getPlatform().autoBackups.watch(
        (backups) => setList(backups),
        () => setList(null),
      ),
    [],
  );
  return list;
}

/** The folder holding the automatic backups (desktop); null in a browser; undefined while loading. */
export function useAutoBackupFolder(): string | null | undefined {
  const [folder, setFolder] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    getPlatform()
      .autoBackups.folder()
      .then(
        (path) => live && setFolder(path),
        () => live && setFolder(null),
      );
    return () => {
      live = false;
    };
  }, []);
  return folder;
}
