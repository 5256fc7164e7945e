import { useCallback, useSyncExternalStore } from 'react';
import { liveQuery } from 'dexie';
import type { PlanDate } from '@shared/domain/dates';
import { buildPortfolioRows } from '@shared/portfolio/rows';
import type { PortfolioRow } from '@shared/portfolio/rows';
import type { PursuitDatabase } from '@renderer/db/database';
import { useDatabaseContext } from '@renderer/db/context';

/**
 * The portfolio table's rows, read by one live query per database and day that the Deals page
 * follows. It can start before the page exists (`preparePortfolioRows`): when the app opens on
 * the portfolio, reading 2,000 deals then runs while the shell is still being drawn, instead of
 * after it. The query stops with its last follower, like a live query of the page's own, so no
 * other view pays for re-reading the portfolio after each write.
 */

/** How long rows read ahead wait for the page to follow them before the query stops. */
const UNCLAIMED_MS = 15_000;

interface RowsState {
  readonly rows: PortfolioRow[] | undefined;
  readonly error: unknown;
}

interface Watcher {
  state: RowsState;
  readonly listeners: Set<() => void>;
  stop: () => void;
  unclaimed: ReturnType<typeof setTimeout> | null;
}

const watchers = new WeakMap<PursuitDatabase, Map<PlanDate, Watcher>>();

/** Open and closed deals not in the trash, with names and the next milestone. */
export async function readPortfolioRows(
  db: PursuitDatabase,
  today: PlanDate,
): Promise<PortfolioRow[]> {
  const [deals, accounts, people, stages, upcomingMilestones] = await Promise.all([
    db.deals.toArray(),
    db.accounts.toArray(),
    db.people.toArray(),
    db.stages.toArray(),
    db.milestones.where('date').aboveOrEqual(today).toArray(),
  ]);
  return buildPortfolioRows({ deals, accounts, people, stages, upcomingMilestones, today });
}

function watcherFor(db: PursuitDatabase, today: PlanDate): Watcher {
  let byDay = watchers.get(db);
  if (byDay === undefined) {
    byDay = new Map();
    watchers.set(db, byDay);
  }
  const found = byDay.get(today);
  if (found) return found;
  const watcher: Watcher = {
    state: { rows: undefined, error: undefined },
    listeners: new Set(),
    stop: () => undefined,
    unclaimed: null,
  };
  const notify = (state: RowsState) => {
    watcher.state = state;
    watcher.listeners.forEach((listener) => listener());
  };
  const subscription = liveQuery(() => readPortfolioRows(db, today)).subscribe({
    next: (rows) => notify({ rows, error: undefined }),
    error: (error: unknown) => notify({ rows: watcher.state.rows, error }),
  });
  watcher.stop = () => subscription.unsubscribe();
  byDay.set(today, watcher);
  return watcher;
}

function end(db: PursuitDatabase, today: PlanDate, watcher: Watcher): void {
  if (watcher.unclaimed !== null) clearTimeout(watcher.unclaimed);
  watcher.unclaimed = null;
  watcher.stop();
  if (watchers.get(db)?.get(today) === watcher) watchers.get(db)?.delete(today);
}

/**
 * Starts reading the rows now, for a page about to follow them. If none does within a while, the
 * query stops.
 */
export function preparePortfolioRows(db: PursuitDatabase, today: PlanDate): void {
  const watcher = watcherFor(db, today);
  if (watcher.listeners.size > 0 || watcher.unclaimed !== null) return;
  watcher.unclaimed = setTimeout(() => {
    watcher.unclaimed = null;
    if (watcher.listeners.size === 0) end(db, today, watcher);
  }, UNCLAIMED_MS);
}

/** Follows the rows as of `today`; returns the function that stops following. */
export function followPortfolioRows(
  db: PursuitDatabase,
  today: PlanDate,
  listener: () => void,
): () => void {
  const watcher = watcherFor(db, today);
  if (watcher.unclaimed !== null) {
    clearTimeout(watcher.unclaimed);
    watcher.unclaimed = null;
  }
  watcher.listeners.add(listener);
  return () => {
    watcher.listeners.delete(listener);
    if (watcher.listeners.size === 0) end(db, today, watcher);
  };
}

function portfolioRowsState(db: PursuitDatabase, today: PlanDate): RowsState | undefined {
  return watchers.get(db)?.get(today)?.state;
}

/**
 * The portfolio table's rows: open and closed deals not in the trash, with names and next
 * milestone; `undefined` while loading. A failed read is thrown, as a live query's is.
 */
export function usePortfolioRows(today: PlanDate): PortfolioRow[] | undefined {
  const { db } = useDatabaseContext();
  const follow = useCallback(
    (listener: () => void) => followPortfolioRows(db, today, listener),
    [db, today],
  );
  const state = useSyncExternalStore(follow, () => portfolioRowsState(db, today));
  if (state?.error !== undefined) throw state.error;
  return state?.rows;
}
