import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabaseContext } from '@renderer/db/context';

/**
 * How many deals (open or closed, not in the trash) each stage holds, by stage id. Counted on the
 * `stageId` index, less the few trashed deals, so no deal record is read for a live one.
 */
export function useStageDealCounts(): ReadonlyMap<string, number> | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [stages, trashed] = await Promise.all([
      db.stages.toArray(),
      db.deals.where('deletedAt').above(0).toArray(),
    ]);
    const totals = await Promise.all(
      stages.map((stage) => db.deals.where('stageId').equals(stage.id).count()),
    );
    const counts = new Map(stages.map((stage, i) => [stage.id, totals[i] ?? 0]));
    for (const deal of trashed) {
      counts.set(deal.stageId, (counts.get(deal.stageId) ?? 0) - 1);
    }
    return counts;
  }, [db]);
}
