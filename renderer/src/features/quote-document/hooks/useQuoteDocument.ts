import { useCallback, useMemo } from 'react';
import dayjs from 'dayjs';
import type { QuoteId } from '@shared/domain/quote';
import { parsePlanDate } from '@shared/domain/dates';
import { foreignCurrencyLine, quoteFigures } from '@shared/quote/compute';
import type { QuoteRounding } from '@shared/quote/compute';
import { quoteDocument } from '@shared/quote/document';
import type { QuoteDocument } from '@shared/quote/document';
import {
  useQuoteDocumentRecords,
  useReadQuoteDocumentRecords,
} from '@renderer/db/hooks/quote-document';
import type { QuoteDocumentRecords } from '@renderer/db/hooks/quote-document';

export type QuoteDocumentState =
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  /** A line is priced in another currency than the quote: there is no total to print. */
  | {
      readonly status: 'currency';
      readonly quoteCurrency: string;
      readonly lineCurrency: string;
    }
  | { readonly status: 'ready'; readonly document: QuoteDocument; readonly dealCode: string };

/** The customer's document of a quote version issued on `today`, from its records. */
function documentState(
  records: QuoteDocumentRecords | null | undefined,
  today: string,
): QuoteDocumentState {
  if (records === undefined) return { status: 'loading' };
  if (records === null) return { status: 'missing' };
  const { quote, deal, account, settings } = records;
  const foreign = foreignCurrencyLine(quote.sections, quote.currency);
  if (foreign !== null) {
    return { status: 'currency', quoteCurrency: quote.currency, lineCurrency: foreign.currency };
  }
  const rounding: QuoteRounding = {
    level: settings?.quoteRounding ?? 'per_line',
    mode: settings?.roundingMode ?? 'half_up',
  };
  const document = quoteDocument({
    quote,
    figures: quoteFigures(quote.sections, quote.currency, rounding),
    rounding,
    deal,
    customer: account,
    company: {
      name: settings?.companyName ?? '',
      address: settings?.companyAddress ?? '',
    },
    issuedOn: parsePlanDate(today),
  });
  return { status: 'ready', document, dealCode: deal.code };
}

/** The customer's document of a quote version, issued today, from the live records. */
export function useQuoteDocument(quoteId: QuoteId | null): QuoteDocumentState {
  const records = useQuoteDocumentRecords(quoteId);
  const today = dayjs().format('YYYY-MM-DD');
  return useMemo(() => documentState(records, today), [records, today]);
}

/** Builds a quote version's document once, when asked (for an export); never `loading`. */
export function useLoadQuoteDocument(): (quoteId: QuoteId) => Promise<QuoteDocumentState> {
  const read = useReadQuoteDocumentRecords();
  return useCallback(
    async (quoteId: QuoteId) => documentState(await read(quoteId), dayjs().format('YYYY-MM-DD')),
    [read],
  );
}
