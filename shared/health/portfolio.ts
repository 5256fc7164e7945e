import { calendarFromSettings } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import { startOfWeek } from '@shared/domain/dates';
import type { DealId, PersonId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Settings } from '@shared/domain/settings';
import type { HealthSources } from '@shared/health/facts';
import { healthFacts } from '@shared/health/facts';
import type { DealHealth } from '@shared/health/health';
import { portfolioHealth } from '@shared/health/health';
import { weeklyLoad } from '@shared/resources/load';
import { overAllocations } from '@shared/resources/over-allocation';

/**
 * Deal health from stored records, the whole rule in one place: which weeks of load count for
 * over-allocation, the facts (`facts.ts`) and the rating (`health.ts`). The readers (the
 * portfolio's worker, a deal's header, the dashboard) only gather records and call this.
 */

/** Weeks of load looked at for over-allocation: this week and the next twelve (a quarter). */
export const HEALTH_LOAD_WEEKS = 13;

/** The records health is derived from. */
export type HealthRecords = Omit<
  HealthSources,
  'overAllocations' | 'calendar' | 'baseCurrency' | 'roundingMode' | 'today' | 'timeZone' | 'people'
> & {
  readonly people: readonly Person[];
  /**
   * The workload over-allocation is judged on: the assignments of the people who count (null:
   * everyone) and their tasks, which may reach beyond the deals rated (a person on this deal is
   * over capacity because of another).
   */
  readonly load: {
    readonly people: readonly PersonId[] | null;
    readonly assignments: HealthSources['assignments'];
    readonly tasks: HealthSources['tasks'];
  };
};

/** Rates the open deals of `records` (not in the trash), by deal id. */
export function healthOfRecords(
  records: HealthRecords,
  settings: Settings,
  today: PlanDate,
  timeZone: string,
): Map<DealId, DealHealth> {
  const { load: workload, ...sources } = records;
  const counted = workload.people === null ? null : new Set<string>(workload.people);
  const load = weeklyLoad({
    people: records.people.filter((p) => counted === null || counted.has(p.id)),
    assignments: workload.assignments,
    tasks: workload.tasks,
    settings,
    weeks: { start: startOfWeek(today, 1), count: HEALTH_LOAD_WEEKS },
    weekStartsOn: 1,
  });
  const facts = healthFacts({
    ...sources,
    overAllocations: overAllocations(load),
    calendar: calendarFromSettings(settings),
    baseCurrency: settings.baseCurrency,
    roundingMode: settings.roundingMode,
    today,
    timeZone,
  });
  return portfolioHealth(facts, settings.thresholds, today);
}
