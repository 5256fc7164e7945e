import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  autoBackupFileName,
  parseAutoBackupFileName,
  type AutoBackupInfo,
} from '@shared/backup/auto-backup';
import { backupsToDelete } from '@shared/backup/retention';
import type { BackupWriteRequest } from '@shared/ipc/contract';
import { writeFileAtomic as defaultWriteFileAtomic } from './atomic-write';

/** Thrown for a name that is not one automatic backup file directly inside the folder. */
export class BackupPathRefusedError extends Error {
  constructor(name: string) {
    super(`"${name.slice(0, 120)}" is not an automatic backup file in the backups folder.`);
    this.name = 'BackupPathRefusedError';
  }
}

/** The automatic backups kept as files, on desktop, in one folder (`<userData>/backups`). */
export interface BackupFolder {
  readonly path: string;
  /** Writes a backup file atomically, then deletes what the retention rule no longer keeps. */
  write(request: BackupWriteRequest): Promise<AutoBackupInfo>;
  /** Every automatic backup file in the folder, newest first; other files are left alone. */
  list(): Promise<AutoBackupInfo[]>;
  /** The text of one backup, or null when it no longer exists. */
  read(name: string): Promise<string | null>;
  /** Deletes one backup; false when it did not exist. */
  remove(name: string): Promise<boolean>;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/**
 * The full path of backup `name` inside `folder`, or a refusal: only names of the backup file
 * format are accepted, and the resolved path must sit directly in the folder (so "..", absolute
 * paths and separators can never reach another file, whatever the renderer sends).
 */
export function backupPath(folder: string, name: string): string {
  if (parseAutoBackupFileName(name, 0) === null) throw new BackupPathRefusedError(name);
  const root = resolve(folder);
  const path = resolve(root, name);
  const rel = relative(root, path);
  if (rel !== name || isAbsolute(rel) || rel.startsWith('..') || dirname(path) !== root) {
    throw new BackupPathRefusedError(name);
  }
  return path;
}

export function createBackupFolder(
  folder: string,
  writeFileAtomic: (path: string, data: string) => Promise<void> = defaultWriteFileAtomic,
): BackupFolder {
  const root = resolve(folder);

  async function list(): Promise<AutoBackupInfo[]> {
    let names: string[];
    try {
      names = await readdir(root);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const found: AutoBackupInfo[] = [];
    for (const name of names) {
      if (parseAutoBackupFileName(name, 0) === null) continue;
      try {
        const info = await stat(join(root, name));
        if (!info.isFile()) continue;
        const parsed = parseAutoBackupFileName(name, info.size);
        if (parsed !== null) found.push(parsed);
      } catch (error) {
        // Deleted between the listing and the stat: it is simply not there any more.
        if (!isMissing(error)) throw error;
      }
    }
    return found.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  }

  async function remove(name: string): Promise<boolean> {
    const path = backupPath(root, name);
    try {
      await rm(path);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  return {
    path: root,
    list,
    remove,
    async write(request) {
      const { text, ...stamp } = request;
      const name = autoBackupFileName(stamp);
      const path = backupPath(root, name);
      await mkdir(root, { recursive: true });
      await writeFileAtomic(path, text);
      const written = parseAutoBackupFileName(name, (await stat(path)).size);
      if (written === null) throw new BackupPathRefusedError(name);
      const doomed = backupsToDelete(await list(), request.day);
      for (const id of doomed) await remove(id);
      return written;
    },
    async read(name) {
      const path = backupPath(root, name);
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
  };
}
