/**
 * What the Targets area computes from stored records: the candidates a team target is allocated
 * among (with last period's bookings and target, their pipeline and potential), each person's
 * attainment in a period, and the plan that pays a person in a fiscal year. Credit is booked by
 * month (a deal's credit in the month it was won, or spread over `creditSpreadMonths` months), so
 * a statement or target of any period kind adds up the months inside it.
 */
import type { Account } from '@shared/domain/account';
import type { Activity } from '@shared/domain/activity';
import { isPlanDate } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import type {
  CommissionAssignment,
  CommissionBasis,
  CommissionPlan,
} from '@shared/domain/commission';
import type { CommissionAdjustmentRecord } from '@shared/domain/commission-adjustment';
import type { Deal } from '@shared/domain/deal';
import type { DealId, PersonId, TeamId } from '@shared/domain/ids';
import { zeroMoney } from '@shared/domain/money';
import type { CurrencyCode, Money, RoundingMode } from '@shared/domain/money';
import type { Period } from '@shared/domain/period';
import type { Target, TargetBasis } from '@shared/domain/target';
import type { AllocationCandidate } from '@shared/compensation/allocation';
import { ratioBp } from '@shared/compensation/allocation';
import {
  findPersonTarget,
  potentialByPerson,
  weightedPipelineByPerson,
} from '@shared/compensation/bases';
import {
  clawbackAdjustment,
  creditTotalsByPerson,
  creditWonDeals,
} from '@shared/compensation/credit';
import type { CommissionAdjustment, CreditLine, CreditResult } from '@shared/compensation/credit';
import {
  comparePeriods,
  periodContains,
  periodsOfYear,
  previousPeriod,
  samePeriod,
} from '@shared/compensation/periods';
import { computeStatementSeries } from '@shared/compensation/statement';
import type { CommissionStatement } from '@shared/compensation/statement';

/** Months a deal's credit is spread over (1 when none is set). */
export function creditSpreadOf(deal: Pick<Deal, 'creditSpreadMonths'>): number {
  return deal.creditSpreadMonths ?? 1;
}

/** Credit lines of every won deal, by month. */
export function monthlyCredit(
  deals: readonly Deal[],
  fiscalYearStartMonth: number,
  roundingMode: RoundingMode,
): CreditResult {
  return creditWonDeals({
    deals,
    periodKind: 'month',
    fiscalYearStartMonth,
    roundingMode,
    spreadOf: creditSpreadOf,
  });
}

/** A team's own target for exactly this period and basis (most recently updated wins). */
export function findTeamTarget(
  targets: readonly Target[],
  teamId: TeamId,
  period: Period,
  basis: TargetBasis,
): Target | null {
  let found: Target | null = null;
  for (const target of targets) {
    if (
      target.deletedAt === null &&
      target.teamId === teamId &&
      target.basis === basis &&
      samePeriod(target.period, period) &&
      (found === null || target.updatedAt > found.updatedAt)
    ) {
      found = target;
    }
  }
  return found;
}

export interface CandidateInput {
  readonly people: readonly { readonly id: PersonId }[];
  readonly deals: readonly Deal[];
  readonly accounts: readonly Account[];
  readonly targets: readonly Target[];
  /** Credit lines (see `monthlyCredit`). */
  readonly credit: CreditResult;
  readonly period: Period;
  readonly basis: TargetBasis;
  readonly currency: CurrencyCode;
  /** Hand-set amounts by person (manual method); people without one are left to share the rest. */
  readonly manual?: ReadonlyMap<PersonId, Money>;
}

/**
 * The candidates for allocating a team target in `period`: each person's potential (accounts they
 * own), last period's bookings (their credit in the period before, on the target's basis) and
 * target, current weighted pipeline, and any hand-set amount.
 */
export function allocationCandidates(input: CandidateInput): AllocationCandidate[] {
  const { currency } = input;
  const potential = potentialByPerson(input.accounts, currency);
  const pipeline = weightedPipelineByPerson(input.deals, currency).byPerson;
  const last = previousPeriod(input.period);
  const bookings = creditTotalsByPerson(input.credit.lines, last, input.basis, currency);
  return input.people.map((person) => {
    const lastTarget = findPersonTarget(input.targets, person.id, last, input.basis);
    return {
      personId: person.id,
      potential: potential.get(person.id) ?? zeroMoney(currency),
      lastPeriodBookings: bookings.get(person.id) ?? zeroMoney(currency),
      lastPeriodTarget:
        lastTarget !== null && lastTarget.amount.currency === currency ? lastTarget.amount : null,
      weightedPipeline: pipeline.get(person.id) ?? zeroMoney(currency),
      manual: input.manual?.get(person.id) ?? null,
    };
  });
}

export interface AttainmentRow {
  readonly personId: PersonId;
  readonly target: Money | null;
  readonly credited: Money;
  /** credited ÷ target in basis points; null without a target. */
  readonly attainmentBp: number | null;
}

/** Each person's credit in a period against their own target for it, on one basis. */
export function attainmentRows(input: {
  readonly people: readonly { readonly id: PersonId }[];
  readonly targets: readonly Target[];
  readonly credit: CreditResult;
  readonly period: Period;
  readonly basis: TargetBasis;
  readonly currency: CurrencyCode;
}): AttainmentRow[] {
  const totals = creditTotalsByPerson(
    input.credit.lines,
    input.period,
    input.basis,
    input.currency,
  );
  return input.people.map((person) => {
    const found = findPersonTarget(input.targets, person.id, input.period, input.basis);
    const target = found !== null && found.amount.currency === input.currency ? found.amount : null;
    const credited = totals.get(person.id) ?? zeroMoney(input.currency);
    return {
      personId: person.id,
      target,
      credited,
      attainmentBp: target === null ? null : ratioBp(credited.amountMinor, target.amountMinor),
    };
  });
}

/**
 * The plan that pays a person in a fiscal year: their live assignment for that year whose plan is
 * not in the trash (the most recently updated if several).
 */
export function planFor(
  assignments: readonly CommissionAssignment[],
  plans: readonly CommissionPlan[],
  personId: PersonId,
  fiscalYear: number,
): { assignment: CommissionAssignment; plan: CommissionPlan } | null {
  const planById = new Map(plans.filter((p) => p.deletedAt === null).map((p) => [p.id, p]));
  let found: { assignment: CommissionAssignment; plan: CommissionPlan } | null = null;
  for (const assignment of assignments) {
    if (
      assignment.deletedAt !== null ||
      assignment.personId !== personId ||
      assignment.fiscalYear !== fiscalYear
    ) {
      continue;
    }
    const plan = planById.get(assignment.planId);
    if (plan === undefined) continue;
    if (found === null || assignment.updatedAt > found.assignment.updatedAt) {
      found = { assignment, plan };
    }
  }
  return found;
}

/**
 * A person's statement under a plan for a period. The statements of the fiscal year's earlier
 * periods of the same kind are computed first, so a recoverable draw advanced earlier in the year
 * is carried into this one; each period's target is the person's own target on the plan's basis.
 */
export function personStatement(input: {
  readonly plan: CommissionPlan;
  readonly personId: PersonId;
  readonly period: Period;
  readonly credit: CreditResult;
  readonly targets: readonly Target[];
  readonly roundingMode: RoundingMode;
  /** Stored adjustments (any people and periods: the person's within each period count). */
  readonly adjustments?: readonly CommissionAdjustmentRecord[];
}): CommissionStatement {
  const periods = periodsOfYear(input.period.fiscalYear, input.period.kind).filter(
    (period) => period.index <= input.period.index,
  );
  const series = computeStatementSeries({
    plan: input.plan,
    person: { id: input.personId },
    periods,
    credits: input.credit.lines,
    targetFor: (period) =>
      findPersonTarget(input.targets, input.personId, period, input.plan.basis),
    roundingMode: input.roundingMode,
    adjustmentsFor: (period) =>
      statementAdjustments(input.adjustments ?? [], input.personId, period).map(asAdjustment),
  });
  const last = series[series.length - 1];
  if (last === undefined) throw new RangeError('A statement needs a period');
  return last;
}

/**
 * A person's live adjustments that count on a statement of `period`: those of the period itself
 * and of shorter periods inside it (a month's correction counts on its quarter's statement), in
 * period order, then oldest first.
 */
export function statementAdjustments(
  adjustments: readonly CommissionAdjustmentRecord[],
  personId: PersonId,
  period: Period,
): CommissionAdjustmentRecord[] {
  return adjustments
    .filter(
      (adjustment) =>
        adjustment.deletedAt === null &&
        adjustment.personId === personId &&
        periodContains(period, adjustment.period),
    )
    .sort(
      (a, b) =>
        comparePeriods(a.period, b.period) ||
        a.createdAt - b.createdAt ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** A stored adjustment as the statement computation takes it. */
export function asAdjustment(record: CommissionAdjustmentRecord): CommissionAdjustment {
  return {
    kind: record.kind,
    amount: record.amount,
    reason: record.reason,
    dealId: record.dealId,
  };
}

/**
 * Deals that were won and are now lost or cancelled, with the day they were won, read from their
 * trail: the change that set the status to won (its outcome date, or the day of the change).
 */
export function wonThenClosed(
  deals: readonly Deal[],
  trail: readonly Activity[],
  dateOf: (epochMs: number) => PlanDate,
): Map<DealId, PlanDate> {
  const closed = new Map(
    deals
      .filter((deal) => deal.status === 'lost' || deal.status === 'cancelled')
      .map((deal) => [deal.id as string, deal]),
  );
  const wonOn = new Map<DealId, PlanDate>();
  const byTime = [...trail].sort((a, b) => a.at - b.at);
  for (const activity of byTime) {
    if (activity.dealId === null || activity.system === null) continue;
    const deal = closed.get(activity.dealId);
    if (deal === undefined || activity.system.entityId !== deal.id) continue;
    const status = activity.system.changes.find((change) => change.field === 'status');
    if (status?.new !== 'won') continue;
    const outcome = activity.system.changes.find((change) => change.field === 'outcomeDate');
    const date =
      typeof outcome?.new === 'string' && isPlanDate(outcome.new)
        ? outcome.new
        : dateOf(activity.at);
    wonOn.set(deal.id, date);
  }
  return wonOn;
}

/**
 * The clawback a statement proposes for a deal that was won on `wonOn` and later lost or
 * cancelled: the person's credit from it (as the deal stands, had it stayed won) in the periods up
 * to and including the statement's, taken back as a negative credit adjustment. Null when the
 * person had no such credit.
 */
export function proposeClawback(input: {
  readonly deal: Deal;
  readonly wonOn: PlanDate;
  readonly personId: PersonId;
  readonly period: Period;
  readonly basis: CommissionBasis;
  readonly currency: CurrencyCode;
  readonly fiscalYearStartMonth: number;
  readonly roundingMode: RoundingMode;
  readonly reason: string;
}): CommissionAdjustment | null {
  const asWon: Deal = { ...input.deal, status: 'won', outcomeDate: input.wonOn, deletedAt: null };
  const credit = monthlyCredit([asWon], input.fiscalYearStartMonth, input.roundingMode);
  const adjustment = clawbackAdjustment({
    dealId: input.deal.id,
    personId: input.personId,
    lines: credit.lines,
    basis: input.basis,
    currency: input.currency,
    throughPeriod: input.period,
    reason: input.reason,
  });
  return adjustment.amount.amountMinor === 0 ? null : adjustment;
}

/**
 * Every statement of a person's fiscal year under a plan (one per period of the plan's kind), the
 * recoverable draw carried from each to the next. Only the person's credit lines and adjustments
 * are scanned, so a team's year of statements costs one pass per person.
 */
export function yearStatements(input: {
  readonly plan: CommissionPlan;
  readonly personId: PersonId;
  readonly fiscalYear: number;
  /** The person's credit lines (see `creditsByPerson`); others' are left out anyway. */
  readonly credits: readonly CreditLine[];
  readonly targets: readonly Target[];
  readonly roundingMode: RoundingMode;
  readonly adjustments?: readonly CommissionAdjustmentRecord[];
}): CommissionStatement[] {
  const own = (input.adjustments ?? []).filter((a) => a.personId === input.personId);
  const targets = input.targets.filter((t) => t.personId === input.personId);
  return computeStatementSeries({
    plan: input.plan,
    person: { id: input.personId },
    periods: periodsOfYear(input.fiscalYear, input.plan.periodKind),
    credits: input.credits,
    targetFor: (period) => findPersonTarget(targets, input.personId, period, input.plan.basis),
    roundingMode: input.roundingMode,
    adjustmentsFor: (period) => statementAdjustments(own, input.personId, period).map(asAdjustment),
  });
}
