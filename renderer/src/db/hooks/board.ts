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
 * and the sales process. Whole tables are read and filtered here (see `order.ts` for why). Cards show
 * no next milestone, so no milestones are read and the rows' `nextMilestone` is always null.
 */
export function useBoardData(today: PlanDate): BoardData | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [allDeals, accounts, people, processes, stages] = await Promise.all([
      db.deals.toArray(),
      db.accounts.toArray(),
      db.people.toArray(),
      db.salesProcesses.toArray(),
      db.stages.toArray(),
    ]);
    const deals = allDeals.filter((deal) => deal.status === 'open');
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
