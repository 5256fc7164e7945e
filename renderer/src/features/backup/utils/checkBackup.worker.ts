/**
 * Checks a backup file off the UI thread: decoding, JSON parsing and validating every record of
 * a large portfolio take seconds, during which the window must stay responsive.
 */
import { checkBackupBytes } from '@renderer/features/backup/utils/checkBackupBytes';

self.addEventListener('message', (event: MessageEvent<Uint8Array>) => {
  self.postMessage(checkBackupBytes(event.data));
});
