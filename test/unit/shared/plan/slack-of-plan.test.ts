import { describe, expect, it } from 'vitest';
import { calendarFromSettings } from '@shared/domain/calendar';
import { createDefaultSettings } from '@shared/domain/defaults';
import { dependencyIdSchema } from '@shared/domain/ids';
import { analysePlan } from '@shared/plan/analysis';
import { buildPlanRows } from '@shared/plan/rows';
import { slackOfPlan } from '@renderer/features/resources/utils/load';
import { d, link, milestone, task } from './fixtures';

describe('slackOfPlan', () => {
  it('takes each task’s slack from the plan analysis and leaves out tasks without any', () => {
    const settings = { ...createDefaultSettings(1, 'en'), holidays: [], extraWorkingDays: [] };
    const writing = task('Writing', '2026-12-07', '2026-12-11', 5);
    const review = task('Review', '2026-12-14', '2026-12-18', 5);
    const submit = milestone('Submission', '2026-12-18', 'submission');
    const links = [link(writing, review), link(review, submit)];
    const plan = {
      tasks: [writing, review],
      milestones: [submit],
      dependencies: links.map((l, i) => ({
        ...l,
        id: dependencyIdSchema.parse(`00000000-0000-4000-8000-0000000a000${i}`),
        dealId: writing.dealId,
        createdAt: 1,
        updatedAt: 1,
        rev: 1,
        deletedAt: null,
      })),
      baselines: [],
    };
    const today = d('2026-12-01');
    const slack = slackOfPlan({ plan, settings, today, submissionDue: d('2026-12-18') });
    const analysis = analysePlan({
      rows: buildPlanRows(plan.tasks, plan.milestones),
      links,
      calendar: calendarFromSettings(settings),
      today,
      submissionDue: d('2026-12-18'),
    });
    if (!analysis.ok) expect.fail('the plan should analyse');
    for (const t of plan.tasks) {
      const days = analysis.rows.get(t.id)?.slackDays ?? 0;
      expect(slack.get(t.id)).toBe(days >= 1 ? days : undefined);
    }
    // A deadline a week later gives every task on the chain five more working days.
    const later = slackOfPlan({ plan, settings, today, submissionDue: d('2026-12-25') });
    for (const t of plan.tasks) expect(later.get(t.id)).toBe((slack.get(t.id) ?? 0) + 5);
  });
});
