import type { PlanDate } from '@shared/domain/dates';
import { diffDays } from '@shared/domain/dates';
import type { DealId } from '@shared/domain/ids';
import type { CurrencyCode, Money } from '@shared/domain/money';
import type { Thresholds } from '@shared/domain/settings';

/**
 * Deal health: a rating of one open deal as green, amber or red, with the reasons that made it
 * so. The rating is a pure function of a deal's facts (`HealthFacts`, derived from the records by
 * `healthFacts` in `./facts.ts`), the company's thresholds and today; the reasons are typed codes
 * with their figures, never prose, so the renderer words them in the user's language.
 *
 * Which reason makes what (the level is that of the worst reason; no reason at all is green):
 *
 * | reason               | amber                                        | red                                 |
 * | -------------------- | -------------------------------------------- | ----------------------------------- |
 * | `milestoneLate`      | a milestone behind its baseline by more than | —                                   |
 * |                      | `slipToleranceDays` working days             |                                     |
 * | `milestoneOverdue`   | a milestone not reached and its date is past | —                                   |
 * | `submissionAtRisk`   | slack to submission ≤ `submissionSlackWarnDays` | slack < 0: the deadline cannot be |
 * |                      |                                              | met from today                      |
 * | `overBudget`         | actual ≥ `budgetWarnPct` % of budget, or the | actual above the budget             |
 * |                      | forecast (EAC) above the budget              |                                     |
 * | `costOfSale`         | the pursuit's forecast cost (EAC) reaches    | —                                   |
 * |                      | `costOfSaleWarnPct` % of the deal's value    |                                     |
 * | `riskExposure`       | open risk exposure (base currency) above     | —                                   |
 * |                      | `highRiskExposure`                           |                                     |
 * | `highRisks`          | an open risk scored ≥ `highRiskScore`        | —                                   |
 * | `overAllocated`      | a person on the deal's work over-allocated   | —                                   |
 * | `pwinDropped`        | Pwin fell ≥ `pwinDropPoints` since the last  | fell ≥ twice that                   |
 * |                      | review (or since it was first recorded)      |                                     |
 * | `stale`              | no activity for ≥ `staleActivityDays` days   | for ≥ twice that                    |
 *
 * Every reason depends only on its own facts, and the level is the worst of them: adding a reason
 * never improves the level (a property test holds this).
 */

export const HEALTH_LEVELS = ['green', 'amber', 'red'] as const;
export type HealthLevel = (typeof HEALTH_LEVELS)[number];
export type ReasonSeverity = Exclude<HealthLevel, 'green'>;

/** What the rating needs to know about one open deal (see `healthFacts`). */
export interface HealthFacts {
  readonly dealId: DealId;
  /**
   * Milestones behind their baseline or overdue, in working days: `lateDays` > 0 when reached,
   * or forecast, after the baseline date; `overdueDays` > 0 when not reached and the date passed.
   */
  readonly milestones: readonly {
    readonly name: string;
    readonly lateDays: number;
    readonly overdueDays: number;
  }[];
  /**
   * Working days to spare before the submission deadline, from today (negative: it cannot be
   * met); null when there is no deadline, no plan leading to it, or the bid went in.
   */
  readonly submissionSlackDays: number | null;
  /**
   * The pursuit cost in the deal's currency (budget zero: no budget set), and the deal's value in
   * that currency (what the cost of sale is measured against).
   */
  readonly cost: {
    readonly currency: CurrencyCode;
    readonly valueMinor: number;
    readonly budgetMinor: number;
    readonly actualMinor: number;
    readonly eacMinor: number;
  };
  /** Exposure of the open (active) risks in the base currency. */
  readonly exposure: Money;
  /** The active risks' titles and scores (probability × impact). */
  readonly risks: readonly { readonly title: string; readonly score: number }[];
  /** People whose over-allocated weeks include this deal's work. */
  readonly overAllocatedPeople: number;
  /** Pwin now and at the reference point (the last review, else the first recorded value). */
  readonly pwin: { readonly current: number; readonly reference: number | null };
  /** Day of the last activity logged on the deal (its creation day when none). */
  readonly lastActivity: PlanDate;
}

export type HealthThresholds = Pick<
  Thresholds,
  | 'staleActivityDays'
  | 'slipToleranceDays'
  | 'submissionSlackWarnDays'
  | 'budgetWarnPct'
  | 'costOfSaleWarnPct'
  | 'highRiskExposure'
  | 'highRiskScore'
  | 'pwinDropPoints'
>;

/** Why a deal is not green: a code, its severity and the figures the renderer words. */
export type HealthReason =
  | {
      readonly code: 'milestoneLate';
      readonly severity: ReasonSeverity;
      readonly count: number;
      /** The latest one: its name and working days behind baseline. */
      readonly milestone: string;
      readonly days: number;
    }
  | {
      readonly code: 'milestoneOverdue';
      readonly severity: ReasonSeverity;
      readonly count: number;
      readonly milestone: string;
      readonly days: number;
    }
  | {
      readonly code: 'submissionAtRisk';
      readonly severity: ReasonSeverity;
      /** Working days of slack (negative: days the deadline would be missed by). */
      readonly slackDays: number;
    }
  | {
      readonly code: 'overBudget';
      readonly severity: ReasonSeverity;
      readonly budget: Money;
      readonly actual: Money;
      readonly eac: Money;
    }
  | {
      readonly code: 'costOfSale';
      readonly severity: ReasonSeverity;
      readonly eac: Money;
      readonly value: Money;
      /** The threshold, a percentage of the value. */
      readonly limitPct: number;
    }
  | {
      readonly code: 'riskExposure';
      readonly severity: ReasonSeverity;
      readonly exposure: Money;
      readonly limit: Money;
    }
  | {
      readonly code: 'highRisks';
      readonly severity: ReasonSeverity;
      readonly count: number;
      /** The highest-scored one. */
      readonly title: string;
      readonly score: number;
    }
  | { readonly code: 'overAllocated'; readonly severity: ReasonSeverity; readonly people: number }
  | {
      readonly code: 'pwinDropped';
      readonly severity: ReasonSeverity;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly code: 'stale';
      readonly severity: ReasonSeverity;
      readonly days: number;
      readonly since: PlanDate;
    };

export type HealthReasonCode = HealthReason['code'];

/** Every reason code, in the order reasons are listed. */
export const HEALTH_REASON_CODES = [
  'submissionAtRisk',
  'milestoneOverdue',
  'milestoneLate',
  'overBudget',
  'costOfSale',
  'highRisks',
  'riskExposure',
  'overAllocated',
  'pwinDropped',
  'stale',
] as const satisfies readonly HealthReasonCode[];

export interface DealHealth {
  readonly level: HealthLevel;
  /** Worst first, then in the order of `HEALTH_REASON_CODES`. */
  readonly reasons: readonly HealthReason[];
}

const RANK: Readonly<Record<HealthLevel, number>> = { green: 0, amber: 1, red: 2 };
const ORDER = new Map<HealthReasonCode, number>(HEALTH_REASON_CODES.map((code, i) => [code, i]));

/** Orders levels: negative when `a` is healthier than `b`. */
export function compareHealthLevels(a: HealthLevel, b: HealthLevel): number {
  return RANK[a] - RANK[b];
}

/** The level of a list of reasons: the worst of them, green when there is none. */
export function levelOfReasons(reasons: readonly Pick<HealthReason, 'severity'>[]): HealthLevel {
  let level: HealthLevel = 'green';
  for (const reason of reasons) {
    if (reason.severity === 'red') return 'red';
    level = 'amber';
  }
  return level;
}

function worstBy<T>(items: readonly T[], key: (item: T) => number): T | undefined {
  let worst: T | undefined;
  for (const item of items) if (worst === undefined || key(item) > key(worst)) worst = item;
  return worst;
}

function reaches(amountMinor: number, wholeMinor: number, pct: number): boolean {
  return amountMinor * 100 >= wholeMinor * pct;
}

/** The reasons alone (unsorted), one per rule that fires. */
function reasonsOf(facts: HealthFacts, t: HealthThresholds, today: PlanDate): HealthReason[] {
  const reasons: HealthReason[] = [];

  const late = facts.milestones.filter((m) => m.lateDays > t.slipToleranceDays);
  const worstLate = worstBy(late, (m) => m.lateDays);
  if (worstLate) {
    reasons.push({
      code: 'milestoneLate',
      severity: 'amber',
      count: late.length,
      milestone: worstLate.name,
      days: worstLate.lateDays,
    });
  }
  const overdue = facts.milestones.filter((m) => m.overdueDays > 0);
  const worstOverdue = worstBy(overdue, (m) => m.overdueDays);
  if (worstOverdue) {
    reasons.push({
      code: 'milestoneOverdue',
      severity: 'amber',
      count: overdue.length,
      milestone: worstOverdue.name,
      days: worstOverdue.overdueDays,
    });
  }

  const slack = facts.submissionSlackDays;
  if (slack !== null && slack <= t.submissionSlackWarnDays) {
    reasons.push({
      code: 'submissionAtRisk',
      severity: slack < 0 ? 'red' : 'amber',
      slackDays: slack,
    });
  }

  const { cost } = facts;
  if (cost.budgetMinor > 0) {
    const red = cost.actualMinor > cost.budgetMinor;
    const amber =
      reaches(cost.actualMinor, cost.budgetMinor, t.budgetWarnPct) ||
      cost.eacMinor > cost.budgetMinor;
    if (red || amber) {
      reasons.push({
        code: 'overBudget',
        severity: red ? 'red' : 'amber',
        budget: { amountMinor: cost.budgetMinor, currency: cost.currency },
        actual: { amountMinor: cost.actualMinor, currency: cost.currency },
        eac: { amountMinor: cost.eacMinor, currency: cost.currency },
      });
    }
  }

  if (
    cost.valueMinor > 0 &&
    cost.eacMinor > 0 &&
    reaches(cost.eacMinor, cost.valueMinor, t.costOfSaleWarnPct)
  ) {
    reasons.push({
      code: 'costOfSale',
      severity: 'amber',
      eac: { amountMinor: cost.eacMinor, currency: cost.currency },
      value: { amountMinor: cost.valueMinor, currency: cost.currency },
      limitPct: t.costOfSaleWarnPct,
    });
  }

  const high = facts.risks.filter((r) => r.score >= t.highRiskScore);
  const worstRisk = worstBy(high, (r) => r.score);
  if (worstRisk) {
    reasons.push({
      code: 'highRisks',
      severity: 'amber',
      count: high.length,
      title: worstRisk.title,
      score: worstRisk.score,
    });
  }
  if (
    facts.exposure.currency === t.highRiskExposure.currency &&
    facts.exposure.amountMinor > t.highRiskExposure.amountMinor
  ) {
    reasons.push({
      code: 'riskExposure',
      severity: 'amber',
      exposure: facts.exposure,
      limit: t.highRiskExposure,
    });
  }

  if (facts.overAllocatedPeople > 0) {
    reasons.push({ code: 'overAllocated', severity: 'amber', people: facts.overAllocatedPeople });
  }

  const { pwin } = facts;
  if (pwin.reference !== null) {
    const drop = pwin.reference - pwin.current;
    if (drop >= t.pwinDropPoints) {
      reasons.push({
        code: 'pwinDropped',
        severity: drop >= 2 * t.pwinDropPoints ? 'red' : 'amber',
        from: pwin.reference,
        to: pwin.current,
      });
    }
  }

  const idle = diffDays(facts.lastActivity, today);
  if (idle >= t.staleActivityDays) {
    reasons.push({
      code: 'stale',
      severity: idle >= 2 * t.staleActivityDays ? 'red' : 'amber',
      days: idle,
      since: facts.lastActivity,
    });
  }
  return reasons;
}

/** Rates one open deal: its level and the reasons, worst first (see the table at the top). */
export function dealHealth(
  facts: HealthFacts,
  thresholds: HealthThresholds,
  today: PlanDate,
): DealHealth {
  const reasons = reasonsOf(facts, thresholds, today);
  reasons.sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] || (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0),
  );
  return { level: levelOfReasons(reasons), reasons };
}

/** Rates every deal of a portfolio's facts (the `health.2000` bench measures this step). */
export function portfolioHealth(
  facts: ReadonlyMap<DealId, HealthFacts>,
  thresholds: HealthThresholds,
  today: PlanDate,
): Map<DealId, DealHealth> {
  const out = new Map<DealId, DealHealth>();
  for (const [id, f] of facts) out.set(id, dealHealth(f, thresholds, today));
  return out;
}
