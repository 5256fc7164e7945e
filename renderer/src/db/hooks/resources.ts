import { useCallback, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Assignment } from '@shared/domain/assignment';
import type { Deal } from '@shared/domain/deal';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { Task } from '@shared/domain/task';
import { useDatabaseContext } from '@renderer/db/context';
import { byName } from '@renderer/db/hooks/order';
import type { MirroredTables } from '@renderer/db/mirror';
import { watchTables } from '@renderer/db/mirror';
import { sharedWatch } from '@renderer/db/shared-watch';

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

const STAFF_TABLES = ['people', 'roles', 'assignments', 'settings'] as const;
const PLAN_TABLES = ['tasks', 'deals'] as const;
type LoadTable = (typeof STAFF_TABLES)[number] | (typeof PLAN_TABLES)[number];

/**
 * People, roles, settings and live assignments: what a reassignment changes. A list whose table
 * did not change since `previous` is `previous`'s own array, so views keyed on it (the names) are
 * not worked out again after each reassignment.
 */
function staffOf(
  mirror: MirroredTables<LoadTable>,
  changed: ReadonlySet<LoadTable>,
  previous: StaffRecords | undefined,
): StaffRecords | undefined {
  const settings = mirror.get('settings', SETTINGS_ID);
  if (settings === undefined) return undefined;
  return {
    people:
      previous && !changed.has('people')
        ? previous.people
        : live(mirror.list('people')).sort(byName),
    roles: previous && !changed.has('roles') ? previous.roles : live(mirror.list('roles')),
    assignments: live(mirror.list('assignments')),
    settings,
  };
}

/** Live tasks of deals not in the trash, and those deals' names. */
function planIndexOf(mirror: MirroredTables<LoadTable>): PlanIndex {
  const liveDeals = live(mirror.list('deals'));
  const dealIds = new Set<string>(liveDeals.map((deal) => deal.id));
  return {
    // Work of a deal in the trash is not planned work any more.
    tasks: mirror
      .list('tasks')
      .filter((task) => task.deletedAt === null && dealIds.has(task.dealId)),
    deals: liveDeals.map((deal) => ({ id: deal.id, code: deal.code, name: deal.name })),
  };
}

function loadRecordsOf(staff: StaffRecords, plans: PlanIndex): LoadRecords {
  const taskIds = new Set<string>(plans.tasks.map((task) => task.id));
  return {
    ...staff,
    assignments: staff.assignments.filter((a) => taskIds.has(a.taskId)),
    tasks: plans.tasks,
    deals: plans.deals,
  };
}

/** How long the pool's records stay in memory after the last view showing them closes. */
const LOAD_LINGER_MS = 60_000;

/**
 * The pool's load records, kept in memory (`watchTables`): after a write only the records it
 * touched are read again, and the staffing (people, roles, settings, assignments) and the plans
 * (tasks and deals) are each worked out again only when one of their tables changed. One watch
 * serves the People and Load pages and the Team tab, and outlives them for a minute.
 */
const loadWatch = sharedWatch<LoadRecords | null, 'pool'>((db, _pool, set) => {
  let staff: StaffRecords | undefined;
  let plans: PlanIndex | undefined;
  return watchTables(
    db,
    [...STAFF_TABLES, ...PLAN_TABLES],
    (mirror, changed) => {
      if (staff === undefined || STAFF_TABLES.some((name) => changed.has(name)))
        staff = staffOf(mirror, changed, staff);
      if (plans === undefined || PLAN_TABLES.some((name) => changed.has(name)))
        plans = planIndexOf(mirror);
      set(staff === undefined ? null : loadRecordsOf(staff, plans));
    },
    // A failed read leaves the records as they were; the views show what they have.
    () => undefined,
  );
}, LOAD_LINGER_MS);

/** The load records of the whole pool; `undefined` while loading (and with no settings yet). */
export function useLoadRecords(): LoadRecords | undefined {
  const { db } = useDatabaseContext();
  const follow = useCallback(
    (listener: () => void) => loadWatch.follow(db, 'pool', listener),
    [db],
  );
  return useSyncExternalStore(follow, () => loadWatch.current(db, 'pool')) ?? undefined;
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
