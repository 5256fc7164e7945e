import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeStatement } from '@shared/compensation/statement';
import { creditWonDeals } from '@shared/compensation/credit';
import { neutraliseText, statementSheet } from '@shared/export/statement-sheet';
import type { SheetCell } from '@shared/export/statement-sheet';
import { ALICE, cny, plan, wonDeal } from '../compensation/fixtures';

describe('neutraliseText', () => {
  it('prefixes text a spreadsheet would read as a formula', () => {
    for (const text of ['=1+2', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx']) {
      expect(neutraliseText(text)).toBe(`'${text}`);
    }
  });

  it('leaves other text as it is', () => {
    for (const text of ['Plan A', '<img src=x>', ' =1', '1=1', '']) {
      expect(neutraliseText(text)).toBe(text);
    }
  });

  it('never leaves a formula start (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(neutraliseText(text)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe('statementSheet', () => {
  const deals = [
    wonDeal(1, {
      value: cny(123_456),
      outcomeDate: '2026-02-01',
      splits: [{ personId: ALICE, kind: 'revenue', shareBp: 10_000 }],
    }),
  ];
  const statement = computeStatement({
    plan: plan({ kind: 'flat', flatRateBp: 500 }),
    person: { id: ALICE },
    period: { kind: 'quarter', fiscalYear: 2026, index: 1 },
    credits: creditWonDeals({
      deals,
      periodKind: 'month',
      fiscalYearStartMonth: 1,
      roundingMode: 'half_up',
    }).lines,
    target: { amount: cny(1_000_000), basis: 'revenue' },
    adjustments: [],
    roundingMode: 'half_up',
  });
  const rows = statementSheet({
    statement,
    label: (key) => key,
    personName: '@Alice',
    planName: '=HYPERLINK("http://x")',
    periodLabel: 'FY2026 Q1',
    basisLabel: 'Revenue',
    dealLabel: () => '-BID-1',
    kindLabel: (kind) => kind,
    adjustmentKindLabel: (kind) => kind,
    monthLabel: () => 'M2',
    bandLabel: () => 'from 0%',
    warnings: [],
  });
  const cells = rows.flat().filter((cell): cell is NonNullable<SheetCell> => cell !== null);

  it('keeps money, percentages and multipliers as numbers', () => {
    // 1 234.56 credited, 5 % of it is 61.73 (6 172.8 fen rounded half up).
    expect(cells).toContainEqual({ kind: 'money', value: 1234.56, decimals: 2 });
    expect(cells).toContainEqual({ kind: 'money', value: 61.73, decimals: 2 });
    expect(cells).toContainEqual({ kind: 'percent', value: 0.1234 });
    expect(cells).toContainEqual({ kind: 'number', value: 1 });
  });

  it('neutralises every text a user typed', () => {
    const texts = cells.flatMap((cell) =>
      cell.kind === 'text' || cell.kind === 'heading' ? [cell.value] : [],
    );
    expect(texts).toContain(`'@Alice`);
    expect(texts).toContain(`'=HYPERLINK("http://x")`);
    expect(texts).toContain(`'-BID-1`);
    expect(texts.some((text) => /^[=+\-@]/.test(text))).toBe(false);
  });

  it('lists credit and payout adjustments with their reason, neutralised, amounts as numbers', () => {
    const adjusted = computeStatement({
      plan: plan({ kind: 'flat', flatRateBp: 500 }),
      person: { id: ALICE },
      period: { kind: 'quarter', fiscalYear: 2026, index: 1 },
      credits: [],
      target: { amount: cny(1_000_000), basis: 'revenue' },
      adjustments: [
        { kind: 'payout', amount: cny(-2_500), reason: '=recover Q4 overpayment', dealId: null },
        { kind: 'credit', amount: cny(-50_000), reason: 'BID-1 cancelled', dealId: null },
      ],
      roundingMode: 'half_up',
    });
    const sheet = statementSheet({
      statement: adjusted,
      label: (key) => key,
      personName: 'Alice',
      planName: 'Plan',
      periodLabel: 'FY2026 Q1',
      basisLabel: 'Revenue',
      dealLabel: () => 'BID-1',
      kindLabel: (kind) => kind,
      adjustmentKindLabel: (kind) => `adjusts ${kind}`,
      monthLabel: () => 'M2',
      bandLabel: () => 'from 0%',
      warnings: [],
    });
    const start = sheet.findIndex((row) => row[0]?.value === 'adjustments');
    expect(start).toBeGreaterThan(0);
    expect(sheet.slice(start + 2, start + 4)).toEqual([
      [
        { kind: 'text', value: 'adjusts credit' },
        { kind: 'text', value: '' },
        { kind: 'text', value: 'BID-1 cancelled' },
        { kind: 'money', value: -500, decimals: 2 },
      ],
      [
        { kind: 'text', value: 'adjusts payout' },
        { kind: 'text', value: '' },
        { kind: 'text', value: "'=recover Q4 overpayment" },
        { kind: 'money', value: -25, decimals: 2 },
      ],
    ]);
  });
});
