import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DealId } from '@shared/domain/ids';
import type { PriceBookItem } from '@shared/domain/price-book';
import type { Quote } from '@shared/domain/quote';
import type { Risk } from '@shared/domain/risk';
import { currentQuote } from '@shared/quote/build';
import { useDatabaseContext } from '@renderer/db/context';
import { useDealRisks } from '@renderer/db/hooks/risks';

/**
 * Reads of quotes and the price book: a deal's quote versions (the `dealId` index range), its
 * current version, the live price book, and all three with the deal's risks for the Quote tab.
 * `undefined` while loading.
 */

/** The deal's quote versions not in the trash, oldest first. */
export function useDealQuoteVersions(dealId: DealId): Quote[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const quotes = await db.quotes.where('dealId').equals(dealId).toArray();
    return quotes.filter((quote) => quote.deletedAt === null).sort((a, b) => a.version - b.version);
  }, [db, dealId]);
}

/** The quote version the deal follows (see `currentQuote`); null when it has none. */
export function useDealCurrentQuote(dealId: DealId): Quote | null | undefined {
  const quotes = useDealQuoteVersions(dealId);
  return useMemo(() => (quotes === undefined ? undefined : currentQuote(quotes)), [quotes]);
}

/** The price book without items in the trash, by code. */
export function usePriceBookItems(): PriceBookItem[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const items = await db.priceBookItems.toArray();
    return items
      .filter((item) => item.deletedAt === null)
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }, [db]);
}

export interface DealQuoteRecords {
  /** Versions not in the trash, oldest first. */
  readonly quotes: readonly Quote[];
  /** Price-book items not in the trash, by code. */
  readonly priceBook: readonly PriceBookItem[];
  /** The deal's risks not in the trash (for contingency), highest score first. */
  readonly risks: readonly Risk[];
}

/** What a deal's Quote tab reads; `undefined` until all of it has loaded. */
export function useDealQuotes(dealId: DealId): DealQuoteRecords | undefined {
  const quotes = useDealQuoteVersions(dealId);
  const priceBook = usePriceBookItems();
  const risks = useDealRisks(dealId);
  return useMemo(
    () =>
      quotes === undefined || priceBook === undefined || risks === undefined
        ? undefined
        : { quotes, priceBook, risks },
    [quotes, priceBook, risks],
  );
}
