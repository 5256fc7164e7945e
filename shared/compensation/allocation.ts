/**
 * Quota allocation: splitting a team target for a period among the team's people, and the views a
 * director uses to defend the split (every method side by side, and a fairness view).
 *
 * Every method returns shares that sum to the team target exactly, to the minor unit. Weighted
 * methods split by the largest-remainder method; the minor units left over by rounding go to the
 * largest remainders, ties to the lower person id, so the same inputs always give the same split
 * whatever order the people are listed in.
 */
import type { AllocationMethod } from '@shared/domain/target';
import type { PersonId } from '@shared/domain/ids';
import {
  allocateMoney,
  CurrencyMismatchError,
  divideRounded,
  money,
  sumMoney,
  zeroMoney,
} from '@shared/domain/money';
import type { Money } from '@shared/domain/money';

/** What is known about one person when their share of a team target is decided. */
export interface AllocationCandidate {
  readonly personId: PersonId;
  /** Territory or account potential the person covers (see `potentialByPerson`). */
  readonly potential: Money;
  /** What the person booked last period (see `bookingsByPerson`). */
  readonly lastPeriodBookings: Money;
  /** Their target last period, for the fairness view; null when they had none. */
  readonly lastPeriodTarget: Money | null;
  /** Their current weighted pipeline (see `weightedPipelineByPerson`). */
  readonly weightedPipeline: Money;
  /** An amount set by hand, or null when none was entered. */
  readonly manual: Money | null;
}

export interface AllocationShare {
  readonly personId: PersonId;
  readonly amount: Money;
  /** The figure the share was weighted by; null for equal shares and hand-set amounts. */
  readonly basis: Money | null;
}

export interface Allocation {
  readonly method: AllocationMethod;
  readonly total: Money;
  /** In the order the candidates were given. */
  readonly shares: readonly AllocationShare[];
  /**
   * A weighted method found no basis at all (nobody has potential, bookings or pipeline), so the
   * target was split equally instead: shown so the director knows the split is not weighted.
   */
  readonly fellBackToEqual: boolean;
  /** Manual method: what the hand-set amounts total before any scaling; null for other methods. */
  readonly manualEnteredTotal: Money | null;
  /**
   * Manual method: the hand-set amounts did not add up to the target and could not be completed
   * from people without an amount, so they were scaled in proportion to reach it.
   */
  readonly manualScaled: boolean;
}

function checkCandidates(total: Money, candidates: readonly AllocationCandidate[]): void {
  if (!Number.isSafeInteger(total.amountMinor) || total.amountMinor < 0) {
    throw new RangeError('A team target must be a non-negative whole number of minor units');
  }
  if (candidates.length === 0) throw new RangeError('A team target needs at least one person');
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.personId)) {
      throw new RangeError(`Person ${candidate.personId} is listed twice`);
    }
    seen.add(candidate.personId);
  }
}

function weightOf(basis: Money, currency: string): number {
  if (basis.currency !== currency) throw new CurrencyMismatchError(currency, basis.currency);
  // Net bookings can be negative after a clawback; a negative basis earns no share.
  return Math.max(0, basis.amountMinor);
}

/**
 * Largest-remainder split with ties to the lower person id: `allocateMoney` breaks ties by list
 * position, so the weights are handed over in person-id order and mapped back.
 */
function splitByWeight(
  total: Money,
  people: readonly PersonId[],
  weights: readonly number[],
): Money[] {
  const order = people
    .map((personId, index) => ({ personId, index }))
    .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  const parts = allocateMoney(
    total,
    order.map(({ index }) => weights[index] ?? 0),
  );
  const result: Money[] = people.map(() => zeroMoney(total.currency));
  order.forEach(({ index }, position) => {
    result[index] = parts[position] ?? zeroMoney(total.currency);
  });
  return result;
}

function basisFor(
  candidate: AllocationCandidate,
  method: 'potential' | 'last_period' | 'pipeline',
): Money {
  if (method === 'potential') return candidate.potential;
  if (method === 'last_period') return candidate.lastPeriodBookings;
  return candidate.weightedPipeline;
}

/**
 * Manual split. Hand-set amounts are kept as typed when they fit: if they total less than the
 * target and some people have no amount, those people share the rest equally; if they total the
 * target exactly, nothing changes. Otherwise (they overshoot the target, or everyone has an amount
 * and they fall short) the typed amounts are scaled in proportion so the shares still reconcile
 * to the team target, and `manualScaled` says so — the director sees both the typed total and
 * the result instead of a split that silently does not add up.
 */
function allocateManual(total: Money, candidates: readonly AllocationCandidate[]): Allocation {
  const currency = total.currency;
  const people = candidates.map((candidate) => candidate.personId);
  const entered = candidates.map((candidate) =>
    candidate.manual === null ? null : weightOf(candidate.manual, currency),
  );
  const enteredTotal = entered.reduce<number>((sum, amount) => sum + (amount ?? 0), 0);
  const open = entered.filter((amount) => amount === null).length;
  let amounts: Money[];
  let scaled = false;
  if (enteredTotal === total.amountMinor || (enteredTotal < total.amountMinor && open > 0)) {
    const rest = splitByWeight(
      money(total.amountMinor - enteredTotal, currency),
      people,
      entered.map((amount) => (amount === null ? 1 : 0)),
    );
    amounts = entered.map((amount, index) =>
      amount === null ? (rest[index] ?? zeroMoney(currency)) : money(amount, currency),
    );
  } else {
    scaled = true;
    amounts = splitByWeight(
      total,
      people,
      entered.map((amount) => amount ?? 0),
    );
  }
  return {
    method: 'manual',
    total,
    shares: candidates.map((candidate, index) => ({
      personId: candidate.personId,
      amount: amounts[index] ?? zeroMoney(currency),
      basis: null,
    })),
    fellBackToEqual: false,
    manualEnteredTotal: money(enteredTotal, currency),
    manualScaled: scaled,
  };
}

/**
 * Splits a team target among people by one method:
 * - `equal`: the same share each;
 * - `potential`: in proportion to the territory/account potential each covers;
 * - `last_period`: in proportion to each person's bookings last period;
 * - `pipeline`: in proportion to each person's current weighted pipeline;
 * - `manual`: amounts set by hand (see `allocateManual` for how they are reconciled).
 *
 * Under a weighted method a person with a zero (or negative) basis gets a zero share — the method
 * says quota follows the basis. When nobody has any basis the weighting means nothing, so the
 * target is split equally and `fellBackToEqual` is set rather than leaving the target unassigned.
 */
export function allocateTarget(
  total: Money,
  candidates: readonly AllocationCandidate[],
  method: AllocationMethod,
): Allocation {
  checkCandidates(total, candidates);
  if (method === 'manual') return allocateManual(total, candidates);
  const people = candidates.map((candidate) => candidate.personId);
  const bases =
    method === 'equal' ? null : candidates.map((candidate) => basisFor(candidate, method));
  const weights =
    bases === null
      ? candidates.map(() => 1)
      : bases.map((basis) => weightOf(basis, total.currency));
  const amounts = splitByWeight(total, people, weights);
  return {
    method,
    total,
    shares: candidates.map((candidate, index) => ({
      personId: candidate.personId,
      amount: amounts[index] ?? zeroMoney(total.currency),
      basis: bases?.[index] ?? null,
    })),
    fellBackToEqual: bases !== null && weights.every((weight) => weight === 0),
    manualEnteredTotal: null,
    manualScaled: false,
  };
}

export interface AllocationComparisonRow {
  readonly personId: PersonId;
  readonly amounts: Readonly<Record<AllocationMethod, Money>>;
}

export interface AllocationComparison {
  readonly total: Money;
  readonly allocations: Readonly<Record<AllocationMethod, Allocation>>;
  /** One row per person (in the candidates' order) with their share under every method. */
  readonly rows: readonly AllocationComparisonRow[];
}

/** A record with one entry per allocation method (the type makes a new method a compile error here). */
function byMethod<T>(valueOf: (method: AllocationMethod) => T): Record<AllocationMethod, T> {
  return {
    equal: valueOf('equal'),
    potential: valueOf('potential'),
    last_period: valueOf('last_period'),
    pipeline: valueOf('pipeline'),
    manual: valueOf('manual'),
  };
}

/** Every method's split of the same team target, side by side, so the choice can be explained. */
export function compareAllocations(
  total: Money,
  candidates: readonly AllocationCandidate[],
): AllocationComparison {
  const allocations = byMethod((method) => allocateTarget(total, candidates, method));
  const rows = candidates.map((candidate, index) => ({
    personId: candidate.personId,
    amounts: byMethod(
      (method) => allocations[method].shares[index]?.amount ?? zeroMoney(total.currency),
    ),
  }));
  return { total, allocations, rows };
}

/**
 * `numerator ÷ denominator` in basis points (10 000 = 100 % or 1.0×), rounded half up, or null
 * when the denominator is not positive. A display ratio, not money, so the settings' money
 * rounding mode does not apply.
 */
export function ratioBp(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Number(divideRounded(BigInt(numerator) * 10_000n, BigInt(denominator), 'half_up'));
}

export interface FairnessRow {
  readonly personId: PersonId;
  readonly target: Money;
  /** Share of the team target, in basis points. */
  readonly targetShareBp: number | null;
  readonly weightedPipeline: Money;
  /** Share of the team's weighted pipeline, in basis points. */
  readonly pipelineShareBp: number | null;
  /** Pipeline coverage: weighted pipeline ÷ target (10 000 = 1.0×); null without a target. */
  readonly coverageBp: number | null;
  /** Coverage against the team's: below 10 000 means a harder quota than the team average. */
  readonly coverageVsTeamBp: number | null;
  readonly lastPeriodBookings: Money;
  readonly lastPeriodTarget: Money | null;
  /** Last period's bookings ÷ last period's target; null when there was no target. */
  readonly lastPeriodAttainmentBp: number | null;
}

export interface FairnessView {
  readonly rows: readonly FairnessRow[];
  readonly teamTarget: Money;
  readonly teamPipeline: Money;
  readonly teamCoverageBp: number | null;
  /** The median of the people's coverage (people without a target left out). */
  readonly medianCoverageBp: number | null;
  readonly medianLastPeriodAttainmentBp: number | null;
}

/** The median of whole numbers, halves rounded up; null for an empty list. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;
  const low = sorted[middle - 1] ?? 0;
  const high = sorted[middle] ?? 0;
  return Number(divideRounded(BigInt(low) + BigInt(high), 2n, 'half_up'));
}

/**
 * The fairness view of a split: each person's target beside their pipeline coverage (can they
 * reach it with what they have?) and last period's attainment (did they reach the last one?).
 * A person whose coverage is well below the team's, or who missed last period's target, is
 * carrying a heavier quota than their book supports — the figures a director uses to justify or
 * correct the split.
 */
export function fairnessView(
  allocation: Allocation,
  candidates: readonly AllocationCandidate[],
): FairnessView {
  const currency = allocation.total.currency;
  const byPerson = new Map(candidates.map((candidate) => [candidate.personId, candidate]));
  const teamPipeline = sumMoney(
    candidates.map((candidate) => money(weightOf(candidate.weightedPipeline, currency), currency)),
    currency,
  );
  const teamCoverageBp = ratioBp(teamPipeline.amountMinor, allocation.total.amountMinor);
  const rows = allocation.shares.map((share): FairnessRow => {
    const candidate = byPerson.get(share.personId);
    const pipeline = candidate?.weightedPipeline ?? zeroMoney(currency);
    const lastBookings = candidate?.lastPeriodBookings ?? zeroMoney(currency);
    const lastTarget = candidate?.lastPeriodTarget ?? null;
    const coverageBp = ratioBp(weightOf(pipeline, currency), share.amount.amountMinor);
    return {
      personId: share.personId,
      target: share.amount,
      targetShareBp: ratioBp(share.amount.amountMinor, allocation.total.amountMinor),
      weightedPipeline: pipeline,
      pipelineShareBp: ratioBp(weightOf(pipeline, currency), teamPipeline.amountMinor),
      coverageBp,
      coverageVsTeamBp:
        coverageBp === null || teamCoverageBp === null ? null : ratioBp(coverageBp, teamCoverageBp),
      lastPeriodBookings: lastBookings,
      lastPeriodTarget: lastTarget,
      lastPeriodAttainmentBp:
        lastTarget === null ? null : ratioBp(lastBookings.amountMinor, lastTarget.amountMinor),
    };
  });
  return {
    rows,
    teamTarget: allocation.total,
    teamPipeline,
    teamCoverageBp,
    medianCoverageBp: median(
      rows.flatMap((row) => (row.coverageBp === null ? [] : [row.coverageBp])),
    ),
    medianLastPeriodAttainmentBp: median(
      rows.flatMap((row) =>
        row.lastPeriodAttainmentBp === null ? [] : [row.lastPeriodAttainmentBp],
      ),
    ),
  };
}
