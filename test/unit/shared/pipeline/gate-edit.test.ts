import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_BID_SCORECARD } from '@shared/domain/defaults';
import { MEDDPICC_ELEMENTS, gateSchema } from '@shared/domain/gate';
import type { GateKind, ScorecardItem } from '@shared/domain/gate';
import { personIdSchema } from '@shared/domain/ids';
import {
  checkScorecardCriteria,
  criterionKey,
  criterionShares,
  decisionSummary,
  draftManualGate,
  editMeddpiccItem,
  editScorecardItem,
  finalizeCriteria,
  planGateDecision,
  sortGates,
  UnknownCriterionError,
} from '@shared/pipeline/gate-edit';
import type { CriterionDraft, DecisionFields } from '@shared/pipeline/gate-edit';
import { scoreScorecard } from '@shared/pipeline/scoring';
import { ACTOR, DEAL_ID, NOW, d } from './fixtures';

const OTHER = personIdSchema.parse('0e000000-0000-4000-8000-000000000002');
const UNDECIDED: DecisionFields = {
  decision: null,
  decidedBy: null,
  decidedAt: null,
  rationale: '',
};

function card(): ScorecardItem[] {
  return DEFAULT_BID_SCORECARD.map((criterion) => ({ ...criterion, score: null, note: '' }));
}

function draft(en: string, weight: number | null, zh = '中文', key: string | null = null) {
  return { key, label: { zh, en }, weight } satisfies CriterionDraft;
}

describe('sortGates', () => {
  it('lists gates in the order a pursuit meets them, rounds of a kind oldest first', () => {
    const gate = (kind: GateKind, createdAt: number) => ({ kind, createdAt });
    const sorted = sortGates([
      gate('gold', 5),
      gate('red', 9),
      gate('submit_approval', 1),
      gate('red', 3),
      gate('bid_no_bid', 7),
      gate('pink', 2),
    ]);
    expect(sorted.map((g) => `${g.kind}@${g.createdAt}`)).toEqual([
      'bid_no_bid@7',
      'pink@2',
      'red@3',
      'red@9',
      'gold@5',
      'submit_approval@1',
    ]);
  });
});

describe('draftManualGate', () => {
  it('gives a hand-added bid/no-bid gate the configured criteria and all of MEDDPICC unknown', () => {
    const criteria = [{ key: 'fit', label: { zh: '匹配度', en: 'Fit' }, weight: 40 }];
    const draft = draftManualGate({
      dealId: DEAL_ID,
      kind: 'bid_no_bid',
      name: '  Re-qualification  ',
      scheduledDate: d('2026-11-20'),
      bidScorecard: criteria,
    });
    expect(draft.name).toBe('Re-qualification');
    expect(draft.stageId).toBeNull();
    expect(draft.scorecard).toEqual([{ ...criteria[0], score: null, note: '' }]);
    expect(draft.meddpicc.map((m) => [m.element, m.status])).toEqual(
      MEDDPICC_ELEMENTS.map((element) => [element, 'unknown']),
    );
    // It is a valid gate once the write adds the bookkeeping fields.
    expect(
      gateSchema.safeParse({
        ...draft,
        id: '0f000000-0000-4000-8000-000000000001',
        createdAt: NOW,
        updatedAt: NOW,
        rev: 1,
        deletedAt: null,
      }).success,
    ).toBe(true);
  });

  it('gives a review neither scorecard nor MEDDPICC', () => {
    const draft = draftManualGate({
      dealId: DEAL_ID,
      kind: 'red',
      name: 'Red team review (round 2)',
      scheduledDate: null,
      bidScorecard: DEFAULT_BID_SCORECARD,
    });
    expect(draft.scorecard).toEqual([]);
    expect(draft.meddpicc).toEqual([]);
    expect(draft.decision).toBeNull();
  });
});

describe('item edits', () => {
  it('scores one criterion and keeps weights, labels and the other criteria', () => {
    const before = card();
    const after = editScorecardItem(before, 'solution_fit', { score: 4 });
    expect(after.find((i) => i.key === 'solution_fit')).toMatchObject({ score: 4, weight: 20 });
    expect(after.filter((i) => i.key !== 'solution_fit')).toEqual(
      before.filter((i) => i.key !== 'solution_fit'),
    );
    const noted = editScorecardItem(after, 'solution_fit', { note: 'Reference site in Suzhou' });
    expect(noted.find((i) => i.key === 'solution_fit')).toMatchObject({
      score: 4,
      note: 'Reference site in Suzhou',
    });
    const cleared = editScorecardItem(noted, 'solution_fit', { score: null });
    expect(cleared.find((i) => i.key === 'solution_fit')?.score).toBeNull();
  });

  it('refuses a criterion the gate does not have', () => {
    expect(() => editScorecardItem(card(), 'no_such', { score: 3 })).toThrow(UnknownCriterionError);
  });

  it('sets a MEDDPICC element, adding it in MEDDPICC order when the gate lacks it', () => {
    const edited = editMeddpiccItem(
      [{ element: 'competition', status: 'gap', evidence: 'Two incumbents' }],
      'champion',
      { status: 'confirmed' },
    );
    expect(edited).toEqual([
      { element: 'champion', status: 'confirmed', evidence: '' },
      { element: 'competition', status: 'gap', evidence: 'Two incumbents' },
    ]);
    const evidence = editMeddpiccItem(edited, 'competition', { evidence: 'One incumbent left' });
    expect(evidence[1]).toEqual({
      element: 'competition',
      status: 'gap',
      evidence: 'One incumbent left',
    });
  });
});

describe('planGateDecision', () => {
  const input = {
    decision: 'go' as const,
    rationale: '  Strong fit  ',
    decidedBy: ACTOR,
    now: NOW,
  };

  it('records the decision, who, when and the trimmed rationale', () => {
    expect(planGateDecision(UNDECIDED, input)).toEqual({
      ok: true,
      change: 'recorded',
      fields: { decision: 'go', decidedBy: ACTOR, decidedAt: NOW, rationale: 'Strong fit' },
    });
  });

  it('requires a rationale and someone who decided', () => {
    expect(planGateDecision(UNDECIDED, { ...input, rationale: ' \n ', decidedBy: null })).toEqual({
      ok: false,
      problems: ['rationale_required', 'decider_required'],
    });
  });

  it('changes a recorded decision, with the new time', () => {
    const decided: DecisionFields = {
      decision: 'reshape',
      decidedBy: ACTOR,
      decidedAt: NOW - 86_400_000,
      rationale: 'No champion yet',
    };
    const plan = planGateDecision(decided, { ...input, decidedBy: OTHER });
    expect(plan).toEqual({
      ok: true,
      change: 'changed',
      fields: { decision: 'go', decidedBy: OTHER, decidedAt: NOW, rationale: 'Strong fit' },
    });
  });

  it('leaves the same decision as it was, keeping its original time', () => {
    const decided: DecisionFields = {
      decision: 'go',
      decidedBy: ACTOR,
      decidedAt: NOW - 1_000,
      rationale: 'Strong fit',
    };
    expect(planGateDecision(decided, input)).toEqual({
      ok: true,
      change: 'unchanged',
      fields: decided,
    });
  });
});

describe('decisionSummary', () => {
  it('says what was decided, what it replaced, or that it was cleared, in the install language', () => {
    expect(decisionSummary('Red team review', null, 'go', 'en')).toBe('Red team review: Go');
    expect(decisionSummary('Bid/no-bid decision', 'reshape', 'go', 'en')).toBe(
      'Bid/no-bid decision: Reshape → Go',
    );
    expect(decisionSummary('投标/不投标决策', 'go', 'no_go', 'zh-CN')).toBe(
      '投标/不投标决策：通过 → 不通过',
    );
    expect(decisionSummary('Gold team review', 'go', null, 'en')).toBe(
      'Gold team review: decision cleared',
    );
  });
});

describe('scorecard criteria', () => {
  it('accepts the shipped criteria', () => {
    expect(checkScorecardCriteria(DEFAULT_BID_SCORECARD)).toEqual([]);
  });

  it('ties each problem to its row and field', () => {
    expect(
      checkScorecardCriteria([
        draft('', 10, ' '),
        draft('Fit', null),
        draft('Price', 101),
        draft('Risk', 2.5),
        draft('x'.repeat(201), -1),
      ]),
    ).toEqual([
      { index: 0, field: 'zh', problem: 'empty' },
      { index: 0, field: 'en', problem: 'empty' },
      { index: 1, field: 'weight', problem: 'missing' },
      { index: 2, field: 'weight', problem: 'out_of_range' },
      { index: 3, field: 'weight', problem: 'not_whole' },
      { index: 4, field: 'en', problem: 'too_long' },
      { index: 4, field: 'weight', problem: 'out_of_range' },
    ]);
  });

  it('needs at least one weight above zero, and at most 50 criteria', () => {
    expect(checkScorecardCriteria([draft('Fit', 0)])).toEqual([
      { index: null, field: 'list', problem: 'no_weight' },
    ]);
    expect(checkScorecardCriteria([])).toEqual([
      { index: null, field: 'list', problem: 'no_weight' },
    ]);
    const many = Array.from({ length: 51 }, (_, i) => draft(`C${i}`, 1));
    expect(checkScorecardCriteria(many)).toEqual([
      { index: null, field: 'list', problem: 'too_many' },
    ]);
  });

  it('keys new criteria from the English name, unique, and keeps existing keys', () => {
    expect(criterionKey('Delivery track record', new Set())).toBe('delivery_track_record');
    expect(criterionKey('Fit', new Set(['fit', 'fit_2']))).toBe('fit_3');
    expect(criterionKey('3rd-party risk!', new Set())).toBe('rd_party_risk');
    expect(criterionKey('本地化', new Set())).toBe('criterion');
    const finalized = finalizeCriteria([
      draft('Solution fit (renamed)', 30, '方案', 'solution_fit'),
      draft(' Solution fit ', 20, ' 方案匹配 '),
    ]);
    expect(finalized).toEqual([
      { key: 'solution_fit', label: { zh: '方案', en: 'Solution fit (renamed)' }, weight: 30 },
      { key: 'solution_fit_2', label: { zh: '方案匹配', en: 'Solution fit' }, weight: 20 },
    ]);
  });

  it('gives keys the settings schema accepts for any English name', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 8 }), (names) => {
        const keys = finalizeCriteria(names.map((en) => draft(en, 1))).map((c) => c.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
      }),
    );
  });

  it('shows shares that match how the score weighs criteria (weights need not total 100)', () => {
    const { total, shares } = criterionShares([1, 1, 2, 0]);
    expect(total).toBe(4);
    expect(shares).toEqual([0.25, 0.25, 0.5, 0]);
    // A criterion with half the weight moves the score by half: all 5s on it alone gives 50 %.
    const score = scoreScorecard([
      { key: 'a', weight: 1, score: 1 },
      { key: 'b', weight: 1, score: 1 },
      { key: 'c', weight: 2, score: 5 },
      { key: 'd', weight: 0, score: null },
    ]);
    expect(score.scorePct).toBe(50);
    expect(criterionShares([0, 0]).shares).toEqual([null, null]);
  });
});
