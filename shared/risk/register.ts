import type { PlanDate } from '@shared/domain/dates';
import { diffDays } from '@shared/domain/dates';
import type { PersonId } from '@shared/domain/ids';
import type { CurrencyCode, Money } from '@shared/domain/money';
import type { Risk, RiskHistoryEntry, RiskStatus } from '@shared/domain/risk';
import { isActiveRisk, riskScore } from '@shared/domain/risk';

/**
 * The risk register's figures: the 5 × 5 probability × impact matrix, exposure totals, the top
 * risks by exposure, overdue reviews and the history entry a reassessment appends. Pure: the
 * day (`today`) and the moment of a change come in as parameters.
 */

/** The 1–5 scale of probability and impact, lowest first. */
export const RISK_LEVELS = [1, 2, 3, 4, 5] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** A stored 1–5 value as a level (clamped, for labels keyed by level). */
export function riskLevel(value: number): RiskLevel {
  return RISK_LEVELS[Math.min(4, Math.max(0, Math.round(value) - 1))] ?? 1;
}

/** What the matrix and lists need of a risk. */
export type RiskFacts = Pick<
  Risk,
  'title' | 'probability' | 'impact' | 'status' | 'exposure' | 'nextReviewDate'
> & { readonly id: string };

export interface MatrixCell {
  readonly probability: RiskLevel;
  readonly impact: RiskLevel;
  readonly score: number;
  /** Ids of the risks in this cell, in the order they were given. */
  readonly ids: readonly string[];
}

export interface RiskMatrix {
  /** Rows by probability 5 → 1 (the likeliest on top), columns by impact 1 → 5. */
  readonly rows: readonly (readonly MatrixCell[])[];
  /** Number of risks placed on the matrix. */
  readonly total: number;
}

export interface MatrixOptions {
  /** Closed and occurred risks too (default: only open and mitigating ones). */
  readonly includeInactive?: boolean;
}

/**
 * Buckets risks into the 5 × 5 matrix. Only active risks (open, mitigating) by default: a closed
 * risk no longer threatens the deal, and an occurred one is an issue, not a risk.
 */
export function riskMatrix(
  risks: readonly Pick<RiskFacts, 'id' | 'probability' | 'impact' | 'status'>[],
  options: MatrixOptions = {},
): RiskMatrix {
  const ids: string[][] = Array.from({ length: 25 }, () => []);
  let total = 0;
  for (const risk of risks) {
    if (!options.includeInactive && !isActiveRisk(risk)) continue;
    ids[(risk.probability - 1) * 5 + (risk.impact - 1)]?.push(risk.id);
    total += 1;
  }
  const rows = [...RISK_LEVELS].reverse().map((probability) =>
    RISK_LEVELS.map((impact) => ({
      probability,
      impact,
      score: probability * impact,
      ids: ids[(probability - 1) * 5 + (impact - 1)] ?? [],
    })),
  );
  return { rows, total };
}

export type ScoreBand = 'low' | 'medium' | 'high';

/**
 * The colour band of a score: high at or above the company's `highRiskScore` threshold, medium
 * from half of it (rounded up), low below. With the default threshold of 15: 1–7 low, 8–14
 * medium, 15–25 high.
 */
export function scoreBand(score: number, highRiskScore: number): ScoreBand {
  if (score >= highRiskScore) return 'high';
  if (score >= Math.ceil(highRiskScore / 2)) return 'medium';
  return 'low';
}

export interface ExposureTotal {
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  /** Active risks exposed in this currency. */
  readonly count: number;
}

/**
 * Money at stake in active risks, one total per currency: there is no exchange rate to convert
 * with, so currencies are never added together. The base currency comes first, then the others
 * by amount, largest first.
 */
export function exposureTotals(
  risks: readonly Pick<RiskFacts, 'status' | 'exposure'>[],
  baseCurrency: CurrencyCode,
): ExposureTotal[] {
  const totals = new Map<CurrencyCode, { amountMinor: number; count: number }>();
  for (const risk of risks) {
    if (!isActiveRisk(risk)) continue;
    const total = totals.get(risk.exposure.currency) ?? { amountMinor: 0, count: 0 };
    total.amountMinor += risk.exposure.amountMinor;
    total.count += 1;
    totals.set(risk.exposure.currency, total);
  }
  return [...totals.entries()]
    .map(([currency, total]) => ({ currency, ...total }))
    .sort((a, b) =>
      a.currency === baseCurrency
        ? -1
        : b.currency === baseCurrency
          ? 1
          : b.amountMinor - a.amountMinor || (a.currency < b.currency ? -1 : 1),
    );
}

/** Exposure of the base currency only (zero when no active risk is in it). */
export function baseExposure(
  risks: readonly Pick<RiskFacts, 'status' | 'exposure'>[],
  baseCurrency: CurrencyCode,
): Money {
  const total = exposureTotals(risks, baseCurrency).find((t) => t.currency === baseCurrency);
  return { amountMinor: total?.amountMinor ?? 0, currency: baseCurrency };
}

/**
 * Orders risks for a "top risks" list: largest exposure first (by face value: a portfolio mixing
 * currencies has no exchange rate to apply), then the higher score, then the title, then the id,
 * so the order never depends on how the risks were read.
 */
export function compareByExposure(
  a: Pick<RiskFacts, 'id' | 'title' | 'probability' | 'impact' | 'exposure'>,
  b: Pick<RiskFacts, 'id' | 'title' | 'probability' | 'impact' | 'exposure'>,
): number {
  return (
    b.exposure.amountMinor - a.exposure.amountMinor ||
    riskScore(b) - riskScore(a) ||
    (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The `limit` active risks with the largest exposure (see `compareByExposure`). */
export function topRisksByExposure<T extends RiskFacts>(risks: readonly T[], limit: number): T[] {
  return risks.filter(isActiveRisk).sort(compareByExposure).slice(0, Math.max(0, limit));
}

/** Days a review is overdue (1 the day after it was due), or 0 when it is not overdue. */
export function reviewOverdueDays(
  risk: Pick<RiskFacts, 'status' | 'nextReviewDate'>,
  today: PlanDate,
): number {
  if (!isActiveRisk(risk) || risk.nextReviewDate === null) return 0;
  return Math.max(0, diffDays(risk.nextReviewDate, today));
}

/** An active risk whose next review date has passed (`nextReviewDate < today`). */
export function isReviewOverdue(
  risk: Pick<RiskFacts, 'status' | 'nextReviewDate'>,
  today: PlanDate,
): boolean {
  return reviewOverdueDays(risk, today) > 0;
}

/** Active risks with an overdue review, the longest overdue first (then by title). */
export function overdueReviews<T extends RiskFacts>(risks: readonly T[], today: PlanDate): T[] {
  return risks
    .filter((risk) => isReviewOverdue(risk, today))
    .sort(
      (a, b) =>
        (a.nextReviewDate ?? '').localeCompare(b.nextReviewDate ?? '') ||
        (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
    );
}

/** A risk's assessment: what the history records. */
export interface Assessment {
  readonly probability: number;
  readonly impact: number;
  readonly status: RiskStatus;
}

export interface Reassessment {
  /** Epoch ms of the change. */
  readonly at: number;
  readonly byId: PersonId | null;
  readonly note: string;
}

/** The first history entry of a new risk: its scores and status as created. */
export function firstHistoryEntry(assessment: Assessment, change: Reassessment): RiskHistoryEntry {
  return {
    at: change.at,
    byId: change.byId,
    probability: assessment.probability,
    impact: assessment.impact,
    status: assessment.status,
    note: change.note,
  };
}

/**
 * The entry to append when a risk's probability, impact or status changes, or null when none
 * does (an edit of its title or mitigation is not a reassessment). The entry carries the new
 * values, so the schema's rule holds: the last entry matches the current scores and status. Its
 * time is never earlier than the last entry's (another window's clock may be ahead).
 */
export function historyEntryFor(
  current: Assessment & { readonly history: readonly RiskHistoryEntry[] },
  next: Assessment,
  change: Reassessment,
): RiskHistoryEntry | null {
  if (
    current.probability === next.probability &&
    current.impact === next.impact &&
    current.status === next.status
  ) {
    return null;
  }
  const lastAt = current.history.at(-1)?.at ?? change.at;
  return firstHistoryEntry(next, { ...change, at: Math.max(change.at, lastAt) });
}

/** One step of the history as the register shows it: what changed from the entry before. */
export interface HistoryStep {
  readonly entry: RiskHistoryEntry;
  readonly score: number;
  /** The entry before it (null for the first assessment). */
  readonly previous: RiskHistoryEntry | null;
  /** Score change from the previous entry (0 for the first). */
  readonly scoreDelta: number;
}

/** The history newest first, each entry with its score and the change from the one before. */
export function historySteps(history: readonly RiskHistoryEntry[]): HistoryStep[] {
  return history
    .map((entry, index) => {
      const previous = history[index - 1] ?? null;
      const score = riskScore(entry);
      return {
        entry,
        score,
        previous,
        scoreDelta: previous === null ? 0 : score - riskScore(previous),
      };
    })
    .reverse();
}
