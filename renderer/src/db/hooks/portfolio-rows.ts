import { useCallback, useSyncExternalStore } from 'react';
import { liveQuery } from 'dexie';
import type { PlanDate } from '@shared/domain/dates';
import { buildPortfolioRows } from '@shared/portfolio/rows';
import type { PortfolioRow } from '@shared/portfolio/rows';
import type { PursuitDatabase } from '@renderer/db/database';
import { useDatabaseContext } from '@renderer/db/context';
import { sharedWatch } from '@renderer/db/shared-watch';

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

const watch = sharedWatch<RowsState>((db, today, set) => {
  let rows: PortfolioRow[] | undefined;
  const subscription = liveQuery(() => readPortfolioRows(db, today)).subscribe({
    next: (next) => set({ rows: (rows = next), error: undefined }),
    error: (error: unknown) => set({ rows, error }),
  });
  return () => subscription.unsubscribe();
}, 0);

/**
 * Starts reading the rows now, for a page about to follow them. If none does within a while, the
 * query stops.
 */
export function preparePortfolioRows(db: PursuitDatabase, today: PlanDate): void {
  watch.prepare(db, today, UNCLAIMED_MS);
}

/**
 * The portfolio table's rows: open and closed deals not in the trash, with names and next
 * milestone; `undefined` while loading. A failed read is thrown, as a live query's is.
 */
export function usePortfolioRows(today: PlanDate): PortfolioRow[] | undefined {
  const { db } = useDatabaseContext();
  const follow = useCallback(
    (listener: () => void) => watch.follow(db, today, listener),
    [db, today],
  );
  const state = useSyncExternalStore(follow, () => watch.current(db, today));
  if (state?.error !== undefined) throw state.error;
  return state?.rows;
}
