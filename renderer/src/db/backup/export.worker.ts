/**
 * Writes a backup of the app's database off the window's thread. Reading 270,000 records out of
 * IndexedDB (the browser turns each stored value back into an object on the thread that asked)
 * and writing them as JSON takes seconds on a large portfolio; here the window stays free to
 * draw and answer the user meanwhile, and only receives the text, piece by piece, as it is
 * written.
 *
 * It opens its own connection to the database, as the health worker does, and closes it when the
 * backup is written: the worker lives for one backup.
 */
import { PursuitDatabase } from '@renderer/db/database';
import { writeBackupPieces } from '@renderer/db/repositories/backup';
import type { ExportReply, ExportRequest } from '@renderer/db/backup/protocol';

function reply(message: ExportReply): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<ExportRequest>) => {
  const { dbName, meta } = event.data;
  const db = new PursuitDatabase(dbName);
  // Pieces wait for the progress that follows them, so each message carries both.
  let texts: string[] = [];
  const send = (share: number) => {
    reply({ type: 'pieces', texts, share });
    texts = [];
  };
  let share = 0;
  // Nothing here draws, so the writer runs without yielding.
  writeBackupPieces(db, meta, (text) => texts.push(text), {
    onProgress: (progress) => {
      share = progress.share;
      send(share);
    },
    yieldBetweenSteps: false,
  })
    .then((records) => {
      send(share);
      reply({ type: 'done', records });
    })
    .catch((error: unknown) =>
      reply({
        type: 'error',
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
      }),
    )
    .finally(() => db.close());
});
