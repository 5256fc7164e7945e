/**
 * Credit: who is credited with how much of a won deal, in which fiscal period.
 *
 * Revenue splits share the deal between the people who sold it and must total 100 %; overlay
 * splits credit supporting roles (pre-sales, solution architects) on top, in any total. A deal is
 * credited in the period it was won (its outcome date); a multi-period contract can instead be
 * spread evenly over several consecutive periods from that one. Every figure is integer minor
 * units and every split reconciles: the revenue lines of a deal add up to its value, and the
 * installments of a line add up to the line.
 */
import type { CreditSplit, CreditSplitKind, Deal } from '@shared/domain/deal';
import type { DealId, PersonId } from '@shared/domain/ids';
import {
  allocateMoney,
  multiplyMoney,
  negateMoney,
  percentOf,
  sumMoney,
  zeroMoney,
} from '@shared/domain/money';
import type { CurrencyCode, Money, RoundingMode } from '@shared/domain/money';
import type { Period, PeriodKind } from '@shared/domain/period';
import type { CommissionBasis } from '@shared/domain/commission';
import {
  fiscalMonthRange,
  periodContains,
  periodOf,
  shiftPeriod,
} from '@shared/compensation/periods';

/** 100 % in basis points. */
export const FULL_SHARE_BP = 10_000;

/** Longest spread accepted for one contract (ten years of months). */
export const MAX_SPREAD_PERIODS = 120;

export type CreditSplitIssue =
  | { readonly code: 'revenue_total'; readonly totalBp: number }
  | { readonly code: 'duplicate'; readonly personId: PersonId; readonly kind: CreditSplitKind }
  | {
      readonly code: 'share_out_of_range';
      readonly personId: PersonId;
      readonly kind: CreditSplitKind;
      readonly shareBp: number;
    };

/** Sum of the revenue splits, in basis points. */
export function revenueShareTotalBp(splits: readonly CreditSplit[]): number {
  return splits.reduce((sum, split) => (split.kind === 'revenue' ? sum + split.shareBp : sum), 0);
}

/**
 * Checks a deal's Team-tab splits: revenue splits must total exactly 100 % (when there are any:
 * no revenue split at all means the owner takes the whole credit), a person appears at most once
 * per kind, and shares are whole, non-negative basis points (a revenue share can be at most 100 %).
 * Returns every problem so the form can mark each row, not just the first.
 */
export function validateCreditSplits(splits: readonly CreditSplit[]): CreditSplitIssue[] {
  const issues: CreditSplitIssue[] = [];
  const seen = new Set<string>();
  for (const split of splits) {
    const key = `${split.kind}:${split.personId}`;
    if (seen.has(key)) {
      issues.push({ code: 'duplicate', personId: split.personId, kind: split.kind });
    }
    seen.add(key);
    const max = split.kind === 'revenue' ? FULL_SHARE_BP : 1_000_000;
    if (!Number.isSafeInteger(split.shareBp) || split.shareBp < 0 || split.shareBp > max) {
      issues.push({
        code: 'share_out_of_range',
        personId: split.personId,
        kind: split.kind,
        shareBp: split.shareBp,
      });
    }
  }
  const hasRevenue = splits.some((split) => split.kind === 'revenue');
  const totalBp = revenueShareTotalBp(splits);
  if (hasRevenue && totalBp !== FULL_SHARE_BP) issues.push({ code: 'revenue_total', totalBp });
  return issues;
}

/** One person's credit from one deal in one period. */
export interface CreditLine {
  readonly dealId: DealId;
  readonly personId: PersonId;
  readonly kind: CreditSplitKind;
  readonly shareBp: number;
  readonly period: Period;
  /** 1-based number of this installment; 1 of 1 for a deal credited in one period. */
  readonly installment: number;
  readonly installments: number;
  /** Credited deal value. */
  readonly revenue: Money;
  /** Credited expected margin (value × expected margin %); negative for a loss-making deal. */
  readonly margin: Money;
}

export type CreditSkipReason = 'invalid_splits' | 'no_outcome_date' | 'bad_spread';

export interface SkippedDeal {
  readonly dealId: DealId;
  readonly reason: CreditSkipReason;
  readonly issues: readonly CreditSplitIssue[];
}

export interface CreditResult {
  readonly lines: readonly CreditLine[];
  /** Won deals that could not be credited, with why, so they are listed rather than lost. */
  readonly skipped: readonly SkippedDeal[];
  /** Won deals without a revenue split, credited wholly to their owner. */
  readonly creditedToOwner: readonly DealId[];
}

export interface CreditOptions {
  readonly deals: readonly Deal[];
  /** The period kind credit is booked in; statements of this kind or longer add it up. */
  readonly periodKind: PeriodKind;
  readonly fiscalYearStartMonth: number;
  readonly roundingMode: RoundingMode;
  /**
   * Over how many periods a deal's credit is spread (1 = all in the period it was won). A
   * multi-period contract is credited evenly from the period it was won onwards.
   */
  readonly spreadOf?: (deal: Deal) => number;
}

type CreditDeal = Pick<
  Deal,
  'id' | 'ownerId' | 'value' | 'expectedMarginPct' | 'creditSplits' | 'outcomeDate'
>;

/** Splits `amount` into `count` near-equal installments that add up to it exactly (earlier ones take the odd minor units). */
export function spreadEvenly(amount: Money, count: number): Money[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`Cannot spread over ${count} periods`);
  }
  return allocateMoney(
    amount,
    Array.from({ length: count }, () => 1),
  );
}

/** Revenue splits in person-id order, so the odd minor unit of a split goes to the lower id. */
function revenueSplitsOf(deal: CreditDeal): CreditSplit[] {
  const revenue = deal.creditSplits.filter((split) => split.kind === 'revenue');
  if (revenue.length === 0) {
    return [{ personId: deal.ownerId, kind: 'revenue', shareBp: FULL_SHARE_BP }];
  }
  return [...revenue].sort((a, b) =>
    a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0,
  );
}

/**
 * A deal's expected margin in money: value × expected margin %, rounded once per deal (the
 * percentage may have decimals as typed, e.g. 22.5).
 */
export function dealMargin(
  deal: Pick<Deal, 'value' | 'expectedMarginPct'>,
  mode: RoundingMode,
): Money {
  return percentOf(deal.value, deal.expectedMarginPct, mode);
}

/**
 * Credit lines of one won deal. Revenue shares split the value (and the margin) with the
 * largest-remainder method, so the revenue lines add up to the deal exactly even for thirds;
 * each overlay share is its own percentage of the deal, rounded with the settings' mode.
 */
export function creditDeal(
  deal: CreditDeal,
  startPeriod: Period,
  spread: number,
  mode: RoundingMode,
): CreditLine[] {
  const margin = dealMargin(deal, mode);
  const revenueSplits = revenueSplitsOf(deal);
  const weights = revenueSplits.map((split) => split.shareBp);
  const revenueParts = allocateMoney(deal.value, weights);
  const marginParts = allocateMoney(margin, weights);
  const shares: { split: CreditSplit; revenue: Money; margin: Money }[] = revenueSplits.map(
    (split, index) => ({
      split,
      revenue: revenueParts[index] ?? zeroMoney(deal.value.currency),
      margin: marginParts[index] ?? zeroMoney(deal.value.currency),
    }),
  );
  for (const split of deal.creditSplits) {
    if (split.kind !== 'overlay') continue;
    const ratio = { numerator: split.shareBp, denominator: FULL_SHARE_BP };
    shares.push({
      split,
      revenue: multiplyMoney(deal.value, ratio, mode),
      margin: multiplyMoney(margin, ratio, mode),
    });
  }
  const lines: CreditLine[] = [];
  for (const { split, revenue, margin: marginShare } of shares) {
    const revenueInstallments = spreadEvenly(revenue, spread);
    const marginInstallments = spreadEvenly(marginShare, spread);
    for (let i = 0; i < spread; i += 1) {
      lines.push({
        dealId: deal.id,
        personId: split.personId,
        kind: split.kind,
        shareBp: split.shareBp,
        period: shiftPeriod(startPeriod, i),
        installment: i + 1,
        installments: spread,
        revenue: revenueInstallments[i] ?? zeroMoney(deal.value.currency),
        margin: marginInstallments[i] ?? zeroMoney(deal.value.currency),
      });
    }
  }
  return lines;
}

/**
 * Credit lines for every won deal (deals in the trash, open, lost or cancelled deals earn no
 * credit — a deal cancelled after its credit was paid out is recovered with `clawbackAdjustment`).
 * Deals whose splits fail `validateCreditSplits` are skipped and reported rather than credited
 * wrongly.
 */
export function creditWonDeals(options: CreditOptions): CreditResult {
  const lines: CreditLine[] = [];
  const skipped: SkippedDeal[] = [];
  const creditedToOwner: DealId[] = [];
  for (const deal of options.deals) {
    if (deal.status !== 'won' || deal.deletedAt !== null) continue;
    const issues = validateCreditSplits(deal.creditSplits);
    if (issues.length > 0) {
      skipped.push({ dealId: deal.id, reason: 'invalid_splits', issues });
      continue;
    }
    if (deal.outcomeDate === null) {
      skipped.push({ dealId: deal.id, reason: 'no_outcome_date', issues: [] });
      continue;
    }
    const spread = options.spreadOf?.(deal) ?? 1;
    if (!Number.isSafeInteger(spread) || spread < 1 || spread > MAX_SPREAD_PERIODS) {
      skipped.push({ dealId: deal.id, reason: 'bad_spread', issues: [] });
      continue;
    }
    if (!deal.creditSplits.some((split) => split.kind === 'revenue')) creditedToOwner.push(deal.id);
    const start = periodOf(deal.outcomeDate, options.periodKind, options.fiscalYearStartMonth);
    lines.push(...creditDeal(deal, start, spread, options.roundingMode));
  }
  return { lines, skipped, creditedToOwner };
}

/** The credited figure of a line on a plan's or target's basis. */
export function creditAmount(line: CreditLine, basis: CommissionBasis): Money {
  return basis === 'revenue' ? line.revenue : line.margin;
}

/** Credit lines grouped by person, for computing many statements without rescanning every line. */
export function creditsByPerson(lines: readonly CreditLine[]): Map<PersonId, CreditLine[]> {
  const byPerson = new Map<PersonId, CreditLine[]>();
  for (const line of lines) {
    const list = byPerson.get(line.personId);
    if (list === undefined) byPerson.set(line.personId, [line]);
    else list.push(line);
  }
  return byPerson;
}

/**
 * Each person's credited total within a period (lines of shorter periods inside it count), in one
 * currency; lines in other currencies are left out (they cannot be added without a rate).
 */
export function creditTotalsByPerson(
  lines: readonly CreditLine[],
  period: Period,
  basis: CommissionBasis,
  currency: CurrencyCode,
): Map<PersonId, Money> {
  const totals = new Map<PersonId, Money>();
  for (const line of lines) {
    const amount = creditAmount(line, basis);
    if (amount.currency !== currency || !periodContains(period, line.period)) continue;
    const before = totals.get(line.personId)?.amountMinor ?? 0;
    totals.set(line.personId, { amountMinor: before + amount.amountMinor, currency });
  }
  return totals;
}

/** A change to a statement other than credit from deals. */
export interface CommissionAdjustment {
  /**
   * `credit` changes the credited amount (and so attainment and the tier reached): a clawback of
   * a cancelled deal's credit. `payout` changes the money paid after tiers and cap: a one-off
   * correction or recovery of commission already paid.
   */
  readonly kind: 'credit' | 'payout';
  /** Signed: negative takes away. */
  readonly amount: Money;
  readonly reason: string;
  readonly dealId: DealId | null;
}

/**
 * The negative credit adjustment that takes back a cancelled deal's credit from a person: the sum
 * of the person's lines for that deal in periods up to and including `throughPeriod` (what was
 * already credited and paid on). Later installments simply stop once the deal is no longer won.
 * Lines in another currency than the plan's are left out, as the statement left them out (no
 * conversion rate is assumed): nothing was credited from them, so there is nothing to take back.
 */
export function clawbackAdjustment(input: {
  readonly dealId: DealId;
  readonly personId: PersonId;
  readonly lines: readonly CreditLine[];
  readonly basis: CommissionBasis;
  readonly currency: CurrencyCode;
  readonly throughPeriod: Period;
  readonly reason: string;
}): CommissionAdjustment {
  const throughEnd = fiscalMonthRange(input.throughPeriod).end;
  const credited = sumMoney(
    input.lines
      .filter(
        (line) =>
          line.dealId === input.dealId &&
          line.personId === input.personId &&
          fiscalMonthRange(line.period).end <= throughEnd,
      )
      .map((line) => creditAmount(line, input.basis))
      .filter((amount) => amount.currency === input.currency),
    input.currency,
  );
  return {
    kind: 'credit',
    amount: negateMoney(credited),
    reason: input.reason,
    dealId: input.dealId,
  };
}
