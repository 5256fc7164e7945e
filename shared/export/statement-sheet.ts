/**
 * A commission statement as a spreadsheet: rows of typed cells (numbers stay numbers, money in
 * major units with the currency's decimals, percentages as ratios), for the XLSX export. Text a
 * user typed (a person's, plan's or deal's name) is neutralised so a spreadsheet never runs it as
 * a formula.
 */
import { minorDigits } from '@shared/domain/money';
import type { Money } from '@shared/domain/money';
import type { CommissionStatement } from '@shared/compensation/statement';

export type SheetCell =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'heading'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  /** Major units, with the currency's number of decimals. */
  | { readonly kind: 'money'; readonly value: number; readonly decimals: number }
  /** A ratio: 0.5 is 50 %. */
  | { readonly kind: 'percent'; readonly value: number }
  | null;

/** Characters that make a spreadsheet read a cell as a formula (or a DDE call). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text for a spreadsheet cell that no spreadsheet will evaluate: text starting with = + - @ tab or
 * carriage return gets a leading apostrophe, so `=HYPERLINK(…)` typed as a plan name stays text.
 */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type StatementSheetLabel =
  | 'person'
  | 'plan'
  | 'period'
  | 'basis'
  | 'target'
  | 'creditedFromDeals'
  | 'credited'
  | 'attainment'
  | 'grossEarnings'
  | 'capWithheld'
  | 'earnings'
  | 'netEarnings'
  | 'payout'
  | 'drawBalance'
  | 'credits'
  | 'deal'
  | 'kind'
  | 'split'
  | 'installment'
  | 'month'
  | 'amount'
  | 'steps'
  | 'band'
  | 'rate'
  | 'multiplier'
  | 'warnings'
  | 'adjustments'
  | 'adjustmentKind'
  | 'reason';

export interface StatementSheetInput {
  readonly statement: CommissionStatement;
  readonly label: (key: StatementSheetLabel) => string;
  readonly personName: string;
  readonly planName: string;
  readonly periodLabel: string;
  readonly basisLabel: string;
  readonly dealLabel: (dealId: string) => string;
  readonly kindLabel: (kind: 'revenue' | 'overlay') => string;
  /** What an adjustment changes: credit or payout, in the user's words. */
  readonly adjustmentKindLabel: (kind: 'credit' | 'payout') => string;
  readonly monthLabel: (row: CommissionStatement['credits'][number]) => string;
  readonly bandLabel: (fromPct: number, toPct: number | null) => string;
  readonly warnings: readonly string[];
}

const text = (value: string): SheetCell => ({ kind: 'text', value: neutraliseText(value) });
const heading = (value: string): SheetCell => ({ kind: 'heading', value: neutraliseText(value) });
const moneyCell = (amount: Money | null): SheetCell =>
  amount === null
    ? null
    : {
        kind: 'money',
        value: amount.amountMinor / 10 ** minorDigits(amount.currency),
        decimals: minorDigits(amount.currency),
      };
const percent = (ratio: number | null): SheetCell =>
  ratio === null ? null : { kind: 'percent', value: ratio };

/** The statement's rows, top to bottom: summary, credited deals, the step-by-step computation. */
export function statementSheet(input: StatementSheetInput): SheetCell[][] {
  const { statement: s, label } = input;
  const rows: SheetCell[][] = [
    [heading(label('person')), text(input.personName)],
    [heading(label('plan')), text(input.planName)],
    [heading(label('period')), text(input.periodLabel)],
    [heading(label('basis')), text(input.basisLabel)],
    [],
    [heading(label('target')), moneyCell(s.target)],
    [heading(label('creditedFromDeals')), moneyCell(s.creditedFromDeals)],
    [heading(label('credited')), moneyCell(s.credited)],
    [
      heading(label('attainment')),
      percent(s.attainmentBp === null ? null : s.attainmentBp / 10_000),
    ],
    [heading(label('grossEarnings')), moneyCell(s.grossEarnings)],
    [heading(label('capWithheld')), moneyCell(s.capWithheld)],
    [heading(label('earnings')), moneyCell(s.earnings)],
    [heading(label('netEarnings')), moneyCell(s.netEarnings)],
  ];
  if (s.draw !== null) rows.push([heading(label('drawBalance')), moneyCell(s.draw.balanceAfter)]);
  rows.push([heading(label('payout')), moneyCell(s.payout)], []);
  rows.push([heading(label('credits'))]);
  rows.push(
    [
      label('deal'),
      label('kind'),
      label('split'),
      label('installment'),
      label('month'),
      label('amount'),
    ].map(heading),
  );
  for (const row of s.credits) {
    rows.push([
      text(input.dealLabel(row.dealId)),
      text(input.kindLabel(row.kind)),
      percent(row.shareBp / 10_000),
      text(`${row.installment}/${row.installments}`),
      text(input.monthLabel(row)),
      moneyCell(row.amount),
    ]);
  }
  const adjustments = [...s.creditAdjustments, ...s.payoutAdjustments];
  if (adjustments.length > 0) {
    rows.push([], [heading(label('adjustments'))]);
    rows.push(
      [label('adjustmentKind'), label('deal'), label('reason'), label('amount')].map(heading),
    );
    for (const adjustment of adjustments) {
      rows.push([
        text(input.adjustmentKindLabel(adjustment.kind)),
        text(adjustment.dealId === null ? '' : input.dealLabel(adjustment.dealId)),
        text(adjustment.reason),
        moneyCell(adjustment.amount),
      ]);
    }
  }
  rows.push([], [heading(label('steps'))]);
  rows.push(
    [label('band'), label('amount'), label('rate'), label('multiplier'), label('earnings')].map(
      heading,
    ),
  );
  for (const step of s.steps) {
    rows.push([
      text(input.bandLabel(step.fromPct, step.toPct)),
      moneyCell(step.amount),
      percent(step.rateBp / 10_000),
      { kind: 'number', value: step.multiplierPct / 100 },
      moneyCell(step.earnings),
    ]);
  }
  if (input.warnings.length > 0) {
    rows.push([], [heading(label('warnings'))]);
    for (const warning of input.warnings) rows.push([text(warning)]);
  }
  return rows;
}
