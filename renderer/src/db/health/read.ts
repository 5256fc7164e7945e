import type { Table } from 'dexie';
import type { DealId } from '@shared/domain/ids';
import type { EntityOf, TableName } from '@shared/domain/tables';
import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { HealthRecords } from '@shared/health/portfolio';
import type { PursuitDatabase } from '@renderer/db/database';

/** What health is rated from: the settings (thresholds, calendar) and the records. */
export interface HealthInput {
  readonly settings: Settings;
  readonly records: HealthRecords;
}

/** The tables health reads besides the deals; one deal's health reads only its own records. */
export const HEALTH_TABLES = [
  'milestones',
  'tasks',
  'dependencies',
  'risks',
  'budgetLines',
  'costEntries',
  'timeEntries',
  'assignments',
  'people',
  'roles',
  'gates',
  'activities',
] as const satisfies readonly TableName[];
export type HealthTable = (typeof HEALTH_TABLES)[number];
/** Read whole even for one deal: a deal's people and roles are looked up among all. */
const DEAL_SCOPED: ReadonlySet<HealthTable> = new Set(
  HEALTH_TABLES.filter((name) => name !== 'people' && name !== 'roles'),
);

/**
 * Reads the records deal health needs (`shared/health/portfolio`): for the whole portfolio, or
 * for one deal plus the whole workload of the people on it. `undefined` when the database holds
 * no settings yet; `null` when the one deal asked for is not open or is in the trash.
 */
export async function readHealthInput(
  db: PursuitDatabase,
  scope: 'portfolio' | DealId,
): Promise<HealthInput | null | undefined> {
  const [settings, deals, ...tables] = await Promise.all([
    db.settings.get(SETTINGS_ID),
    scope === 'portfolio'
      ? db.deals.where('status').equals('open').toArray()
      : db.deals.get(scope).then((deal) => (deal === undefined ? [] : [deal])),
    ...HEALTH_TABLES.map((name) => {
      const table: Pick<Table<EntityOf<HealthTable>, string>, 'toArray' | 'where'> = db[name];
      return scope === 'portfolio' || !DEAL_SCOPED.has(name)
        ? table.toArray()
        : table.where('dealId').equals(scope).toArray();
    }),
  ]);
  if (settings === undefined) return undefined;
  // Each table's records under its name, as `HealthRecords` names them.
  const base = {
    deals,
    ...(Object.fromEntries(HEALTH_TABLES.map((name, i) => [name, tables[i]])) as {
      [K in HealthTable]: EntityOf<K>[];
    }),
  };
  const { assignments } = base;
  if (scope === 'portfolio')
    return {
      settings,
      records: { ...base, load: { people: null, assignments, tasks: base.tasks } },
    };

  const deal = deals[0];
  if (deal === undefined || deal.status !== 'open' || deal.deletedAt !== null) return null;
  // Over-allocation counts the whole workload of the deal's people, not only this deal's.
  const staff = [
    ...new Set(assignments.filter((a) => a.deletedAt === null).map((a) => a.personId)),
  ];
  const staffAssignments =
    staff.length === 0 ? [] : await db.assignments.where('personId').anyOf(staff).toArray();
  const taskIds = [...new Set(staffAssignments.map((a) => a.taskId))];
  const staffTasks = (await db.tasks.bulkGet(taskIds)).filter((t) => t !== undefined);
  return {
    settings,
    records: { ...base, load: { people: staff, assignments: staffAssignments, tasks: staffTasks } },
  };
}
