import { isQuotaError } from '@renderer/db/errors';

/**
 * Whether a write failed on a full disk (or a full browser storage quota) since the user last
 * dismissed the warning, or since a later write succeeded. The shell shows a banner while it is
 * set (`StorageFullBanner`): nothing on screen is thrown away, and exporting a backup, which only
 * reads the database, still works.
 */
let full = false;
const listeners = new Set<() => void>();

function set(value: boolean): void {
  if (full === value) return;
  full = value;
  listeners.forEach((listener) => listener());
}

/**
 * Raises the full-disk banner when `error` is a full disk (bare or wrapped in an abort error, see
 * `isQuotaError`), and says whether it was, so a caller can word its own message too.
 */
export function noticeStorageFull(error: unknown): boolean {
  if (!isQuotaError(error)) return false;
  set(true);
  return true;
}

/** Lowers the banner: the user dismissed it, or a write has succeeded since. */
export function clearStorageFull(): void {
  set(false);
}

export function isStorageFull(): boolean {
  return full;
}

/** Calls `listener` whenever the state changes; returns the unsubscribe. */
export function subscribeStorageFull(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
