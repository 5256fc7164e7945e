/** What kept a file from being written, as far as the user can act on it. */
export type SaveFailure = 'diskFull' | 'permission';

const DISK_FULL = /\b(?:ENOSPC|EDQUOT)\b/;
const PERMISSION = /\b(?:EACCES|EPERM|EROFS)\b/;

/**
 * Recognises a failed desktop save by the system error code main puts in its message (an error
 * crossing IPC keeps only its message); null for any other failure.
 */
export function saveFailureOf(error: unknown): SaveFailure | null {
  const message = error instanceof Error ? error.message : String(error);
  if (DISK_FULL.test(message)) return 'diskFull';
  if (PERMISSION.test(message)) return 'permission';
  return null;
}
