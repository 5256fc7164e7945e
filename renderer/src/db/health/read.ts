import type { Table } from 'dexie';
import type { DealId } from '@shared/domain/ids';
import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { HealthRecords } from '@shared/health/portfolio';
import type { PursuitDatabase } from '@renderer/db/database';

/** What health is rated from: the settings (thresholds, calendar) and the records. */
export interface HealthInput {
  readonly settings: Settings;
  readonly records: HealthRecords;
}

/**
 * Reads the records deal health needs (`shared/health/portfolio`): for the whole portfolio, or
 * for one deal plus the whole workload of the people on it. `undefined` when the database holds
 * no settings yet; `null` when the one deal asked for is not open or is in the trash.
 */
export async function readHealthInput(
  db: PursuitDatabase,
  scope: 'portfolio' | DealId,
): Promise<HealthInput | null | undefined> {
  const ofDeal = <T>(table: Table<T, string>): Promise<T[]> =>
    scope === 'portfolio' ? table.toArray() : table.where('dealId').equals(scope).toArray();
  const [
    settings,
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
  ] = await Promise.all([
    db.settings.get(SETTINGS_ID),
    scope === 'portfolio'
      ? db.deals.where('status').equals('open').toArray()
      : db.deals.get(scope).then((deal) => (deal === undefined ? [] : [deal])),
    ofDeal(db.milestones),
    ofDeal(db.tasks),
    ofDeal(db.dependencies),
    ofDeal(db.risks),
    ofDeal(db.budgetLines),
    ofDeal(db.costEntries),
    ofDeal(db.timeEntries),
    ofDeal(db.assignments),
    db.people.toArray(),
    db.roles.toArray(),
    ofDeal(db.gates),
    ofDeal(db.activities),
  ]);
  if (settings === undefined) return undefined;
  const base = {
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
  };
  if (scope === 'portfolio')
    return { settings, records: { ...base, load: { people: null, assignments, tasks } } };

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
