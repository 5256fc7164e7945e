import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanDate } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import { RISK_STATUSES, isActiveRisk, riskScore } from '@shared/domain/risk';
import type { RiskHistoryEntry, RiskStatus } from '@shared/domain/risk';
import type { RiskFacts } from '@shared/risk/register';
import {
  baseExposure,
  exposureTotals,
  historyEntryFor,
  historySteps,
  isReviewOverdue,
  overdueReviews,
  reviewOverdueDays,
  riskMatrix,
  scoreBand,
  topRisksByExposure,
} from '@shared/risk/register';

const d = parsePlanDate;
const TODAY = d('2026-03-11');

function risk(
  id: string,
  over: Partial<Omit<RiskFacts, 'exposure'>> & { amount?: number; currency?: string } = {},
): RiskFacts {
  return {
    id,
    title: over.title ?? id,
    probability: over.probability ?? 3,
    impact: over.impact ?? 3,
    status: over.status ?? 'open',
    exposure: { amountMinor: over.amount ?? 0, currency: over.currency ?? 'CNY' },
    nextReviewDate: over.nextReviewDate ?? null,
  };
}

const riskArb = fc.record({
  id: fc.uuid(),
  title: fc.string({ maxLength: 8 }),
  probability: fc.integer({ min: 1, max: 5 }),
  impact: fc.integer({ min: 1, max: 5 }),
  status: fc.constantFrom<RiskStatus>(...RISK_STATUSES),
  exposure: fc.record({
    amountMinor: fc.integer({ min: 0, max: 1e12 }),
    currency: fc.constantFrom('CNY', 'USD', 'EUR'),
  }),
  nextReviewDate: fc.option(
    fc
      .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((date) => d(date.toISOString().slice(0, 10)) as PlanDate),
  ),
});

describe('riskMatrix', () => {
  it('puts probability 5 on the top row and impact 1 in the first column', () => {
    const matrix = riskMatrix([
      risk('a', { probability: 5, impact: 1 }),
      risk('b', { probability: 1, impact: 5 }),
      risk('c', { probability: 5, impact: 1 }),
    ]);
    expect(matrix.rows[0]?.[0]).toMatchObject({ probability: 5, impact: 1, score: 5 });
    expect(matrix.rows[0]?.[0]?.ids).toEqual(['a', 'c']);
    expect(matrix.rows[4]?.[4]).toMatchObject({ probability: 1, impact: 5, ids: ['b'] });
    expect(matrix.total).toBe(3);
  });

  it('leaves closed and occurred risks out unless asked for them', () => {
    const risks = [
      risk('open', { status: 'open' }),
      risk('mitigating', { status: 'mitigating' }),
      risk('closed', { status: 'closed' }),
      risk('occurred', { status: 'occurred' }),
    ];
    expect(riskMatrix(risks).rows[2]?.[2]?.ids).toEqual(['open', 'mitigating']);
    expect(riskMatrix(risks, { includeInactive: true }).total).toBe(4);
  });

  it('has cells whose counts sum to the number of active risks, each in its own cell', () => {
    fc.assert(
      fc.property(fc.array(riskArb, { maxLength: 60 }), (risks) => {
        const matrix = riskMatrix(risks);
        const cells = matrix.rows.flat();
        expect(cells).toHaveLength(25);
        const placed = cells.reduce((sum, cell) => sum + cell.ids.length, 0);
        expect(placed).toBe(risks.filter(isActiveRisk).length);
        expect(matrix.total).toBe(placed);
        const byId = new Map(risks.map((r) => [r.id, r]));
        for (const cell of cells) {
          expect(cell.score).toBe(cell.probability * cell.impact);
          for (const id of cell.ids) {
            const r = byId.get(id);
            expect(r && cell.probability === r.probability && cell.impact === r.impact).toBe(true);
          }
        }
      }),
    );
  });
});

describe('scoreBand', () => {
  it('bands scores against the high-risk threshold, medium from half of it', () => {
    expect(scoreBand(25, 15)).toBe('high');
    expect(scoreBand(15, 15)).toBe('high');
    expect(scoreBand(14, 15)).toBe('medium');
    expect(scoreBand(8, 15)).toBe('medium');
    expect(scoreBand(7, 15)).toBe('low');
    expect(scoreBand(1, 1)).toBe('high');
  });

  it('never rates a higher score lower', () => {
    const rank = { low: 0, medium: 1, high: 2 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 25 }),
        (a, b, threshold) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(rank[scoreBand(lo, threshold)]).toBeLessThanOrEqual(
            rank[scoreBand(hi, threshold)],
          );
        },
      ),
    );
  });
});

describe('exposure', () => {
  it('totals active risks per currency, the base currency first', () => {
    const totals = exposureTotals(
      [
        risk('a', { amount: 100, currency: 'USD' }),
        risk('b', { amount: 5, currency: 'CNY', status: 'mitigating' }),
        risk('c', { amount: 900, currency: 'CNY', status: 'closed' }),
        risk('d', { amount: 50, currency: 'EUR' }),
        risk('e', { amount: 7, currency: 'CNY' }),
      ],
      'CNY',
    );
    expect(totals).toEqual([
      { currency: 'CNY', amountMinor: 12, count: 2 },
      { currency: 'USD', amountMinor: 100, count: 1 },
      { currency: 'EUR', amountMinor: 50, count: 1 },
    ]);
  });

  it('gives a zero base exposure when nothing active is in the base currency', () => {
    expect(baseExposure([risk('a', { amount: 3, currency: 'USD' })], 'CNY')).toEqual({
      amountMinor: 0,
      currency: 'CNY',
    });
  });

  it('adds up, per currency, exactly the active risks', () => {
    fc.assert(
      fc.property(fc.array(riskArb, { maxLength: 60 }), (risks) => {
        const totals = exposureTotals(risks, 'CNY');
        const active = risks.filter(isActiveRisk);
        expect(totals.reduce((sum, t) => sum + t.count, 0)).toBe(active.length);
        for (const total of totals) {
          const expected = active
            .filter((r) => r.exposure.currency === total.currency)
            .reduce((sum, r) => sum + r.exposure.amountMinor, 0);
          expect(total.amountMinor).toBe(expected);
        }
        expect(new Set(totals.map((t) => t.currency)).size).toBe(totals.length);
      }),
    );
  });
});

describe('topRisksByExposure', () => {
  it('ranks by exposure, then score, then title, leaving inactive risks out', () => {
    const top = topRisksByExposure(
      [
        risk('small', { amount: 10 }),
        risk('big-closed', { amount: 1_000, status: 'closed' }),
        risk('b', { amount: 500, probability: 2, impact: 2, title: 'Beta' }),
        risk('a', { amount: 500, probability: 2, impact: 2, title: 'Alpha' }),
        risk('hi', { amount: 500, probability: 5, impact: 5, title: 'Zulu' }),
      ],
      3,
    );
    expect(top.map((r) => r.id)).toEqual(['hi', 'a', 'b']);
  });

  it('is ordered and never longer than the limit', () => {
    fc.assert(
      fc.property(fc.array(riskArb, { maxLength: 60 }), fc.nat(30), (risks, limit) => {
        const top = topRisksByExposure(risks, limit);
        expect(top.length).toBe(Math.min(limit, risks.filter(isActiveRisk).length));
        for (let i = 1; i < top.length; i += 1) {
          const a = top[i - 1]!;
          const b = top[i]!;
          expect(a.exposure.amountMinor).toBeGreaterThanOrEqual(b.exposure.amountMinor);
          if (a.exposure.amountMinor === b.exposure.amountMinor)
            expect(riskScore(a)).toBeGreaterThanOrEqual(riskScore(b));
        }
      }),
    );
  });
});

describe('overdue reviews', () => {
  it('flags active risks whose review date is before today', () => {
    expect(isReviewOverdue(risk('a', { nextReviewDate: d('2026-03-10') }), TODAY)).toBe(true);
    expect(reviewOverdueDays(risk('a', { nextReviewDate: d('2026-03-01') }), TODAY)).toBe(10);
    expect(isReviewOverdue(risk('a', { nextReviewDate: TODAY }), TODAY)).toBe(false);
    expect(isReviewOverdue(risk('a', { nextReviewDate: null }), TODAY)).toBe(false);
    expect(
      isReviewOverdue(risk('a', { nextReviewDate: d('2026-03-01'), status: 'closed' }), TODAY),
    ).toBe(false);
  });

  it('lists the longest overdue first', () => {
    const list = overdueReviews(
      [
        risk('late', { nextReviewDate: d('2026-03-09') }),
        risk('later', { nextReviewDate: d('2026-02-01') }),
        risk('future', { nextReviewDate: d('2026-04-01') }),
      ],
      TODAY,
    );
    expect(list.map((r) => r.id)).toEqual(['later', 'late']);
  });
});

describe('history', () => {
  const entry = (at: number, probability: number, impact: number, status: RiskStatus) =>
    ({ at, byId: null, probability, impact, status, note: '' }) as RiskHistoryEntry;
  const current = {
    probability: 3,
    impact: 4,
    status: 'open' as RiskStatus,
    history: [entry(100, 3, 4, 'open')],
  };

  it('appends an entry with the new values when a score or the status changes', () => {
    expect(
      historyEntryFor(
        current,
        { probability: 5, impact: 4, status: 'open' },
        { at: 200, byId: null, note: 'Buyer moved the deadline' },
      ),
    ).toEqual({
      at: 200,
      byId: null,
      probability: 5,
      impact: 4,
      status: 'open',
      note: 'Buyer moved the deadline',
    });
    expect(
      historyEntryFor(
        current,
        { probability: 3, impact: 4, status: 'mitigating' },
        { at: 200, byId: null, note: '' },
      )?.status,
    ).toBe('mitigating');
  });

  it('appends nothing when neither scores nor status change', () => {
    expect(
      historyEntryFor(
        current,
        { probability: 3, impact: 4, status: 'open' },
        { at: 200, byId: null, note: 'x' },
      ),
    ).toBeNull();
  });

  it('never dates an entry before the last one', () => {
    expect(
      historyEntryFor(
        current,
        { probability: 1, impact: 4, status: 'open' },
        { at: 50, byId: null, note: '' },
      )?.at,
    ).toBe(100);
  });

  it('keeps the last entry equal to the current assessment over any sequence of changes', () => {
    const assessment = fc.record({
      probability: fc.integer({ min: 1, max: 5 }),
      impact: fc.integer({ min: 1, max: 5 }),
      status: fc.constantFrom<RiskStatus>(...RISK_STATUSES),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(assessment, fc.integer({ min: 0, max: 1e6 })), { maxLength: 20 }),
        (changes) => {
          let state = { ...current, history: [...current.history] };
          for (const [next, at] of changes) {
            const added = historyEntryFor(state, next, { at, byId: null, note: '' });
            if (added) state = { ...next, history: [...state.history, added] };
          }
          const last = state.history.at(-1)!;
          expect([last.probability, last.impact, last.status]).toEqual([
            state.probability,
            state.impact,
            state.status,
          ]);
          for (let i = 1; i < state.history.length; i += 1)
            expect(state.history[i]!.at).toBeGreaterThanOrEqual(state.history[i - 1]!.at);
        },
      ),
    );
  });

  it('shows the history newest first with the score change of each step', () => {
    const steps = historySteps([entry(1, 2, 2, 'open'), entry(2, 4, 3, 'open')]);
    expect(steps.map((s) => [s.score, s.scoreDelta])).toEqual([
      [12, 8],
      [4, 0],
    ]);
    expect(steps[1]?.previous).toBeNull();
  });
});
