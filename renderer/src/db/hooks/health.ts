import { useLiveQuery } from 'dexie-react-hooks';
import type { PlanDate } from '@shared/domain/dates';
import { startOfWeek } from '@shared/domain/dates';
import { calendarFromSettings } from '@shared/domain/calendar';
import type { DealId, PersonId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { HealthSources } from '@shared/health/facts';
import { healthFacts } from '@shared/health/facts';
import type { DealHealth } from '@shared/health/health';
import { portfolioHealth } from '@shared/health/health';
import { weeklyLoad } from '@shared/resources/load';
import { overAllocations } from '@shared/resources/over-allocation';
import { useDatabaseContext } from '@renderer/db/context';
import type { PursuitDatabase } from '@renderer/db/database';

/**
 * Deal health, computed once per data change inside the live query: the records are read, the
 * facts derived (`shared/health/facts`) and rated (`shared/health/health`), and only the ratings
 * are handed to the views. `undefined` while loading.
 */

/** Weeks of load looked at for over-allocation: this week and the next twelve (a quarter). */
export const HEALTH_LOAD_WEEKS = 13;

/** The records health is derived from (`loadPeople`: whose load counts; null is everyone). */
export type HealthRecords = Omit<
  HealthSources,
  'overAllocations' | 'calendar' | 'baseCurrency' | 'roundingMode' | 'today' | 'timeZone' | 'people'
> & { readonly people: readonly Person[]; readonly loadPeople: readonly PersonId[] | null };

function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Rates the open deals of `records`; over-allocation comes from the people's whole workload
 * (`loadAssignments` and `loadTasks`, which may reach beyond the deals rated).
 */
export function rateHealth(
  records: HealthRecords,
  loadAssignments: HealthSources['assignments'],
  loadTasks: HealthSources['tasks'],
  settings: Settings,
  today: PlanDate,
): Map<DealId, DealHealth> {
  const load = weeklyLoad({
    people: records.people.filter(
      (p) => records.loadPeople === null || records.loadPeople.includes(p.id),
    ),
    assignments: loadAssignments,
    tasks: loadTasks,
    settings,
    weeks: { start: startOfWeek(today, 1), count: HEALTH_LOAD_WEEKS },
    weekStartsOn: 1,
  });
  const facts = healthFacts({
    ...records,
    overAllocations: overAllocations(load),
    calendar: calendarFromSettings(settings),
    baseCurrency: settings.baseCurrency,
    roundingMode: settings.roundingMode,
    today,
    timeZone: userTimeZone(),
  });
  return portfolioHealth(facts, settings.thresholds, today);
}

async function readPortfolio(
  db: PursuitDatabase,
  today: PlanDate,
): Promise<Map<DealId, DealHealth> | undefined> {
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
    db.deals.where('status').equals('open').toArray(),
    db.milestones.toArray(),
    db.tasks.toArray(),
    db.dependencies.toArray(),
    db.risks.toArray(),
    db.budgetLines.toArray(),
    db.costEntries.toArray(),
    db.timeEntries.toArray(),
    db.assignments.toArray(),
    db.people.toArray(),
    db.roles.toArray(),
    db.gates.toArray(),
    db.activities.toArray(),
  ]);
  if (settings === undefined) return undefined;
  const records: HealthRecords = {
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
  };
  return rateHealth(records, assignments, tasks, settings, today);
}

/**
 * Health of every open deal not in the trash, by deal id. `enabled` false reads nothing: a page
 * passes it once its own rows are in, so health (which reads plans, costs, risks and the trail)
 * never delays the first rows on screen; it fills in after them.
 */
export function usePortfolioHealth(
  today: PlanDate,
  enabled = true,
): Map<DealId, DealHealth> | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(() => (enabled ? readPortfolio(db, today) : undefined), [db, today, enabled]);
}

async function readDeal(
  db: PursuitDatabase,
  dealId: DealId,
  today: PlanDate,
): Promise<DealHealth | null | undefined> {
  const [
    settings,
    deal,
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
    db.deals.get(dealId),
    db.milestones.where('dealId').equals(dealId).toArray(),
    db.tasks.where('dealId').equals(dealId).toArray(),
    db.dependencies.where('dealId').equals(dealId).toArray(),
    db.risks.where('dealId').equals(dealId).toArray(),
    db.budgetLines.where('dealId').equals(dealId).toArray(),
    db.costEntries.where('dealId').equals(dealId).toArray(),
    db.timeEntries.where('dealId').equals(dealId).toArray(),
    db.assignments.where('dealId').equals(dealId).toArray(),
    db.people.toArray(),
    db.roles.toArray(),
    db.gates.where('dealId').equals(dealId).toArray(),
    db.activities.where('dealId').equals(dealId).toArray(),
  ]);
  if (settings === undefined) return undefined;
  if (deal === undefined || deal.status !== 'open' || deal.deletedAt !== null) return null;
  // Over-allocation counts the whole workload of the deal's people, not only this deal's.
  const staffIds = [
    ...new Set(assignments.filter((a) => a.deletedAt === null).map((a) => a.personId)),
  ];
  const staffAssignments =
    staffIds.length === 0 ? [] : await db.assignments.where('personId').anyOf(staffIds).toArray();
  const taskIds = [...new Set(staffAssignments.map((a) => a.taskId))];
  const staffTasks = (await db.tasks.bulkGet(taskIds)).filter((t) => t !== undefined);
  const records: HealthRecords = {
    deals: [deal],
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
    loadPeople: staffIds,
  };
  return rateHealth(records, staffAssignments, staffTasks, settings, today).get(deal.id) ?? null;
}

/** Health of one deal (null: not open, or in the trash). */
export function useDealHealth(dealId: DealId, today: PlanDate): DealHealth | null | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(() => readDeal(db, dealId, today), [db, dealId, today]);
}
