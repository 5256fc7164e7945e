import type {
  Gate,
  GateDecision,
  GateKind,
  MeddpiccElement,
  MeddpiccItem,
  MeddpiccStatus,
  ScorecardItem,
} from '@shared/domain/gate';
import { MEDDPICC_ELEMENTS } from '@shared/domain/gate';
import type { PlanDate } from '@shared/domain/dates';

/**
 * Gate scoring: the bid/no-bid scorecard, MEDDPICC qualification, the recommended decision, and
 * the colour-team review scores. Everything is integer arithmetic on whole percentages, rounded
 * half up, so the figure a user sees is the figure the recommendation was made on.
 */

/** `numerator / denominator` rounded half up, for non-negative integers and a positive denominator. */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

// ---- Bid/no-bid scorecard --------------------------------------------------------------------

export interface ScorecardScore {
  /**
   * The weighted score of the criteria assessed so far, 0–100 %; null while no weighted criterion
   * has a score (or all weights are zero).
   */
  readonly scorePct: number | null;
  /**
   * Where the score can still end up once the missing criteria are scored: all of them at 1
   * (`min`) or all at 5 (`max`). Equal to `scorePct` when complete; null with no weight at all.
   */
  readonly rangePct: { readonly min: number; readonly max: number } | null;
  readonly totalWeight: number;
  readonly assessedWeight: number;
  /** Keys of weighted criteria without a score. A zero-weight criterion is never missing. */
  readonly missing: readonly string[];
  /** Every weighted criterion is scored (and there is at least one). */
  readonly complete: boolean;
}

/**
 * The bid/no-bid scorecard as a percentage: the weighted average of the 1–5 scores, mapped so that
 * 1 is 0 %, 3 is 50 % and 5 is 100 % (each point is 25 %). Dividing by 5 instead would give a card
 * of all 1s a score of 20 %, making the worst possible opportunity look a fifth good.
 *
 * Missing scores are not guessed: the score is computed over the criteria assessed so far, the
 * unscored weighted criteria are listed, and `rangePct` says how far the missing ones can still
 * move the result. A recommendation waits until the card is complete.
 */
export function scoreScorecard(
  items: readonly Pick<ScorecardItem, 'key' | 'weight' | 'score'>[],
): ScorecardScore {
  let totalWeight = 0;
  let assessedWeight = 0;
  /** Σ weight × (score − 1): the points earned, on a 0–4 scale per unit of weight. */
  let points = 0;
  const missing: string[] = [];
  for (const item of items) {
    if (item.weight <= 0) continue;
    totalWeight += item.weight;
    if (item.score === null) {
      missing.push(item.key);
      continue;
    }
    assessedWeight += item.weight;
    points += item.weight * (item.score - 1);
  }
  const scorePct = assessedWeight > 0 ? roundHalfUp(100 * points, 4 * assessedWeight) : null;
  const missingWeight = totalWeight - assessedWeight;
  const rangePct =
    totalWeight > 0
      ? {
          min: roundHalfUp(100 * points, 4 * totalWeight),
          max: roundHalfUp(100 * (points + 4 * missingWeight), 4 * totalWeight),
        }
      : null;
  return {
    scorePct,
    rangePct,
    totalWeight,
    assessedWeight,
    missing,
    complete: totalWeight > 0 && missing.length === 0,
  };
}

// ---- MEDDPICC ---------------------------------------------------------------------------------

/**
 * - `not_assessed`: every element still unknown;
 * - `unqualified`: fewer than half the points;
 * - `partially_qualified`: at least half, or three quarters without the critical elements;
 * - `qualified`: at least three quarters of the points with the critical elements in hand.
 */
export type QualificationLevel =
  'not_assessed' | 'unqualified' | 'partially_qualified' | 'qualified';

/**
 * Points per element status: confirmed with evidence 2, partly 1, a known gap or not looked at 0.
 * Eight elements give at most 16 points.
 */
export const MEDDPICC_POINTS: Readonly<Record<MeddpiccStatus, number>> = {
  confirmed: 2,
  partial: 1,
  gap: 0,
  unknown: 0,
};

/**
 * The elements without which a deal is not qualified whatever the rest says: nobody with the
 * budget has been reached, or nobody inside is selling for us.
 */
export const MEDDPICC_CRITICAL_ELEMENTS: readonly MeddpiccElement[] = [
  'economic_buyer',
  'champion',
];

/** Points needed: 12 of 16 (three quarters) to be qualified, 8 (half) to be partially. */
export const MEDDPICC_THRESHOLDS = { qualifiedPoints: 12, partialPoints: 8 } as const;

export interface MeddpiccSummary {
  /** Every element's status; an element not on the gate counts as unknown. */
  readonly byElement: Readonly<Record<MeddpiccElement, MeddpiccStatus>>;
  readonly counts: Readonly<Record<MeddpiccStatus, number>>;
  readonly confirmed: number;
  readonly partial: number;
  /** Elements not qualified at all: known gaps plus those not looked at. */
  readonly missing: number;
  readonly points: number;
  readonly maxPoints: number;
  /** Critical elements that are neither confirmed nor partly confirmed. */
  readonly criticalMissing: readonly MeddpiccElement[];
  readonly level: QualificationLevel;
}

/** Counts the MEDDPICC statuses and grades the qualification (see `QualificationLevel`). */
export function summarizeMeddpicc(
  items: readonly Pick<MeddpiccItem, 'element' | 'status'>[],
): MeddpiccSummary {
  const given = new Map(items.map((item) => [item.element, item.status]));
  const statusOf = (element: MeddpiccElement): MeddpiccStatus => given.get(element) ?? 'unknown';
  const byElement: Record<MeddpiccElement, MeddpiccStatus> = {
    metrics: statusOf('metrics'),
    economic_buyer: statusOf('economic_buyer'),
    decision_criteria: statusOf('decision_criteria'),
    decision_process: statusOf('decision_process'),
    paper_process: statusOf('paper_process'),
    identify_pain: statusOf('identify_pain'),
    champion: statusOf('champion'),
    competition: statusOf('competition'),
  };
  const counts: Record<MeddpiccStatus, number> = { unknown: 0, gap: 0, partial: 0, confirmed: 0 };
  let points = 0;
  for (const element of MEDDPICC_ELEMENTS) {
    const status = byElement[element];
    counts[status] += 1;
    points += MEDDPICC_POINTS[status];
  }
  const criticalMissing = MEDDPICC_CRITICAL_ELEMENTS.filter(
    (element) => MEDDPICC_POINTS[byElement[element]] === 0,
  );
  let level: QualificationLevel;
  if (counts.unknown === MEDDPICC_ELEMENTS.length) level = 'not_assessed';
  else if (points >= MEDDPICC_THRESHOLDS.qualifiedPoints && criticalMissing.length === 0)
    level = 'qualified';
  else if (points >= MEDDPICC_THRESHOLDS.partialPoints) level = 'partially_qualified';
  else level = 'unqualified';
  return {
    byElement,
    counts,
    confirmed: counts.confirmed,
    partial: counts.partial,
    missing: counts.gap + counts.unknown,
    points,
    maxPoints: MEDDPICC_ELEMENTS.length * MEDDPICC_POINTS.confirmed,
    criticalMissing,
    level,
  };
}

// ---- Recommended bid decision ---------------------------------------------------------------

/** Scorecard thresholds: go needs at least 70 %, below 50 % is a no-go. */
export const BID_SCORE_THRESHOLDS = { goPct: 70, noGoPct: 50 } as const;

export type BidRecommendation = GateDecision | 'incomplete';

/** Why the recommendation is what it is, for the UI to explain (one or more, in this order). */
export type BidRecommendationReason =
  | 'scorecard_incomplete'
  | 'meddpicc_not_assessed'
  | 'score_at_or_above_go'
  | 'score_between_thresholds'
  | 'score_below_no_go'
  | 'qualified'
  | 'partially_qualified'
  | 'unqualified'
  | 'critical_elements_missing';

export interface BidAssessment {
  readonly scorecard: ScorecardScore;
  readonly qualification: MeddpiccSummary;
  readonly recommendation: BidRecommendation;
  readonly reasons: readonly BidRecommendationReason[];
}

/**
 * The decision the bid/no-bid gate recommends; the people at the gate decide. Both the scorecard
 * (is this a bid we can and want to win?) and MEDDPICC (do we know enough about the buyer?) count:
 *
 * | scorecard \ MEDDPICC | qualified | partially  | unqualified |
 * |----------------------|-----------|------------|-------------|
 * | ≥ 70 %               | go        | reshape    | reshape     |
 * | 50–69 %              | reshape   | reshape    | no-go       |
 * | < 50 %               | no-go     | no-go      | no-go       |
 *
 * A strong fit with weak qualification is worth reshaping (reach the economic buyer, find a
 * champion) rather than walking away; a middling fit that is also unqualified is not worth the cost
 * of a bid. Nothing is recommended until every weighted criterion is scored and MEDDPICC has been
 * looked at (`incomplete`).
 */
export function recommendBidDecision(
  scorecard: ScorecardScore,
  qualification: MeddpiccSummary,
  thresholds: { readonly goPct: number; readonly noGoPct: number } = BID_SCORE_THRESHOLDS,
): { recommendation: BidRecommendation; reasons: BidRecommendationReason[] } {
  const reasons: BidRecommendationReason[] = [];
  if (!scorecard.complete) reasons.push('scorecard_incomplete');
  if (qualification.level === 'not_assessed') reasons.push('meddpicc_not_assessed');
  const score = scorecard.scorePct;
  if (reasons.length > 0 || score === null || qualification.level === 'not_assessed') {
    return { recommendation: 'incomplete', reasons };
  }
  const band = score >= thresholds.goPct ? 'high' : score >= thresholds.noGoPct ? 'middle' : 'low';
  reasons.push(
    band === 'high'
      ? 'score_at_or_above_go'
      : band === 'middle'
        ? 'score_between_thresholds'
        : 'score_below_no_go',
  );
  reasons.push(qualification.level);
  if (qualification.criticalMissing.length > 0) reasons.push('critical_elements_missing');

  let recommendation: GateDecision;
  if (band === 'low') recommendation = 'no_go';
  else if (band === 'high') recommendation = qualification.level === 'qualified' ? 'go' : 'reshape';
  else recommendation = qualification.level === 'unqualified' ? 'no_go' : 'reshape';
  return { recommendation, reasons };
}

/** Scores a bid/no-bid gate: scorecard, MEDDPICC, and the decision they recommend. */
export function assessBidGate(
  gate: Pick<Gate, 'scorecard' | 'meddpicc'>,
  thresholds: { readonly goPct: number; readonly noGoPct: number } = BID_SCORE_THRESHOLDS,
): BidAssessment {
  const scorecard = scoreScorecard(gate.scorecard);
  const qualification = summarizeMeddpicc(gate.meddpicc);
  return {
    scorecard,
    qualification,
    ...recommendBidDecision(scorecard, qualification, thresholds),
  };
}

// ---- Colour-team reviews --------------------------------------------------------------------

/** The colour-team reviews, in the order a proposal meets them. */
export const REVIEW_KINDS = [
  'blue',
  'black_hat',
  'pink',
  'red',
  'green',
  'gold',
  'white_glove',
] as const satisfies readonly GateKind[];
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export function isReviewKind(kind: GateKind): kind is ReviewKind {
  return (REVIEW_KINDS as readonly GateKind[]).includes(kind);
}

/** Review score bands: 80 % and above strong, 60–79 % acceptable, below 60 % weak. */
export const REVIEW_BANDS = { strongPct: 80, acceptablePct: 60 } as const;
export type ReviewBand = 'strong' | 'acceptable' | 'weak';

export function reviewBand(scorePct: number): ReviewBand {
  if (scorePct >= REVIEW_BANDS.strongPct) return 'strong';
  if (scorePct >= REVIEW_BANDS.acceptablePct) return 'acceptable';
  return 'weak';
}

export type ReviewGate = Pick<
  Gate,
  'id' | 'kind' | 'reviewScore' | 'decision' | 'scheduledDate' | 'createdAt' | 'deletedAt'
>;

export interface ReviewResult {
  readonly kind: ReviewKind;
  /** The latest round of this review (a reshape leads to another round). */
  readonly gateId: Gate['id'];
  readonly rounds: number;
  readonly score: number | null;
  readonly band: ReviewBand | null;
  readonly decision: GateDecision | null;
  readonly scheduledDate: PlanDate | null;
}

export interface ReviewSummary {
  /** One entry per review held or planned on the deal, in review order. */
  readonly reviews: readonly ReviewResult[];
  /** Mean of the latest scores of the scored reviews, whole percent; null when none is scored. */
  readonly averageScore: number | null;
  /** The lowest latest score (where the proposal is weakest). */
  readonly lowest: { readonly kind: ReviewKind; readonly score: number } | null;
  /** The last scored review in review order. */
  readonly latest: { readonly kind: ReviewKind; readonly score: number } | null;
  /** Latest score minus the score of the scored review before it (null with fewer than two). */
  readonly trend: number | null;
  /** Reviews whose latest round has no decision yet. */
  readonly outstanding: readonly ReviewKind[];
}

/**
 * Sums up a deal's colour-team reviews (pink, red, gold…) from its gates. Each review counts by
 * its latest round — a review re-held after a "reshape" replaces the earlier score — and the
 * reviews are read in the order a proposal meets them, so `trend` says whether the proposal got
 * better from one review to the next. Gates in the trash and other gate kinds are ignored.
 */
export function summarizeReviews(gates: readonly ReviewGate[]): ReviewSummary {
  const byKind = new Map<ReviewKind, ReviewGate[]>();
  for (const gate of gates) {
    if (gate.deletedAt !== null || !isReviewKind(gate.kind)) continue;
    const list = byKind.get(gate.kind) ?? [];
    list.push(gate);
    byKind.set(gate.kind, list);
  }
  const reviews: ReviewResult[] = [];
  for (const kind of REVIEW_KINDS) {
    const rounds = byKind.get(kind);
    if (rounds === undefined) continue;
    const last = rounds.reduce((a, b) => (b.createdAt >= a.createdAt ? b : a));
    reviews.push({
      kind,
      gateId: last.id,
      rounds: rounds.length,
      score: last.reviewScore,
      band: last.reviewScore === null ? null : reviewBand(last.reviewScore),
      decision: last.decision,
      scheduledDate: last.scheduledDate,
    });
  }
  const scored = reviews.flatMap((review) =>
    review.score === null ? [] : [{ kind: review.kind, score: review.score }],
  );
  const total = scored.reduce((sum, review) => sum + review.score, 0);
  const lowest = scored.reduce<(typeof scored)[number] | null>(
    (low, review) => (low === null || review.score < low.score ? review : low),
    null,
  );
  const latest = scored.at(-1) ?? null;
  const previous = scored.at(-2);
  return {
    reviews,
    averageScore: scored.length > 0 ? roundHalfUp(total, scored.length) : null,
    lowest,
    latest,
    trend: latest !== null && previous !== undefined ? latest.score - previous.score : null,
    outstanding: reviews.filter((review) => review.decision === null).map((review) => review.kind),
  };
}
