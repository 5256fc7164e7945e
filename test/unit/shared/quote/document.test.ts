import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePlanDate } from '@shared/domain/dates';
import type { QuoteLine, QuoteSection } from '@shared/domain/quote';
import { blankLine } from '@shared/quote/build';
import { quoteFigures } from '@shared/quote/compute';
import type { QuoteRounding } from '@shared/quote/compute';
import { quoteDocument, quoteNumber, taxByRate } from '@shared/quote/document';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
let serial = 0;
const line = (fields: Partial<QuoteLine>): QuoteLine => ({
  ...blankLine(`l${serial++}`, 'CNY'),
  ...fields,
});
const perLine: QuoteRounding = { level: 'per_line', mode: 'half_up' };
const perTotal: QuoteRounding = { level: 'per_total', mode: 'half_up' };

/** Two sections worked by hand below. */
function sampleSections(): QuoteSection[] {
  return [
    {
      id: 'hw',
      name: 'Hardware',
      lines: [
        // 2 × 1,000.00 = 2,000.00; 5 % off = 100.00 → net 1,900.00; 13 % tax = 247.00; total 2,147.00
        line({
          code: 'HW-SRV',
          description: 'Server',
          unit: 'unit',
          quantity: 2,
          unitPrice: cny(100_000),
          unitCost: cny(70_001),
          discountBp: 500,
          taxRateBp: 1_300,
        }),
        // 1 × 333.33, no discount → net 333.33; 13 % tax = 43.3329 → 43.33; total 376.66
        line({
          code: 'HW-SW',
          description: 'Switch',
          unit: 'unit',
          quantity: 1,
          unitPrice: cny(33_333),
          unitCost: cny(20_003),
          taxRateBp: 1_300,
        }),
      ],
    },
    {
      id: 'sv',
      name: 'Services',
      lines: [
        // 2.5 days × 2,800.00 = 7,000.00; 10 % off = 700.00 → net 6,300.00; 6 % = 378.00; 6,678.00
        line({
          kind: 'labor',
          description: 'Implementation',
          unit: 'day',
          quantity: 2.5,
          unitPrice: cny(280_000),
          unitCost: cny(161_111),
          discountBp: 1_000,
          taxRateBp: 600,
        }),
      ],
    },
  ];
}

function documentOf(sections: QuoteSection[], rounding: QuoteRounding = perLine) {
  return quoteDocument({
    quote: {
      version: 2,
      name: 'Bid price',
      status: 'draft',
      currency: 'CNY',
      sections,
      validUntil: parsePlanDate('2026-12-31'),
      terms: 'Payment 30/60/10.',
    },
    figures: quoteFigures(sections, 'CNY', rounding),
    rounding,
    deal: { code: 'GZ-2026-014', name: 'Data centre' },
    customer: { name: 'City Water' },
    company: { name: 'Acme', address: '1 Road' },
    issuedOn: parsePlanDate('2026-11-27'),
  });
}

describe('quote document', () => {
  it('numbers the quote by deal code and version', () => {
    expect(quoteNumber('GZ-2026-014', 2)).toBe('GZ-2026-014-V2');
    expect(documentOf(sampleSections()).number).toBe('GZ-2026-014-V2');
  });

  it('lists every line with its customer figures, worked by hand', () => {
    const doc = documentOf(sampleSections());
    expect(doc.sections.map((s) => [s.number, s.name])).toEqual([
      ['1', 'Hardware'],
      ['2', 'Services'],
    ]);
    const [server, sw] = doc.sections[0]!.lines;
    expect(server).toMatchObject({
      number: '1.1',
      code: 'HW-SRV',
      description: 'Server',
      unit: 'unit',
      quantity: 2,
      unitPrice: cny(100_000),
      discountBp: 500,
      gross: cny(200_000),
      discount: cny(10_000),
      net: cny(190_000),
      taxRateBp: 1_300,
      tax: cny(24_700),
      total: cny(214_700),
    });
    expect(sw).toMatchObject({
      number: '1.2',
      net: cny(33_333),
      tax: cny(4_333),
      total: cny(37_666),
    });
    expect(doc.sections[1]!.lines[0]).toMatchObject({
      number: '2.1',
      quantity: 2.5,
      gross: cny(700_000),
      discount: cny(70_000),
      net: cny(630_000),
      tax: cny(37_800),
      total: cny(667_800),
    });
  });

  it('adds up section subtotals, the totals and tax by rate (hand-computed)', () => {
    const doc = documentOf(sampleSections());
    // Hardware: net 1,900.00 + 333.33 = 2,233.33; tax 247.00 + 43.33 = 290.33; total 2,523.66
    expect(doc.sections[0]!.subtotal).toEqual({
      gross: cny(233_333),
      discount: cny(10_000),
      net: cny(223_333),
      tax: cny(29_033),
      total: cny(252_366),
    });
    // All: net 2,233.33 + 6,300.00 = 8,533.33; tax 290.33 + 378.00 = 668.33; total 9,201.66
    expect(doc.totals).toEqual({
      gross: cny(933_333),
      discount: cny(80_000),
      net: cny(853_333),
      tax: cny(66_833),
      total: cny(920_166),
    });
    expect(doc.taxRates).toEqual([
      { rateBp: 1_300, net: cny(223_333), tax: cny(29_033) },
      { rateBp: 600, net: cny(630_000), tax: cny(37_800) },
    ]);
    expect(doc.lineCount).toBe(3);
  });

  it('carries header, customer, validity and terms; never cost, margin or scenarios', () => {
    const doc = documentOf(sampleSections());
    expect(doc.company).toEqual({ name: 'Acme', address: '1 Road' });
    expect(doc.customer).toEqual({ name: 'City Water' });
    expect(doc.issuedOn).toBe('2026-11-27');
    expect(doc.validUntil).toBe('2026-12-31');
    expect(doc.terms).toBe('Payment 30/60/10.');
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/cost|margin|scenario|contingency/i);
    // The unit costs (700.01, 200.03, 1,611.11) and the margins appear nowhere.
    expect(json).not.toMatch(/"amountMinor":(70001|20003|161111)\b/);
  });

  it('keeps an empty customer name when the deal has no account', () => {
    const sections = sampleSections();
    const doc = quoteDocument({
      quote: {
        version: 1,
        name: 'Q',
        status: 'sent',
        currency: 'CNY',
        sections,
        validUntil: null,
        terms: '',
      },
      figures: quoteFigures(sections, 'CNY', perLine),
      rounding: perLine,
      deal: { code: 'X', name: 'Y' },
      customer: null,
      company: { name: '', address: '' },
      issuedOn: parsePlanDate('2026-01-02'),
    });
    expect(doc.customer.name).toBe('');
    expect(doc.validUntil).toBeNull();
  });

  it('refuses figures of another quote', () => {
    const sections = sampleSections();
    const other = quoteFigures(sections.slice(0, 1), 'CNY', perLine);
    expect(() =>
      quoteDocument({
        quote: {
          version: 1,
          name: 'Q',
          status: 'draft',
          currency: 'CNY',
          sections,
          validUntil: null,
          terms: '',
        },
        figures: other,
        rounding: perLine,
        deal: { code: 'X', name: 'Y' },
        customer: null,
        company: { name: '', address: '' },
        issuedOn: parsePlanDate('2026-01-02'),
      }),
    ).toThrow(RangeError);
  });

  it('per-total rounding: totals rounded once from the exact sum', () => {
    // Three lines of 0.005 tax each (1 % of 0.50): per line 0.01 × 3 = 0.03; per total 0.015 → 0.02
    const sections: QuoteSection[] = [
      {
        id: 's',
        name: 'S',
        lines: [1, 2, 3].map(() => line({ unitPrice: cny(50), taxRateBp: 100 })),
      },
    ];
    expect(documentOf(sections, perLine).totals.tax).toEqual(cny(3));
    expect(documentOf(sections, perTotal).totals.tax).toEqual(cny(2));
    expect(taxByRate(sections[0]!.lines, 'CNY', perTotal)).toEqual([
      { rateBp: 100, net: cny(150), tax: cny(2) },
    ]);
  });
});

describe('quote document laws', () => {
  const lineArb = fc
    .record({
      quantity: fc.integer({ min: 0, max: 100_000 }).map((q) => q / 1_000),
      price: fc.integer({ min: 0, max: 10_000_000 }),
      discountBp: fc.integer({ min: 0, max: 10_000 }),
      taxRateBp: fc.constantFrom(0, 600, 900, 1_300),
    })
    .map((f) =>
      line({
        quantity: f.quantity,
        unitPrice: cny(f.price),
        discountBp: f.discountBp,
        taxRateBp: f.taxRateBp,
      }),
    );
  const sectionsArb = fc
    .array(fc.array(lineArb, { maxLength: 6 }), { minLength: 1, maxLength: 4 })
    .map((groups) =>
      groups.map((lines, i): QuoteSection => ({ id: `s${i}`, name: `S${i}`, lines })),
    );

  it('with per-line rounding, lines add up to subtotals, subtotals and tax rates to the totals', () => {
    fc.assert(
      fc.property(sectionsArb, (sections) => {
        const doc = documentOf(sections, perLine);
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        for (const s of doc.sections) {
          expect(sum(s.lines.map((l) => l.total.amountMinor))).toBe(s.subtotal.total.amountMinor);
          expect(sum(s.lines.map((l) => l.net.amountMinor))).toBe(s.subtotal.net.amountMinor);
          for (const l of s.lines) {
            expect(l.net.amountMinor + l.tax.amountMinor).toBe(l.total.amountMinor);
            expect(l.gross.amountMinor - l.discount.amountMinor).toBe(l.net.amountMinor);
          }
        }
        expect(sum(doc.sections.map((s) => s.subtotal.total.amountMinor))).toBe(
          doc.totals.total.amountMinor,
        );
        expect(sum(doc.taxRates.map((r) => r.tax.amountMinor))).toBe(doc.totals.tax.amountMinor);
        expect(sum(doc.taxRates.map((r) => r.net.amountMinor))).toBe(doc.totals.net.amountMinor);
      }),
    );
  });

  it('keeps every line, in order', () => {
    fc.assert(
      fc.property(sectionsArb, (sections) => {
        const doc = documentOf(sections, perTotal);
        expect(doc.lineCount).toBe(sections.reduce((n, s) => n + s.lines.length, 0));
        expect(doc.sections.flatMap((s) => s.lines.map((l) => l.quantity))).toEqual(
          sections.flatMap((s) => s.lines.map((l) => l.quantity)),
        );
      }),
    );
  });
});
