/**
 * Browser storage for the database: ask once for persistent storage (so the browser does not
 * evict the data under pressure) and report how much is used.
 */
export interface StorageStatus {
  readonly persisted: boolean | null;
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
}

export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = navigator.storage;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted() : Promise.resolve(null),
    storage?.estimate ? storage.estimate() : Promise.resolve(null),
  ]);
  return {
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
  };
}
