import { describe, expect, it } from 'vitest';
import type { Quote, QuoteLine, QuoteScenario } from '@shared/domain/quote';
import { quoteSchema } from '@shared/domain/quote';
import {
  applyScenario,
  blankLine,
  canTransition,
  compareScenarios,
  contingencyLine,
  copyFields,
  currentQuote,
  dealFiguresOf,
  editQuote,
  laborLine,
  nextVersion,
  openRiskExposure,
  priceForMargin,
  QuoteLockedError,
  type ScenarioContext,
} from '@shared/quote/build';
import { quoteFigures } from '@shared/quote/compute';
import {
  addLines,
  addSection,
  moveLine,
  removeLine,
  removeSection,
  renameSection,
  updateLine,
} from '@shared/quote/edit';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
let serial = 0;
const newId = () => `n${serial++}`;
const line = (fields: Partial<QuoteLine>): QuoteLine => ({
  ...blankLine(newId(), 'CNY'),
  ...fields,
});
const rounding = { level: 'per_line', mode: 'half_up' } as const;

const quote = (fields: Partial<Quote> = {}): Quote =>
  quoteSchema.parse({
    id: '00000010-0000-4000-8000-000000000001',
    createdAt: 1,
    updatedAt: 1,
    rev: 1,
    deletedAt: null,
    dealId: '00000010-0000-4000-8000-0000000000d1',
    version: 1,
    name: 'Main bid',
    status: 'draft',
    currency: 'CNY',
    sections: [
      { id: 'hw', name: 'Hardware', lines: [line({ unitPrice: cny(100), unitCost: cny(60) })] },
    ],
    validUntil: null,
    terms: '',
    scenarios: [],
    ...fields,
  });

const scenario = (fields: Partial<QuoteScenario>): QuoteScenario => ({
  id: newId(),
  name: 'Aggressive',
  discountBp: null,
  marginTargetBp: null,
  contingencyShareBp: null,
  excludedSectionIds: [],
  ...fields,
});

const context: ScenarioContext = {
  currency: 'CNY',
  rounding,
  exposure: cny(200_000),
  pwin: 40,
  newId,
  contingencyLabel: 'Contingency',
};

describe('labor and contingency lines', () => {
  it('prices labor as hours × sell rate, costed at the role rate', () => {
    const labor = laborLine({
      id: 'x',
      roleId: null,
      roleName: 'Solution architect',
      hours: 12.5,
      costRate: cny(45_000),
      sellRate: cny(80_000),
      unit: 'h',
      taxRateBp: 600,
    });
    const f = quoteFigures([{ id: 's', name: 'S', lines: [labor] }], 'CNY', rounding).totals;
    // 12.5 × 800.00 = 10,000.00; cost 12.5 × 450.00 = 5,625.00; VAT 6 % = 600.00
    expect(f.net.amountMinor).toBe(1_000_000);
    expect(f.cost.amountMinor).toBe(562_500);
    expect(f.tax.amountMinor).toBe(60_000);
    expect(labor.kind).toBe('labor');
  });

  it('takes a share of the open risks exposure only, in the quote currency', () => {
    const risks = [
      { status: 'open', exposure: cny(100_000), deletedAt: null },
      { status: 'mitigating', exposure: cny(50_001), deletedAt: null },
      { status: 'closed', exposure: cny(900_000), deletedAt: null },
      { status: 'open', exposure: { amountMinor: 7, currency: 'USD' }, deletedAt: null },
      { status: 'open', exposure: cny(1_000), deletedAt: 5 },
    ] as const;
    const exposure = openRiskExposure(risks, 'CNY');
    expect(exposure).toEqual(cny(150_001));
    // 50 % of 1,500.01 = 750.005: half-up 750.01, banker's 750.00
    const up = contingencyLine('c', 'Contingency', exposure, 5_000, 'half_up');
    expect(up.unitPrice).toEqual(cny(75_001));
    expect(up.unitCost).toEqual(cny(75_001));
    expect(contingencyLine('c', 'C', exposure, 5_000, 'half_even').unitPrice).toEqual(cny(75_000));
    // price and cost are the same: contingency never adds margin
    const f = quoteFigures([{ id: 's', name: 'S', lines: [up] }], 'CNY', rounding).totals;
    expect(f.margin.amountMinor).toBe(0);
  });
});

describe('scenarios', () => {
  it('re-prices to a margin target after the discount (worked by hand)', () => {
    // cost 600: 40 % margin → 1,000; with 20 % off → 600 / (0.6 × 0.8) = 1,250
    expect(priceForMargin(cny(600), cny(1), 4_000, 0, 'half_up')).toEqual(cny(1_000));
    expect(priceForMargin(cny(600), cny(1), 4_000, 2_000, 'half_up')).toEqual(cny(1_250));
    // no cost: the price stays
    expect(priceForMargin(cny(0), cny(77), 4_000, 0, 'half_up')).toEqual(cny(77));
  });

  it('compares scenarios side by side without touching the quote', () => {
    const base = quote({
      sections: [
        {
          id: 'hw',
          name: 'Hardware',
          lines: [line({ unitPrice: cny(100_000), unitCost: cny(60_000) })],
        },
        {
          id: 'mt',
          name: 'Maintenance',
          lines: [line({ unitPrice: cny(20_000), unitCost: cny(5_000) })],
        },
      ],
    });
    const before = JSON.stringify(base);
    const aggressive = scenario({ discountBp: 1_000 });
    const walkAway = scenario({
      marginTargetBp: 2_000,
      excludedSectionIds: ['mt'],
      contingencyShareBp: 1_000,
    });
    const result = compareScenarios(base.sections, [aggressive, walkAway], context);
    expect(JSON.stringify(base)).toBe(before);
    // baseline: price 1,200.00, cost 650.00, margin 550.00, EV 40 % = 220.00
    expect(result.baseline.totals.net.amountMinor).toBe(120_000);
    expect(result.baseline.totals.margin.amountMinor).toBe(55_000);
    expect(result.baseline.expectedValue.amountMinor).toBe(22_000);
    // aggressive: 10 % off both → 1,080.00, margin 430.00, EV 172.00
    expect(result.scenarios[0]?.totals.net.amountMinor).toBe(108_000);
    expect(result.scenarios[0]?.totals.margin.amountMinor).toBe(43_000);
    expect(result.scenarios[0]?.expectedValue.amountMinor).toBe(17_200);
    // walk-away: hardware only, priced at 600 / 0.8 = 750.00, plus 10 % of 2,000.00 contingency
    expect(result.scenarios[1]?.totals.net.amountMinor).toBe(75_000 + 20_000);
    expect(result.scenarios[1]?.totals.cost.amountMinor).toBe(60_000 + 20_000);
    expect(result.scenarios[1]?.totals.margin.amountMinor).toBe(15_000);
  });

  it('applying a scenario replaces the contingency lines rather than adding another', () => {
    const sections = applyScenario(
      quote().sections,
      scenario({ contingencyShareBp: 2_500 }),
      context,
    );
    const again = applyScenario(sections, scenario({ contingencyShareBp: 5_000 }), context);
    const contingencies = again.flatMap((s) => s.lines).filter((l) => l.kind === 'contingency');
    expect(contingencies).toHaveLength(1);
    expect(contingencies[0]?.unitPrice).toEqual(cny(100_000));
  });

  it('a scenario with everything excluded still carries its contingency in a section of its own', () => {
    const sections = applyScenario(
      quote().sections,
      scenario({ excludedSectionIds: ['hw'], contingencyShareBp: 1_000 }),
      context,
    );
    expect(sections).toHaveLength(1);
    expect(sections[0]?.name).toBe('Contingency');
  });
});

describe('versions', () => {
  it('numbers versions and finds the current one', () => {
    const v1 = quote({ version: 1, status: 'superseded' });
    const v2 = quote({ version: 2, status: 'sent' });
    const v3 = quote({ version: 3, status: 'draft' });
    expect(nextVersion([v1, v2, v3])).toBe(4);
    expect(nextVersion([])).toBe(1);
    expect(currentQuote([v1, v2, v3])).toBe(v3);
    expect(currentQuote([v1, { ...v2, status: 'accepted' as const }, v3])?.version).toBe(2);
    expect(currentQuote([{ ...v3, deletedAt: 9 }])).toBeNull();
  });

  it('a sent version is immutable; a draft is not', () => {
    const draft = quote();
    expect(editQuote(draft, { name: 'Renamed' }).name).toBe('Renamed');
    for (const status of ['sent', 'accepted', 'superseded'] as const) {
      expect(() => editQuote(quote({ status }), { terms: 'x' })).toThrow(QuoteLockedError);
    }
    expect(editQuote(quote({ status: 'internal_review' }), { terms: 'x' }).terms).toBe('x');
  });

  it('allows only the forward status changes', () => {
    expect(canTransition('draft', 'sent')).toBe(true);
    expect(canTransition('sent', 'accepted')).toBe(true);
    expect(canTransition('sent', 'draft')).toBe(false);
    expect(canTransition('accepted', 'draft')).toBe(false);
    expect(canTransition('draft', 'accepted')).toBe(false);
  });

  it('copies a sent version into a new draft with the same content', () => {
    const sent = quote({ status: 'sent', terms: 'Net 30' });
    const copy = copyFields(sent, 2);
    expect(copy.status).toBe('draft');
    expect(copy.version).toBe(2);
    expect(copy.sections).toEqual(sent.sections);
    expect(copy.terms).toBe('Net 30');
  });

  it('gives the deal the price excluding tax and the margin %', () => {
    const figures = quoteFigures(quote().sections, 'CNY', rounding);
    expect(dealFiguresOf(figures)).toEqual({ value: cny(100), expectedMarginPct: 40 });
  });

  it('the schema refuses a line in another currency with a readable message', () => {
    const result = quoteSchema.safeParse({
      ...quote(),
      sections: [
        {
          id: 'hw',
          name: 'Hardware',
          lines: [line({ unitPrice: { amountMinor: 1, currency: 'USD' } })],
        },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("must be the quote's currency (CNY), not USD");
  });
});

describe('section and line edits', () => {
  const base = () => [
    { id: 'a', name: 'A', lines: [line({ code: '1' }), line({ code: '2' }), line({ code: '3' })] },
    { id: 'b', name: 'B', lines: [] },
  ];

  it('adds, edits, moves and removes lines without touching the input', () => {
    const sections = base();
    const before = JSON.stringify(sections);
    const first = sections[0]?.lines[0]?.id ?? '';
    const moved = moveLine(sections, first, 1);
    expect(moved[0]?.lines.map((l) => l.code)).toEqual(['2', '1', '3']);
    expect(moveLine(sections, first, -1)).toEqual(sections);
    expect(updateLine(sections, first, { quantity: 7 })[0]?.lines[0]?.quantity).toBe(7);
    expect(removeLine(sections, first)[0]?.lines).toHaveLength(2);
    expect(addLines(sections, 'b', [line({ code: '9' })])[1]?.lines[0]?.code).toBe('9');
    expect(renameSection(sections, 'b', 'Services')[1]?.name).toBe('Services');
    expect(removeSection(sections, 'a')).toHaveLength(1);
    expect(addSection(sections, { id: 'c', name: 'C', lines: [] })).toHaveLength(3);
    expect(JSON.stringify(sections)).toBe(before);
  });
});
