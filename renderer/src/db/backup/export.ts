import type { BackupMeta } from '@shared/backup/format';
import type { PursuitDatabase } from '@renderer/db/database';
import { writeBackupPieces } from '@renderer/db/repositories/backup';
import type { ExportOptions, WrittenBackup } from '@renderer/db/repositories/backup';
import type { ExportReply, ExportRequest } from '@renderer/db/backup/protocol';

/** An export failure from the worker, carrying the original error's name (`QuotaExceededError`…). */
export class BackupExportError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** A backup file's text in the pieces it was written in, and how many records it holds. */
export interface BackupPieces {
  /** In order; joined, they are the file's text. */
  readonly pieces: string[];
  readonly records: number;
}

/**
 * The whole database as a backup file, written in a Web Worker (`export.worker.ts`): reading a
 * large database and writing its JSON no longer holds the window, which keeps drawing progress and
 * answering the user; the text arrives in pieces as it is written and is kept in them (a large
 * portfolio's backup is over 100 million characters: a file saved in pieces never needs it as
 * one string). Joined, the pieces are the same text as `writeBackup` gives in the page, byte for
 * byte (the worker runs that very function on its own connection). Where no worker can start (a
 * test environment, a policy that blocks it) the same export runs in the page, yielding between
 * steps.
 */
export function writeBackupPiecesOffThread(
  db: PursuitDatabase,
  meta: BackupMeta,
  options: Pick<ExportOptions, 'onProgress'> = {},
): Promise<BackupPieces> {
  const inPage = async (): Promise<BackupPieces> => {
    const pieces: string[] = [];
    const records = await writeBackupPieces(db, meta, (text) => pieces.push(text), options);
    return { pieces, records };
  };
  if (typeof Worker === 'undefined') return inPage();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inPage();
  }
  return new Promise<BackupPieces>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      outcome();
    };
    // The worker could not start or run its code at all: the page does the export itself.
    const fallBack = () =>
      finish(() => {
        inPage().then(resolve, reject);
      });
    const parts: string[] = [];
    worker.addEventListener('message', (event: MessageEvent<ExportReply>) => {
      const reply = event.data;
      if (settled) return;
      if (reply.type === 'pieces') {
        parts.push(...reply.texts);
        options.onProgress?.({ share: reply.share });
      } else if (reply.type === 'done') {
        finish(() => resolve({ pieces: parts, records: reply.records }));
      } else {
        finish(() => reject(new BackupExportError(reply.name, reply.message)));
      }
    });
    worker.addEventListener('messageerror', fallBack);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fallBack();
    });
    const request: ExportRequest = { dbName: db.name, meta };
    worker.postMessage(request);
  });
}

/** The whole database as a backup file's text, written off the window's thread (see above). */
export async function writeBackupOffThread(
  db: PursuitDatabase,
  meta: BackupMeta,
  options: Pick<ExportOptions, 'onProgress'> = {},
): Promise<WrittenBackup> {
  const { pieces, records } = await writeBackupPiecesOffThread(db, meta, options);
  return { text: pieces.join(''), records };
}
