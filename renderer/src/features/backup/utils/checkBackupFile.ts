import { checkBackupBytes } from '@renderer/features/backup/utils/checkBackupBytes';
import type { BackupFileCheck } from '@renderer/features/backup/utils/checkBackupBytes';

/**
 * Checks a chosen backup file in a Web Worker, so the window keeps repainting while a large file
 * is parsed and validated. Where a worker cannot start (a test environment, a policy that blocks
 * it) the same check runs in the page: slower to feel, identical in result.
 */
export function checkBackupFile(bytes: Uint8Array): Promise<BackupFileCheck> {
  if (typeof Worker === 'undefined') return Promise.resolve(checkBackupBytes(bytes));
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./checkBackup.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(checkBackupBytes(bytes));
      return;
    }
    const inPage = () => {
      worker.terminate();
      resolve(checkBackupBytes(bytes));
    };
    worker.addEventListener('message', (event: MessageEvent<BackupFileCheck>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener('messageerror', inPage);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      inPage();
    });
    // Copied, not transferred: the page keeps the bytes in case it has to check them itself.
    worker.postMessage(bytes);
  });
}
