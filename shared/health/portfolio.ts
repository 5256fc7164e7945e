import { calendarFromSettings } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import { startOfWeek } from '@shared/domain/dates';
import type { DealId, PersonId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Settings } from '@shared/domain/settings';
import type { DealRecords, FactsContext, HealthSources } from '@shared/health/facts';
import {
  DEAL_RECORD_KINDS,
  dealFactsWith,
  overAllocatedByDeal,
  recordsByDeal,
} from '@shared/health/facts';
import type { DealHealth, HealthFacts } from '@shared/health/health';
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

/** Over-allocation in the weeks looked at, per deal: the people over capacity on its tasks. */
function overAllocatedPeople(
  records: HealthRecords,
  settings: Settings,
  today: PlanDate,
): Map<string, Set<PersonId>> {
  const workload = records.load;
  const counted = workload.people === null ? null : new Set<string>(workload.people);
  const load = weeklyLoad({
    people: records.people.filter((p) => counted === null || counted.has(p.id)),
    assignments: workload.assignments,
    tasks: workload.tasks,
    settings,
    weeks: { start: startOfWeek(today, 1), count: HEALTH_LOAD_WEEKS },
    weekStartsOn: 1,
  });
  return overAllocatedByDeal(overAllocations(load));
}

function factsContext(
  records: HealthRecords,
  settings: Settings,
  today: PlanDate,
  timeZone: string,
): FactsContext {
  return {
    people: records.people,
    roles: records.roles,
    calendar: calendarFromSettings(settings),
    baseCurrency: settings.baseCurrency,
    roundingMode: settings.roundingMode,
    today,
    timeZone,
  };
}

/** Rates the open deals of `records` (not in the trash), by deal id. */
export function healthOfRecords(
  records: HealthRecords,
  settings: Settings,
  today: PlanDate,
  timeZone: string,
): Map<DealId, DealHealth> {
  const over = overAllocatedPeople(records, settings, today);
  const factsOf = dealFactsWith(factsContext(records, settings, today, timeZone));
  const { deals, records: of } = recordsByDeal(records);
  const facts = new Map<DealId, HealthFacts>();
  for (const deal of deals)
    facts.set(deal.id, factsOf(deal, of(deal.id), over.get(deal.id)?.size ?? 0));
  return portfolioHealth(facts, settings.thresholds, today);
}

/** What identifies a stored record's content: every write bumps `rev` and sets `updatedAt`. */
interface Stamped {
  readonly id: string;
  readonly rev: number;
  readonly updatedAt: number;
}

/**
 * The revisions a deal's facts were worked out from: the deal and each of its records, in the
 * order of `DEAL_RECORD_KINDS` (ids, and revision and update time in pairs), and the number of
 * its people over capacity.
 */
interface DealStamp {
  readonly ids: string[];
  readonly revs: number[];
  readonly overAllocated: number;
}

function stampOf(deal: Stamped, records: DealRecords, overAllocated: number): DealStamp {
  const ids: string[] = [deal.id];
  const revs: number[] = [deal.rev, deal.updatedAt];
  for (const kind of DEAL_RECORD_KINDS) {
    for (const record of records[kind] as readonly Stamped[]) {
      ids.push(record.id);
      revs.push(record.rev, record.updatedAt);
    }
  }
  return { ids, revs, overAllocated };
}

function sameStamp(
  stamp: DealStamp,
  deal: Stamped,
  records: DealRecords,
  overAllocated: number,
): boolean {
  if (stamp.overAllocated !== overAllocated) return false;
  const { ids, revs } = stamp;
  if (ids[0] !== deal.id || revs[0] !== deal.rev || revs[1] !== deal.updatedAt) return false;
  let i = 1;
  for (const kind of DEAL_RECORD_KINDS) {
    const list = records[kind] as readonly Stamped[];
    if (i + list.length > ids.length) return false;
    for (const record of list) {
      if (
        ids[i] !== record.id ||
        revs[2 * i] !== record.rev ||
        revs[2 * i + 1] !== record.updatedAt
      )
        return false;
      i += 1;
    }
  }
  return i === ids.length;
}

/** The ids and revisions of whole lists of records (the workload: assignments and tasks). */
interface RecordsStamp {
  readonly lengths: number[];
  readonly ids: string[];
  readonly revs: number[];
}

function stampRecords(lists: readonly (readonly Stamped[])[]): RecordsStamp {
  const ids: string[] = [];
  const revs: number[] = [];
  for (const list of lists)
    for (const record of list) {
      ids.push(record.id);
      revs.push(record.rev, record.updatedAt);
    }
  return { lengths: lists.map((list) => list.length), ids, revs };
}

function sameRecords(stamp: RecordsStamp, lists: readonly (readonly Stamped[])[]): boolean {
  if (lists.length !== stamp.lengths.length) return false;
  if (lists.some((list, n) => list.length !== stamp.lengths[n])) return false;
  const { ids, revs } = stamp;
  let i = 0;
  for (const list of lists)
    for (const record of list) {
      if (
        ids[i] !== record.id ||
        revs[2 * i] !== record.rev ||
        revs[2 * i + 1] !== record.updatedAt
      )
        return false;
      i += 1;
    }
  return true;
}

/** The settings, people and roles every deal's facts depend on, as one comparable key. */
function contextKey(
  records: HealthRecords,
  settings: Settings,
  today: PlanDate,
  timeZone: string,
): string {
  const parts: (string | number)[] = [
    today,
    timeZone,
    settings.id,
    settings.rev,
    settings.updatedAt,
  ];
  for (const list of [records.people, records.roles] as readonly (readonly Stamped[])[])
    for (const record of list) parts.push(record.id, record.rev, record.updatedAt);
  return parts.join('|');
}

/** How the last rating went: deals whose facts were worked out again, and reused. */
export interface RatingStats {
  readonly computed: number;
  readonly reused: number;
}

export interface HealthRater {
  /** The same ratings as `healthOfRecords`, reusing the facts of deals whose records did not change. */
  rate(
    records: HealthRecords,
    settings: Settings,
    today: PlanDate,
    timeZone: string,
  ): Map<DealId, DealHealth>;
  readonly last: RatingStats;
}

/**
 * A `healthOfRecords` that remembers each deal's facts with the revisions of the records they came
 * from (the deal, its plan, costs, risks, gates and trail, and how many of its people are over
 * capacity). After a write only the deals whose records changed are worked out again; a change
 * to the settings, the people, the roles, the day or the time zone works them all out again. The
 * load (over-allocation spans deals) is worked out again when any assignment or task changed, and
 * the rating (cheap) is redone every time. Records are
 * told apart by `id`, `rev` and `updatedAt`, which every write changes, so a reused fact is always
 * the one the current records give.
 */
export function createHealthRater(): HealthRater {
  let key: string | null = null;
  let cache = new Map<DealId, { stamp: DealStamp; facts: HealthFacts }>();
  let last: RatingStats = { computed: 0, reused: 0 };
  let loadCache: {
    people: string;
    stamp: RecordsStamp;
    over: Map<string, Set<PersonId>>;
  } | null = null;
  return {
    get last() {
      return last;
    },
    rate(records, settings, today, timeZone) {
      const nextKey = contextKey(records, settings, today, timeZone);
      if (nextKey !== key) {
        cache = new Map();
        loadCache = null;
        key = nextKey;
      }
      const workload = [
        records.load.people === null ? '*' : records.load.people.join(','),
        records.load.assignments,
        records.load.tasks,
      ] as const;
      if (
        loadCache === null ||
        loadCache.people !== workload[0] ||
        !sameRecords(loadCache.stamp, [workload[1], workload[2]])
      ) {
        loadCache = {
          people: workload[0],
          stamp: stampRecords([workload[1], workload[2]]),
          over: overAllocatedPeople(records, settings, today),
        };
      }
      const over = loadCache.over;
      let factsOf: ReturnType<typeof dealFactsWith> | null = null;
      const { deals, records: of } = recordsByDeal(records);
      const next = new Map<DealId, { stamp: DealStamp; facts: HealthFacts }>();
      const facts = new Map<DealId, HealthFacts>();
      let computed = 0;
      for (const deal of deals) {
        const own = of(deal.id);
        const overCount = over.get(deal.id)?.size ?? 0;
        const cached = cache.get(deal.id);
        if (cached !== undefined && sameStamp(cached.stamp, deal, own, overCount)) {
          next.set(deal.id, cached);
          facts.set(deal.id, cached.facts);
          continue;
        }
        factsOf ??= dealFactsWith(factsContext(records, settings, today, timeZone));
        const fresh = {
          stamp: stampOf(deal, own, overCount),
          facts: factsOf(deal, own, overCount),
        };
        next.set(deal.id, fresh);
        facts.set(deal.id, fresh.facts);
        computed += 1;
      }
      cache = next;
      last = { computed, reused: deals.length - computed };
      return portfolioHealth(facts, settings.thresholds, today);
    },
  };
}
