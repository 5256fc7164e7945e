/**
 * Commission statements: what a person earns under a plan in one period, computed step by step so
 * the statement can be checked by hand, and compared with the previous run when a late change
 * (a deal re-split, cancelled or re-dated) moves the figures.
 *
 * Order of computation (each stage is a field of the statement):
 * 1. credited = credit from won deals in the period (plan basis: revenue or margin)
 *    + credit adjustments (a cancelled deal's clawback lowers credit, and so attainment);
 * 2. attainment = credited ÷ target;
 * 3. earnings by band: flat, or tiered by attainment, marginal or retroactive, with accelerators;
 * 4. the cap limits those earnings;
 * 5. payout adjustments (corrections, recovery of commission already paid) are added after the cap,
 *    so a recovery is never absorbed by cap headroom;
 * 6. a draw or guarantee sets the floor of the payout (a recoverable draw is paid back later).
 *
 * All money is integer minor units in the plan's currency; each step's earnings are rounded once
 * with the settings' rounding mode and the totals are sums of the rounded figures shown.
 */
import type {
  CommissionBasis,
  CommissionPlan,
  CommissionPlanKind,
  CommissionTier,
  DrawKind,
  TierMode,
} from '@shared/domain/commission';
import type { CreditSplitKind } from '@shared/domain/deal';
import type { CommissionPlanId, DealId, PersonId } from '@shared/domain/ids';
import { divideRounded, money, subtractMoney, zeroMoney } from '@shared/domain/money';
import type { CurrencyCode, Money, RoundingMode } from '@shared/domain/money';
import type { Period } from '@shared/domain/period';
import type { Person } from '@shared/domain/person';
import type { Target, TargetBasis } from '@shared/domain/target';
import { creditAmount } from '@shared/compensation/credit';
import type { CommissionAdjustment, CreditLine } from '@shared/compensation/credit';
import { periodContains, periodKey, samePeriod } from '@shared/compensation/periods';

/** A deal's credit as it appears on the statement. */
export interface StatementCreditRow {
  readonly dealId: DealId;
  readonly kind: CreditSplitKind;
  readonly shareBp: number;
  readonly period: Period;
  readonly installment: number;
  readonly installments: number;
  /** Credited on the plan's basis (revenue or margin). */
  readonly amount: Money;
}

/** A tier of the plan with the part of the credit that falls in it (whatever the tier mode). */
export interface StatementBand {
  readonly fromPct: number;
  /** Where the next band starts; null for the top band. */
  readonly toPct: number | null;
  /** The band's limits in money (target × percentage); null without a target. */
  readonly from: Money | null;
  readonly to: Money | null;
  readonly rateBp: number;
  readonly amountInBand: Money;
  /** Attainment reached this band (credited ≥ its start). */
  readonly reached: boolean;
}

/**
 * One line of the earnings computation: `amount` × `rateBp` / 10 000 × `multiplierPct` / 100 =
 * `earnings`. Marginal plans have a step per band (split again where an accelerator starts);
 * retroactive plans one step, the band reached applied to the whole credit.
 */
export interface StatementStep {
  readonly fromPct: number;
  readonly toPct: number | null;
  readonly from: Money | null;
  readonly to: Money | null;
  readonly amount: Money;
  readonly rateBp: number;
  /** 100 when no accelerator applies; 150 = the rate × 1.5. */
  readonly multiplierPct: number;
  readonly earnings: Money;
}

export interface StatementDraw {
  readonly kind: DrawKind;
  readonly amountPerPeriod: Money;
  /** Recoverable draw still owed from earlier periods, before this one. */
  readonly balanceBefore: Money;
  /** Paid on top of net earnings to reach the draw or guarantee. */
  readonly topUp: Money;
  /** Taken from earnings above the draw to pay back earlier draws. */
  readonly recovered: Money;
  /** Owed after this period (always zero for a non-recoverable guarantee). */
  readonly balanceAfter: Money;
}

export type StatementWarning =
  /** Tiers and accelerators need a target; without one all credit is paid at the first band's rate. */
  | { readonly code: 'no_target' }
  | { readonly code: 'target_basis_mismatch'; readonly targetBasis: TargetBasis }
  | { readonly code: 'target_currency_mismatch'; readonly targetCurrency: CurrencyCode }
  /** Credit or adjustments in another currency were left out (no conversion rate is assumed). */
  | { readonly code: 'credit_currency_excluded'; readonly dealIds: readonly DealId[] }
  | { readonly code: 'adjustment_currency_excluded'; readonly count: number }
  /** The statement period is not of the kind the plan pays on. */
  | { readonly code: 'period_kind_mismatch'; readonly planPeriodKind: Period['kind'] }
  | { readonly code: 'missing_rate' };

export interface CommissionStatement {
  readonly planId: CommissionPlanId;
  readonly personId: PersonId;
  readonly period: Period;
  readonly currency: CurrencyCode;
  readonly planKind: CommissionPlanKind;
  readonly basis: CommissionBasis;
  readonly tierMode: TierMode;
  readonly target: Money | null;
  readonly credits: readonly StatementCreditRow[];
  readonly creditedFromDeals: Money;
  readonly creditAdjustments: readonly CommissionAdjustment[];
  /** Credit from deals plus credit adjustments: what attainment is measured on. */
  readonly credited: Money;
  /**
   * credited ÷ target in basis points, rounded down so a statement never shows 100.00 % for a
   * person a minor unit short of the 100 % band. Null without a target.
   */
  readonly attainmentBp: number | null;
  readonly bands: readonly StatementBand[];
  readonly steps: readonly StatementStep[];
  /** Sum of the steps' earnings. */
  readonly grossEarnings: Money;
  readonly cap: Money | null;
  /** Earnings above the cap, not paid. */
  readonly capWithheld: Money;
  /** Gross earnings after the cap. */
  readonly earnings: Money;
  readonly payoutAdjustments: readonly CommissionAdjustment[];
  /** Earnings after the cap plus payout adjustments. */
  readonly netEarnings: Money;
  readonly draw: StatementDraw | null;
  /** What is paid for the period; negative when the person owes (a clawback larger than earnings). */
  readonly payout: Money;
  readonly warnings: readonly StatementWarning[];
}

export interface StatementInput {
  readonly plan: CommissionPlan;
  readonly person: Pick<Person, 'id'>;
  readonly period: Period;
  /** Credit lines; those of other people, periods outside this one or other currencies are left out. */
  readonly credits: readonly CreditLine[];
  /** The person's target for the period on the plan's basis; null when none is set. */
  readonly target: Pick<Target, 'amount' | 'basis'> | null;
  readonly adjustments: readonly CommissionAdjustment[];
  /** The settings' rounding mode. */
  readonly roundingMode: RoundingMode;
  /** Recoverable draw owed from earlier periods (the previous statement's `draw.balanceAfter`). */
  readonly drawBalance?: Money;
}

const RATE_DENOMINATOR = 10_000n * 100n;

interface Segment {
  readonly fromPct: number;
  readonly toPct: number | null;
  readonly rateBp: number;
  readonly multiplierPct: number;
}

function tiersOf(plan: CommissionPlan): { tiers: CommissionTier[]; missingRate: boolean } {
  if (plan.kind === 'flat') {
    return {
      tiers: [{ fromAttainmentPct: 0, rateBp: plan.flatRateBp ?? 0 }],
      missingRate: plan.flatRateBp === null,
    };
  }
  const tiers = [...plan.tiers].sort((a, b) => a.fromAttainmentPct - b.fromAttainmentPct);
  const first = tiers[0];
  // A plan whose first band starts above 0 % pays nothing below it.
  if (first === undefined || first.fromAttainmentPct > 0) {
    tiers.unshift({ fromAttainmentPct: 0, rateBp: 0 });
  }
  return { tiers, missingRate: plan.tiers.length === 0 };
}

function rateAt(tiers: readonly CommissionTier[], pct: number): number {
  let rate = 0;
  for (const tier of tiers) if (tier.fromAttainmentPct <= pct) rate = tier.rateBp;
  return rate;
}

function earningsOf(amount: number, rateBp: number, multiplierPct: number, mode: RoundingMode) {
  return Number(
    divideRounded(BigInt(amount) * BigInt(rateBp) * BigInt(multiplierPct), RATE_DENOMINATOR, mode),
  );
}

/** Division rounding towards minus infinity (BigInt `/` truncates towards zero); divisor > 0. */
function floorDivide(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend < 0n && dividend % divisor !== 0n ? quotient - 1n : quotient;
}

/** credited × 100 ≥ target × pct, exactly (no rounding at a band's edge). */
function reaches(credited: number, target: number, pct: number): boolean {
  return BigInt(credited) * 100n >= BigInt(target) * BigInt(pct);
}

/**
 * Computes one person's commission statement for one period. Boundaries between bands are
 * target × band %, rounded to the minor unit with the settings' mode, so the amounts in the bands
 * add up to the credit exactly. A band starts at its percentage inclusive (exactly 100 % reaches
 * the 100 % band); an accelerator applies strictly above its percentage (exactly 100 % is not
 * accelerated by an "above 100 %" accelerator). Negative credit (a clawback larger than the
 * period's credit) is paid back at the first band's rate.
 */
export function computeStatement(input: StatementInput): CommissionStatement {
  const { plan, period, roundingMode: mode } = input;
  const currency = plan.currency;
  const personId = input.person.id;
  const warnings: StatementWarning[] = [];
  if (period.kind !== plan.periodKind) {
    warnings.push({ code: 'period_kind_mismatch', planPeriodKind: plan.periodKind });
  }

  // 1. Credit.
  const credits: StatementCreditRow[] = [];
  const otherCurrency = new Set<DealId>();
  let fromDeals = 0;
  for (const line of input.credits) {
    if (line.personId !== personId || !periodContains(period, line.period)) continue;
    const amount = creditAmount(line, plan.basis);
    if (amount.currency !== currency) {
      otherCurrency.add(line.dealId);
      continue;
    }
    fromDeals += amount.amountMinor;
    credits.push({
      dealId: line.dealId,
      kind: line.kind,
      shareBp: line.shareBp,
      period: line.period,
      installment: line.installment,
      installments: line.installments,
      amount,
    });
  }
  if (otherCurrency.size > 0) {
    warnings.push({ code: 'credit_currency_excluded', dealIds: [...otherCurrency] });
  }
  const creditAdjustments: CommissionAdjustment[] = [];
  const payoutAdjustments: CommissionAdjustment[] = [];
  let excludedAdjustments = 0;
  for (const adjustment of input.adjustments) {
    if (adjustment.amount.currency !== currency) excludedAdjustments += 1;
    else if (adjustment.kind === 'credit') creditAdjustments.push(adjustment);
    else payoutAdjustments.push(adjustment);
  }
  if (excludedAdjustments > 0) {
    warnings.push({ code: 'adjustment_currency_excluded', count: excludedAdjustments });
  }
  const credited =
    fromDeals + creditAdjustments.reduce((sum, item) => sum + item.amount.amountMinor, 0);

  // 2. Target and attainment.
  let target: number | null = null;
  if (input.target !== null) {
    if (input.target.basis !== plan.basis) {
      warnings.push({ code: 'target_basis_mismatch', targetBasis: input.target.basis });
    } else if (input.target.amount.currency !== currency) {
      warnings.push({
        code: 'target_currency_mismatch',
        targetCurrency: input.target.amount.currency,
      });
    } else if (input.target.amount.amountMinor > 0) {
      target = input.target.amount.amountMinor;
    }
  }
  const { tiers, missingRate } = tiersOf(plan);
  if (missingRate) warnings.push({ code: 'missing_rate' });
  const needsTarget = tiers.length > 1 || plan.accelerators.length > 0;
  if (target === null && needsTarget) warnings.push({ code: 'no_target' });
  const boundary = (pct: number): number | null =>
    target === null ? null : Number(divideRounded(BigInt(target) * BigInt(pct), 100n, mode));
  const toMoney = (amount: number | null) => (amount === null ? null : money(amount, currency));

  // 3. Bands and the earnings steps.
  const bands: StatementBand[] = tiers.map((tier, index) => {
    const next = tiers[index + 1];
    const low = index === 0 ? null : boundary(tier.fromAttainmentPct);
    const high = next === undefined ? null : boundary(next.fromAttainmentPct);
    const top = high === null ? credited : Math.min(credited, high);
    const amountInBand =
      target === null ? (index === 0 ? credited : 0) : low === null ? top : Math.max(0, top - low);
    return {
      fromPct: tier.fromAttainmentPct,
      toPct: next?.fromAttainmentPct ?? null,
      from: target === null ? null : money(low ?? 0, currency),
      to: toMoney(high),
      rateBp: tier.rateBp,
      amountInBand: money(amountInBand, currency),
      reached:
        index === 0 || (target !== null && reaches(credited, target, tier.fromAttainmentPct)),
    };
  });

  const steps: StatementStep[] = [];
  const accelerators = [...plan.accelerators].sort(
    (a, b) => a.aboveAttainmentPct - b.aboveAttainmentPct,
  );
  if (target === null) {
    const rateBp = tiers[0]?.rateBp ?? 0;
    steps.push({
      fromPct: 0,
      toPct: null,
      from: null,
      to: null,
      amount: money(credited, currency),
      rateBp,
      multiplierPct: 100,
      earnings: money(earningsOf(credited, rateBp, 100, mode), currency),
    });
  } else if (plan.tierMode === 'retroactive') {
    let reached = 0;
    tiers.forEach((tier, index) => {
      if (reaches(credited, target, tier.fromAttainmentPct)) reached = index;
    });
    let multiplierPct = 100;
    for (const accelerator of accelerators) {
      if (BigInt(credited) * 100n > BigInt(target) * BigInt(accelerator.aboveAttainmentPct)) {
        multiplierPct = accelerator.multiplierPct;
      }
    }
    const tier = tiers[reached];
    const next = tiers[reached + 1];
    const rateBp = tier?.rateBp ?? 0;
    steps.push({
      fromPct: tier?.fromAttainmentPct ?? 0,
      toPct: next?.fromAttainmentPct ?? null,
      from: toMoney(boundary(tier?.fromAttainmentPct ?? 0)),
      to: toMoney(next === undefined ? null : boundary(next.fromAttainmentPct)),
      amount: money(credited, currency),
      rateBp,
      multiplierPct,
      earnings: money(earningsOf(credited, rateBp, multiplierPct, mode), currency),
    });
  } else {
    const starts = [
      ...new Set([
        ...tiers.map((tier) => tier.fromAttainmentPct),
        ...accelerators.map((accelerator) => accelerator.aboveAttainmentPct),
      ]),
    ].sort((a, b) => a - b);
    const segments: Segment[] = starts.map((fromPct, index) => {
      let multiplierPct = 100;
      for (const accelerator of accelerators) {
        if (accelerator.aboveAttainmentPct <= fromPct) multiplierPct = accelerator.multiplierPct;
      }
      return {
        fromPct,
        toPct: starts[index + 1] ?? null,
        rateBp: rateAt(tiers, fromPct),
        multiplierPct,
      };
    });
    segments.forEach((segment, index) => {
      const low = boundary(segment.fromPct) ?? 0;
      const high = segment.toPct === null ? null : boundary(segment.toPct);
      const top = high === null ? credited : Math.min(credited, high);
      const amount = index === 0 ? top : Math.max(0, top - low);
      if (index > 0 && amount === 0) return;
      steps.push({
        fromPct: segment.fromPct,
        toPct: segment.toPct,
        from: money(low, currency),
        to: toMoney(high),
        amount: money(amount, currency),
        rateBp: segment.rateBp,
        multiplierPct: segment.multiplierPct,
        earnings: money(earningsOf(amount, segment.rateBp, segment.multiplierPct, mode), currency),
      });
    });
  }
  const gross = steps.reduce((sum, step) => sum + step.earnings.amountMinor, 0);

  // 4. Cap.
  const cap = plan.cap !== null && plan.cap.currency === currency ? plan.cap : null;
  const earnings = cap !== null && gross > cap.amountMinor ? cap.amountMinor : gross;

  // 5. Payout adjustments.
  const net = earnings + payoutAdjustments.reduce((sum, item) => sum + item.amount.amountMinor, 0);

  // 6. Draw or guarantee.
  let payout = net;
  let draw: StatementDraw | null = null;
  if (plan.draw !== null && plan.draw.amountPerPeriod.currency === currency) {
    const floor = plan.draw.amountPerPeriod.amountMinor;
    const before =
      plan.draw.kind === 'recoverable' && input.drawBalance?.currency === currency
        ? Math.max(0, input.drawBalance.amountMinor)
        : 0;
    let topUp = 0;
    let recovered = 0;
    if (net < floor) {
      topUp = floor - net;
      payout = floor;
    } else if (before > 0) {
      recovered = Math.min(before, net - floor);
      payout = net - recovered;
    }
    const after = plan.draw.kind === 'recoverable' ? before - recovered + topUp : 0;
    draw = {
      kind: plan.draw.kind,
      amountPerPeriod: plan.draw.amountPerPeriod,
      balanceBefore: money(before, currency),
      topUp: money(topUp, currency),
      recovered: money(recovered, currency),
      balanceAfter: money(after, currency),
    };
  }

  return {
    planId: plan.id,
    personId,
    period,
    currency,
    planKind: plan.kind,
    basis: plan.basis,
    tierMode: plan.tierMode,
    target: toMoney(target),
    credits,
    creditedFromDeals: money(fromDeals, currency),
    creditAdjustments,
    credited: money(credited, currency),
    attainmentBp:
      target === null ? null : Number(floorDivide(BigInt(credited) * 10_000n, BigInt(target))),
    bands,
    steps,
    grossEarnings: money(gross, currency),
    cap,
    capWithheld: money(gross - earnings, currency),
    earnings: money(earnings, currency),
    payoutAdjustments,
    netEarnings: money(net, currency),
    draw,
    payout: money(payout, currency),
    warnings,
  };
}

export interface StatementSeriesInput extends Omit<
  StatementInput,
  'period' | 'target' | 'adjustments'
> {
  readonly periods: readonly Period[];
  readonly targetFor: (period: Period) => Pick<Target, 'amount' | 'basis'> | null;
  readonly adjustmentsFor?: (period: Period) => readonly CommissionAdjustment[];
}

/**
 * Statements for consecutive periods of one person, carrying a recoverable draw's balance from
 * each statement to the next (a draw advanced in Q1 is recovered from Q2's earnings).
 */
export function computeStatementSeries(input: StatementSeriesInput): CommissionStatement[] {
  const statements: CommissionStatement[] = [];
  let drawBalance = input.drawBalance ?? zeroMoney(input.plan.currency);
  for (const period of input.periods) {
    const statement = computeStatement({
      plan: input.plan,
      person: input.person,
      period,
      credits: input.credits,
      target: input.targetFor(period),
      adjustments: input.adjustmentsFor?.(period) ?? [],
      roundingMode: input.roundingMode,
      drawBalance,
    });
    drawBalance = statement.draw?.balanceAfter ?? drawBalance;
    statements.push(statement);
  }
  return statements;
}

export const STATEMENT_FIGURES = [
  'target',
  'credited',
  'grossEarnings',
  'capWithheld',
  'earnings',
  'netEarnings',
  'drawBalance',
  'payout',
] as const;
export type StatementFigure = (typeof STATEMENT_FIGURES)[number];

export interface FigureChange {
  readonly figure: StatementFigure;
  readonly previous: Money | null;
  readonly current: Money | null;
  /** current − previous (a missing figure counts as zero). */
  readonly delta: Money;
}

export type CreditRowChange =
  | { readonly change: 'added'; readonly current: StatementCreditRow }
  | { readonly change: 'removed'; readonly previous: StatementCreditRow }
  | {
      readonly change: 'changed';
      readonly previous: StatementCreditRow;
      readonly current: StatementCreditRow;
      readonly delta: Money;
    };

export interface AdjustmentChange {
  readonly change: 'added' | 'removed';
  readonly adjustment: CommissionAdjustment;
}

/** Adjustments added and removed between two lists, matched as equal values (a multiset). */
function adjustmentChanges(
  previous: readonly CommissionAdjustment[],
  current: readonly CommissionAdjustment[],
): AdjustmentChange[] {
  const keyOf = (a: CommissionAdjustment) =>
    JSON.stringify([a.kind, a.amount.amountMinor, a.amount.currency, a.reason, a.dealId]);
  const remaining = new Map<string, number>();
  for (const adjustment of previous) {
    const key = keyOf(adjustment);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const changes: AdjustmentChange[] = [];
  for (const adjustment of current) {
    const key = keyOf(adjustment);
    const count = remaining.get(key) ?? 0;
    if (count > 0) remaining.set(key, count - 1);
    else changes.push({ change: 'added', adjustment });
  }
  for (const adjustment of previous) {
    const key = keyOf(adjustment);
    const count = remaining.get(key) ?? 0;
    if (count > 0) {
      remaining.set(key, count - 1);
      changes.push({ change: 'removed', adjustment });
    }
  }
  return changes;
}

export interface StatementDiff {
  /** False when a recomputation changed nothing a person would see. */
  readonly changed: boolean;
  readonly figures: readonly FigureChange[];
  readonly attainment: { readonly previousBp: number | null; readonly currentBp: number | null };
  readonly credits: readonly CreditRowChange[];
  readonly adjustmentsChanged: boolean;
  /** Adjustments on one statement and not on the other (an edited one is removed and added). */
  readonly adjustments: readonly AdjustmentChange[];
  readonly stepsChanged: boolean;
  readonly payoutDelta: Money;
}

function figureOf(statement: CommissionStatement, figure: StatementFigure): Money | null {
  if (figure === 'drawBalance') return statement.draw?.balanceAfter ?? null;
  return statement[figure];
}

function creditRowKey(row: StatementCreditRow): string {
  return `${row.dealId}|${row.kind}|${periodKey(row.period)}`;
}

function sameRow(a: StatementCreditRow, b: StatementCreditRow): boolean {
  return (
    a.shareBp === b.shareBp &&
    a.amount.amountMinor === b.amount.amountMinor &&
    a.installment === b.installment &&
    a.installments === b.installments
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What changed between the last statement of a person and period and a recomputation: every
 * figure that moved with its delta, credit rows added, removed or changed (a re-split, a
 * cancelled deal, a deal moved into or out of the period), and the payout difference — the
 * figure that is paid or recovered next. Statements of different people or periods are not
 * comparable and are refused.
 */
export function diffStatements(
  previous: CommissionStatement,
  current: CommissionStatement,
): StatementDiff {
  if (previous.personId !== current.personId || !samePeriod(previous.period, current.period)) {
    throw new RangeError('Only statements of the same person and period can be compared');
  }
  const currency = current.currency;
  const figures: FigureChange[] = [];
  for (const figure of STATEMENT_FIGURES) {
    const before = figureOf(previous, figure);
    const after = figureOf(current, figure);
    const delta = subtractMoney(after ?? zeroMoney(currency), before ?? zeroMoney(currency));
    if (delta.amountMinor !== 0 || (before === null) !== (after === null)) {
      figures.push({ figure, previous: before, current: after, delta });
    }
  }
  const previousRows = new Map(previous.credits.map((row) => [creditRowKey(row), row]));
  const currentKeys = new Set<string>();
  const credits: CreditRowChange[] = [];
  for (const row of current.credits) {
    const key = creditRowKey(row);
    currentKeys.add(key);
    const before = previousRows.get(key);
    if (before === undefined) credits.push({ change: 'added', current: row });
    else if (!sameRow(before, row)) {
      credits.push({
        change: 'changed',
        previous: before,
        current: row,
        delta: subtractMoney(row.amount, before.amount),
      });
    }
  }
  for (const row of previous.credits) {
    if (!currentKeys.has(creditRowKey(row))) credits.push({ change: 'removed', previous: row });
  }
  const adjustments = adjustmentChanges(
    [...previous.creditAdjustments, ...previous.payoutAdjustments],
    [...current.creditAdjustments, ...current.payoutAdjustments],
  );
  const adjustmentsChanged =
    adjustments.length > 0 ||
    !sameJson(previous.creditAdjustments, current.creditAdjustments) ||
    !sameJson(previous.payoutAdjustments, current.payoutAdjustments);
  const stepsChanged = !sameJson(previous.steps, current.steps);
  const attainmentChanged = previous.attainmentBp !== current.attainmentBp;
  return {
    changed:
      figures.length > 0 ||
      credits.length > 0 ||
      adjustmentsChanged ||
      stepsChanged ||
      attainmentChanged ||
      previous.planId !== current.planId,
    figures,
    attainment: { previousBp: previous.attainmentBp, currentBp: current.attainmentBp },
    credits,
    adjustmentsChanged,
    adjustments,
    stepsChanged,
    payoutDelta: subtractMoney(current.payout, previous.payout),
  };
}
