import { useSyncExternalStore } from 'react';
import { isStorageFull, subscribeStorageFull } from '@renderer/db/storage-full';

/** Whether a write failed on a full disk and the warning is still up (`db/storage-full.ts`). */
export function useStorageFull(): boolean {
  return useSyncExternalStore(subscribeStorageFull, isStorageFull, isStorageFull);
}
