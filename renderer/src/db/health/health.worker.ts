import { liveQuery } from 'dexie';
import type { Subscription } from 'dexie';
import { createHealthRater } from '@shared/health/portfolio';
import { PursuitDatabase } from '@renderer/db/database';
import { readHealthInput } from '@renderer/db/health/read';
import type { HealthReply, HealthRequest } from '@renderer/db/health/protocol';

/**
 * Rates the whole portfolio's health off the window's thread. It opens its own connection to the
 * app's database and keeps a live query on the records health reads: Dexie tells it of every
 * write committed in the window (over a BroadcastChannel), so it re-reads, re-rates and posts the
 * new ratings while the window stays free to draw and to answer the user. The rater remembers each
 * deal's facts with its records' revisions, so after a write only the deals it touched are worked
 * out again (`createHealthRater`).
 */

let db: PursuitDatabase | null = null;
let watching: Subscription | null = null;

function reply(message: HealthReply): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<HealthRequest>) => {
  const { dbName, today, timeZone } = event.data;
  watching?.unsubscribe();
  if (db === null || db.name !== dbName) {
    db?.close();
    db = new PursuitDatabase(dbName);
  }
  const source = db;
  const rater = createHealthRater();
  watching = liveQuery(() => readHealthInput(source, 'portfolio')).subscribe({
    next: (input) => {
      const health =
        input === undefined || input === null
          ? new Map()
          : rater.rate(input.records, input.settings, today, timeZone);
      reply({ type: 'health', today, entries: [...health] });
    },
    error: (error: unknown) => {
      reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    },
  });
});
