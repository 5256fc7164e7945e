import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/domain/account';
import type { BudgetLine, CostEntry } from '@shared/domain/cost';
import type { Deal } from '@shared/domain/deal';
import type { Person } from '@shared/domain/person';
import type { ReviewSnapshot } from '@shared/domain/review-snapshot';
import type { Risk } from '@shared/domain/risk';
import type { Role } from '@shared/domain/role';
import type { Stage } from '@shared/domain/sales-process';
import type { TimeEntry } from '@shared/domain/time-entry';
import type { StageMoveFact } from '@shared/dashboard/figures';
import { stageMovesOf } from '@shared/dashboard/snapshot';
import type { PlanDate } from '@shared/domain/dates';
import type { DealId } from '@shared/domain/ids';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { DealHealth } from '@shared/health/health';
import { useDatabaseContext } from '@renderer/db/context';
import { rateHealth } from '@renderer/db/hooks/health';

/** What the dashboard computes from: every live deal and the facts its figures need. */
export interface DashboardRecords {
  readonly deals: readonly Deal[];
  readonly stages: readonly Stage[];
  readonly moves: readonly StageMoveFact[];
  readonly risks: readonly Risk[];
  readonly budgetLines: readonly BudgetLine[];
  readonly costEntries: readonly CostEntry[];
  readonly timeEntries: readonly TimeEntry[];
  readonly people: readonly Person[];
  readonly roles: readonly Role[];
  readonly accounts: readonly Account[];
  /** Health of every open deal (`shared/health`), by deal id. */
  readonly health: ReadonlyMap<DealId, DealHealth>;
}

const live = <T extends { deletedAt: number | null }>(rows: readonly T[]): T[] =>
  rows.filter((row) => row.deletedAt === null);

/**
 * One read of each table the dashboard needs (whole tables: Dexie observes a primary-key read as
 * one range). Stage moves are taken out of the activity trail here, so the page keeps only them,
 * and the open deals' health is rated here too (`shared/health`: facts, then ratings).
 * `undefined` while loading.
 */
export function useDashboardRecords(today: PlanDate): DashboardRecords | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [
      settings,
      milestones,
      tasks,
      dependencies,
      assignments,
      gates,
      deals,
      stages,
      activities,
      risks,
      budgetLines,
      costEntries,
      timeEntries,
      people,
      roles,
      accounts,
    ] = await Promise.all([
      db.settings.get(SETTINGS_ID),
      db.milestones.toArray(),
      db.tasks.toArray(),
      db.dependencies.toArray(),
      db.assignments.toArray(),
      db.gates.toArray(),
      db.deals.toArray(),
      db.stages.toArray(),
      db.activities.toArray(),
      db.risks.toArray(),
      db.budgetLines.toArray(),
      db.costEntries.toArray(),
      db.timeEntries.toArray(),
      db.people.toArray(),
      db.roles.toArray(),
      db.accounts.toArray(),
    ]);
    if (settings === undefined) return undefined;
    const health = rateHealth(
      {
        deals,
        milestones,
        tasks,
        dependencies,
        risks,
        budgetLines,
        costEntries,
        timeEntries,
        assignments,
        people,
        roles,
        gates,
        activities,
        loadPeople: null,
      },
      assignments,
      tasks,
      settings,
      today,
    );
    return {
      health,
      deals: live(deals),
      stages,
      moves: stageMovesOf(activities),
      risks: live(risks),
      budgetLines: live(budgetLines),
      costEntries: live(costEntries),
      timeEntries: live(timeEntries),
      people,
      roles,
      accounts: live(accounts),
    };
  }, [db, today]);
}

/** Review snapshots, newest first. */
export function useReviewSnapshots(): ReviewSnapshot[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const snapshots = await db.reviewSnapshots.toArray();
    return live(snapshots).sort((a, b) => b.takenAt - a.takenAt);
  }, [db]);
}
