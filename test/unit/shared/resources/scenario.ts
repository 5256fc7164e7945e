import type { TaskId } from '@shared/domain/ids';
import { weeklyLoad, type LoadAssignment, type LoadTask } from '@shared/resources/load';
import type { SuggestionPerson } from '@shared/resources/over-allocation';
import { assign, d, milestone, person, roleId, settings, task, taskId } from './fixtures';

/**
 * Two committed deals sharing a small proposal team, over four weeks from Mon 2026-11-02
 * (no holidays, everyone 40 h Monday to Friday):
 *
 * | week of 11-09 | ana (writer)                         | ben (writer) | dan (architect, writer) |
 * |---------------|--------------------------------------|--------------|-------------------------|
 * | work          | outline 30 h + narrative 20 h = 50 h | review 32 h  | solution 20 h           |
 *
 * and eve (architect) has 60 h of design in the week of 11-16. cai (writer) is inactive.
 * Ana is 10 h over in the week of 11-09, eve 20 h over in the week of 11-16.
 */
export const company = settings();

export const people: readonly SuggestionPerson[] = [
  person('ana', ['writer']),
  person('ben', ['writer']),
  person('cai', ['writer'], { active: false }),
  person('dan', ['architect', 'writer']),
  person('eve', ['architect']),
];

export const roles = [
  { id: roleId('writer'), deletedAt: null },
  { id: roleId('architect'), deletedAt: null },
];

export const outline = task('outline', 'harbour', '2026-11-09', '2026-11-13');
export const review = task('review', 'harbour', '2026-11-09', '2026-11-13');
export const narrative = task('narrative', 'metro', '2026-11-09', '2026-11-13');
export const solution = task('solution', 'metro', '2026-11-09', '2026-11-13');
export const design = task('design', 'metro', '2026-11-16', '2026-11-20');

export const committedTasks: readonly LoadTask[] = [outline, review, narrative, solution, design];

export const committed: readonly LoadAssignment[] = [
  assign('ana', outline, 30, 'writer'),
  assign('ana', narrative, 20, 'writer'),
  assign('ben', review, 32, 'writer'),
  assign('dan', solution, 20, 'architect'),
  assign('eve', design, 60, 'architect'),
];

/** The tentative deal: a bid not yet through its bid/no-bid gate. */
export const bidWriting = task('bid-writing', 'lighthouse', '2026-11-09', '2026-11-13');
export const bidSolution = task('bid-solution', 'lighthouse', '2026-11-16', '2026-11-20');
export const tentative: readonly LoadAssignment[] = [
  assign('ben', bidWriting, 16, 'writer'),
  assign('ana', bidWriting, 4, 'writer'),
  assign('dan', bidSolution, 10, 'architect'),
];

export const milestones = [
  milestone('harbour kickoff', 'harbour', '2026-11-02', {
    kind: 'kickoff',
    actualDate: '2026-11-02',
  }),
  milestone('harbour pink team', 'harbour', '2026-11-16'),
  milestone('harbour submission', 'harbour', '2026-11-30', { kind: 'submission' }),
  milestone('metro red team', 'metro', '2026-11-20'),
  milestone('lighthouse bid/no-bid', 'lighthouse', '2026-11-10', { kind: 'bid_no_bid' }),
];

export const allTasks: readonly LoadTask[] = [...committedTasks, bidWriting, bidSolution];

export function baseLoad(
  assignments: readonly LoadAssignment[] = committed,
  tasks: readonly LoadTask[] = allTasks,
) {
  return weeklyLoad({
    people,
    assignments,
    tasks,
    settings: company,
    weeks: { start: d('2026-11-02'), count: 4 },
    weekStartsOn: 1,
  });
}

export function slack(entries: Record<string, number>): ReadonlyMap<TaskId, number> {
  return new Map(Object.entries(entries).map(([label, days]) => [taskId(label), days]));
}
