import { createHealthRater } from '@shared/health/portfolio';
import { PursuitDatabase } from '@renderer/db/database';
import { createHealthDiff } from '@renderer/db/health/changes';
import { watchHealthInput } from '@renderer/db/health/mirror';
import type { HealthReply, HealthRequest } from '@renderer/db/health/protocol';

/**
 * Rates the whole portfolio's health off the window's thread. It opens its own connection to the
 * app's database and keeps the records health reads in memory (`watchHealthInput`): Dexie tells it
 * of every write committed in the window (over a BroadcastChannel), so it re-reads the records
 * written, re-rates and posts the new ratings while the window stays free to draw and to answer
 * the user. The rater remembers each deal's facts with its records' revisions, so after a write
 * only the deals it touched are worked out again (`createHealthRater`), and only the ratings that
 * changed are posted (`createHealthDiff`).
 */

let db: PursuitDatabase | null = null;
let stopWatching: (() => void) | null = null;

function reply(message: HealthReply): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<HealthRequest>) => {
  const { dbName, today, timeZone } = event.data;
  stopWatching?.();
  if (db === null || db.name !== dbName) {
    db?.close();
    db = new PursuitDatabase(dbName);
  }
  const source = db;
  const rater = createHealthRater();
  const diff = createHealthDiff();
  stopWatching = watchHealthInput(
    source,
    (input) => {
      const health =
        input === undefined
          ? new Map()
          : rater.rate(input.records, input.settings, today, timeZone);
      reply({ type: 'health', today, ...diff(health) });
    },
    (error: unknown) => {
      reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    },
  );
});
