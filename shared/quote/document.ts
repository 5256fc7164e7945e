import type { PlanDate } from '@shared/domain/dates';
import type { CurrencyCode, Money } from '@shared/domain/money';
import type { Quote, QuoteLine, QuoteStatus } from '@shared/domain/quote';
import type { QuoteFigures, QuoteRounding, Totals } from '@shared/quote/compute';
import { quoteFigures } from '@shared/quote/compute';

/**
 * The quote as the customer receives it (print view and procurement spreadsheet): the company's
 * header, the customer, every section with its lines and subtotal, the totals with tax by rate,
 * validity and terms. Pure: the figures come from `quoteFigures`, the date of issue is passed in.
 *
 * Costs, margins, scenarios and a contingency line's share of the risk exposure are internal and
 * never reach this model, so no view built on it can leak them. Every line of the quote is listed
 * (labor and contingency lines included, as the customer pays for them), so the lines and the
 * totals the customer sees are the ones the deal's value follows.
 */

export interface QuoteDocumentLine {
  /** "2.3": the section's position, then the line's, both from 1. */
  readonly number: string;
  readonly code: string;
  readonly description: string;
  readonly unit: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly discountBp: number;
  /** quantity × unit price, before the discount. */
  readonly gross: Money;
  readonly discount: Money;
  /** After the discount, before tax. */
  readonly net: Money;
  readonly taxRateBp: number;
  readonly tax: Money;
  readonly total: Money;
}

/** What a section or the whole quote adds up to; the customer never sees cost or margin. */
export interface QuoteDocumentSum {
  readonly gross: Money;
  readonly discount: Money;
  readonly net: Money;
  readonly tax: Money;
  readonly total: Money;
}

export interface QuoteDocumentSection {
  readonly id: string;
  /** "2": the section's position, from 1. */
  readonly number: string;
  readonly name: string;
  readonly lines: readonly QuoteDocumentLine[];
  readonly subtotal: QuoteDocumentSum;
}

/** Net and tax of the lines at one tax rate (a VAT breakdown), highest rate first. */
export interface QuoteDocumentTaxRate {
  readonly rateBp: number;
  readonly net: Money;
  readonly tax: Money;
}

export interface QuoteDocumentParty {
  readonly name: string;
  readonly address: string;
}

export interface QuoteDocument {
  /** The deal's code and the version: "GZ-2026-014-V2". */
  readonly number: string;
  readonly title: string;
  readonly version: number;
  readonly status: QuoteStatus;
  readonly issuedOn: PlanDate;
  readonly validUntil: PlanDate | null;
  readonly currency: CurrencyCode;
  readonly company: QuoteDocumentParty;
  /** The deal's account (accounts hold no postal address); an empty name when there is none. */
  readonly customer: { readonly name: string };
  readonly dealName: string;
  readonly sections: readonly QuoteDocumentSection[];
  readonly taxRates: readonly QuoteDocumentTaxRate[];
  readonly totals: QuoteDocumentSum;
  readonly terms: string;
  readonly lineCount: number;
}

export interface QuoteDocumentInput {
  readonly quote: Pick<
    Quote,
    'version' | 'name' | 'status' | 'currency' | 'sections' | 'validUntil' | 'terms'
  >;
  /** `quoteFigures` of the quote's sections with the company's rounding. */
  readonly figures: QuoteFigures;
  readonly rounding: QuoteRounding;
  readonly deal: { readonly code: string; readonly name: string };
  readonly customer: { readonly name: string } | null;
  readonly company: QuoteDocumentParty;
  readonly issuedOn: PlanDate;
}

/** The document number of a quote version: the deal's code and "V" with the version. */
export function quoteNumber(dealCode: string, version: number): string {
  return `${dealCode}-V${version}`;
}

function sumOf(totals: Totals): QuoteDocumentSum {
  return {
    gross: totals.gross,
    discount: totals.discount,
    net: totals.net,
    tax: totals.tax,
    total: totals.total,
  };
}

/**
 * Net and tax per tax rate, each computed as the quote's totals are (the same rounding), so with
 * per-line rounding the rates add up exactly to the tax total; with per-total rounding each rate
 * is rounded once and their sum may differ from the total by the rounding of each.
 */
export function taxByRate(
  lines: readonly QuoteLine[],
  currency: CurrencyCode,
  rounding: QuoteRounding,
): QuoteDocumentTaxRate[] {
  const byRate = new Map<number, QuoteLine[]>();
  for (const line of lines) {
    const group = byRate.get(line.taxRateBp);
    if (group === undefined) byRate.set(line.taxRateBp, [line]);
    else group.push(line);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBp, group]) => {
      const { totals } = quoteFigures(
        [{ id: 'rate', name: 'rate', lines: group }],
        currency,
        rounding,
      );
      return { rateBp, net: totals.net, tax: totals.tax };
    });
}

/** The customer's document of a quote version (see the module's comment for what it leaves out). */
export function quoteDocument(input: QuoteDocumentInput): QuoteDocument {
  const { quote, figures } = input;
  if (figures.sections.length !== quote.sections.length) {
    throw new RangeError('The figures are not those of this quote (section count differs)');
  }
  const sections = quote.sections.map((section, s): QuoteDocumentSection => {
    const sectionFigures = figures.sections[s];
    if (sectionFigures === undefined || sectionFigures.lines.length !== section.lines.length) {
      throw new RangeError(`The figures are not those of this quote (section ${section.id})`);
    }
    const lines = section.lines.map((line, l): QuoteDocumentLine => {
      const lineFigures = sectionFigures.lines[l];
      if (lineFigures === undefined) throw new RangeError(`No figures for line ${line.id}`);
      return {
        number: `${s + 1}.${l + 1}`,
        code: line.code,
        description: line.description,
        unit: line.unit,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discountBp: line.discountBp,
        gross: lineFigures.gross,
        discount: lineFigures.discount,
        net: lineFigures.net,
        taxRateBp: line.taxRateBp,
        tax: lineFigures.tax,
        total: lineFigures.total,
      };
    });
    return {
      id: section.id,
      number: String(s + 1),
      name: section.name,
      lines,
      subtotal: sumOf(sectionFigures.totals),
    };
  });
  return {
    number: quoteNumber(input.deal.code, quote.version),
    title: quote.name,
    version: quote.version,
    status: quote.status,
    issuedOn: input.issuedOn,
    validUntil: quote.validUntil,
    currency: quote.currency,
    company: input.company,
    customer: { name: input.customer?.name ?? '' },
    dealName: input.deal.name,
    sections,
    taxRates: taxByRate(
      quote.sections.flatMap((section) => section.lines),
      quote.currency,
      input.rounding,
    ),
    totals: sumOf(figures.totals),
    terms: quote.terms,
    lineCount: figures.lineCount,
  };
}
