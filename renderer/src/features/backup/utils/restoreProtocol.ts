import type { BackupError, BackupSummary } from '@shared/backup/format';
import type { LoadProgress } from '@renderer/db/repositories/portfolio-load';

/** What checking a backup file for restore gave, without its records (they stay where checked). */
export type RestoreCheck =
  | { readonly kind: 'notText' }
  | {
      readonly kind: 'invalid';
      readonly errors: readonly BackupError[];
      readonly truncated: boolean;
    }
  | { readonly kind: 'ready'; readonly summary: BackupSummary };

/** The window's requests to the restore worker: check these bytes, then write what was checked. */
export type RestoreRequest =
  | { readonly type: 'check'; readonly bytes: Uint8Array }
  | { readonly type: 'restore'; readonly dbName: string };

/** The worker's answers; `name` keeps a failure recognisable (a full disk) in the window. */
export type RestoreReply =
  | { readonly type: 'checked'; readonly check: RestoreCheck }
  | { readonly type: 'progress'; readonly progress: LoadProgress }
  | { readonly type: 'restored' }
  | { readonly type: 'error'; readonly name: string; readonly message: string };
