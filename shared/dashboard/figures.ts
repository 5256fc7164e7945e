/**
 * The executive dashboard's figures, computed from stored facts (nothing here is stored).
 *
 * Definitions ("in the period" always means the fiscal period chosen in the filter; no period:
 * everything):
 * - **Weighted pipeline**: open deals' value × Pwin (`weightedValue`, rounded per deal), bucketed
 *   by the fiscal month and quarter of the expected award date and by the forecast category of the
 *   deal's stage. Only deals in the base currency are summed (there is no exchange rate); the
 *   others are counted in `otherCurrency`, and open deals without an award date in `undated`.
 * - **Win rate**: won ÷ (won + lost) of the deals whose outcome date is in the period. No-bids and
 *   cancellations are decisions not to compete, so they count in neither.
 * - **Average cycle time**: days from a deal's creation to its outcome date, averaged over the won
 *   and lost deals of the period.
 * - **Funnel** (from the activity trail of stage moves): the deals created in the period, counted
 *   at every open stage they reached (their first stage, or any later one they were moved to; a
 *   deal that skipped a stage reached it too), then at "won". Conversion of a stage = deals that
 *   reached the next step ÷ deals that reached it.
 * - **Time in stage**: the average length of the completed stays in each stage (entered and left
 *   again, by the trail) of the same deals; a deal still in a stage has not finished its stay.
 * - **Pursuit cost**: budget and spend to date of the filtered deals, in the base currency; **cost
 *   of sale** = spend on the won deals of the period ÷ their value (what winning the business cost).
 *
 * Filters: owner, account and current stage narrow the deals before anything is counted.
 */
import type { PlanDate } from '@shared/domain/dates';
import { planDateFromUtcMs, utcMsOfPlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import { weightedValue } from '@shared/domain/deal';
import type { AccountId, DealId, PersonId, StageId } from '@shared/domain/ids';
import type { CurrencyCode } from '@shared/domain/money';
import type { Period } from '@shared/domain/period';
import type { ForecastCategory, Stage } from '@shared/domain/sales-process';
import { FORECAST_CATEGORIES } from '@shared/domain/sales-process';
import { fiscalMonthRange, periodKey, periodOf } from '@shared/compensation/periods';

const DAY_MS = 86_400_000;

export type DashboardDeal = Pick<
  Deal,
  | 'id'
  | 'code'
  | 'name'
  | 'accountId'
  | 'ownerId'
  | 'stageId'
  | 'status'
  | 'value'
  | 'pwin'
  | 'keyDates'
  | 'createdAt'
  | 'outcomeDate'
  | 'deletedAt'
>;

export type DashboardStage = Pick<
  Stage,
  'id' | 'key' | 'name' | 'order' | 'kind' | 'forecastCategory' | 'deletedAt'
>;

/** One stage move of the trail: the deal left `from` and entered `to` at `at` (epoch ms). */
export interface StageMoveFact {
  readonly dealId: DealId;
  readonly at: number;
  readonly from: StageId;
  readonly to: StageId;
}

/** A deal's pursuit cost to date, in the deal's currency. */
export interface DealSpend {
  readonly budgetMinor: number;
  readonly actualMinor: number;
}

export interface DashboardFilter {
  readonly period: Period | null;
  readonly ownerId: PersonId | null;
  readonly accountId: AccountId | null;
  readonly stageId: StageId | null;
}

export const NO_FILTER: DashboardFilter = {
  period: null,
  ownerId: null,
  accountId: null,
  stageId: null,
};

export interface DashboardInput {
  readonly deals: readonly DashboardDeal[];
  readonly stages: readonly DashboardStage[];
  readonly moves: readonly StageMoveFact[];
  readonly spend: ReadonlyMap<string, DealSpend>;
  readonly baseCurrency: CurrencyCode;
  readonly fiscalYearStartMonth: number;
  readonly filter: DashboardFilter;
}

/** Weighted value of one period, per forecast category (minor units of the base currency). */
export interface PipelineBucket {
  readonly period: Period;
  readonly key: string;
  readonly byCategory: Readonly<Record<ForecastCategory, number>>;
  readonly totalMinor: number;
  readonly deals: number;
}

export interface WeightedPipeline {
  readonly months: readonly PipelineBucket[];
  readonly quarters: readonly PipelineBucket[];
  readonly totalMinor: number;
  /** Open deals in the filter without an expected award date. */
  readonly undated: number;
  /** Open deals left out because their value is in another currency. */
  readonly otherCurrency: number;
}

export interface FunnelStep {
  readonly stageId: StageId | null;
  /** Null for the last step, "won". */
  readonly stage: DashboardStage | null;
  readonly reached: number;
  /** reached(next) ÷ reached(this), as a ratio; null for "won" and for a stage nobody reached. */
  readonly conversion: number | null;
}

export interface StageTime {
  readonly stage: DashboardStage;
  /** Completed stays counted. */
  readonly stays: number;
  /** Average stay in days (null: no completed stay). */
  readonly averageDays: number | null;
}

export interface CostFigures {
  readonly budgetMinor: number;
  readonly actualMinor: number;
  /** Spend ÷ value of the won deals of the period, in percent (null: nothing won). */
  readonly costOfSalePct: number | null;
  readonly wonSpendMinor: number;
  readonly wonValueMinor: number;
  /** Per open-stage and closed outcome: budget and spend of the deals now there. */
  readonly byStage: readonly {
    readonly stage: DashboardStage;
    readonly budgetMinor: number;
    readonly actualMinor: number;
  }[];
}

export interface DashboardFigures {
  /** The deals passing the owner, account and stage filters (not the period). */
  readonly deals: readonly DashboardDeal[];
  readonly pipeline: WeightedPipeline;
  readonly won: number;
  readonly lost: number;
  /** Won ÷ (won + lost) as a ratio (null: nothing decided in the period). */
  readonly winRate: number | null;
  /** Null when no deal was decided in the period. */
  readonly averageCycleDays: number | null;
  readonly funnel: readonly FunnelStep[];
  readonly timeInStage: readonly StageTime[];
  readonly cost: CostFigures;
}

function emptyCategories(): Record<ForecastCategory, number> {
  return Object.fromEntries(FORECAST_CATEGORIES.map((c) => [c, 0])) as Record<
    ForecastCategory,
    number
  >;
}

/** True when a date is in the period (no period: always). */
function inPeriod(
  date: PlanDate | null,
  period: Period | null,
  range: { first: number; end: number } | null,
  startMonth: number,
): boolean {
  if (period === null || range === null) return true;
  if (date === null) return false;
  const month = periodOf(date, 'month', startMonth);
  const ordinal = month.fiscalYear * 12 + month.index - 1;
  return ordinal >= range.first && ordinal < range.end;
}

/** The deals the owner, account and stage filters leave (trashed deals never count). */
export function filterDeals<T extends DashboardDeal>(
  deals: readonly T[],
  filter: DashboardFilter,
): T[] {
  return deals.filter(
    (deal) =>
      deal.deletedAt === null &&
      (filter.ownerId === null || deal.ownerId === filter.ownerId) &&
      (filter.accountId === null || deal.accountId === filter.accountId) &&
      (filter.stageId === null || deal.stageId === filter.stageId),
  );
}

function bucketsOf(
  map: Map<string, { period: Period; byCategory: Record<ForecastCategory, number>; deals: number }>,
): PipelineBucket[] {
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, bucket]) => ({
      key,
      period: bucket.period,
      byCategory: bucket.byCategory,
      totalMinor: FORECAST_CATEGORIES.reduce((sum, c) => sum + bucket.byCategory[c], 0),
      deals: bucket.deals,
    }));
}

export function weightedPipeline(
  deals: readonly DashboardDeal[],
  stages: ReadonlyMap<string, DashboardStage>,
  baseCurrency: CurrencyCode,
  startMonth: number,
  period: Period | null,
): WeightedPipeline {
  const range = period === null ? null : fiscalMonthRange(period);
  const months = new Map<
    string,
    { period: Period; byCategory: Record<ForecastCategory, number>; deals: number }
  >();
  const quarters = new Map<
    string,
    { period: Period; byCategory: Record<ForecastCategory, number>; deals: number }
  >();
  let undated = 0;
  let otherCurrency = 0;
  let totalMinor = 0;
  const add = (
    map: typeof months,
    bucketPeriod: Period,
    category: ForecastCategory,
    amount: number,
  ) => {
    const key = periodKey(bucketPeriod);
    const bucket = map.get(key) ?? {
      period: bucketPeriod,
      byCategory: emptyCategories(),
      deals: 0,
    };
    bucket.byCategory[category] += amount;
    bucket.deals += 1;
    map.set(key, bucket);
  };
  for (const deal of deals) {
    if (deal.status !== 'open') continue;
    const award = deal.keyDates.expectedAward;
    if (award === null) {
      if (period === null) undated += 1;
      continue;
    }
    if (!inPeriod(award, period, range, startMonth)) continue;
    if (deal.value.currency !== baseCurrency) {
      otherCurrency += 1;
      continue;
    }
    const category = stages.get(deal.stageId)?.forecastCategory ?? 'pipeline';
    const amount = weightedValue(deal).amountMinor;
    totalMinor += amount;
    add(months, periodOf(award, 'month', startMonth), category, amount);
    add(quarters, periodOf(award, 'quarter', startMonth), category, amount);
  }
  return {
    months: bucketsOf(months),
    quarters: bucketsOf(quarters),
    totalMinor,
    undated,
    otherCurrency,
  };
}

/** Each deal's stays, in order: the stage and when it was entered. */
export function stageHistory(
  deal: Pick<DashboardDeal, 'id' | 'stageId' | 'createdAt'>,
  moves: readonly StageMoveFact[],
): { stageId: StageId; enteredAt: number }[] {
  const sorted = [...moves].sort((a, b) => a.at - b.at);
  const first = sorted[0]?.from ?? deal.stageId;
  return [
    { stageId: first, enteredAt: deal.createdAt },
    ...sorted.map((move) => ({ stageId: move.to, enteredAt: move.at })),
  ];
}

/** Stage moves grouped by deal. */
export function movesByDeal(moves: readonly StageMoveFact[]): Map<string, StageMoveFact[]> {
  const map = new Map<string, StageMoveFact[]>();
  for (const move of moves) {
    const list = map.get(move.dealId);
    if (list) list.push(move);
    else map.set(move.dealId, [move]);
  }
  return map;
}

/** The funnel and time in stage of a cohort of deals (see the definitions at the top). */
export function funnelAndTimes(
  deals: readonly DashboardDeal[],
  orderedStages: readonly DashboardStage[],
  moves: ReadonlyMap<string, readonly StageMoveFact[]>,
): { funnel: FunnelStep[]; timeInStage: StageTime[] } {
  const open = orderedStages.filter((stage) => stage.kind === 'open');
  const byId = new Map<string, DashboardStage>(orderedStages.map((stage) => [stage.id, stage]));
  const openIndex = new Map<string, number>(open.map((stage, i) => [stage.id, i]));
  const reached = new Array<number>(open.length).fill(0);
  let wonCount = 0;
  const stayTotal = new Map<string, { ms: number; count: number }>();
  for (const deal of deals) {
    const history = stageHistory(deal, moves.get(deal.id) ?? []);
    let furthest = -1;
    let won = false;
    history.forEach((stay, i) => {
      const index = openIndex.get(stay.stageId);
      if (index !== undefined) furthest = Math.max(furthest, index);
      if (byId.get(stay.stageId)?.kind === 'won') won = true;
      const next = history[i + 1];
      if (next !== undefined) {
        const total = stayTotal.get(stay.stageId) ?? { ms: 0, count: 0 };
        total.ms += Math.max(0, next.enteredAt - stay.enteredAt);
        total.count += 1;
        stayTotal.set(stay.stageId, total);
      }
    });
    if (deal.status === 'won') won = true;
    // A win passes every open stage, including any the deal skipped on its way.
    if (won) furthest = open.length - 1;
    for (let i = 0; i <= furthest; i++) reached[i] = (reached[i] ?? 0) + 1;
    if (won) wonCount += 1;
  }
  const funnel: FunnelStep[] = open.map((stage, i) => {
    const here = reached[i] ?? 0;
    const next = i + 1 < open.length ? (reached[i + 1] ?? 0) : wonCount;
    return { stageId: stage.id, stage, reached: here, conversion: here > 0 ? next / here : null };
  });
  funnel.push({ stageId: null, stage: null, reached: wonCount, conversion: null });
  const timeInStage = open.map((stage): StageTime => {
    const total = stayTotal.get(stage.id);
    return {
      stage,
      stays: total?.count ?? 0,
      averageDays: total && total.count > 0 ? total.ms / total.count / DAY_MS : null,
    };
  });
  return { funnel, timeInStage };
}

/** The whole dashboard for a filter (see the definitions at the top of this module). */
export function computeDashboard(input: DashboardInput): DashboardFigures {
  const { filter, fiscalYearStartMonth: startMonth, baseCurrency } = input;
  const orderedStages = input.stages
    .filter((stage) => stage.deletedAt === null)
    .sort((a, b) => a.order - b.order);
  const stageById = new Map<string, DashboardStage>(input.stages.map((s) => [s.id, s]));
  const deals = filterDeals(input.deals, filter);
  const range = filter.period === null ? null : fiscalMonthRange(filter.period);

  const pipeline = weightedPipeline(deals, stageById, baseCurrency, startMonth, filter.period);

  let won = 0;
  let lost = 0;
  let cycleTotal = 0;
  let wonSpendMinor = 0;
  let wonValueMinor = 0;
  for (const deal of deals) {
    if (deal.status !== 'won' && deal.status !== 'lost') continue;
    if (!inPeriod(deal.outcomeDate, filter.period, range, startMonth)) continue;
    if (deal.status === 'won') won += 1;
    else lost += 1;
    if (deal.outcomeDate !== null) {
      cycleTotal += Math.max(0, (utcMsOfPlanDate(deal.outcomeDate) - deal.createdAt) / DAY_MS);
    }
    if (deal.status === 'won' && deal.value.currency === baseCurrency) {
      wonSpendMinor += input.spend.get(deal.id)?.actualMinor ?? 0;
      wonValueMinor += deal.value.amountMinor;
    }
  }

  // The cohort: deals created in the period (by the UTC day of their creation).
  const cohort =
    filter.period === null
      ? deals
      : deals.filter((deal) =>
          inPeriod(planDateFromUtcMs(deal.createdAt), filter.period, range, startMonth),
        );
  const { funnel, timeInStage } = funnelAndTimes(cohort, orderedStages, movesByDeal(input.moves));

  let budgetMinor = 0;
  let actualMinor = 0;
  const byStageMap = new Map<string, { budgetMinor: number; actualMinor: number }>();
  for (const deal of deals) {
    if (deal.value.currency !== baseCurrency) continue;
    const spend = input.spend.get(deal.id);
    if (spend === undefined) continue;
    budgetMinor += spend.budgetMinor;
    actualMinor += spend.actualMinor;
    const entry = byStageMap.get(deal.stageId) ?? { budgetMinor: 0, actualMinor: 0 };
    entry.budgetMinor += spend.budgetMinor;
    entry.actualMinor += spend.actualMinor;
    byStageMap.set(deal.stageId, entry);
  }
  const byStage = orderedStages
    .filter((stage) => byStageMap.has(stage.id))
    .map((stage) => ({
      stage,
      ...(byStageMap.get(stage.id) ?? { budgetMinor: 0, actualMinor: 0 }),
    }));

  return {
    deals,
    pipeline,
    won,
    lost,
    winRate: won + lost > 0 ? won / (won + lost) : null,
    averageCycleDays: won + lost > 0 ? cycleTotal / (won + lost) : null,
    funnel,
    timeInStage,
    cost: {
      budgetMinor,
      actualMinor,
      wonSpendMinor,
      wonValueMinor,
      costOfSalePct: wonValueMinor > 0 ? (wonSpendMinor * 100) / wonValueMinor : null,
      byStage,
    },
  };
}
