import { describe, expect, it } from 'vitest';
import { computeSchedule } from '@shared/schedule/cpm';
import { findCycle } from '@shared/schedule/graph';
import type { ScheduleLink, ScheduleTask } from '@shared/schedule/model';
import { ff, fs, ss } from './fixtures';

const abcd: readonly ScheduleTask[] = ['A', 'B', 'C', 'D'].map((id) => ({ id, durationDays: 2 }));

function scheduleError(tasks: readonly ScheduleTask[], links: readonly ScheduleLink[]) {
  const result = computeSchedule({ tasks, links, direction: 'forward' });
  if (result.ok) expect.fail('expected the plan to be refused');
  return result.error;
}

/** How the plan tab words a refused cycle. */
function sentence(cycle: readonly string[]): string {
  return [...cycle, cycle[0]].join(' → ');
}

describe('cycles are refused with the cycle named', () => {
  it('names the tasks of a cycle in link order', () => {
    const links = [fs('A', 'B'), ss('B', 'C'), ff('C', 'A'), fs('C', 'D')];
    expect(findCycle(abcd, links)).toEqual(['A', 'B', 'C']);
    expect(scheduleError(abcd, links)).toEqual({ kind: 'cycle', cycle: ['A', 'B', 'C'] });
    expect(sentence(['A', 'B', 'C'])).toBe('A → B → C → A');
  });

  it('starts the cycle at the member listed first in the plan and leaves out bystanders', () => {
    const tasks = ['X', 'C', 'A', 'B', 'D'].map((id) => ({ id, durationDays: 1 }));
    // X feeds the loop and D hangs off it; neither is part of it.
    const links = [fs('X', 'A'), fs('A', 'B'), fs('B', 'C'), fs('C', 'A'), fs('B', 'D')];
    expect(findCycle(tasks, links)).toEqual(['C', 'A', 'B']);
  });

  it('returns null for a plan without cycles, and names a two-task loop', () => {
    expect(findCycle(abcd, [fs('A', 'B'), fs('B', 'C'), fs('A', 'C')])).toBeNull();
    expect(findCycle(abcd, [fs('A', 'B'), ss('B', 'A', 2)])).toEqual(['A', 'B']);
  });

  it('treats a self-link as a cycle of one when asked directly', () => {
    expect(findCycle(abcd, [fs('A', 'B'), fs('C', 'C')])).toEqual(['C']);
  });

  it('finds a long cycle without running out of stack', () => {
    const n = 20_000;
    const tasks = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, durationDays: 1 }));
    const links = tasks.map((t, i) => fs(t.id, `t${(i + 1) % n}`));
    const cycle = findCycle(tasks, links);
    expect(cycle).toHaveLength(n);
    expect(cycle?.[0]).toBe('t0');
    expect(cycle?.[n - 1]).toBe(`t${n - 1}`);
  });
});

describe('bad plans get a specific error instead of a schedule', () => {
  it('names a link to a task that does not exist', () => {
    const link = fs('A', 'Z');
    expect(scheduleError(abcd, [fs('A', 'B'), link])).toEqual({
      kind: 'unknownTask',
      taskId: 'Z',
      link,
    });
  });

  it('refuses a task linked to itself', () => {
    const link = ss('B', 'B', 1);
    expect(scheduleError(abcd, [link])).toEqual({ kind: 'selfLink', taskId: 'B', link });
  });

  it('refuses a second link between the same two tasks, whatever its type', () => {
    const second = ss('A', 'B', 1);
    expect(scheduleError(abcd, [fs('A', 'B'), fs('B', 'C'), second])).toEqual({
      kind: 'duplicateLink',
      predecessorId: 'A',
      successorId: 'B',
      link: second,
    });
  });

  it('refuses a negative duration', () => {
    const tasks = [...abcd, { id: 'E', durationDays: -2 }];
    expect(scheduleError(tasks, [])).toEqual({
      kind: 'negativeDuration',
      taskId: 'E',
      durationDays: -2,
    });
  });

  it('refuses fractions of days, bad progress and repeated ids', () => {
    expect(scheduleError([{ id: 'A', durationDays: 1.5 }], [])).toMatchObject({
      kind: 'invalidValue',
      field: 'durationDays',
      taskId: 'A',
    });
    expect(scheduleError(abcd, [fs('A', 'B', 0.5)])).toMatchObject({
      kind: 'invalidValue',
      field: 'lagDays',
      value: 0.5,
    });
    expect(scheduleError([{ id: 'A', durationDays: 1, progress: 120 }], [])).toMatchObject({
      kind: 'invalidValue',
      field: 'progress',
    });
    expect(scheduleError([{ id: 'A', durationDays: 1, fixedStart: Number.NaN }], [])).toMatchObject(
      { kind: 'invalidValue', field: 'fixedStart' },
    );
    expect(scheduleError([...abcd, { id: 'B', durationDays: 1 }], [])).toEqual({
      kind: 'duplicateTask',
      taskId: 'B',
    });
  });
});
