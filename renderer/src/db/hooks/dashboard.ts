import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/domain/account';
import type { BudgetLine, CostEntry } from '@shared/domain/cost';
import type { Deal } from '@shared/domain/deal';
import type { Person } from '@shared/domain/person';
import type { ReviewSnapshot } from '@shared/domain/review-snapshot';
import type { Risk } from '@shared/domain/risk';
import { ACTIVE_RISK_STATUSES } from '@shared/domain/risk';
import type { Role } from '@shared/domain/role';
import type { Stage } from '@shared/domain/sales-process';
import type { TimeEntry } from '@shared/domain/time-entry';
import type { StageMoveFact } from '@shared/dashboard/figures';
import { stageMovesOf } from '@shared/dashboard/snapshot';
import type { PursuitDatabase } from '@renderer/db/database';
import { useDatabaseContext } from '@renderer/db/context';

/** What the dashboard computes from: every live deal and the facts its figures need. */
export interface DashboardRecords {
  readonly deals: readonly Deal[];
  readonly stages: readonly Stage[];
  readonly moves: readonly StageMoveFact[];
  /** The active risks (open or mitigating). */
  readonly risks: readonly Risk[];
  readonly budgetLines: readonly BudgetLine[];
  readonly costEntries: readonly CostEntry[];
  readonly timeEntries: readonly TimeEntry[];
  readonly people: readonly Person[];
  readonly roles: readonly Role[];
  readonly accounts: readonly Account[];
}

const live = <T extends { deletedAt: number | null }>(rows: readonly T[]): T[] =>
  rows.filter((row) => row.deletedAt === null);

/**
 * One read of each table the dashboard needs (whole tables: Dexie observes a primary-key read as
 * one range), except two read through an index: the activity trail, of which only the stage
 * moves are read (`system.action`: a few thousand entries of a trail of tens of thousands), and
 * the risks, of which only the active ones count (`status`). Deal health
 * comes from `usePortfolioHealth`, rated off the window's thread.
 */
export async function readDashboardRecords(db: PursuitDatabase): Promise<DashboardRecords> {
  const [
    deals,
    stages,
    stageMoves,
    risks,
    budgetLines,
    costEntries,
    timeEntries,
    people,
    roles,
    accounts,
  ] = await Promise.all([
    db.deals.toArray(),
    db.stages.toArray(),
    db.activities.where('system.action').equals('stage_move').toArray(),
    db.risks.where('status').anyOf(ACTIVE_RISK_STATUSES).toArray(),
    db.budgetLines.toArray(),
    db.costEntries.toArray(),
    db.timeEntries.toArray(),
    db.people.toArray(),
    db.roles.toArray(),
    db.accounts.toArray(),
  ]);
  return {
    deals: live(deals),
    stages,
    moves: stageMovesOf(stageMoves),
    risks: live(risks),
    budgetLines: live(budgetLines),
    costEntries: live(costEntries),
    timeEntries: live(timeEntries),
    people,
    roles,
    accounts: live(accounts),
  };
}

/** `readDashboardRecords`, kept current. `undefined` while loading. */
export function useDashboardRecords(): DashboardRecords | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(() => readDashboardRecords(db), [db]);
}

/** Review snapshots, newest first. */
export function useReviewSnapshots(): ReviewSnapshot[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const snapshots = await db.reviewSnapshots.toArray();
    return live(snapshots).sort((a, b) => b.takenAt - a.takenAt);
  }, [db]);
}
