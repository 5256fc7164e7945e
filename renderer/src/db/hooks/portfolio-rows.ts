import { useCallback, useSyncExternalStore } from 'react';
import { liveQuery } from 'dexie';
import type { PlanDate } from '@shared/domain/dates';
import type { Milestone } from '@shared/domain/milestone';
import { buildPortfolioRows } from '@shared/portfolio/rows';
import type { PortfolioRow } from '@shared/portfolio/rows';
import type { PursuitDatabase } from '@renderer/db/database';
import { useDatabaseContext } from '@renderer/db/context';
import { followPipeline } from '@renderer/db/hooks/pipeline';
import type { PipelineState } from '@renderer/db/hooks/pipeline';
import { sharedWatch } from '@renderer/db/shared-watch';

/**
 * The portfolio table's rows, one watch per database and day that the Deals page follows. The
 * deals and the names they point to come from the pipeline mirror (`followPipeline`: after a
 * write only what it touched is read back), the upcoming milestones from a live query of their
 * date range. The watch can start before the page exists (`preparePortfolioRows`): when the app
 * opens on the portfolio, reading 2,000 deals then runs while the shell is still being drawn,
 * instead of after it.
 */

/** How long rows read ahead wait for the page to follow them before the watch stops. */
const UNCLAIMED_MS = 15_000;

interface RowsState {
  readonly rows: PortfolioRow[] | undefined;
  readonly error: unknown;
}

const watch = sharedWatch<RowsState>((db, today, set) => {
  let rows: PortfolioRow[] | undefined;
  let pipeline: PipelineState | undefined;
  let milestones: Milestone[] | undefined;
  let milestonesError: unknown;
  const update = () => {
    const tables = pipeline?.tables;
    if (tables !== undefined && milestones !== undefined) {
      rows = buildPortfolioRows({
        deals: tables.list('deals'),
        accounts: tables.list('accounts'),
        people: tables.list('people'),
        stages: tables.list('stages'),
        upcomingMilestones: milestones,
        today,
      });
    }
    set({ rows, error: milestonesError ?? pipeline?.error });
  };
  const subscription = liveQuery(() =>
    db.milestones.where('date').aboveOrEqual(today).toArray(),
  ).subscribe({
    next: (next) => {
      milestones = next;
      milestonesError = undefined;
      update();
    },
    error: (error: unknown) => {
      milestonesError = error;
      update();
    },
  });
  const stop = followPipeline(db, (state) => {
    pipeline = state;
    update();
  });
  return () => {
    subscription.unsubscribe();
    stop();
  };
}, 0);

/**
 * Starts reading the rows now, for a page about to follow them. If none does within a while, the
 * watch stops.
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
