import { describe, expect, it } from 'vitest';
import { parsePlanDate } from '@shared/domain/dates';
import type { QuoteLine, QuoteSection } from '@shared/domain/quote';
import { blankLine } from '@shared/quote/build';
import { quoteFigures } from '@shared/quote/compute';
import type { QuoteRounding } from '@shared/quote/compute';
import { quoteDocument } from '@shared/quote/document';
import { currencyNumFmt, QUOTE_SHEET_COLUMNS, quoteSheet } from '@shared/export/quote-sheet';
import type { SheetCell } from '@shared/export/statement-sheet';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
const rounding: QuoteRounding = { level: 'per_line', mode: 'half_up' };
const line = (id: string, fields: Partial<QuoteLine>): QuoteLine => ({
  ...blankLine(id, 'CNY'),
  ...fields,
});

function sheetOf(sections: QuoteSection[], terms = '') {
  const document = quoteDocument({
    quote: {
      version: 3,
      name: 'Bid',
      status: 'sent',
      currency: 'CNY',
      sections,
      validUntil: null,
      terms,
    },
    figures: quoteFigures(sections, 'CNY', rounding),
    rounding,
    deal: { code: 'D-1', name: '=cmd|"/c calc"!A1' },
    customer: { name: 'City Water' },
    company: { name: 'Acme', address: '' },
    issuedOn: parsePlanDate('2026-11-27'),
  });
  return quoteSheet({
    document,
    label: (key) => `[${key}]`,
    date: (day) => `d:${day}`,
    taxRateLabel: (bp) => `VAT ${bp / 100}%`,
    subtotalLabel: (name) => `Subtotal: ${name}`,
    noDate: '—',
  });
}

const values = (row: SheetCell[] | undefined) => (row ?? []).map((cell) => cell?.value ?? null);

describe('quoteSheet', () => {
  // 4 × 1,250.50 = 5,002.00; 10 % off = 500.20 → net 4,501.80; 13 % = 585.234 → 585.23; 5,087.03
  const sections: QuoteSection[] = [
    {
      id: 'hw',
      name: 'Hardware',
      lines: [
        line('a', {
          code: 'HW-1',
          description: '=HYPERLINK("http://x","y")',
          unit: 'unit',
          quantity: 4,
          unitPrice: cny(125_050),
          unitCost: cny(99_999),
          discountBp: 1_000,
          taxRateBp: 1_300,
        }),
      ],
    },
  ];

  it('writes the line with numbers as numbers and money in major units', () => {
    const rows = sheetOf(sections);
    const header = rows.findIndex((row) => row[0]?.value === '[lineNumber]');
    expect(values(rows[header])).toEqual(QUOTE_SHEET_COLUMNS.map((key) => `[${key}]`));
    expect(values(rows[header + 1])).toEqual(['1', null, 'Hardware']);
    const lineRow = rows[header + 2]!;
    expect(lineRow.map((cell) => cell?.kind ?? null)).toEqual([
      'text',
      'text',
      'text',
      'text',
      'number',
      'money',
      'percent',
      'money',
      'percent',
      'money',
      'money',
    ]);
    expect(values(lineRow)).toEqual([
      '1.1',
      'HW-1',
      `'=HYPERLINK("http://x","y")`,
      'unit',
      4,
      1_250.5,
      0.1,
      4_501.8,
      0.13,
      585.23,
      5_087.03,
    ]);
    expect(values(rows[header + 3])).toEqual([
      null,
      null,
      'Subtotal: Hardware',
      null,
      null,
      null,
      500.2,
      4_501.8,
      null,
      585.23,
      5_087.03,
    ]);
  });

  it('has the header facts, totals and tax by rate; neutralises typed text', () => {
    const rows = sheetOf(sections, '+Payment 30/60/10\nSecond paragraph');
    const byLabel = (key: string) => rows.find((row) => row.some((c) => c?.value === key));
    expect(values(byLabel('[number]'))).toEqual(['[number]', 'D-1-V3']);
    expect(values(byLabel('[issuedOn]'))).toEqual(['[issuedOn]', 'd:2026-11-27']);
    expect(values(byLabel('[customer]'))).toEqual(['[customer]', 'City Water']);
    expect(values(byLabel('[project]'))).toEqual(['[project]', `'=cmd|"/c calc"!A1`]);
    expect(values(byLabel('[validUntil]'))).toEqual(['[validUntil]', '—']);
    expect(values(byLabel('[grossTotal]')).at(-1)).toBe(5_002);
    expect(values(byLabel('[discountTotal]')).at(-1)).toBe(500.2);
    expect(values(byLabel('[netTotal]')).at(-1)).toBe(4_501.8);
    expect(values(byLabel('VAT 13%'))).toEqual([
      null,
      null,
      'VAT 13%',
      null,
      null,
      null,
      null,
      4_501.8,
      0.13,
      585.23,
      null,
    ]);
    expect(values(byLabel('[taxTotal]')).at(-1)).toBe(585.23);
    expect(values(byLabel('[grandTotal]')).at(-1)).toBe(5_087.03);
    const termsAt = rows.findIndex((row) => row[0]?.value === '[terms]');
    expect(values(rows[termsAt + 1])).toEqual(["'+Payment 30/60/10"]);
    expect(values(rows[termsAt + 2])).toEqual(['Second paragraph']);
  });

  it('never writes the cost (999.99) or the margin anywhere', () => {
    const all = sheetOf(sections).flat();
    expect(all.some((cell) => cell?.value === 999.99 || cell?.value === 3_999.96)).toBe(false);
    expect(JSON.stringify(all)).not.toMatch(/cost|margin/i);
  });
});

describe('currencyNumFmt', () => {
  it('puts the symbol or code as literal text with the currency decimals', () => {
    expect(currencyNumFmt('CNY', 2)).toBe('"¥"#,##0.00;-"¥"#,##0.00');
    expect(currencyNumFmt('JPY', 0)).toBe('"¥"#,##0;-"¥"#,##0');
    expect(currencyNumFmt('KWD', 3)).toBe('"KWD "#,##0.000;-"KWD "#,##0.000');
  });
});
