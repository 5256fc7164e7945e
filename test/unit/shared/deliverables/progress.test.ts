import { describe, expect, it } from 'vitest';
import { parsePlanDate } from '@shared/domain/dates';
import type { ReviewRound } from '@shared/domain/deliverable';
import type { DeliverableId } from '@shared/domain/ids';
import { compareByDue, dueState, reviewSummary, sortRounds } from '@shared/deliverables/progress';

const d = parsePlanDate;
const TODAY = d('2026-03-11');

function round(id: string, date: string, createdAt: number, resolved: boolean[]): ReviewRound {
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    rev: 1,
    deletedAt: null,
    dealId: 'deal',
    deliverableId: 'doc',
    kind: 'pink',
    reviewerId: null,
    date: d(date),
    score: 70,
    comments: resolved.map((r, i) => ({
      id: `${id}-${i}`,
      authorId: null,
      text: 'x',
      resolved: r,
    })),
  } as ReviewRound;
}

describe('dueState', () => {
  it('is overdue past the due date until the document is approved or submitted', () => {
    expect(dueState({ dueDate: d('2026-03-09'), status: 'drafting' }, TODAY)).toEqual({
      state: 'overdue',
      days: 2,
    });
    expect(dueState({ dueDate: d('2026-03-09'), status: 'in_review' }, TODAY).state).toBe(
      'overdue',
    );
    expect(dueState({ dueDate: d('2026-03-09'), status: 'approved' }, TODAY).state).toBe('done');
    expect(dueState({ dueDate: d('2026-03-09'), status: 'submitted' }, TODAY).state).toBe('done');
  });

  it('counts the calendar days left, 0 on the due day', () => {
    expect(dueState({ dueDate: TODAY, status: 'not_started' }, TODAY)).toEqual({
      state: 'due',
      days: 0,
    });
    expect(dueState({ dueDate: d('2026-04-01'), status: 'drafting' }, TODAY)).toEqual({
      state: 'due',
      days: 21,
    });
  });
});

describe('reviewSummary', () => {
  it('counts open comments over every live round and finds the latest round', () => {
    const rounds = [
      round('a', '2026-03-01', 5, [true, false]),
      round('b', '2026-03-05', 1, [false, false, true]),
      round('c', '2026-03-05', 3, []),
      { ...round('d', '2026-03-09', 9, [false]), deletedAt: 10 },
    ];
    const summary = reviewSummary(rounds);
    expect(summary).toMatchObject({ rounds: 3, comments: 5, openComments: 3 });
    // Same day: the one recorded later wins.
    expect(summary.latest?.id).toBe('c');
  });

  it('is empty without rounds', () => {
    expect(reviewSummary([])).toEqual({ rounds: 0, latest: null, comments: 0, openComments: 0 });
  });
});

describe('ordering', () => {
  it('sorts rounds by date then by when they were recorded', () => {
    const rounds = [
      round('late', '2026-03-05', 9, []),
      round('early', '2026-03-01', 10, []),
      round('first-of-day', '2026-03-05', 2, []),
    ];
    expect(sortRounds(rounds).map((r) => r.id)).toEqual(['early', 'first-of-day', 'late']);
  });

  it('sorts deliverables by due date, then name, then id', () => {
    const id = (n: string) => n as DeliverableId;
    const items = [
      { id: id('2'), name: 'Price volume', dueDate: d('2026-03-20') },
      { id: id('3'), name: 'Technical volume', dueDate: d('2026-03-10') },
      { id: id('1'), name: 'Price volume', dueDate: d('2026-03-20') },
      { id: id('4'), name: 'Compliance matrix', dueDate: d('2026-03-20') },
    ];
    expect([...items].sort(compareByDue).map((i) => i.id)).toEqual(['3', '4', '1', '2']);
  });
});
