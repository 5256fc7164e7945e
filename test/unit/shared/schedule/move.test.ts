import { describe, expect, it } from 'vitest';
import { computeSchedule } from '@shared/schedule/cpm';
import { applyMove, type PlannedTask } from '@shared/schedule/move';
import { bidPlanLinks, bidPlanTasks, fs, ss, unwrap } from './fixtures';

/** The bid plan as laid out forward from day 0 (see cpm.test.ts for the dates). */
const plan: readonly PlannedTask[] = (() => {
  const schedule = unwrap(
    computeSchedule({ tasks: bidPlanTasks, links: bidPlanLinks, direction: 'forward' }),
  );
  return bidPlanTasks.map((task, i) => ({ ...task, start: schedule.tasks[i]?.start ?? 0 }));
})();

function starts(changes: readonly { id: string; newStart: number }[]): Record<string, number> {
  return Object.fromEntries(changes.map((c) => [c.id, c.newStart]));
}

describe('applyMove', () => {
  it('pushes successors transitively when a critical task moves later', () => {
    const outcome = unwrap(
      applyMove({ tasks: plan, links: bidPlanLinks, taskId: 'C', newStart: 6 }),
    );
    expect(outcome.clamped).toBeNull();
    expect(outcome.changes[0]).toEqual({
      id: 'C',
      oldStart: 4,
      newStart: 6,
      oldDuration: 6,
      newDuration: 6,
    });
    // D (SS+2), E (FF+2 from D), J (FS−2), then F, G, H and the submission all move 2 days.
    expect(starts(outcome.changes)).toEqual({
      C: 6,
      D: 8,
      E: 9,
      J: 10,
      F: 15,
      G: 19,
      H: 21,
      M: 25,
    });
    expect(outcome.changes.find((c) => c.id === 'M')).toMatchObject({ oldStart: 23 });
  });

  it('leaves successors alone while the moved task stays within its free slack', () => {
    // The compliance matrix (I) has 4 days of free slack before the executive summary (J).
    const within = unwrap(
      applyMove({ tasks: plan, links: bidPlanLinks, taskId: 'I', newStart: 5 }),
    );
    expect(starts(within.changes)).toEqual({ I: 5 });
    // Two days more and J has to move, but pink team (F) still waits for writing (E).
    const beyond = unwrap(
      applyMove({ tasks: plan, links: bidPlanLinks, taskId: 'I', newStart: 7 }),
    );
    expect(starts(beyond.changes)).toEqual({ I: 7, J: 10 });
  });

  it('pushes successors when a task grows', () => {
    const outcome = unwrap(
      applyMove({ tasks: plan, links: bidPlanLinks, taskId: 'E', newStart: 7, newDuration: 8 }),
    );
    expect(outcome.changes[0]).toEqual({
      id: 'E',
      oldStart: 7,
      newStart: 7,
      oldDuration: 6,
      newDuration: 8,
    });
    expect(starts(outcome.changes)).toEqual({ E: 7, F: 15, G: 19, H: 21, M: 25 });
  });

  it('clamps a task dragged before its predecessors allow, and says which link stopped it', () => {
    // Pricing (D) may start no earlier than 2 days after solution design (C, day 4) starts.
    const outcome = unwrap(
      applyMove({ tasks: plan, links: bidPlanLinks, taskId: 'D', newStart: 2 }),
    );
    expect(outcome.clamped).toEqual({
      requestedStart: 2,
      start: 6,
      limit: { kind: 'predecessor', predecessorId: 'C', type: 'SS', lagDays: 2 },
    });
    expect(outcome.changes).toEqual([]);
  });

  it('clamps at kickoff', () => {
    const tasks = [{ id: 'A', durationDays: 2, start: 5 }];
    const outcome = unwrap(
      applyMove({ tasks, links: [], taskId: 'A', newStart: 1, projectStart: 3 }),
    );
    expect(outcome.clamped?.limit).toEqual({ kind: 'projectStart', projectStart: 3 });
    expect(starts(outcome.changes)).toEqual({ A: 3 });
  });

  it('never pulls successors earlier when a task moves earlier', () => {
    const tasks: PlannedTask[] = [
      { id: 'X', durationDays: 3, start: 5 },
      { id: 'Y', durationDays: 2, start: 10 },
      { id: 'Z', durationDays: 1, start: 12 },
    ];
    const links = [fs('X', 'Y'), ss('Y', 'Z', 2)];
    const earlier = unwrap(applyMove({ tasks, links, taskId: 'X', newStart: 0 }));
    expect(starts(earlier.changes)).toEqual({ X: 0 });
    // A move that eats Y's 2 days of room pushes it just far enough, and Z with it.
    const later = unwrap(applyMove({ tasks, links, taskId: 'X', newStart: 9 }));
    expect(starts(later.changes)).toEqual({ X: 9, Y: 12, Z: 14 });
  });

  it('lets a milestone’s FS successor start on the milestone’s day', () => {
    const tasks: PlannedTask[] = [
      { id: 'gate', durationDays: 0, start: 4 },
      { id: 'write', durationDays: 5, start: 4 },
    ];
    const outcome = unwrap(
      applyMove({ tasks, links: [fs('gate', 'write')], taskId: 'gate', newStart: 6 }),
    );
    expect(starts(outcome.changes)).toEqual({ gate: 6, write: 6 });
  });

  it('changes nothing when the task is dropped where it already is', () => {
    for (const task of plan) {
      const outcome = unwrap(
        applyMove({ tasks: plan, links: bidPlanLinks, taskId: task.id, newStart: task.start }),
      );
      expect(outcome).toEqual({ changes: [], clamped: null });
    }
  });

  it('refuses moves that make no sense', () => {
    expect(applyMove({ tasks: plan, links: bidPlanLinks, taskId: 'nope', newStart: 1 })).toEqual({
      ok: false,
      error: { kind: 'unknownTask', taskId: 'nope' },
    });
    expect(
      applyMove({ tasks: plan, links: bidPlanLinks, taskId: 'C', newStart: 4, newDuration: -1 }),
    ).toMatchObject({ ok: false, error: { kind: 'negativeDuration', taskId: 'C' } });
    expect(
      applyMove({ tasks: plan, links: [...bidPlanLinks, fs('M', 'S')], taskId: 'C', newStart: 5 }),
    ).toMatchObject({ ok: false, error: { kind: 'cycle' } });
  });
});
