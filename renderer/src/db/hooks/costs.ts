import { useLiveQuery } from 'dexie-react-hooks';
import type { BudgetLine, CostEntry } from '@shared/domain/cost';
import type { DealId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { TimeEntry } from '@shared/domain/time-entry';
import { useDatabaseContext } from '@renderer/db/context';

/** A deal's pursuit cost records (their `dealId` index ranges). `undefined` while loading. */
export interface DealCostRecords {
  readonly budgetLines: readonly BudgetLine[];
  /** Latest first. */
  readonly costEntries: readonly CostEntry[];
  /** Latest first. */
  readonly timeEntries: readonly TimeEntry[];
  /** Everyone, including people since deleted: logged hours keep their rate. */
  readonly people: readonly Person[];
  readonly roles: readonly Role[];
}

const live = <T extends { deletedAt: number | null }>(rows: T[]): T[] =>
  rows.filter((row) => row.deletedAt === null);
const latestFirst = <T extends { date: string; createdAt: number }>(a: T, b: T) =>
  a.date < b.date ? 1 : a.date > b.date ? -1 : b.createdAt - a.createdAt;

export function useDealCostRecords(dealId: DealId): DealCostRecords | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [budgetLines, costEntries, timeEntries, people, roles] = await Promise.all([
      db.budgetLines.where('dealId').equals(dealId).toArray(),
      db.costEntries.where('dealId').equals(dealId).toArray(),
      db.timeEntries.where('dealId').equals(dealId).toArray(),
      db.people.toArray(),
      db.roles.toArray(),
    ]);
    return {
      budgetLines: live(budgetLines).sort((a, b) => a.createdAt - b.createdAt),
      costEntries: live(costEntries).sort(latestFirst),
      timeEntries: live(timeEntries).sort(latestFirst),
      people,
      roles,
    };
  }, [db, dealId]);
}
