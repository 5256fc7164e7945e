/**
 * Checks a backup file and, once the user confirms, writes it, both off the window's thread. The
 * checked records stay here between the two: handing a large portfolio (270,000 records) to the
 * window and having the window write it meant copying every record twice more on the thread that
 * draws, which froze it for seconds; here the window receives only the summary and progress.
 */
import type { Portfolio } from '@shared/domain/tables';
import { PursuitDatabase } from '@renderer/db/database';
import { isQuotaError } from '@renderer/db/errors';
import { replaceAllData } from '@renderer/db/repositories/portfolio-load';
import { checkBackupBytes } from '@renderer/features/backup/utils/checkBackupBytes';
import type { RestoreReply, RestoreRequest } from '@renderer/features/backup/utils/restoreProtocol';

let checked: Portfolio | null = null;

function reply(message: RestoreReply): void {
  self.postMessage(message);
}

function fail(error: unknown): void {
  reply({
    type: 'error',
    // A full disk may come wrapped in an abort error; the window needs to know it as such.
    name: isQuotaError(error)
      ? 'QuotaExceededError'
      : error instanceof Error
        ? error.name
        : 'Error',
    message: error instanceof Error ? error.message : String(error),
  });
}

self.addEventListener('message', (event: MessageEvent<RestoreRequest>) => {
  const request = event.data;
  if (request.type === 'check') {
    const outcome = checkBackupBytes(request.bytes);
    if (outcome.kind === 'notText') {
      reply({ type: 'checked', check: { kind: 'notText' } });
    } else if (!outcome.result.ok) {
      const { errors, truncated } = outcome.result;
      reply({ type: 'checked', check: { kind: 'invalid', errors, truncated } });
    } else {
      checked = outcome.result.portfolio;
      reply({ type: 'checked', check: { kind: 'ready', summary: outcome.result.summary } });
    }
    return;
  }
  const portfolio = checked;
  if (portfolio === null) {
    fail(new Error('No checked backup to restore'));
    return;
  }
  const db = new PursuitDatabase(request.dbName);
  replaceAllData(db, portfolio, (progress) => reply({ type: 'progress', progress }))
    .then(() => reply({ type: 'restored' }), fail)
    .finally(() => db.close());
});
