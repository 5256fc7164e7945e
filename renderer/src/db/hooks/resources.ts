import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Assignment } from '@shared/domain/assignment';
import type { Deal } from '@shared/domain/deal';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { Task } from '@shared/domain/task';
import { useDatabaseContext } from '@renderer/db/context';
import type { PursuitDatabase } from '@renderer/db/database';
import { byName } from '@renderer/db/hooks/order';

/**
 * Reads for people, their assignments and load. `undefined` while loading.
 */

const live = <T extends { deletedAt: number | null }>(rows: readonly (T | undefined)[]): T[] =>
  rows.filter((row): row is T => row !== undefined && row.deletedAt === null);

/** Everything a load needs: people, roles, live assignments, their tasks and deals, settings. */
export interface LoadRecords {
  readonly people: readonly Person[];
  readonly roles: readonly Role[];
  readonly assignments: readonly Assignment[];
  readonly tasks: readonly Task[];
  /** The deals of those tasks that are not in the trash (names for the drill-down). */
  readonly deals: readonly Pick<Deal, 'id' | 'code' | 'name'>[];
  readonly settings: Settings;
}

interface StaffRecords {
  readonly people: readonly Person[];
  readonly roles: readonly Role[];
  readonly assignments: readonly Assignment[];
  readonly settings: Settings;
}

interface PlanIndex {
  readonly tasks: readonly Task[];
  readonly deals: readonly Pick<Deal, 'id' | 'code' | 'name'>[];
}

/** People, roles, settings and live assignments: what a reassignment changes. */
async function readStaff(db: PursuitDatabase): Promise<StaffRecords | undefined> {
  const [people, roles, assignments, settings] = await Promise.all([
    db.people.toArray(),
    db.roles.toArray(),
    db.assignments.toArray(),
    db.settings.get(SETTINGS_ID),
  ]);
  if (settings === undefined) return undefined;
  return {
    people: live(people).sort(byName),
    roles: live(roles),
    assignments: live(assignments),
    settings,
  };
}

/** Live tasks of deals not in the trash, and those deals' names. */
async function readPlanIndex(db: PursuitDatabase): Promise<PlanIndex> {
  const [tasks, deals] = await Promise.all([db.tasks.toArray(), db.deals.toArray()]);
  const liveDeals = live(deals);
  const dealIds = new Set<string>(liveDeals.map((deal) => deal.id));
  return {
    // Work of a deal in the trash is not planned work any more.
    tasks: tasks.filter((task) => task.deletedAt === null && dealIds.has(task.dealId)),
    deals: liveDeals.map((deal) => ({ id: deal.id, code: deal.code, name: deal.name })),
  };
}

/**
 * The load records of the whole pool. Two live queries: the staffing (people, roles, settings,
 * assignments) and the plans (tasks and deals). A reassignment re-reads only the first; the
 * tasks, the largest table involved, are read again only when a plan changes.
 */
export function useLoadRecords(): LoadRecords | undefined {
  const { db } = useDatabaseContext();
  const staff = useLiveQuery(() => readStaff(db), [db]);
  const plans = useLiveQuery(() => readPlanIndex(db), [db]);
  return useMemo(() => {
    if (staff === undefined || plans === undefined) return undefined;
    const taskIds = new Set<string>(plans.tasks.map((task) => task.id));
    return {
      ...staff,
      assignments: staff.assignments.filter((a) => taskIds.has(a.taskId)),
      tasks: plans.tasks,
      deals: plans.deals,
    };
  }, [staff, plans]);
}

/** A deal's assignments and tasks (its index range in both tables). */
export interface DealStaffing {
  readonly assignments: readonly Assignment[];
  readonly tasks: readonly Task[];
}

export function useDealStaffing(dealId: string): DealStaffing | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [assignments, tasks] = await Promise.all([
      db.assignments.where('dealId').equals(dealId).toArray(),
      db.tasks.where('dealId').equals(dealId).toArray(),
    ]);
    return {
      assignments: live(assignments),
      tasks: live(tasks).sort((a, b) =>
        a.start < b.start ? -1 : a.start > b.start ? 1 : a.sortIndex - b.sortIndex,
      ),
    };
  }, [db, dealId]);
}

/** Teams, for the people list's team column and picker. */
export function useTeams() {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => live(await db.teams.toArray()), [db]);
}

/** Open milestones of the given deals (what-if: which other deals' milestones are at risk). */
export function useMilestonesOf(dealIds: readonly string[] | null) {
  const { db } = useDatabaseContext();
  const key = dealIds === null ? null : [...dealIds].sort().join(',');
  return useLiveQuery(async () => {
    if (key === null || key === '') return [];
    return live(await db.milestones.where('dealId').anyOf(key.split(',')).toArray());
  }, [db, key]);
}
