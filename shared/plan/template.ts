import type { WorkingCalendar } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import type { LocalizedText } from '@shared/domain/fields';
import type { MilestoneKind } from '@shared/domain/milestone';
import type { Locale } from '@shared/domain/settings';
import { inLocale } from '@shared/pipeline/labels';
import { computeSchedule } from '@shared/schedule/cpm';
import type { LinkType, Result, ScheduleError, ScheduleLink } from '@shared/schedule/model';
import { finishOf } from '@shared/schedule/model';

/** One step of a plan template. A duration of 0 makes it a milestone. */
export interface TemplateStep {
  readonly key: string;
  readonly name: LocalizedText;
  readonly durationDays: number;
  /** For milestones: what the milestone marks (a milestone record is created for it). */
  readonly milestoneKind?: MilestoneKind;
  /**
   * The sales-process milestone template the step stands for (`bid_no_bid`, `submission`), so a
   * milestone the deal already got from entering a stage is reused rather than doubled, and
   * entering that stage later does not add it again.
   */
  readonly stageTemplateKey?: string;
  readonly after: readonly {
    readonly key: string;
    readonly type: LinkType;
    readonly lagDays: number;
  }[];
}

/**
 * The standard bid plan: from reading the RFP to the best and final offer, with the colour-team
 * reviews between. Durations are working days for a typical 30–45-day response window; the lags
 * are rework between reviews. Pricing and writing overlap solution design (start-to-start), as
 * they do in practice once the architecture is sketched.
 */
export const STANDARD_BID_PLAN: readonly TemplateStep[] = [
  {
    key: 'rfp_analysis',
    name: { zh: '招标文件分析', en: 'RFP analysis' },
    durationDays: 3,
    after: [],
  },
  {
    key: 'bid_no_bid',
    name: { zh: '投标/不投标决策', en: 'Bid/no-bid decision' },
    durationDays: 0,
    milestoneKind: 'bid_no_bid',
    stageTemplateKey: 'bid_no_bid',
    after: [{ key: 'rfp_analysis', type: 'FS', lagDays: 0 }],
  },
  {
    key: 'solution_design',
    name: { zh: '解决方案设计', en: 'Solution design' },
    durationDays: 8,
    after: [{ key: 'bid_no_bid', type: 'FS', lagDays: 0 }],
  },
  {
    key: 'pricing',
    name: { zh: '成本测算与报价', en: 'Pricing' },
    durationDays: 6,
    after: [{ key: 'solution_design', type: 'SS', lagDays: 3 }],
  },
  {
    key: 'proposal_writing',
    name: { zh: '技术标书编写', en: 'Proposal writing' },
    durationDays: 10,
    after: [{ key: 'solution_design', type: 'SS', lagDays: 2 }],
  },
  {
    key: 'pink_team',
    name: { zh: '粉队评审', en: 'Pink team review' },
    durationDays: 2,
    after: [{ key: 'proposal_writing', type: 'FS', lagDays: 0 }],
  },
  {
    key: 'red_team',
    name: { zh: '红队评审', en: 'Red team review' },
    durationDays: 2,
    after: [
      { key: 'pink_team', type: 'FS', lagDays: 3 },
      { key: 'pricing', type: 'FS', lagDays: 0 },
    ],
  },
  {
    key: 'gold_team',
    name: { zh: '金队评审', en: 'Gold team review' },
    durationDays: 1,
    after: [{ key: 'red_team', type: 'FS', lagDays: 2 }],
  },
  {
    key: 'production',
    name: { zh: '标书制作与用印', en: 'Production' },
    durationDays: 3,
    after: [{ key: 'gold_team', type: 'FS', lagDays: 0 }],
  },
  {
    key: 'submission',
    name: { zh: '递交投标文件', en: 'Proposal submission' },
    durationDays: 0,
    milestoneKind: 'submission',
    stageTemplateKey: 'submission',
    after: [{ key: 'production', type: 'FS', lagDays: 0 }],
  },
  {
    key: 'orals',
    name: { zh: '述标答辩', en: 'Orals' },
    durationDays: 2,
    after: [{ key: 'submission', type: 'FS', lagDays: 10 }],
  },
  {
    key: 'bafo',
    name: { zh: '最终报价与商务谈判', en: 'BAFO and negotiation' },
    durationDays: 5,
    after: [{ key: 'orals', type: 'FS', lagDays: 3 }],
  },
];

/** A template step with its dates on the calendar, named in the chosen language. */
export interface LaidOutStep {
  readonly key: string;
  /** The step it sits under (a saved template's WBS); null at the top level. */
  readonly parentKey: string | null;
  readonly name: string;
  readonly durationDays: number;
  readonly milestoneKind: MilestoneKind | null;
  readonly stageTemplateKey: string | null;
  readonly start: PlanDate;
  /** Last day occupied; a milestone's own day. */
  readonly finish: PlanDate;
}

export interface LaidOutPlan {
  readonly steps: readonly LaidOutStep[];
  readonly links: readonly {
    readonly from: string;
    readonly to: string;
    readonly type: LinkType;
    readonly lagDays: number;
  }[];
}

export type TemplateError =
  /** Backward planning needs the date to plan back from. */
  | { readonly kind: 'noSubmissionDate' }
  | { readonly kind: 'schedule'; readonly error: ScheduleError };

/** The submission steps and every step they depend on. */
function boundToSubmission(steps: readonly TemplateStep[]): Set<string> {
  const byKey = new Map(steps.map((step) => [step.key, step]));
  const submissions = steps.filter((step) => step.milestoneKind === 'submission');
  const bound = new Set<string>();
  const queue = (submissions.length > 0 ? submissions : steps).map((step) => step.key);
  while (queue.length > 0) {
    const key = queue.pop();
    if (key === undefined || bound.has(key)) continue;
    bound.add(key);
    for (const link of byKey.get(key)?.after ?? []) queue.push(link.key);
  }
  return bound;
}

/**
 * Lays a template out on the working-day calendar the way a bid manager plans: backward from the
 * submission deadline, every step leading to submission as late as its successors allow, so the
 * work lines up against the date that cannot move; then the steps after submission (orals,
 * BAFO) forward from it. Nothing is planned before `today`: when the deadline is already too
 * close, the plan is laid from today instead and finishes late, which the plan view then reports
 * with the steps responsible.
 */
export function layOutTemplate(input: {
  readonly steps: readonly TemplateStep[];
  readonly calendar: WorkingCalendar;
  readonly submissionDue: PlanDate | null;
  readonly today: PlanDate;
  readonly locale: Locale;
}): Result<LaidOutPlan, TemplateError> {
  const { calendar, steps } = input;
  if (input.submissionDue === null) return { ok: false, error: { kind: 'noSubmissionDate' } };
  const links: ScheduleLink[] = steps.flatMap((step) =>
    step.after.map((link) => ({
      predecessorId: link.key,
      successorId: step.key,
      type: link.type,
      lagDays: link.lagDays,
    })),
  );
  const today = calendar.workingIndex(input.today);
  const bound = boundToSubmission(steps);
  const backward = computeSchedule({
    direction: 'backward',
    tasks: steps
      .filter((step) => bound.has(step.key))
      .map((step) => ({ id: step.key, durationDays: step.durationDays })),
    links: links.filter((link) => bound.has(link.successorId)),
    deadline: calendar.workingIndex(calendar.workingDayOnOrBefore(input.submissionDue)),
    today,
  });
  if (!backward.ok) return { ok: false, error: { kind: 'schedule', error: backward.error } };
  const planned = new Map(backward.value.tasks.map((task) => [task.id, task.start]));
  const forward = computeSchedule({
    direction: 'forward',
    tasks: steps.map((step) => {
      const start = planned.get(step.key);
      return start === undefined
        ? { id: step.key, durationDays: step.durationDays }
        : { id: step.key, durationDays: step.durationDays, fixedStart: start };
    }),
    links,
    projectStart: backward.value.start,
    today,
  });
  if (!forward.ok) return { ok: false, error: { kind: 'schedule', error: forward.error } };
  const startOf = new Map(forward.value.tasks.map((task) => [task.id, task.start]));
  return {
    ok: true,
    value: {
      steps: steps.map((step) => {
        const start = startOf.get(step.key) ?? backward.value.start;
        return {
          key: step.key,
          parentKey: null,
          name: inLocale(step.name, input.locale),
          durationDays: step.durationDays,
          milestoneKind: step.milestoneKind ?? null,
          stageTemplateKey: step.stageTemplateKey ?? null,
          start: calendar.dateOfWorkingIndex(start),
          finish: calendar.dateOfWorkingIndex(finishOf(start, step.durationDays)),
        };
      }),
      links: links.map((link) => ({
        from: link.predecessorId,
        to: link.successorId,
        type: link.type,
        lagDays: link.lagDays,
      })),
    },
  };
}
