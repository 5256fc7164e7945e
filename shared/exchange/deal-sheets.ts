import type { PlanDate } from '@shared/domain/dates';
import type { CostCategory, CostEntry } from '@shared/domain/cost';
import type { Money } from '@shared/domain/money';
import type { Risk, RiskCategory, RiskStatus } from '@shared/domain/risk';
import type { TimeEntry } from '@shared/domain/time-entry';
import type { CategoryFigures } from '@shared/cost/rollup';
import type { LoadFigures } from '@shared/resources/load';
import type { Sheet, SheetColumn } from '@shared/exchange/sheet';
import {
  dateCell,
  moneyColumn,
  moneyColumns,
  numberCell,
  textColumn,
} from '@shared/exchange/sheet';

/**
 * The sheets a deal's plan, risks and costs, and the load heatmap, export to. Headers and the
 * words of enumerations (a risk's category, a cost's category) come in the user's language from
 * the caller; names of people and tasks are resolved by the caller too, so these stay pure.
 */

type Headers<K extends string> = Readonly<Record<K, string>>;

// --- Plan ---------------------------------------------------------------------------------

export const PLAN_COLUMNS = [
  'wbs',
  'name',
  'kind',
  'start',
  'finish',
  'duration',
  'progress',
  'predecessors',
  'totalSlack',
  'critical',
  'baselineVariance',
  'assigned',
  'notes',
] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** One row of the plan as exported: what the grid shows, with its schedule figures. */
export interface PlanExportRow {
  readonly wbs: string;
  readonly name: string;
  /** Task, summary task, or the milestone's kind, in words. */
  readonly kindText: string;
  readonly start: PlanDate;
  readonly finish: PlanDate;
  readonly durationDays: number;
  readonly progress: number;
  /** `3FS+2; 5SS` as the grid writes them. */
  readonly predecessors: string;
  /** Working days (null: not scheduled, for example in a cycle). */
  readonly totalSlack: number | null;
  readonly critical: boolean;
  /** Working days late (+) or early (−) against the chosen baseline; null: none chosen or new. */
  readonly baselineVariance: number | null;
  /** The people assigned, `Name (12 h)`, joined. */
  readonly assigned: string;
  readonly notes: string;
}

export function planSheet(input: {
  name: string;
  headers: Headers<PlanColumn>;
  yes: string;
  rows: readonly PlanExportRow[];
}): Sheet<PlanExportRow> {
  const h = input.headers;
  const columns: SheetColumn<PlanExportRow>[] = [
    textColumn('wbs', h.wbs, (r) => r.wbs),
    textColumn('name', h.name, (r) => r.name),
    textColumn('kind', h.kind, (r) => r.kindText),
    { key: 'start', header: h.start, kind: 'date', cell: (r) => dateCell(r.start) },
    { key: 'finish', header: h.finish, kind: 'date', cell: (r) => dateCell(r.finish) },
    {
      key: 'duration',
      header: h.duration,
      kind: 'number',
      cell: (r) => numberCell(r.durationDays),
    },
    { key: 'progress', header: h.progress, kind: 'number', cell: (r) => numberCell(r.progress) },
    textColumn('predecessors', h.predecessors, (r) => r.predecessors),
    {
      key: 'totalSlack',
      header: h.totalSlack,
      kind: 'number',
      cell: (r) => numberCell(r.totalSlack),
    },
    textColumn('critical', h.critical, (r) => (r.critical ? input.yes : '')),
    {
      key: 'baselineVariance',
      header: h.baselineVariance,
      kind: 'number',
      cell: (r) => numberCell(r.baselineVariance),
    },
    textColumn('assigned', h.assigned, (r) => r.assigned),
    textColumn('notes', h.notes, (r) => r.notes),
  ];
  return { key: 'plan', name: input.name, columns, rows: input.rows };
}

// --- Risks --------------------------------------------------------------------------------

export const RISK_COLUMNS = [
  'deal',
  'title',
  'category',
  'probability',
  'impact',
  'score',
  'exposure',
  'currency',
  'owner',
  'status',
  'nextReview',
  'mitigation',
  'mitigationTask',
  'trigger',
  'description',
] as const;
export type RiskColumn = (typeof RISK_COLUMNS)[number];

export interface RiskExportRow {
  readonly risk: Risk;
  /** The deal's code and name (the portfolio's export; empty for one deal's). */
  readonly deal: string;
  readonly ownerName: string;
  readonly mitigationTaskName: string;
}

export function riskSheet(input: {
  name: string;
  headers: Headers<RiskColumn>;
  category: (category: RiskCategory) => string;
  status: (status: RiskStatus) => string;
  /** False for one deal's register: every row is that deal's. */
  withDeal: boolean;
  rows: readonly RiskExportRow[];
}): Sheet<RiskExportRow> {
  const h = input.headers;
  const columns: SheetColumn<RiskExportRow>[] = [
    ...(input.withDeal ? [textColumn<RiskExportRow>('deal', h.deal, (r) => r.deal)] : []),
    textColumn('title', h.title, (r) => r.risk.title),
    textColumn('category', h.category, (r) => input.category(r.risk.category)),
    {
      key: 'probability',
      header: h.probability,
      kind: 'number',
      cell: (r) => numberCell(r.risk.probability),
    },
    { key: 'impact', header: h.impact, kind: 'number', cell: (r) => numberCell(r.risk.impact) },
    {
      key: 'score',
      header: h.score,
      kind: 'number',
      cell: (r) => numberCell(r.risk.probability * r.risk.impact),
    },
    ...moneyColumns<RiskExportRow>('exposure', h.exposure, h.currency, (r) => r.risk.exposure),
    textColumn('owner', h.owner, (r) => r.ownerName),
    textColumn('status', h.status, (r) => input.status(r.risk.status)),
    {
      key: 'nextReview',
      header: h.nextReview,
      kind: 'date',
      cell: (r) => dateCell(r.risk.nextReviewDate),
    },
    textColumn('mitigation', h.mitigation, (r) => r.risk.mitigation),
    textColumn('mitigationTask', h.mitigationTask, (r) => r.mitigationTaskName),
    textColumn('trigger', h.trigger, (r) => r.risk.trigger),
    textColumn('description', h.description, (r) => r.risk.description),
  ];
  return { key: 'risks', name: input.name, columns, rows: input.rows };
}

// --- Costs --------------------------------------------------------------------------------

export const BUDGET_COLUMNS = [
  'category',
  'budget',
  'currency',
  'plan',
  'actual',
  'remaining',
] as const;
export type BudgetColumn = (typeof BUDGET_COLUMNS)[number];

export const COST_ENTRY_COLUMNS = [
  'date',
  'category',
  'amount',
  'currency',
  'person',
  'note',
] as const;
export type CostEntryColumn = (typeof COST_ENTRY_COLUMNS)[number];

export const TIME_COLUMNS = [
  'date',
  'person',
  'task',
  'hours',
  'cost',
  'currency',
  'note',
] as const;
export type TimeColumn = (typeof TIME_COLUMNS)[number];

export interface TimeExportRow {
  readonly entry: TimeEntry;
  readonly personName: string;
  readonly taskName: string;
  /** Hours × the person's rate; null when no rate is known or it is in another currency. */
  readonly cost: Money | null;
}

export interface CostEntryExportRow {
  readonly entry: CostEntry;
  readonly personName: string;
}

/**
 * A deal's costs as three sheets: the budget by category with plan, actual and remaining (the
 * figures the tab shows), the cost entries, and the time log.
 */
export function costSheets(input: {
  names: { budget: string; entries: string; time: string };
  budgetHeaders: Headers<BudgetColumn>;
  entryHeaders: Headers<CostEntryColumn>;
  timeHeaders: Headers<TimeColumn>;
  category: (category: CostCategory) => string;
  byCategory: readonly CategoryFigures[];
  entries: readonly CostEntryExportRow[];
  time: readonly TimeExportRow[];
}): [Sheet<CategoryFigures>, Sheet<CostEntryExportRow>, Sheet<TimeExportRow>] {
  const b = input.budgetHeaders;
  const budget: Sheet<CategoryFigures> = {
    key: 'budget',
    name: input.names.budget,
    rows: input.byCategory,
    columns: [
      textColumn('category', b.category, (r) => input.category(r.category)),
      ...moneyColumns<CategoryFigures>('budget', b.budget, b.currency, (r) => r.budget),
      // One currency column serves all: every figure of the tab is in the deal's currency.
      ...(['plan', 'actual', 'remaining'] as const).map((key) =>
        moneyColumn<CategoryFigures>(key, b[key], (r) => r[key]),
      ),
    ],
  };
  const e = input.entryHeaders;
  const entries: Sheet<CostEntryExportRow> = {
    key: 'costEntries',
    name: input.names.entries,
    rows: input.entries,
    columns: [
      { key: 'date', header: e.date, kind: 'date', cell: (r) => dateCell(r.entry.date) },
      textColumn('category', e.category, (r) => input.category(r.entry.category)),
      ...moneyColumns<CostEntryExportRow>('amount', e.amount, e.currency, (r) => r.entry.amount),
      textColumn('person', e.person, (r) => r.personName),
      textColumn('note', e.note, (r) => r.entry.note),
    ],
  };
  const t = input.timeHeaders;
  const time: Sheet<TimeExportRow> = {
    key: 'time',
    name: input.names.time,
    rows: input.time,
    columns: [
      { key: 'date', header: t.date, kind: 'date', cell: (r) => dateCell(r.entry.date) },
      textColumn('person', t.person, (r) => r.personName),
      textColumn('task', t.task, (r) => r.taskName),
      { key: 'hours', header: t.hours, kind: 'number', cell: (r) => numberCell(r.entry.hours) },
      ...moneyColumns<TimeExportRow>('cost', t.cost, t.currency, (r) => r.cost),
      textColumn('note', t.note, (r) => r.entry.note),
    ],
  };
  return [budget, entries, time];
}

// --- Load heatmap -------------------------------------------------------------------------

export interface LoadExportRow {
  readonly name: string;
  /** A role, a team, an inactive mark: what the heatmap writes after the name. */
  readonly note: string;
  readonly cells: readonly LoadFigures[];
}

/** Which figure of each week a load sheet holds. */
export type LoadMeasure = 'hours' | 'capacity' | 'utilization';

const HOURS_PER_MINUTE = 1 / 60;

function figureOf(cell: LoadFigures | undefined, measure: LoadMeasure, tentative: boolean) {
  if (cell === undefined) return null;
  switch (measure) {
    case 'hours':
      return (
        Math.round(
          (cell.assignedMinutes + (tentative ? cell.tentativeMinutes : 0)) * HOURS_PER_MINUTE * 10,
        ) / 10
      );
    case 'capacity':
      return Math.round(cell.capacityMinutes * HOURS_PER_MINUTE * 10) / 10;
    case 'utilization': {
      const share = tentative ? cell.utilizationWithTentative : cell.utilization;
      return share === null ? null : Math.round(share * 100);
    }
  }
}

/**
 * The heatmap as sheets of rows (people or roles) × weeks: assigned hours, capacity hours and
 * utilisation in percent (empty where there is no capacity). With `tentative`, the what-if
 * layer's hours are included, as the heatmap shows them.
 */
export function loadSheets(input: {
  names: Readonly<Record<LoadMeasure, string>>;
  nameHeader: string;
  noteHeader: string;
  /** The header of a week's column (its first day, formatted by the caller). */
  weekHeader: (weekStart: PlanDate) => string;
  weeks: readonly PlanDate[];
  rows: readonly LoadExportRow[];
  tentative: boolean;
}): Sheet<LoadExportRow>[] {
  return (['hours', 'capacity', 'utilization'] as const).map((measure) => ({
    key: measure,
    name: input.names[measure],
    rows: input.rows,
    columns: [
      textColumn<LoadExportRow>('name', input.nameHeader, (r) => r.name),
      textColumn<LoadExportRow>('note', input.noteHeader, (r) => r.note),
      ...input.weeks.map((week, index): SheetColumn<LoadExportRow> => ({
        key: week,
        header: input.weekHeader(week),
        kind: 'number',
        cell: (r) => numberCell(figureOf(r.cells[index], measure, input.tentative)),
      })),
    ],
  }));
}
