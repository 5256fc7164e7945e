import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type RandomSuffix = () => string;

const defaultSuffix: RandomSuffix = () => randomBytes(8).toString('hex');

/**
 * A file being written in pieces that appears under its name only when it is complete: the
 * pieces go to a temporary file in the same folder, and `commit` flushes it to disk and renames
 * it over the target (same file system, so the rename is atomic). Until then the target is
 * untouched; `discard` removes the temporary file.
 */
export interface AtomicFile {
  readonly targetPath: string;
  /** Appends `data` (text as UTF-8); resolves once all of it is handed to the file system. */
  write(data: string | Uint8Array): Promise<void>;
  /** Flushes, closes and renames the temporary file to the target; removes it if that fails. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; safe to call at any time, more than once. */
  discard(): Promise<void>;
}

/**
 * Creates the temporary file next to `targetPath`. The 'wx' flag fails instead of following a
 * file (or symlink) that already has the temporary name.
 */
export async function openAtomicFile(
  targetPath: string,
  randomSuffix: RandomSuffix = defaultSuffix,
): Promise<AtomicFile> {
  const tempPath = join(dirname(targetPath), `.pursuit-${randomSuffix()}.tmp`);
  const handle = await open(tempPath, 'wx');
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const discard = async (): Promise<void> => {
    try {
      await close();
    } finally {
      await rm(tempPath, { force: true });
    }
  };
  return {
    targetPath,
    // A handle's writeFile writes from the current position and loops until all is written.
    write: (data) => handle.writeFile(data),
    async commit() {
      try {
        await handle.sync();
        await close();
        await rename(tempPath, targetPath);
      } catch (error) {
        await discard().catch(() => undefined);
        throw error;
      }
    },
    discard,
  };
}

/**
 * Writes `data` to `targetPath` so that the file is either the old one or the complete new one,
 * never a half-written mix (see `openAtomicFile`).
 */
export async function writeFileAtomic(
  targetPath: string,
  data: string | Uint8Array,
  randomSuffix: RandomSuffix = defaultSuffix,
): Promise<void> {
  const file = await openAtomicFile(targetPath, randomSuffix);
  try {
    await file.write(data);
  } catch (error) {
    await file.discard().catch(() => undefined);
    throw error;
  }
  await file.commit();
}
