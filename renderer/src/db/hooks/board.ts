import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/domain/account';
import type { PlanDate } from '@shared/domain/dates';
import type { Person } from '@shared/domain/person';
import { boardStages } from '@shared/pipeline/board';
import type { BoardStages } from '@shared/pipeline/board';
import { buildPortfolioRows } from '@shared/portfolio/rows';
import type { PortfolioRow } from '@shared/portfolio/rows';
import { useDatabaseContext } from '@renderer/db/context';
import { byName } from '@renderer/db/hooks/order';

export interface BoardData {
  /** Open deals not in the trash, joined with their account and owner names. */
  readonly rows: readonly PortfolioRow[];
  readonly stages: BoardStages;
  /** People and accounts not in the trash, by name: the board's filter choices. */
  readonly people: readonly Person[];
  readonly accounts: readonly Account[];
}

/**
 * Everything the pipeline board shows, in one live query: the open deals, the names they point to
 * and the sales process (accounts and people read whole, see `order.ts`). Cards show
 * no next milestone, so no milestones are read and the rows' `nextMilestone` is always null.
 */
export function useBoardData(today: PlanDate): BoardData | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [deals, accounts, people, processes, stages] = await Promise.all([
      // The open deals' range of the `status` index: about 60 % of the deals, and reading fewer
      // records beats Dexie's per-key tracking of an index read here (measured).
      db.deals.where('status').equals('open').toArray(),
      db.accounts.toArray(),
      db.people.toArray(),
      db.salesProcesses.toArray(),
      db.stages.toArray(),
    ]);
    accounts.sort(byName);
    people.sort(byName);
    return {
      rows: buildPortfolioRows({ deals, accounts, people, stages, upcomingMilestones: [], today }),
      stages: boardStages(processes, stages),
      people: people.filter((person) => person.deletedAt === null),
      accounts: accounts.filter((account) => account.deletedAt === null),
    };
  }, [db, today]);
}
