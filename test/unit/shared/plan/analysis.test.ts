import { describe, expect, it } from 'vitest';
import type { Baseline } from '@shared/domain/baseline';
import type { BaselineId } from '@shared/domain/ids';
import { analysePlan } from '@shared/plan/analysis';
import { buildPlanRows } from '@shared/plan/rows';
import { milestoneSlips, planVariance } from '@shared/plan/variance';
import { d, DEAL, link, milestone, task, WEEKDAYS } from './fixtures';

/**
 * A small bid: A (3 days) → B (2 days) → Submit (milestone) → Orals (1 day), and C (1 day) → Submit
 * on the side. Working days Mon–Fri; the deadline is Friday 2026-11-13.
 */
function bid(overrides: { aStart?: string; aProgress?: number } = {}) {
  const aStart = overrides.aStart ?? '2026-11-02';
  const a = task('A', aStart, aStart, 3, { progress: overrides.aProgress ?? 0 });
  const aRow = { ...a, finish: WEEKDAYS.finishForDuration(a.start, 3) };
  const b = task('B', '2026-11-05', '2026-11-06', 2);
  const c = task('C', '2026-11-05', '2026-11-05', 1);
  const submit = milestone('Submit', '2026-11-09', 'submission');
  const orals = task('Orals', '2026-11-16', '2026-11-16', 1);
  const links = [link(aRow, b), link(b, submit), link(c, submit), link(submit, orals, 'FS', 5)];
  const rows = buildPlanRows([aRow, b, c, orals], [submit]);
  return { a: aRow, b, c, submit, orals, rows, links };
}

function analyse(plan: ReturnType<typeof bid>, today: string, due: string | null = '2026-11-13') {
  const result = analysePlan({
    rows: plan.rows,
    links: plan.links,
    calendar: WEEKDAYS,
    today: d(today),
    submissionDue: due === null ? null : d(due),
  });
  if (!result.ok) expect.fail(JSON.stringify(result.error));
  return result;
}

describe('analysePlan', () => {
  it('measures the work before submission against the deadline', () => {
    const plan = bid();
    const result = analyse(plan, '2026-11-02');
    // Submission can happen on Monday 11-09; the deadline is Friday 11-13: four days to spare.
    expect(result.deadline).toEqual({
      date: '2026-11-13',
      earliestFinish: '2026-11-09',
      slackDays: 4,
      done: false,
      overrun: null,
      plannedLate: null,
    });
    expect(result.rows.get(plan.a.id)).toEqual({
      slackDays: 4,
      critical: true,
      deadlineBound: true,
    });
    expect(result.rows.get(plan.b.id)).toMatchObject({ slackDays: 4, critical: true });
    // C could be done today (Monday 11-02) or as late as the day before the deadline (11-12).
    expect(result.rows.get(plan.c.id)).toMatchObject({ slackDays: 8, critical: false });
  });

  it('measures from today, not from where the plan put the work', () => {
    // The same work planned a week later: from today it can still be done with the same slack.
    const plan = bid({ aStart: '2026-11-09' });
    expect(analyse(plan, '2026-11-02').deadline?.slackDays).toBe(4);
  });

  it('says when the plan as laid out misses the deadline, though today it need not', () => {
    const plan = bid();
    const late = {
      ...plan,
      rows: buildPlanRows(
        [
          plan.a,
          { ...plan.b, start: d('2026-11-16'), finish: d('2026-11-17') },
          plan.c,
          plan.orals,
        ],
        [{ ...plan.submit, date: d('2026-11-18') }],
      ),
    };
    const result = analyse(late, '2026-11-02');
    expect(result.deadline?.overrun).toBeNull();
    expect(result.deadline?.plannedLate).toEqual({ days: 3, rows: [plan.b.id, plan.submit.id] });
  });

  it('measures orals against the plan finish, not the submission deadline', () => {
    const plan = bid();
    const result = analyse(plan, '2026-11-02');
    expect(result.rows.get(plan.orals.id)).toEqual({
      slackDays: 0,
      critical: true,
      deadlineBound: false,
    });
  });

  it('reports a deadline that cannot be met from today, with the rows responsible', () => {
    // A has not started and was planned for last week. From today (Wednesday 11-11) A takes
    // 11–13, B 16–17, and submission falls on 11-18: three working days after the deadline.
    const plan = bid({ aStart: '2026-11-02' });
    const result = analyse(plan, '2026-11-11');
    expect(result.deadline?.slackDays).toBe(-3);
    expect(result.deadline?.overrun).toEqual({
      days: 3,
      chain: [plan.a.id, plan.b.id, plan.submit.id],
      rows: [
        { id: plan.a.id, days: 3 },
        { id: plan.b.id, days: 3 },
        { id: plan.submit.id, days: 3 },
      ],
    });
    // Done work is not held back by today.
    const done = analyse(bid({ aProgress: 100 }), '2026-11-05');
    expect(done.deadline?.overrun).toBeNull();
    expect(done.deadline?.done).toBe(false);
  });

  it('says when everything leading to submission is done', () => {
    const plan = bid({ aProgress: 100 });
    const finished = buildPlanRows(
      [plan.a, { ...plan.b, progress: 100 }, { ...plan.c, progress: 100 }, plan.orals],
      [{ ...plan.submit, actualDate: plan.submit.date }],
    );
    const result = analyse({ ...plan, rows: finished }, '2026-11-20');
    expect(result.deadline).toMatchObject({ done: true, overrun: null });
  });

  it('without a submission date, only measures against the plan finish', () => {
    const plan = bid();
    const result = analyse(plan, '2026-11-02', null);
    expect(result.deadline).toBeNull();
    expect(result.rows.get(plan.a.id)).toMatchObject({ critical: true, deadlineBound: false });
  });

  it('gives a summary the least slack of its subtasks', () => {
    const p = task('Phase', '2026-11-02', '2026-11-06', 5);
    const a = task('A', '2026-11-02', '2026-11-04', 3, { parentId: p.id });
    const b = task('B', '2026-11-05', '2026-11-06', 2, { parentId: p.id });
    const s = milestone('Submit', '2026-11-09', 'submission');
    const result = analysePlan({
      rows: buildPlanRows([p, a, b], [s]),
      links: [link(a, b), link(b, s)],
      calendar: WEEKDAYS,
      today: d('2026-11-02'),
      submissionDue: d('2026-11-10'),
    });
    if (!result.ok) expect.fail('analysed');
    expect(result.rows.get(p.id)).toEqual({ slackDays: 1, critical: true, deadlineBound: true });
  });
});

describe('variance and slips', () => {
  const a = task('A', '2026-11-02', '2026-11-04', 3);
  const m = milestone('Pink team', '2026-11-10', 'review');
  const baseline: Baseline = {
    id: '00000000-0000-4000-8000-0000000000b1' as BaselineId,
    createdAt: 1,
    updatedAt: 1,
    rev: 1,
    deletedAt: null,
    dealId: DEAL,
    name: 'At bid/no-bid',
    capturedAt: 1,
    tasks: [{ taskId: a.id, start: d('2026-11-02'), finish: d('2026-11-04'), durationDays: 3 }],
    milestones: [{ milestoneId: m.id, date: d('2026-11-05') }],
  };

  it('gives finish variance in working days, and marks rows added since', () => {
    const added = task('New', '2026-11-05', '2026-11-05', 1);
    const slipped = { ...a, start: d('2026-11-05'), finish: d('2026-11-09') };
    const rows = buildPlanRows([slipped, added], [m]);
    const variance = planVariance(rows, baseline, WEEKDAYS);
    // 11-04 → 11-09 is three working days over a weekend; 11-05 → 11-10 likewise three.
    expect(variance.get(a.id)).toEqual({ days: 3 });
    expect(variance.get(m.id)).toEqual({ days: 3 });
    expect(variance.get(added.id)).toBe('added');
  });

  it('flags milestones late beyond the tolerance, and overdue ones', () => {
    const rows = buildPlanRows([a], [m]);
    const slips = (toleranceDays: number, today: string) =>
      milestoneSlips({ rows, baseline, calendar: WEEKDAYS, today: d(today), toleranceDays });
    expect(slips(2, '2026-11-02').get(m.id)).toEqual({ lateDays: 3, overdueDays: null });
    expect(slips(3, '2026-11-02').has(m.id)).toBe(false);
    expect(slips(3, '2026-11-12').get(m.id)).toEqual({ lateDays: null, overdueDays: 2 });
    // Reached milestones are not overdue.
    const reached = buildPlanRows([a], [{ ...m, actualDate: d('2026-11-10') }]);
    expect(
      milestoneSlips({
        rows: reached,
        baseline: null,
        calendar: WEEKDAYS,
        today: d('2026-11-12'),
        toleranceDays: 0,
      }).size,
    ).toBe(0);
  });
});
