import { useLiveQuery } from 'dexie-react-hooks';
import type { Gate } from '@shared/domain/gate';
import type { DealId } from '@shared/domain/ids';
import { sortGates } from '@shared/pipeline/gate-edit';
import { useDatabaseContext } from '@renderer/db/context';

/**
 * The deal's gates not in the trash, in the order the pursuit meets them (bid/no-bid, reviews,
 * submission approval). Reads only this deal's range of the `dealId` index, so edits to other
 * deals' gates do not re-run it. `undefined` while loading.
 */
export function useDealGates(dealId: DealId): Gate[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const gates = await db.gates.where('dealId').equals(dealId).toArray();
    return sortGates(gates.filter((gate) => gate.deletedAt === null));
  }, [db, dealId]);
}
