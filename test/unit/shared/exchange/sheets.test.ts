import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CostEntry } from '@shared/domain/cost';
import type { PlanDate } from '@shared/domain/dates';
import type { Risk } from '@shared/domain/risk';
import type { TimeEntry } from '@shared/domain/time-entry';
import type { CategoryFigures } from '@shared/cost/rollup';
import type { LoadFigures } from '@shared/resources/load';
import { cellAsText } from '@shared/exchange/cells';
import { toCsv } from '@shared/exchange/csv';
import {
  BUDGET_COLUMNS,
  COST_ENTRY_COLUMNS,
  PLAN_COLUMNS,
  RISK_COLUMNS,
  TIME_COLUMNS,
  costSheets,
  loadSheets,
  planSheet,
  riskSheet,
} from '@shared/exchange/deal-sheets';
import type { PlanExportRow } from '@shared/exchange/deal-sheets';
import { anySheet, chosenColumns, fileStemOf, sheetTable } from '@shared/exchange/sheet';
import type { Sheet } from '@shared/exchange/sheet';

const d = (text: string) => text as PlanDate;
const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' as const });
/** Headers that are their own keys, so a test reads which column is where. */
const keyed = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, key as string])) as Record<K, string>;

const planRow = (over: Partial<PlanExportRow> = {}): PlanExportRow => ({
  wbs: '1',
  name: 'Write the solution',
  kindText: 'Task',
  start: d('2026-12-01'),
  finish: d('2026-12-04'),
  durationDays: 4,
  progress: 25,
  predecessors: '',
  totalSlack: 3,
  critical: false,
  baselineVariance: null,
  assigned: '',
  notes: '',
  ...over,
});

describe('sheetTable', () => {
  const sheet: Sheet<{ n: number; s: string }> = {
    key: 'k',
    name: 'K',
    rows: [
      { n: 1, s: 'a' },
      { n: -5, s: '=cmd' },
    ],
    columns: [
      { key: 'n', header: 'N', kind: 'number', cell: (r) => ({ kind: 'number', value: r.n }) },
      {
        key: 's',
        header: 'S',
        kind: 'text',
        cell: (r) => ({ kind: 'text', value: r.s.startsWith('=') ? `'${r.s}` : r.s }),
      },
    ],
  };
  it('keeps the chosen columns in the sheet order, whatever order they were ticked in', () => {
    const table = sheetTable(sheet, ['s', 'n', 'unknown']);
    expect(table.headers).toEqual(['N', 'S']);
    expect(table.rows[1]).toEqual([
      { kind: 'number', value: -5 },
      { kind: 'text', value: "'=cmd" },
    ]);
  });
  it('exports every column when none were chosen, and a column subset is a projection', () => {
    fc.assert(
      fc.property(fc.subarray(['n', 's']), (keys) => {
        const all = sheetTable(sheet);
        const some = sheetTable(sheet, keys);
        const index = chosenColumns(sheet.columns, keys).map((c) =>
          sheet.columns.findIndex((x) => x.key === c.key),
        );
        expect(some.rows).toEqual(all.rows.map((row) => index.map((i) => row[i])));
      }),
    );
  });
  it('erases the row type but keeps the count and columns', () => {
    const erased = anySheet(sheet);
    expect(erased.rowCount).toBe(2);
    expect(erased.columns.map((c) => c.key)).toEqual(['n', 's']);
    expect(erased.table(['n']).rows).toEqual([
      [{ kind: 'number', value: 1 }],
      [{ kind: 'number', value: -5 }],
    ]);
  });
});

describe('fileStemOf', () => {
  it('keeps letters, digits, dot, dash and underscore', () => {
    expect(fileStemOf('D-2026/14 国网')).toBe('D-2026-14');
    expect(fileStemOf('---', 'plan')).toBe('plan');
  });
});

describe('plan sheet', () => {
  it('writes dates as dates, days and percent as numbers, and neutralises names', () => {
    const sheet = planSheet({
      name: 'Plan',
      headers: keyed(PLAN_COLUMNS),
      yes: 'Critical',
      rows: [
        planRow({ name: '=1+2', critical: true, baselineVariance: -2 }),
        planRow({ wbs: '2', totalSlack: null }),
      ],
    });
    const table = sheetTable(sheet, [
      'name',
      'start',
      'duration',
      'totalSlack',
      'critical',
      'baselineVariance',
    ]);
    expect(table.kinds).toEqual(['text', 'date', 'number', 'number', 'text', 'number']);
    expect(table.rows[0]).toEqual([
      { kind: 'text', value: "'=1+2" },
      { kind: 'date', value: '2026-12-01' },
      { kind: 'number', value: 4 },
      { kind: 'number', value: 3 },
      { kind: 'text', value: 'Critical' },
      { kind: 'number', value: -2 },
    ]);
    // No slack (a cycle) and no baseline are empty cells, never 0.
    expect(table.rows[1]?.[3]).toEqual({ kind: 'empty' });
    expect(table.rows[1]?.[5]).toEqual({ kind: 'empty' });
  });
});

const risk = (over: Partial<Risk> = {}): Risk =>
  ({
    id: 'r1',
    dealId: 'd1',
    title: 'Key engineer may leave',
    description: '',
    category: 'delivery',
    probability: 3,
    impact: 4,
    exposure: cny(1_250_000),
    ownerId: null,
    mitigation: '-hire a backup',
    mitigationTaskId: null,
    trigger: '',
    status: 'open',
    nextReviewDate: null,
    history: [],
    ...over,
  }) as unknown as Risk;

describe('risk sheet', () => {
  const build = (withDeal: boolean) =>
    riskSheet({
      name: 'Risks',
      headers: keyed(RISK_COLUMNS),
      category: (c) => `cat:${c}`,
      status: (s) => `st:${s}`,
      withDeal,
      rows: [{ risk: risk(), deal: 'D-1 Grid', ownerName: 'Li Wei', mitigationTaskName: '' }],
    });
  it('has a deal column only for the portfolio', () => {
    expect(build(false).columns.map((c) => c.key)).not.toContain('deal');
    expect(build(true).columns[0]?.key).toBe('deal');
  });
  it('writes the score and the exposure in major units with its currency beside it', () => {
    const table = sheetTable(build(false), [
      'category',
      'score',
      'exposure',
      'exposureCurrency',
      'mitigation',
    ]);
    expect(table.rows[0]).toEqual([
      { kind: 'text', value: 'cat:delivery' },
      { kind: 'number', value: 12 },
      { kind: 'money', value: 12_500, digits: 2 },
      { kind: 'text', value: 'CNY' },
      { kind: 'text', value: "'-hire a backup" },
    ]);
  });
});

describe('cost sheets', () => {
  const figures: CategoryFigures = {
    category: 'travel',
    budget: cny(500_000),
    plan: cny(300_000),
    actual: cny(-12_345),
    scheduled: cny(0),
    remaining: cny(312_345),
  };
  const entry = {
    id: 'c1',
    dealId: 'd1',
    date: d('2026-11-02'),
    category: 'bid_bond',
    amount: cny(-500),
    personId: null,
    note: '@refund',
  } as unknown as CostEntry;
  const time = {
    id: 't1',
    dealId: 'd1',
    personId: 'p1',
    taskId: null,
    date: d('2026-11-03'),
    hours: 7.5,
    note: '',
  } as unknown as TimeEntry;
  const [budget, entries, log] = costSheets({
    names: { budget: 'Budget', entries: 'Costs', time: 'Time' },
    budgetHeaders: keyed(BUDGET_COLUMNS),
    entryHeaders: keyed(COST_ENTRY_COLUMNS),
    timeHeaders: keyed(TIME_COLUMNS),
    category: (c) => c,
    byCategory: [figures],
    entries: [{ entry, personName: '' }],
    time: [{ entry: time, personName: 'Ann', taskName: 'Whole deal', cost: null }],
  });
  it('keeps a refund a negative number, never text', () => {
    const table = sheetTable(entries);
    expect(table.rows[0]?.[2]).toEqual({ kind: 'money', value: -5, digits: 2 });
    expect(table.rows[0]?.[5]).toEqual({ kind: 'text', value: "'@refund" });
    const csv = toCsv(table.headers, table.rows, 'comma');
    expect(csv).toContain("2026-11-02,bid_bond,-5.00,CNY,,'@refund");
  });
  it('writes one currency column for the budget figures', () => {
    const table = sheetTable(budget);
    expect(table.headers).toEqual([
      'category',
      'budget',
      'currency',
      'plan',
      'actual',
      'remaining',
    ]);
    expect(table.rows[0]?.map(cellAsText)).toEqual([
      'travel',
      '5000.00',
      'CNY',
      '3000.00',
      '-123.45',
      '3123.45',
    ]);
  });
  it('leaves the cost empty when no rate is known', () => {
    const row = sheetTable(log).rows[0];
    expect(row?.[3]).toEqual({ kind: 'number', value: 7.5 });
    expect(row?.[4]).toEqual({ kind: 'empty' });
    expect(row?.[5]).toEqual({ kind: 'empty' });
  });
});

describe('load sheets', () => {
  const cell = (assigned: number, capacity: number, tentative = 0): LoadFigures => ({
    weekStart: d('2026-11-30'),
    assignedMinutes: assigned,
    tentativeMinutes: tentative,
    capacityMinutes: capacity,
    utilization: capacity > 0 ? assigned / capacity : null,
    band: 'ok',
    utilizationWithTentative: capacity > 0 ? (assigned + tentative) / capacity : null,
    bandWithTentative: 'ok',
  });
  const build = (tentative: boolean) =>
    loadSheets({
      names: { hours: 'Hours', capacity: 'Capacity', utilization: 'Use' },
      nameHeader: 'Person',
      noteHeader: 'Role',
      weekHeader: (w) => `w${w}`,
      weeks: [d('2026-11-30'), d('2026-12-07')],
      rows: [{ name: 'Ann', note: 'Pricing', cells: [cell(2_430, 2_400, 600), cell(0, 0)] }],
      tentative,
    });
  it('writes hours to a tenth, utilisation in whole percent, and no capacity as empty', () => {
    const [hours, capacity, use] = build(false).map((sheet) => sheetTable(sheet).rows[0]);
    expect(hours?.slice(2)).toEqual([
      { kind: 'number', value: 40.5 },
      { kind: 'number', value: 0 },
    ]);
    expect(capacity?.slice(2)).toEqual([
      { kind: 'number', value: 40 },
      { kind: 'number', value: 0 },
    ]);
    expect(use?.slice(2)).toEqual([{ kind: 'number', value: 101 }, { kind: 'empty' }]);
  });
  it('includes the what-if hours when the layer is shown', () => {
    const [hours, , use] = build(true).map((sheet) => sheetTable(sheet).rows[0]);
    expect(hours?.[2]).toEqual({ kind: 'number', value: 50.5 });
    expect(use?.[2]).toEqual({ kind: 'number', value: 126 });
  });
  it('heads each week with its date', () => {
    expect(sheetTable(build(false)[0]!).headers).toEqual([
      'Person',
      'Role',
      'w2026-11-30',
      'w2026-12-07',
    ]);
  });
});
