import { useLiveQuery } from 'dexie-react-hooks';
import type { Contract, PriceToWin } from '@shared/domain/commercial';
import type { PlanDate } from '@shared/domain/dates';
import { addDays } from '@shared/domain/dates';
import type { DealId } from '@shared/domain/ids';
import type { RenewalDue } from '@shared/quote/renewals';
import { renewalsDue } from '@shared/quote/renewals';
import { useDatabaseContext } from '@renderer/db/context';

/**
 * Reads for price-to-win, contracts and renewals (quotes and the price book: `hooks/quotes.ts`). `undefined` while loading.
 * Contract files are never read here: a list of contracts names its file by id, and the file is
 * read only when the user opens it (`readContractFile`).
 */

/** The deal's price-to-win record, null when none was saved yet. */
export function usePriceToWin(dealId: DealId): PriceToWin | null | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const records = await db.priceToWin.where('dealId').equals(dealId).toArray();
    return records.find((record) => record.deletedAt === null) ?? null;
  }, [db, dealId]);
}

/** The deal's contracts not deleted, newest first. */
export function useDealContracts(dealId: DealId): Contract[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const contracts = await db.contracts.where('dealId').equals(dealId).toArray();
    return contracts
      .filter((contract) => contract.deletedAt === null)
      .sort((a, b) => b.createdAt - a.createdAt);
  }, [db, dealId]);
}

/** Contracts due for renewal from `today` to `noticeDays` ahead (the range of the index). */
export function useRenewalsDue(today: PlanDate, noticeDays: number): RenewalDue[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const contracts = await db.contracts
      .where('renewalDate')
      .between(today, addDays(today, noticeDays), true, true)
      .toArray();
    const deals = await db.deals.bulkGet([...new Set(contracts.map((c) => c.dealId))]);
    const byId = new Map(
      deals.flatMap((deal) => (deal === undefined ? [] : [[deal.id as string, deal] as const])),
    );
    return renewalsDue(contracts, byId, today, noticeDays);
  }, [db, today, noticeDays]);
}
