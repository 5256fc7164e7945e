import { useLiveQuery } from 'dexie-react-hooks';
import type { Baseline } from '@shared/domain/baseline';
import type { Dependency } from '@shared/domain/dependency';
import type { Milestone } from '@shared/domain/milestone';
import type { Task } from '@shared/domain/task';
import { useDatabaseContext } from '@renderer/db/context';

/** One deal's plan records that are not in the trash. */
export interface PlanRecords {
  readonly tasks: readonly Task[];
  readonly milestones: readonly Milestone[];
  readonly dependencies: readonly Dependency[];
  /** Captured baselines, oldest first. */
  readonly baselines: readonly Baseline[];
}

const live = <T extends { deletedAt: number | null }>(rows: T[]): T[] =>
  rows.filter((row) => row.deletedAt === null);

/**
 * A deal's plan, as one live query over the deal's index range in the four plan tables; it re-runs
 * when any of them changes for that deal. `undefined` while loading.
 */
export function usePlanRecords(dealId: string): PlanRecords | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [tasks, milestones, dependencies, baselines] = await Promise.all([
      db.tasks.where('dealId').equals(dealId).toArray(),
      db.milestones.where('dealId').equals(dealId).toArray(),
      db.dependencies.where('dealId').equals(dealId).toArray(),
      db.baselines.where('dealId').equals(dealId).toArray(),
    ]);
    return {
      tasks: live(tasks),
      milestones: live(milestones),
      dependencies: live(dependencies),
      baselines: live(baselines).sort((a, b) => a.capturedAt - b.capturedAt),
    };
  }, [db, dealId]);
}
