import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/domain/account';
import type { Deal } from '@shared/domain/deal';
import type { Milestone } from '@shared/domain/milestone';
import type { Person } from '@shared/domain/person';
import type { Stage } from '@shared/domain/sales-process';
import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import { useDatabaseContext } from '@renderer/db/context';

export interface TimelineDeals {
  /** Open deals not in the trash. */
  readonly deals: readonly Deal[];
  readonly accounts: readonly Account[];
  readonly people: readonly Person[];
  readonly stages: readonly Stage[];
  readonly settings: Settings | undefined;
}

/**
 * The deals the portfolio timeline draws: the open ones, with the names to show. `undefined` while loading.
 */
export function useTimelineDeals(): TimelineDeals | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [all, accounts, people, stages, settings] = await Promise.all([
      // The open deals' range of the `status` index (see `board.ts`).
      db.deals.where('status').equals('open').toArray(),
      db.accounts.toArray(),
      db.people.toArray(),
      db.stages.toArray(),
      db.settings.get(SETTINGS_ID),
    ]);
    const deals = all.filter((deal) => deal.status === 'open' && deal.deletedAt === null);
    return { deals, accounts, people, stages, settings };
  }, [db]);
}

/**
 * Every milestone not deleted, for the timeline's markers and slip marks. It is the largest read
 * of the view (ten or so per deal), so the view asks for it once the bars are on screen
 * (`enabled`); one bulk read beats `anyOf` over a thousand deal ids, which walks a cursor key by
 * key. `undefined` while loading or not yet asked for.
 */
export function useTimelineMilestones(enabled: boolean): Milestone[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    if (!enabled) return undefined;
    const milestones = await db.milestones.toArray();
    return milestones.filter((milestone) => milestone.deletedAt === null);
  }, [db, enabled]);
}
