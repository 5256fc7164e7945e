import { describe, expect, it } from 'vitest';
import { DEFAULT_BID_SCORECARD } from '@shared/domain/defaults';
import { MEDDPICC_ELEMENTS } from '@shared/domain/gate';
import type { MeddpiccElement, MeddpiccStatus, ScorecardItem } from '@shared/domain/gate';
import {
  assessBidGate,
  recommendBidDecision,
  reviewBand,
  scoreScorecard,
  summarizeMeddpicc,
  summarizeReviews,
} from '@shared/pipeline/scoring';
import type { ScorecardScore } from '@shared/pipeline/scoring';
import { ACTOR, gate, NOW } from './fixtures';

/** The default card (weights 15, 20, 15, 15, 10, 15, 10) with these scores, in its order. */
function card(...scores: (number | null)[]): ScorecardItem[] {
  return DEFAULT_BID_SCORECARD.map((criterion, i) => ({
    ...criterion,
    score: scores[i] ?? null,
    note: '',
  }));
}

function item(key: string, weight: number, score: number | null) {
  return { key, weight, score };
}

/** The elements given, in MEDDPICC order; the others are left off the gate. */
function meddpicc(statuses: Partial<Record<MeddpiccElement, MeddpiccStatus>>) {
  return MEDDPICC_ELEMENTS.flatMap((element) => {
    const status = statuses[element];
    return status === undefined ? [] : [{ element, status }];
  });
}

/** Metrics, EB, decision criteria, pain, champion confirmed; process, competition partial; paper gap. */
const QUALIFIED = meddpicc({
  metrics: 'confirmed',
  economic_buyer: 'confirmed',
  decision_criteria: 'confirmed',
  identify_pain: 'confirmed',
  champion: 'confirmed',
  decision_process: 'partial',
  competition: 'partial',
  paper_process: 'gap',
});

describe('bid/no-bid scorecard', () => {
  it('worked example: the weighted average of 1–5 scores as a percentage', () => {
    // Points per criterion are weight × (score − 1):
    // 15·3 + 20·4 + 15·2 + 15·2 + 10·3 + 15·4 + 10·1 = 285 of 4·100 = 400 → 71.25 % → 71 %.
    const score = scoreScorecard(card(4, 5, 3, 3, 4, 5, 2));
    expect(score).toEqual({
      scorePct: 71,
      rangePct: { min: 71, max: 71 },
      totalWeight: 100,
      assessedWeight: 100,
      missing: [],
      complete: true,
    });
  });

  it('maps the scale so that 1 is 0 %, 3 is 50 % and 5 is 100 %', () => {
    expect(scoreScorecard(card(1, 1, 1, 1, 1, 1, 1)).scorePct).toBe(0);
    expect(scoreScorecard(card(3, 3, 3, 3, 3, 3, 3)).scorePct).toBe(50);
    expect(scoreScorecard(card(5, 5, 5, 5, 5, 5, 5)).scorePct).toBe(100);
  });

  it('rounds half up: 1 point of 8 is 12.5 %, shown and judged as 13 %', () => {
    expect(scoreScorecard([item('a', 1, 1), item('b', 1, 2)]).scorePct).toBe(13);
  });

  it('scores what is assessed, lists what is missing and how far it can still move', () => {
    // Solution fit (20) and strategic value (15) unscored: 145 points over 65 weight assessed
    // → 14 500 / 260 = 55.77 → 56 %. With the missing at 1: 14 500 / 400 = 36.25 → 36 %; at 5:
    // (145 + 4·35) · 100 / 400 = 71.25 → 71 %.
    const score = scoreScorecard(card(4, null, 3, 3, 4, null, 2));
    expect(score).toEqual({
      scorePct: 56,
      rangePct: { min: 36, max: 71 },
      totalWeight: 100,
      assessedWeight: 65,
      missing: ['solution_fit', 'strategic_value'],
      complete: false,
    });
  });

  it('has no score before anything is assessed', () => {
    const score = scoreScorecard(card());
    expect(score.scorePct).toBeNull();
    expect(score.rangePct).toEqual({ min: 0, max: 100 });
    expect(score.missing).toHaveLength(7);
  });

  it('does not wait for a zero-weight criterion, nor count its score', () => {
    const score = scoreScorecard([item('a', 10, 5), item('memo', 0, null), item('b', 0, 1)]);
    expect(score).toMatchObject({ scorePct: 100, missing: [], complete: true });
  });

  it('cannot score a card whose weights are all zero', () => {
    const score = scoreScorecard([item('a', 0, 4)]);
    expect(score).toMatchObject({ scorePct: null, rangePct: null, complete: false });
  });
});

describe('MEDDPICC qualification', () => {
  it('worked example: 5 confirmed, 2 partial, 1 gap = 12 of 16 points, qualified', () => {
    expect(summarizeMeddpicc(QUALIFIED)).toMatchObject({
      counts: { confirmed: 5, partial: 2, gap: 1, unknown: 0 },
      confirmed: 5,
      partial: 2,
      missing: 1,
      points: 12,
      maxPoints: 16,
      criticalMissing: [],
      level: 'qualified',
    });
  });

  it('is not qualified without a champion, whatever the points', () => {
    const noChampion = QUALIFIED.map((e) =>
      e.element === 'champion' ? { ...e, status: 'gap' as const } : e,
    );
    // 10 points: partially qualified.
    expect(summarizeMeddpicc(noChampion)).toMatchObject({
      points: 10,
      criticalMissing: ['champion'],
      level: 'partially_qualified',
    });
    // 7 confirmed (14 points) but the economic buyer never reached: still partial.
    const noBuyer = meddpicc({
      metrics: 'confirmed',
      decision_criteria: 'confirmed',
      decision_process: 'confirmed',
      paper_process: 'confirmed',
      identify_pain: 'confirmed',
      champion: 'confirmed',
      competition: 'confirmed',
    });
    expect(summarizeMeddpicc(noBuyer)).toMatchObject({
      points: 14,
      missing: 1,
      criticalMissing: ['economic_buyer'],
      level: 'partially_qualified',
    });
  });

  it('half the points is partially qualified, less is unqualified', () => {
    const half = meddpicc({
      metrics: 'confirmed',
      economic_buyer: 'confirmed',
      champion: 'confirmed',
      identify_pain: 'confirmed',
    });
    expect(summarizeMeddpicc(half)).toMatchObject({ points: 8, level: 'partially_qualified' });
    const weak = meddpicc({ metrics: 'partial', identify_pain: 'partial', champion: 'partial' });
    expect(summarizeMeddpicc(weak)).toMatchObject({
      points: 3,
      missing: 5,
      level: 'unqualified',
    });
  });

  it('counts elements not on the gate as unknown, and nothing looked at as not assessed', () => {
    const summary = summarizeMeddpicc([]);
    expect(summary.counts).toEqual({ confirmed: 0, partial: 0, gap: 0, unknown: 8 });
    expect(summary.level).toBe('not_assessed');
    expect(summary.byElement.paper_process).toBe('unknown');
  });
});

describe('recommended bid decision', () => {
  const partial = summarizeMeddpicc(
    meddpicc({
      metrics: 'confirmed',
      economic_buyer: 'partial',
      champion: 'partial',
      identify_pain: 'confirmed',
      competition: 'confirmed',
    }),
  );
  const unqualified = summarizeMeddpicc(meddpicc({ metrics: 'partial' }));
  const qualified = summarizeMeddpicc(QUALIFIED);
  /** A complete two-criterion card (weights 3 and 2), so 5 % steps are reachable. */
  const scored = (a: number, b: number): ScorecardScore =>
    scoreScorecard([item('a', 3, a), item('b', 2, b)]);

  it('recommends go for a strong, qualified opportunity', () => {
    const gateRecord = gate('bid_no_bid', { scorecard: card(4, 5, 3, 3, 4, 5, 2), meddpicc: [] });
    const assessment = assessBidGate({
      ...gateRecord,
      meddpicc: QUALIFIED.map((e) => ({ ...e, evidence: '' })),
    });
    expect(assessment.scorecard.scorePct).toBe(71);
    expect(assessment.qualification.level).toBe('qualified');
    expect(assessment.recommendation).toBe('go');
    expect(assessment.reasons).toEqual(['score_at_or_above_go', 'qualified']);
  });

  it('applies the thresholds at their edges: 70 % is go, 50 % is reshape', () => {
    // 3·4 + 2·1 = 14 of 20 → 70 %; 3·2 + 2·2 = 10 of 20 → 50 %; 3·2 + 2·1 = 8 of 20 → 40 %.
    expect(scored(5, 2).scorePct).toBe(70);
    expect(recommendBidDecision(scored(5, 2), qualified).recommendation).toBe('go');
    expect(scored(3, 3).scorePct).toBe(50);
    expect(recommendBidDecision(scored(3, 3), qualified).recommendation).toBe('reshape');
    expect(scored(3, 2).scorePct).toBe(40);
    expect(recommendBidDecision(scored(3, 2), qualified).recommendation).toBe('no_go');
  });

  it('reshapes a strong fit that is not yet qualified, and says why', () => {
    const noChampion = summarizeMeddpicc(
      QUALIFIED.map((e) => (e.element === 'champion' ? { ...e, status: 'unknown' as const } : e)),
    );
    expect(recommendBidDecision(scored(5, 2), noChampion)).toEqual({
      recommendation: 'reshape',
      reasons: ['score_at_or_above_go', 'partially_qualified', 'critical_elements_missing'],
    });
    expect(recommendBidDecision(scored(5, 5), unqualified).recommendation).toBe('reshape');
  });

  it('declines a middling fit that is unqualified, and anything below 50 %', () => {
    expect(recommendBidDecision(scored(4, 3), partial).recommendation).toBe('reshape');
    expect(recommendBidDecision(scored(4, 3), unqualified).recommendation).toBe('no_go');
    expect(recommendBidDecision(scored(1, 1), qualified)).toEqual({
      recommendation: 'no_go',
      reasons: ['score_below_no_go', 'qualified'],
    });
  });

  it('recommends nothing until the card is complete and MEDDPICC has been looked at', () => {
    expect(recommendBidDecision(scoreScorecard(card(4, 5, null, 3, 4, 5, 2)), qualified)).toEqual({
      recommendation: 'incomplete',
      reasons: ['scorecard_incomplete'],
    });
    expect(recommendBidDecision(scored(5, 5), summarizeMeddpicc([]))).toEqual({
      recommendation: 'incomplete',
      reasons: ['meddpicc_not_assessed'],
    });
  });

  it('takes other thresholds when a company sets them', () => {
    expect(
      recommendBidDecision(scored(4, 3), qualified, { goPct: 60, noGoPct: 40 }).recommendation,
    ).toBe('go');
  });
});

describe('colour-team review summary', () => {
  const decided = { decidedBy: ACTOR, decidedAt: NOW };

  it('worked example: latest round per review, average, weakest, trend, outstanding', () => {
    const gates = [
      gate('bid_no_bid', { reviewScore: 10 }),
      gate('gold', { createdAt: NOW, updatedAt: NOW }),
      gate('red', {
        reviewScore: 65,
        decision: 'reshape',
        ...decided,
        createdAt: NOW - 2_000,
        updatedAt: NOW,
      }),
      gate('red', {
        reviewScore: 81,
        decision: 'go',
        ...decided,
        createdAt: NOW - 1_000,
        updatedAt: NOW,
      }),
      gate('pink', { reviewScore: 72, decision: 'go', ...decided }),
      gate('pink', { reviewScore: 20, deletedAt: NOW }),
    ];
    const summary = summarizeReviews(gates);
    expect(summary.reviews.map((r) => [r.kind, r.rounds, r.score, r.band, r.decision])).toEqual([
      ['pink', 1, 72, 'acceptable', 'go'],
      ['red', 2, 81, 'strong', 'go'],
      ['gold', 1, null, null, null],
    ]);
    // (72 + 81) / 2 = 76.5 → 77; red improved on pink by 9 points.
    expect(summary.averageScore).toBe(77);
    expect(summary.lowest).toEqual({ kind: 'pink', score: 72 });
    expect(summary.latest).toEqual({ kind: 'red', score: 81 });
    expect(summary.trend).toBe(9);
    expect(summary.outstanding).toEqual(['gold']);
  });

  it('has nothing to sum up before any review is scored', () => {
    const summary = summarizeReviews([gate('pink'), gate('submit_approval')]);
    expect(summary.reviews.map((r) => r.kind)).toEqual(['pink']);
    expect(summary).toMatchObject({ averageScore: null, lowest: null, latest: null, trend: null });
  });

  it('bands scores at 80 % and 60 %', () => {
    expect([80, 79, 60, 59].map(reviewBand)).toEqual([
      'strong',
      'acceptable',
      'acceptable',
      'weak',
    ]);
  });
});
