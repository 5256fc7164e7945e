import { describe, expect, it } from 'vitest';
import { baselineVariance, detectSlips } from '@shared/schedule/baseline';

describe('baselineVariance', () => {
  it('reports start and finish variance in working days for every row of either plan', () => {
    const atBidDecision = [
      { id: 'design', start: 4, finish: 9 },
      { id: 'pink', start: 13, finish: 14 },
      { id: 'submit', start: 23, finish: 23 },
      { id: 'orals', start: 30, finish: 30 },
    ];
    const now = [
      { id: 'design', start: 4, finish: 11 }, // grew by 2 days
      { id: 'pink', start: 15, finish: 16 }, // pushed by 2
      { id: 'submit', start: 22, finish: 22 }, // pulled in a day
      { id: 'blackHat', start: 8, finish: 8 }, // added since the baseline
    ];
    expect(baselineVariance(now, atBidDecision)).toEqual([
      { id: 'design', status: 'compared', startVarianceDays: 0, finishVarianceDays: 2 },
      { id: 'pink', status: 'compared', startVarianceDays: 2, finishVarianceDays: 2 },
      { id: 'submit', status: 'compared', startVarianceDays: -1, finishVarianceDays: -1 },
      { id: 'blackHat', status: 'added' },
      { id: 'orals', status: 'removed' },
    ]);
  });
});

describe('detectSlips', () => {
  const today = 20;
  const report = detectSlips({
    today,
    milestones: [
      { id: 'kickoff', date: 0, baselineDate: 0, actualDate: 0 }, // on time
      { id: 'bidDecision', date: 5, baselineDate: 4, actualDate: 6 }, // reached 2 days late
      { id: 'pinkTeam', date: 18, baselineDate: 15 }, // forecast late and now overdue
      { id: 'redTeam', date: 25, baselineDate: 22 }, // forecast late, not yet due
      { id: 'goldTeam', date: 19 }, // no baseline, overdue
      { id: 'submission', date: 30, baselineDate: 31 }, // ahead of baseline
      { id: 'qa', date: 20, baselineDate: 20 }, // due today: not overdue yet
    ],
  });

  it('lists milestones late against the baseline, using the actual date once reached', () => {
    expect(report.late).toEqual([
      { id: 'bidDecision', date: 6, baselineDate: 4, days: 2 },
      { id: 'pinkTeam', date: 18, baselineDate: 15, days: 3 },
      { id: 'redTeam', date: 25, baselineDate: 22, days: 3 },
    ]);
  });

  it('lists milestones not reached whose date is before today', () => {
    expect(report.overdue).toEqual([
      { id: 'pinkTeam', date: 18, days: 2 },
      { id: 'goldTeam', date: 19, days: 1 },
    ]);
  });
});
