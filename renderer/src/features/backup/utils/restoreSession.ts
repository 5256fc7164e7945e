import type { Portfolio } from '@shared/domain/tables';
import type { PursuitDatabase } from '@renderer/db/database';
import type { LoadProgress } from '@renderer/db/repositories/portfolio-load';
import { restoreBackup } from '@renderer/db/repositories/backup';
import { undoStack } from '@renderer/db/undo';
import { checkBackupBytes } from '@renderer/features/backup/utils/checkBackupBytes';
import type {
  RestoreCheck,
  RestoreReply,
  RestoreRequest,
} from '@renderer/features/backup/utils/restoreProtocol';

export type { RestoreCheck };

/** A restore failure from the worker, carrying the original error's name (`QuotaExceededError`…). */
export class RestoreWorkerError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** One backup file on its way to a restore: checked first, written on confirmation. */
export interface RestoreSession {
  /** The verdict on the file; `ready` means `restore` may be called. */
  readonly check: RestoreCheck;
  /**
   * Replaces all data of `db` with the checked backup in one transaction (all or nothing), with
   * progress; the session's checked records are written as they were checked, never re-read.
   */
  restore(db: PursuitDatabase, onProgress?: (progress: LoadProgress) => void): Promise<void>;
  /** Lets the checked records go. */
  close(): void;
}

function checkInPage(bytes: Uint8Array): RestoreSession {
  const outcome = checkBackupBytes(bytes);
  let portfolio: Portfolio | null = null;
  let check: RestoreCheck;
  if (outcome.kind === 'notText') check = { kind: 'notText' };
  else if (!outcome.result.ok) {
    check = { kind: 'invalid', errors: outcome.result.errors, truncated: outcome.result.truncated };
  } else {
    portfolio = outcome.result.portfolio;
    check = { kind: 'ready', summary: outcome.result.summary };
  }
  return {
    check,
    async restore(db, onProgress) {
      if (portfolio === null) throw new Error('No checked backup to restore');
      await restoreBackup(db, portfolio, onProgress);
    },
    close() {
      portfolio = null;
    },
  };
}

/**
 * Checks a chosen backup file for a restore in a Web Worker (`restore.worker.ts`), which keeps
 * the checked records and later writes them itself, so neither the check nor the write of a large
 * file holds the window: the window only receives the summary and progress. Where a worker cannot
 * start (a test environment, a policy that blocks it) the same check and write run in the page.
 */
export function openRestoreSession(bytes: Uint8Array): Promise<RestoreSession> {
  if (typeof Worker === 'undefined') return Promise.resolve(checkInPage(bytes));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(checkInPage(bytes));
  }
  /** Whoever waits for the worker's next answer (the check, then the write). */
  let listener: ((reply: RestoreReply) => void) | null = null;
  let broken: (() => void) | null = null;
  worker.addEventListener('message', (event: MessageEvent<RestoreReply>) => listener?.(event.data));
  const onBroken = () => broken?.();
  worker.addEventListener('messageerror', onBroken);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onBroken();
  });
  const close = () => {
    listener = null;
    broken = null;
    worker.terminate();
  };
  return new Promise<RestoreSession>((resolve) => {
    // The worker could not run at all: the page checks the file itself.
    broken = () => {
      close();
      resolve(checkInPage(bytes));
    };
    listener = (reply) => {
      if (reply.type !== 'checked') return;
      broken = null;
      listener = null;
      if (reply.check.kind !== 'ready') worker.terminate();
      resolve({
        check: reply.check,
        restore: (db, onProgress) =>
          new Promise<void>((done, failed) => {
            broken = () => {
              close();
              failed(new Error('the restore stopped unexpectedly'));
            };
            listener = (answer) => {
              if (answer.type === 'progress') onProgress?.(answer.progress);
              else if (answer.type === 'restored') {
                close();
                // The history described data that is gone (the worker cleared only its own).
                undoStack.clear();
                done();
              } else if (answer.type === 'error') {
                close();
                failed(new RestoreWorkerError(answer.name, answer.message));
              }
            };
            const request: RestoreRequest = { type: 'restore', dbName: db.name };
            worker.postMessage(request);
          }),
        close,
      });
    };
    // Copied, not transferred: the page keeps the bytes in case it has to check them itself.
    const request: RestoreRequest = { type: 'check', bytes };
    worker.postMessage(request);
  });
}
