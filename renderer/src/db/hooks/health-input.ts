import { useLiveQuery } from 'dexie-react-hooks';
import type { DealId } from '@shared/domain/ids';
import { useDatabaseContext } from '@renderer/db/context';
import type { HealthInput } from '@renderer/db/health/read';
import { readHealthInput } from '@renderer/db/health/read';

/**
 * The records one deal's health is rated from, kept current, for views that rate the deal with
 * figures of their own (a quote's scenarios: `shared/quote/scenario-health`). `undefined` while
 * loading or with no settings yet; null when the deal is not open or is in the trash.
 */
export function useDealHealthInput(dealId: DealId): HealthInput | null | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(() => readHealthInput(db, dealId), [db, dealId]);
}
