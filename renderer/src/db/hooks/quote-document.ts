import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/domain/account';
import type { Deal } from '@shared/domain/deal';
import type { Quote, QuoteId } from '@shared/domain/quote';
import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { PursuitDatabase } from '@renderer/db/database';
import { useDatabaseContext } from '@renderer/db/context';

/** Everything a quote document is made from. */
export interface QuoteDocumentRecords {
  readonly quote: Quote;
  readonly deal: Deal;
  readonly account: Account | null;
  readonly settings: Settings | null;
}

/**
 * A quote version with its deal, the deal's account and the settings (company header, rounding);
 * `null` when the quote or its deal is gone (deleted or in the trash).
 */
async function readQuoteDocumentRecords(
  db: PursuitDatabase,
  quoteId: QuoteId,
): Promise<QuoteDocumentRecords | null> {
  const quote = await db.quotes.get(quoteId);
  if (quote === undefined || quote.deletedAt !== null) return null;
  const [deal, settings] = await Promise.all([
    db.deals.get(quote.dealId),
    db.settings.get(SETTINGS_ID),
  ]);
  if (deal === undefined || deal.deletedAt !== null) return null;
  const account = await db.accounts.get(deal.accountId);
  return { quote, deal, account: account ?? null, settings: settings ?? null };
}

/**
 * The records of a quote version's document, read in one live query (`null` as the id reads
 * nothing). `null` when the quote or its deal is gone, `undefined` while loading.
 */
export function useQuoteDocumentRecords(
  quoteId: QuoteId | null,
): QuoteDocumentRecords | null | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(
    async () => (quoteId === null ? null : readQuoteDocumentRecords(db, quoteId)),
    [db, quoteId],
  );
}

/** Reads a quote version's document records once, when asked (an export, not a view). */
export function useReadQuoteDocumentRecords(): (
  quoteId: QuoteId,
) => Promise<QuoteDocumentRecords | null> {
  const { db } = useDatabaseContext();
  return useCallback((quoteId: QuoteId) => readQuoteDocumentRecords(db, quoteId), [db]);
}
