import type { PlanDate } from '@shared/domain/dates';
import type { DealId } from '@shared/domain/ids';
import type { DealHealth } from '@shared/health/health';
import { createHealthRater } from '@shared/health/portfolio';
import type { PursuitDatabase } from '@renderer/db/database';
import { sharedWatch } from '@renderer/db/shared-watch';
import { applyHealthChanges, createHealthDiff } from '@renderer/db/health/changes';
import type { HealthChanges } from '@renderer/db/health/changes';
import { watchHealthInput } from '@renderer/db/health/mirror';
import type { HealthReply, HealthRequest } from '@renderer/db/health/protocol';

/**
 * The portfolio's deal health, kept current for whoever shows it (the Deals page, the board, the
 * dashboard). Rating 2,000 deals reads every plan, cost, risk and the trail and takes seconds, so
 * it runs in a Web Worker (`health.worker.ts`) and the window only receives the ratings. One
 * watcher per database and day serves every view; it keeps watching for a while after the last
 * view leaves, so going to a deal and back finds the ratings current instead of starting over.
 * Where no worker can start (a test environment, a policy that blocks it) the same reading and
 * rating run in the page.
 */

export type PortfolioHealth = ReadonlyMap<DealId, DealHealth>;

/** How long a watcher outlives its last view. */
const LINGER_MS = 2 * 60_000;

function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Reports the ratings with `changes` applied, keeping the objects of the deals whose rating did
 * not change (so their cards and rows are not drawn again); the first report always goes out.
 */
function reporter(set: (v: PortfolioHealth) => void): (changes: HealthChanges) => void {
  let current: PortfolioHealth | undefined;
  return (changes) => {
    const next = applyHealthChanges(current ?? new Map(), changes);
    if (next === current) return;
    current = next;
    set(next);
  };
}

function watchInPage(db: PursuitDatabase, today: PlanDate, set: (v: PortfolioHealth) => void) {
  const zone = timeZone();
  const rater = createHealthRater();
  const diff = createHealthDiff();
  const report = reporter(set);
  return watchHealthInput(
    db,
    (input) =>
      report(diff(input ? rater.rate(input.records, input.settings, today, zone) : new Map())),
    // A failed read leaves the ratings as they were; the views show what they have.
    () => undefined,
  );
}

function watchInWorker(
  db: PursuitDatabase,
  today: PlanDate,
  set: (v: PortfolioHealth) => void,
): () => void {
  if (typeof Worker === 'undefined') return watchInPage(db, today, set);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./health.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return watchInPage(db, today, set);
  }
  let stop = () => worker.terminate();
  const inPage = () => {
    worker.terminate();
    stop = watchInPage(db, today, set);
  };
  const report = reporter(set);
  worker.addEventListener('message', (event: MessageEvent<HealthReply>) => {
    const reply = event.data;
    if (reply.type === 'health') report(reply);
    else inPage();
  });
  worker.addEventListener('messageerror', inPage);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    inPage();
  });
  const request: HealthRequest = { dbName: db.name, today, timeZone: timeZone() };
  worker.postMessage(request);
  return () => stop();
}

const watch = sharedWatch<PortfolioHealth>(watchInWorker, LINGER_MS);

/**
 * Follows the portfolio's health as of `today`; returns the function that stops following. The
 * watcher outlives its last follower by `lingerMs` (0: it stops with the last follower).
 */
export function followPortfolioHealth(
  db: PursuitDatabase,
  today: PlanDate,
  listener: () => void,
  lingerMs = LINGER_MS,
): () => void {
  return watch.follow(db, today, listener, lingerMs);
}

/** The latest ratings as of `today` (undefined until the first arrive). */
export function portfolioHealthNow(
  db: PursuitDatabase,
  today: PlanDate,
): PortfolioHealth | undefined {
  return watch.current(db, today);
}
