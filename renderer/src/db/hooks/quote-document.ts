import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/domain/account';
import type { Deal } from '@shared/domain/deal';
import type { DealId } from '@shared/domain/ids';
import type { Quote, QuoteId } from '@shared/domain/quote';
import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import { currentQuote } from '@shared/quote/build';
import { useDatabaseContext } from '@renderer/db/context';

/** Everything a quote document is made from, read in one live query. */
export interface QuoteDocumentRecords {
  readonly quote: Quote;
  readonly deal: Deal;
  readonly account: Account | null;
  readonly settings: Settings | null;
}

/**
 * A quote version with its deal, the deal's account and the settings (company header, rounding).
 * `null` when the quote or its deal is gone (deleted or in the trash), `undefined` while loading.
 */
export function useQuoteDocumentRecords(
  quoteId: QuoteId | null,
): QuoteDocumentRecords | null | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    if (quoteId === null) return null;
    const quote = await db.quotes.get(quoteId);
    if (quote === undefined || quote.deletedAt !== null) return null;
    const [deal, settings] = await Promise.all([
      db.deals.get(quote.dealId),
      db.settings.get(SETTINGS_ID),
    ]);
    if (deal === undefined || deal.deletedAt !== null) return null;
    const account = await db.accounts.get(deal.accountId);
    return { quote, deal, account: account ?? null, settings: settings ?? null };
  }, [db, quoteId]);
}

/** The quote version the deal follows (see `currentQuote`); null when it has none. */
export function useDealCurrentQuote(dealId: DealId): Quote | null | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(
    async () => currentQuote(await db.quotes.where('dealId').equals(dealId).toArray()),
    [db, dealId],
  );
}
