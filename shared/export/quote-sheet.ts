/**
 * A quote document as a spreadsheet for the customer's procurement team: the header facts, one
 * row per line under its section, section subtotals, the tax by rate and the totals, then the
 * terms. Quantities stay numbers, rates are ratios, money is in major units as numbers (written
 * with the quote currency's number format); text anyone typed (descriptions, names, terms) is
 * neutralised so a spreadsheet never runs it as a formula.
 */
import type { CurrencyCode, Money } from '@shared/domain/money';
import { minorDigits } from '@shared/domain/money';
import { neutraliseText } from '@shared/export/statement-sheet';
import type { SheetCell } from '@shared/export/statement-sheet';
import type { QuoteDocument, QuoteDocumentSum } from '@shared/quote/document';

export type QuoteSheetLabel =
  | 'title'
  | 'number'
  | 'issuedOn'
  | 'customer'
  | 'project'
  | 'validUntil'
  | 'currency'
  | 'lineNumber'
  | 'code'
  | 'description'
  | 'unit'
  | 'quantity'
  | 'unitPrice'
  | 'discount'
  | 'net'
  | 'taxRate'
  | 'tax'
  | 'total'
  | 'grossTotal'
  | 'discountTotal'
  | 'netTotal'
  | 'taxTotal'
  | 'grandTotal'
  | 'terms';

export interface QuoteSheetInput {
  readonly document: QuoteDocument;
  readonly label: (key: QuoteSheetLabel) => string;
  /** A date as the reader writes it (the document's dates are `YYYY-MM-DD`). */
  readonly date: (day: string) => string;
  /** "VAT 13%" in the user's words, for the tax-by-rate rows. */
  readonly taxRateLabel: (rateBp: number) => string;
  /** "Subtotal: Hardware" in the user's words. */
  readonly subtotalLabel: (sectionName: string) => string;
  /** Shown for "valid until" when the quote has no end date. */
  readonly noDate: string;
}

/** The columns of the line table, in order (the header row and every line row follow it). */
export const QUOTE_SHEET_COLUMNS = [
  'lineNumber',
  'code',
  'description',
  'unit',
  'quantity',
  'unitPrice',
  'discount',
  'net',
  'taxRate',
  'tax',
  'total',
] as const satisfies readonly QuoteSheetLabel[];

const text = (value: string): SheetCell =>
  value === '' ? null : { kind: 'text', value: neutraliseText(value) };
const heading = (value: string): SheetCell => ({ kind: 'heading', value: neutraliseText(value) });
const moneyCell = (amount: Money): SheetCell => {
  const decimals = minorDigits(amount.currency);
  return { kind: 'money', value: amount.amountMinor / 10 ** decimals, decimals };
};
const ratio = (bp: number): SheetCell => ({ kind: 'percent', value: bp / 10_000 });

const SYMBOLS: Readonly<Record<string, string>> = {
  CNY: '¥',
  JPY: '¥',
  USD: '$',
  EUR: '€',
  GBP: '£',
  HKD: 'HK$',
};

/**
 * The number format of a money cell in a currency: its symbol (or code) as literal text and the
 * currency's decimals, e.g. `"¥"#,##0.00` for CNY, `"KWD "#,##0.000` for a currency without a
 * well-known symbol. The cell's value stays a plain number.
 */
export function currencyNumFmt(currency: CurrencyCode, decimals: number): string {
  const prefix = SYMBOLS[currency] ?? `${currency} `;
  const digits = decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
  return `"${prefix}"${digits};-"${prefix}"${digits}`;
}

/** The sheet's rows, top to bottom. Column widths and formats are the writer's. */
export function quoteSheet(input: QuoteSheetInput): SheetCell[][] {
  const { document: doc, label, date } = input;
  const rows: SheetCell[][] = [[heading(label('title')), heading(doc.company.name)]];
  if (doc.company.address !== '') rows.push([null, text(doc.company.address)]);
  rows.push(
    [],
    [heading(label('number')), text(doc.number)],
    [heading(label('issuedOn')), text(date(doc.issuedOn))],
    [heading(label('customer')), text(doc.customer.name)],
    [heading(label('project')), text(doc.dealName)],
    [
      heading(label('validUntil')),
      text(doc.validUntil === null ? input.noDate : date(doc.validUntil)),
    ],
    [heading(label('currency')), text(doc.currency)],
    [],
    QUOTE_SHEET_COLUMNS.map((key) => heading(label(key))),
  );
  const sumRow = (title: string, sum: QuoteDocumentSum): SheetCell[] => [
    null,
    null,
    heading(title),
    null,
    null,
    null,
    moneyCell(sum.discount),
    moneyCell(sum.net),
    null,
    moneyCell(sum.tax),
    moneyCell(sum.total),
  ];
  for (const section of doc.sections) {
    rows.push([heading(section.number), null, heading(section.name)]);
    for (const line of section.lines) {
      rows.push([
        text(line.number),
        text(line.code),
        text(line.description),
        text(line.unit),
        { kind: 'number', value: line.quantity },
        moneyCell(line.unitPrice),
        ratio(line.discountBp),
        moneyCell(line.net),
        ratio(line.taxRateBp),
        moneyCell(line.tax),
        moneyCell(line.total),
      ]);
    }
    rows.push(sumRow(input.subtotalLabel(section.name), section.subtotal));
  }
  rows.push([]);
  const total = (key: QuoteSheetLabel, amount: Money): SheetCell[] => [
    null,
    null,
    heading(label(key)),
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    moneyCell(amount),
  ];
  rows.push(total('grossTotal', doc.totals.gross));
  rows.push(total('discountTotal', doc.totals.discount));
  rows.push(total('netTotal', doc.totals.net));
  for (const rate of doc.taxRates) {
    rows.push([
      null,
      null,
      text(input.taxRateLabel(rate.rateBp)),
      null,
      null,
      null,
      null,
      moneyCell(rate.net),
      ratio(rate.rateBp),
      moneyCell(rate.tax),
      null,
    ]);
  }
  rows.push(total('taxTotal', doc.totals.tax));
  rows.push(total('grandTotal', doc.totals.total));
  if (doc.terms.trim() !== '') {
    rows.push([], [heading(label('terms'))]);
    for (const paragraph of doc.terms.split(/\r?\n/)) rows.push([text(paragraph)]);
  }
  return rows;
}
