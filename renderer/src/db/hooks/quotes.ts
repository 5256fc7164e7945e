import { useLiveQuery } from 'dexie-react-hooks';
import type { DealId } from '@shared/domain/ids';
import type { PriceBookItem } from '@shared/domain/price-book';
import type { Quote } from '@shared/domain/quote';
import type { Risk } from '@shared/domain/risk';
import { useDatabaseContext } from '@renderer/db/context';

/**
 * Reads for a deal's Quote tab: its quote versions (the `dealId` index range), the live price
 * book and the deal's risks (for contingency). `undefined` while loading.
 */

export interface DealQuoteRecords {
  /** Versions not in the trash, oldest first. */
  readonly quotes: readonly Quote[];
  /** Price-book items not in the trash, by code. */
  readonly priceBook: readonly PriceBookItem[];
  /** The deal's risks not in the trash. */
  readonly risks: readonly Risk[];
}

export function useDealQuotes(dealId: DealId): DealQuoteRecords | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [quotes, priceBook, risks] = await Promise.all([
      db.quotes.where('dealId').equals(dealId).toArray(),
      db.priceBookItems.toArray(),
      db.risks.where('dealId').equals(dealId).toArray(),
    ]);
    return {
      quotes: quotes
        .filter((quote) => quote.deletedAt === null)
        .sort((a, b) => a.version - b.version),
      priceBook: priceBook
        .filter((item) => item.deletedAt === null)
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
      risks: risks.filter((risk) => risk.deletedAt === null),
    };
  }, [db, dealId]);
}
