import { describe, expect, it } from 'vitest';
import type { Milestone } from '@shared/domain/milestone';
import type { Task } from '@shared/domain/task';
import type { OutlineChange } from '@shared/plan/outline';
import { placeNewRow, planIndent, planOutdent } from '@shared/plan/outline';
import { rollUpSummaries } from '@shared/plan/rollup';
import { buildPlanRows, SORT_STEP } from '@shared/plan/rows';
import { link, milestone, task, WEEKDAYS } from './fixtures';

/** Applies outline changes to records, as the repository does, and rebuilds the rows. */
function apply(tasks: Task[], milestones: Milestone[], changes: readonly OutlineChange[]) {
  const next = tasks.map((t) => {
    const c = changes.find((ch) => ch.id === t.id);
    return c === undefined
      ? t
      : {
          ...t,
          sortIndex: c.sortIndex,
          parentId: c.parentId === undefined ? t.parentId : c.parentId,
        };
  });
  const nextMilestones = milestones.map((m) => {
    const c = changes.find((ch) => ch.id === m.id);
    return c === undefined ? m : { ...m, sortIndex: c.sortIndex };
  });
  return { tasks: next, milestones: nextMilestones, rows: buildPlanRows(next, nextMilestones) };
}

const outline = (rows: ReturnType<typeof buildPlanRows>) =>
  rows.map((row) => `${row.wbs} ${row.name}`);

describe('plan rows', () => {
  it('numbers rows and the WBS in outline order, milestones among the tasks by sort order', () => {
    const p = task('Phase', '2026-11-02', '2026-11-06', 5, { sortIndex: 0 });
    const a = task('A', '2026-11-02', '2026-11-03', 2, { parentId: p.id, sortIndex: 0 });
    const b = task('B', '2026-11-04', '2026-11-06', 3, { parentId: p.id, sortIndex: 1024 });
    const m = milestone('Go', '2026-11-09', 'bid_no_bid', { sortIndex: 1024 });
    const c = task('C', '2026-11-10', '2026-11-10', 1, { sortIndex: 2048 });
    const rows = buildPlanRows([c, b, a, p], [m]);
    expect(outline(rows)).toEqual(['1 Phase', '1.1 A', '1.2 B', '2 Go', '3 C']);
    expect(rows.map((row) => row.rowNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((row) => row.summary)).toEqual([true, false, false, false, false]);
  });

  it('leaves out deleted rows and keeps subtasks of a missing parent visible', () => {
    const gone = task('Gone', '2026-11-02', '2026-11-02', 1, { deletedAt: 5 });
    const orphan = task('Orphan', '2026-11-03', '2026-11-03', 1, { parentId: gone.id });
    expect(outline(buildPlanRows([gone, orphan], []))).toEqual(['1 Orphan']);
  });
});

describe('indent and outdent', () => {
  const build = () => {
    const a = task('A', '2026-11-02', '2026-11-03', 2, { sortIndex: 1 * SORT_STEP });
    const b = task('B', '2026-11-04', '2026-11-04', 1, { sortIndex: 2 * SORT_STEP });
    const c = task('C', '2026-11-05', '2026-11-06', 2, { sortIndex: 3 * SORT_STEP });
    const m = milestone('M', '2026-11-09', 'submission', { sortIndex: 4 * SORT_STEP });
    const e = task('E', '2026-11-09', '2026-11-09', 1, { sortIndex: 5 * SORT_STEP });
    return { a, b, c, m, e, tasks: [a, b, c, e], milestones: [m] };
  };

  it('indents under the row above and outdents back, without moving any row on screen', () => {
    const { a, b, c, tasks, milestones } = build();
    let state = { tasks, milestones, rows: buildPlanRows(tasks, milestones) };
    for (const id of [b.id, c.id]) {
      const result = planIndent(state.rows, [], id);
      if (!result.ok) expect.fail(JSON.stringify(result.error));
      state = apply(state.tasks, state.milestones, result.changes);
    }
    expect(outline(state.rows)).toEqual(['1 A', '1.1 B', '1.2 C', '2 M', '3 E']);
    expect(state.rows.find((row) => row.id === a.id)?.summary).toBe(true);

    // Outdenting B keeps the order: C, below it, becomes B's subtask.
    const out = planOutdent(state.rows, [], b.id);
    if (!out.ok) expect.fail(JSON.stringify(out.error));
    state = apply(state.tasks, state.milestones, out.changes);
    expect(outline(state.rows)).toEqual(['1 A', '2 B', '2.1 C', '3 M', '4 E']);
  });

  it('refuses what the outline cannot hold, saying why', () => {
    const { a, b, m, e, tasks, milestones } = build();
    const rows = buildPlanRows(tasks, milestones);
    expect(planIndent(rows, [], a.id)).toEqual({
      ok: false,
      error: { kind: 'noRowAbove', id: a.id },
    });
    expect(planIndent(rows, [], m.id)).toEqual({
      ok: false,
      error: { kind: 'milestoneCannotNest', id: m.id },
    });
    expect(planIndent(rows, [], e.id)).toEqual({
      ok: false,
      error: { kind: 'parentIsMilestone', id: e.id, parentId: m.id },
    });
    // A linked task cannot become a summary.
    expect(planIndent(rows, [link(a, m)], b.id)).toEqual({
      ok: false,
      error: { kind: 'parentHasLinks', id: b.id, parentId: a.id },
    });
    expect(planOutdent(rows, [], b.id)).toEqual({
      ok: false,
      error: { kind: 'alreadyTopLevel', id: b.id },
    });
  });

  it('places a new row after a row and its subtasks, renumbering only when there is no gap', () => {
    const { a, b, tasks, milestones } = build();
    const rows = buildPlanRows(tasks, milestones);
    const after = rows.find((row) => row.id === a.id) ?? null;
    expect(placeNewRow(rows, after)).toEqual({
      parentId: null,
      sortIndex: 1.5 * SORT_STEP,
      renumbered: [],
    });
    const tight = buildPlanRows(
      [
        { ...a, sortIndex: 10 },
        { ...b, sortIndex: 11 },
      ],
      [],
    );
    const placed = placeNewRow(tight, tight[0] ?? null);
    expect(placed.sortIndex).toBe(SORT_STEP);
    expect(placed.renumbered).toEqual([
      { id: a.id, kind: 'task', sortIndex: 0 },
      { id: b.id, kind: 'task', sortIndex: 2 * SORT_STEP },
    ]);
    expect(placeNewRow(rows, null).sortIndex).toBe(6 * SORT_STEP);
  });
});

describe('rollUpSummaries', () => {
  it('gives a summary the span of its subtasks and their progress weighted by duration', () => {
    const p = task('Phase', '2026-11-02', '2026-11-02', 1);
    const a = task('A', '2026-11-02', '2026-11-03', 2, { parentId: p.id, progress: 100 });
    const b = task('B', '2026-11-04', '2026-11-09', 4, { parentId: p.id, progress: 25 });
    const rolled = rollUpSummaries([p, a, b], [], WEEKDAYS);
    expect(rolled.get(p.id)).toEqual({
      start: '2026-11-02',
      finish: '2026-11-09',
      durationDays: 6,
      progress: 50,
    });
    // Already right: nothing to write.
    const settled = { ...p, finish: a.finish, ...rolled.get(p.id) };
    expect(rollUpSummaries([settled, a, b], [], WEEKDAYS).size).toBe(0);
  });
});
