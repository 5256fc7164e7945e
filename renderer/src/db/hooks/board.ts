import { useCallback, useSyncExternalStore } from 'react';
import type { Account } from '@shared/domain/account';
import type { PlanDate } from '@shared/domain/dates';
import type { Person } from '@shared/domain/person';
import { boardStages } from '@shared/pipeline/board';
import type { BoardStages } from '@shared/pipeline/board';
import { buildPortfolioRows } from '@shared/portfolio/rows';
import type { PortfolioRow } from '@shared/portfolio/rows';
import { useDatabaseContext } from '@renderer/db/context';
import { byName } from '@renderer/db/hooks/order';
import { followPipeline } from '@renderer/db/hooks/pipeline';
import { sharedWatch } from '@renderer/db/shared-watch';

export interface BoardData {
  /** Open deals not in the trash, joined with their account and owner names. */
  readonly rows: readonly PortfolioRow[];
  readonly stages: BoardStages;
  /** People and accounts not in the trash, by name: the board's filter choices. */
  readonly people: readonly Person[];
  readonly accounts: readonly Account[];
}

/** The people and accounts not in the trash, by name. */
interface Names {
  readonly people: readonly Person[];
  readonly accounts: readonly Account[];
}

interface BoardState {
  readonly data: BoardData | undefined;
  readonly error: unknown;
}

/**
 * The board's data, worked out from the pipeline mirror (`followPipeline`) after each change: a
 * drop writes one deal, and only that deal is read back. The names are sorted again only when
 * their table changed (a mirrored table's list stays the same array until then).
 */
const boardWatch = sharedWatch<BoardState>((db, today, set) => {
  let data: BoardData | undefined;
  let sorted:
    { from: readonly unknown[]; accounts: Account[]; people: Person[]; live: Names } | undefined;
  return followPipeline(db, ({ tables, error }) => {
    if (tables === undefined) {
      set({ data, error });
      return;
    }
    const accounts = tables.list('accounts');
    const people = tables.list('people');
    if (sorted === undefined || sorted.from[0] !== accounts || sorted.from[1] !== people) {
      const byNameAccounts = [...accounts].sort(byName);
      const byNamePeople = [...people].sort(byName);
      sorted = {
        from: [accounts, people],
        accounts: byNameAccounts,
        people: byNamePeople,
        live: {
          people: byNamePeople.filter((person) => person.deletedAt === null),
          accounts: byNameAccounts.filter((account) => account.deletedAt === null),
        },
      };
    }
    const stages = tables.list('stages');
    data = {
      rows: buildPortfolioRows({
        deals: tables.list('deals').filter((deal) => deal.status === 'open'),
        accounts: sorted.accounts,
        people: sorted.people,
        stages,
        upcomingMilestones: [],
        today,
      }),
      stages: boardStages(tables.list('salesProcesses'), stages),
      // The same arrays until a name changes: the filters re-render only then.
      people: sorted.live.people,
      accounts: sorted.live.accounts,
    };
    set({ data, error: undefined });
  });
}, 0);

/**
 * Everything the pipeline board shows: the open deals, the names they point to and the sales
 * process; `undefined` while loading. Cards show no next milestone, so no milestones are read and
 * the rows' `nextMilestone` is always null. A failed first read is thrown, as a live query's is.
 */
export function useBoardData(today: PlanDate): BoardData | undefined {
  const { db } = useDatabaseContext();
  const follow = useCallback(
    (listener: () => void) => boardWatch.follow(db, today, listener),
    [db, today],
  );
  const state = useSyncExternalStore(follow, () => boardWatch.current(db, today));
  // A failed re-read keeps what the board shows (the next write reads again).
  if (state?.data === undefined && state?.error !== undefined) throw state.error;
  return state?.data;
}
