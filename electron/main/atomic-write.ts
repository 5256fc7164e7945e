import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes `data` to `targetPath` so that the file is either the old one or the complete new one,
 * never a half-written mix: the bytes go to a temporary file in the same folder (same file
 * system, so the rename is atomic), are flushed to disk, and only then replace the target.
 */
export async function writeFileAtomic(
  targetPath: string,
  data: string | Uint8Array,
  randomSuffix: () => string = () => randomBytes(8).toString('hex'),
): Promise<void> {
  const tempPath = join(dirname(targetPath), `.pursuit-${randomSuffix()}.tmp`);
  // 'wx' fails instead of following a file (or symlink) that already has this name.
  const handle = await open(tempPath, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, targetPath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}
