import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/calendar';
import type { LaidOutPlan, LaidOutStep } from '@shared/plan/template';
import { layOutTemplate, STANDARD_BID_PLAN } from '@shared/plan/template';
import { d, WEEKDAYS } from './fixtures';

function laid(submissionDue: string | null, today: string, calendar = WEEKDAYS): LaidOutPlan {
  const result = layOutTemplate({
    steps: STANDARD_BID_PLAN,
    calendar,
    submissionDue: submissionDue === null ? null : d(submissionDue),
    today: d(today),
    locale: 'en',
  });
  if (!result.ok) expect.fail(JSON.stringify(result.error));
  return result.value;
}

function byKey(plan: LaidOutPlan): Record<string, LaidOutStep> {
  return Object.fromEntries(plan.steps.map((step) => [step.key, step]));
}

describe('layOutTemplate', () => {
  it('covers the standard bid steps, with milestones for the decision and the submission', () => {
    expect(STANDARD_BID_PLAN.map((step) => step.key)).toEqual([
      'rfp_analysis',
      'bid_no_bid',
      'solution_design',
      'pricing',
      'proposal_writing',
      'pink_team',
      'red_team',
      'gold_team',
      'production',
      'submission',
      'orals',
      'bafo',
    ]);
    const milestones = STANDARD_BID_PLAN.filter((step) => step.durationDays === 0);
    expect(milestones.map((step) => step.milestoneKind)).toEqual(['bid_no_bid', 'submission']);
  });

  it('lays the work backward from the submission date, as late as the links allow', () => {
    // Submission due Friday 2027-01-15; today is well before, so nothing is held by today.
    const steps = byKey(laid('2027-01-15', '2026-11-02'));
    expect(steps.submission).toMatchObject({ start: '2027-01-15', finish: '2027-01-15' });
    // Production (3 days) ends the working day before submission.
    expect(steps.production).toMatchObject({ start: '2027-01-12', finish: '2027-01-14' });
    // Gold (1 day) right before production; red two working days (the lag) before gold.
    expect(steps.gold_team).toMatchObject({ start: '2027-01-11', finish: '2027-01-11' });
    expect(steps.red_team).toMatchObject({ start: '2027-01-05', finish: '2027-01-06' });
    // Pricing only has to be done before red team, so it sits as late as that allows.
    expect(steps.pricing).toMatchObject({ start: '2026-12-28', finish: '2027-01-04' });
    // Pink team three working days (rework) before red; writing right before pink.
    expect(steps.pink_team).toMatchObject({ start: '2026-12-29', finish: '2026-12-30' });
    expect(steps.proposal_writing).toMatchObject({ start: '2026-12-15', finish: '2026-12-28' });
    // Writing starts two days into solution design (SS+2), which follows the decision.
    expect(steps.solution_design).toMatchObject({ start: '2026-12-11', finish: '2026-12-22' });
    expect(steps.bid_no_bid).toMatchObject({ start: '2026-12-11', finish: '2026-12-11' });
    expect(steps.rfp_analysis).toMatchObject({ start: '2026-12-08', finish: '2026-12-10' });
  });

  it('plans orals and BAFO forward from the submission, not before it', () => {
    const steps = byKey(laid('2027-01-15', '2026-11-02'));
    // Orals ten working days after submission, BAFO three working days after orals.
    expect(steps.orals).toMatchObject({ start: '2027-01-29', finish: '2027-02-01' });
    expect(steps.bafo).toMatchObject({ start: '2027-02-05', finish: '2027-02-11' });
  });

  it('works on the company calendar: holidays are skipped, a Sunday deadline means Friday', () => {
    const calendar = createCalendar({
      workingWeek: [1, 2, 3, 4, 5],
      holidays: [d('2027-01-13')],
    });
    const steps = byKey(laid('2027-01-17', '2026-11-02', calendar));
    expect(steps.submission?.start).toBe('2027-01-15');
    // Three working days of production before Friday, jumping the Wednesday holiday.
    expect(steps.production).toMatchObject({ start: '2027-01-11', finish: '2027-01-14' });
    for (const step of Object.values(steps)) {
      expect(calendar.isWorkingDay(step.start)).toBe(true);
      expect(calendar.isWorkingDay(step.finish)).toBe(true);
    }
  });

  it('never plans work before today: a deadline too close gives a late plan from today', () => {
    const steps = byKey(laid('2027-01-15', '2027-01-04'));
    expect(steps.rfp_analysis?.start).toBe('2027-01-04');
    for (const step of Object.values(steps)) expect(step.start >= '2027-01-04').toBe(true);
    expect((steps.submission?.start ?? '') > '2027-01-15').toBe(true);
  });

  it('names the steps in the chosen language', () => {
    const zh = layOutTemplate({
      steps: STANDARD_BID_PLAN,
      calendar: WEEKDAYS,
      submissionDue: d('2027-01-15'),
      today: d('2026-11-02'),
      locale: 'zh-CN',
    });
    if (!zh.ok) expect.fail('laid out');
    expect(zh.value.steps[0]?.name).toBe('招标文件分析');
    expect(zh.value.steps.find((s) => s.key === 'submission')?.name).toBe('递交投标文件');
  });

  it('needs a submission date to plan back from', () => {
    expect(
      layOutTemplate({
        steps: STANDARD_BID_PLAN,
        calendar: WEEKDAYS,
        submissionDue: null,
        today: d('2026-11-02'),
        locale: 'en',
      }),
    ).toEqual({ ok: false, error: { kind: 'noSubmissionDate' } });
  });
});
