import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { serializeBackup, parseBackup } from '@shared/backup/format';
import type { Dependency } from '@shared/domain/dependency';
import type { DependencyId, TaskId } from '@shared/domain/ids';
import type { PlanTemplate, PlanTemplateId } from '@shared/domain/plan-template';
import { planTemplateSchema } from '@shared/domain/plan-template';
import { settingsSchema } from '@shared/domain/settings';
import type { LaidOutPlan } from '@shared/plan/template';
import {
  checkTemplateName,
  layOutSavedTemplate,
  planToTemplate,
  schedulableSteps,
} from '@shared/plan/saved-template';
import type { PlanLink } from '@shared/plan/links';
import { d, DEAL, link, milestone, task, WEEKDAYS } from './fixtures';

const TEMPLATE_ID = '00000000-0000-4000-8000-0000000000aa' as PlanTemplateId;
const XSS = '<img src=x onerror=alert(1)>';

let depCounter = 0;
function dependency(planLink: PlanLink, extra: Partial<Dependency> = {}): Dependency {
  depCounter += 1;
  return {
    id: `00000000-0000-4000-9000-${String(depCounter).padStart(12, '0')}` as DependencyId,
    createdAt: 1,
    updatedAt: 1,
    rev: 1,
    deletedAt: null,
    dealId: DEAL,
    ...planLink,
    ...extra,
  };
}

/**
 * A source plan with an outline: a summary "Solution" holding design and pricing, writing under
 * no one, a review milestone and the submission milestone from the sales process; links of every
 * type, with lags and a lead; dates, progress and notes that a template must not keep.
 */
function sourcePlan() {
  const analysis = task('RFP analysis', '2026-11-02', '2026-11-04', 3, { progress: 100 });
  const solution = task('Solution', '2026-11-05', '2026-11-18', 10);
  const design = task(XSS, '2026-11-05', '2026-11-12', 6, {
    parentId: solution.id,
    progress: 40,
    notes: 'kept on the deal',
  });
  const pricing = task('Pricing', '2026-11-10', '2026-11-18', 7, { parentId: solution.id });
  const writing = task('Writing', '2026-11-09', '2026-11-20', 10);
  const review = milestone('Red team', '2026-11-23', 'review');
  const submission = milestone('Submit', '2026-11-27', 'submission', {
    stageId: '00000000-0000-4000-8000-0000000000f1' as never,
    templateKey: 'submission',
  });
  const links = [
    link(analysis, design, 'FS', 0),
    link(design, pricing, 'SS', 3),
    link(design, writing, 'SS', 2),
    link(writing, review, 'FF', -1),
    link(pricing, review, 'FS', 1),
    link(review, submission, 'FS', 2),
  ];
  const deleted = task('Deleted', '2026-11-02', '2026-11-02', 1, { deletedAt: 5 });
  return {
    tasks: [analysis, solution, design, pricing, writing, deleted],
    milestones: [review, submission],
    dependencies: [
      ...links.map((l) => dependency(l)),
      dependency(link(deleted, analysis), { deletedAt: 5 }),
    ],
    ids: { analysis, solution, design, pricing, writing, review, submission },
  };
}

function saved(): PlanTemplate {
  const plan = sourcePlan();
  const result = planToTemplate({
    id: TEMPLATE_ID,
    name: 'Tender, two envelopes',
    createdAt: 1_000,
    tasks: plan.tasks,
    milestones: plan.milestones,
    dependencies: plan.dependencies,
    maxSteps: 2_000,
  });
  if (!result.ok) expect.fail(JSON.stringify(result.error));
  return result.value;
}

function laidOut(template: PlanTemplate, due: string | null, today = '2026-11-02'): LaidOutPlan {
  const result = layOutSavedTemplate({
    template,
    calendar: WEEKDAYS,
    submissionDue: due === null ? null : d(due),
    today: d(today),
  });
  if (!result.ok) expect.fail(JSON.stringify(result.error));
  return result.value;
}

describe('planToTemplate', () => {
  it('keeps the outline, durations, milestones and links, and nothing of the deal', () => {
    const template = saved();
    expect(planTemplateSchema.safeParse(template).success).toBe(true);
    expect(template.steps).toEqual([
      {
        key: 's1',
        parentKey: null,
        name: 'RFP analysis',
        durationDays: 3,
        milestoneKind: null,
        stageTemplateKey: null,
        after: [],
      },
      {
        key: 's2',
        parentKey: null,
        name: 'Solution',
        durationDays: 10,
        milestoneKind: null,
        stageTemplateKey: null,
        after: [],
      },
      {
        key: 's3',
        parentKey: 's2',
        name: XSS,
        durationDays: 6,
        milestoneKind: null,
        stageTemplateKey: null,
        after: [{ key: 's1', type: 'FS', lagDays: 0 }],
      },
      {
        key: 's4',
        parentKey: 's2',
        name: 'Pricing',
        durationDays: 7,
        milestoneKind: null,
        stageTemplateKey: null,
        after: [{ key: 's3', type: 'SS', lagDays: 3 }],
      },
      {
        key: 's5',
        parentKey: null,
        name: 'Writing',
        durationDays: 10,
        milestoneKind: null,
        stageTemplateKey: null,
        after: [{ key: 's3', type: 'SS', lagDays: 2 }],
      },
      {
        key: 's6',
        parentKey: null,
        name: 'Red team',
        durationDays: 0,
        milestoneKind: 'review',
        stageTemplateKey: null,
        after: [
          { key: 's5', type: 'FF', lagDays: -1 },
          { key: 's4', type: 'FS', lagDays: 1 },
        ],
      },
      {
        key: 's7',
        parentKey: null,
        name: 'Submit',
        durationDays: 0,
        milestoneKind: 'submission',
        stageTemplateKey: 'submission',
        after: [{ key: 's6', type: 'FS', lagDays: 2 }],
      },
    ]);
    const text = JSON.stringify(template);
    for (const absent of ['2026-11', 'progress', 'notes', 'kept on the deal', 'Deleted']) {
      expect(text).not.toContain(absent);
    }
  });

  it('refuses an empty plan and one with more rows than a template holds', () => {
    const plan = sourcePlan();
    const base = { id: TEMPLATE_ID, name: 'x', createdAt: 1, dependencies: [] };
    expect(planToTemplate({ ...base, tasks: [], milestones: [], maxSteps: 10 })).toEqual({
      ok: false,
      error: { kind: 'emptyPlan' },
    });
    expect(
      planToTemplate({ ...base, tasks: plan.tasks, milestones: plan.milestones, maxSteps: 3 }),
    ).toEqual({ ok: false, error: { kind: 'tooManySteps', max: 3 } });
  });
});

describe('layOutSavedTemplate', () => {
  it('lays the template backward from the submission date, as the standard plan is laid', () => {
    const plan = laidOut(saved(), '2026-12-18');
    const at = Object.fromEntries(plan.steps.map((step) => [step.name, step]));
    // Submission on its due date (Fri 18 Dec); the review two working days (the lag) before.
    expect(at.Submit).toMatchObject({ start: '2026-12-18', milestoneKind: 'submission' });
    expect(at['Red team']).toMatchObject({ start: '2026-12-16', milestoneKind: 'review' });
    // Pricing (7 days) leaves one working day (FS+1) before the review: Fri 4 to Mon 14 Dec.
    expect(at.Pricing).toMatchObject({ start: '2026-12-04', finish: '2026-12-14' });
    // The summary spans its subtasks and is not scheduled on its own.
    expect(at.Solution).toMatchObject({
      parentKey: null,
      start: at[XSS]?.start,
      finish: at.Pricing?.finish,
    });
    expect(at[XSS]).toMatchObject({ parentKey: 's2', durationDays: 6 });
  });

  it('round-trips: a plan saved and laid out again keeps its structure, durations and links', () => {
    const template = saved();
    const plan = laidOut(template, '2027-03-05');
    expect(plan.steps.map((step) => [step.key, step.parentKey, step.name])).toEqual(
      template.steps.map((step) => [step.key, step.parentKey, step.name]),
    );
    const leaves = plan.steps.filter((step) => step.key !== 's2');
    for (const step of leaves) {
      const source = template.steps.find((s) => s.key === step.key);
      expect(step.durationDays).toBe(source?.durationDays);
      expect(WEEKDAYS.countWorkingDaysInclusive(step.start, step.finish)).toBe(
        Math.max(1, step.durationDays),
      );
    }
    expect(new Set(plan.links.map((l) => `${l.from}>${l.to} ${l.type}${l.lagDays}`))).toEqual(
      new Set(
        template.steps.flatMap((step) =>
          step.after.map((a) => `${a.key}>${step.key} ${a.type}${a.lagDays}`),
        ),
      ),
    );
    // Saving the laid-out plan again gives the same template.
    const tasks = plan.steps
      .filter((step) => step.milestoneKind === null)
      .map((step, i) =>
        task(step.name, step.start, step.finish, step.durationDays, {
          id: `00000000-0000-4000-a000-${String(i + 1).padStart(12, '0')}` as TaskId,
          sortIndex: (plan.steps.indexOf(step) + 1) * 1024,
        }),
      );
    const idOf = new Map<string, string>();
    plan.steps.forEach((step) => {
      const made = tasks.find((t) => t.name === step.name);
      if (made !== undefined) idOf.set(step.key, made.id);
    });
    for (const made of tasks) {
      const step = plan.steps.find((s) => s.name === made.name);
      const parent = step?.parentKey == null ? null : (idOf.get(step.parentKey) ?? null);
      Object.assign(made, { parentId: parent });
    }
    const milestones = plan.steps
      .filter((step) => step.milestoneKind !== null)
      .map((step) => {
        const made = milestone(step.name, step.start, step.milestoneKind ?? 'other', {
          sortIndex: (plan.steps.indexOf(step) + 1) * 1024,
          ...(step.stageTemplateKey === null
            ? {}
            : {
                stageId: '00000000-0000-4000-8000-0000000000f1' as never,
                templateKey: step.stageTemplateKey,
              }),
        });
        idOf.set(step.key, made.id);
        return made;
      });
    const again = planToTemplate({
      id: TEMPLATE_ID,
      name: template.name,
      createdAt: template.createdAt,
      tasks,
      milestones,
      dependencies: plan.links.map((l) =>
        dependency({
          predecessorId: idOf.get(l.from) as TaskId,
          successorId: idOf.get(l.to) as TaskId,
          type: l.type,
          lagDays: l.lagDays,
        }),
      ),
      maxSteps: 2_000,
    });
    if (!again.ok) expect.fail(JSON.stringify(again.error));
    expect(again.value.steps.map((s) => ({ ...s, after: [...s.after].sort() }))).toEqual(
      template.steps.map((s) => ({ ...s, after: [...s.after].sort() })),
    );
  });

  it('needs the submission date, as the standard plan does', () => {
    const result = layOutSavedTemplate({
      template: saved(),
      calendar: WEEKDAYS,
      submissionDue: null,
      today: d('2026-11-02'),
    });
    expect(result).toEqual({ ok: false, error: { kind: 'noSubmissionDate' } });
  });

  it('never plans before today: a deadline too close starts the work today', () => {
    const plan = laidOut(saved(), '2026-11-06', '2026-11-02');
    for (const step of plan.steps) expect(step.start >= '2026-11-02').toBe(true);
  });

  it('schedules only the steps that are not summaries, and drops links to summaries', () => {
    const template: PlanTemplate = {
      ...saved(),
      steps: saved().steps.map((step) =>
        step.key === 's5'
          ? { ...step, after: [...step.after, { key: 's2', type: 'FS', lagDays: 0 }] }
          : step,
      ),
    };
    const steps = schedulableSteps(template);
    expect(steps.map((s) => s.key)).toEqual(['s1', 's3', 's4', 's5', 's6', 's7']);
    expect(steps.find((s) => s.key === 's5')?.after.map((a) => a.key)).toEqual(['s3']);
  });
});

describe('checkTemplateName', () => {
  const templates = [saved()];
  it('trims the name and refuses an empty, too long or taken one', () => {
    expect(checkTemplateName('  Framework  ', templates, 20)).toEqual({
      ok: true,
      name: 'Framework',
    });
    expect(checkTemplateName('   ', templates, 20)).toEqual({
      ok: false,
      problem: { kind: 'emptyName' },
    });
    expect(checkTemplateName('x'.repeat(21), templates, 20)).toEqual({
      ok: false,
      problem: { kind: 'nameTooLong', max: 20 },
    });
    // Case and full-width letters do not make a name different.
    expect(checkTemplateName('ＴＥＮＤＥＲ, two envelopes', templates, 100)).toEqual({
      ok: false,
      problem: { kind: 'duplicateName', name: 'Tender, two envelopes' },
    });
    // A template keeps its own name when renamed to it.
    expect(checkTemplateName('Tender, two envelopes', templates, 100, TEMPLATE_ID).ok).toBe(true);
  });

  it('keeps markup in a name as text', () => {
    expect(checkTemplateName(XSS, templates, 100)).toEqual({ ok: true, name: XSS });
  });
});

describe('planTemplateSchema', () => {
  it('refuses steps whose parent or links point nowhere, and milestones that nest', () => {
    const template = saved();
    const broken = {
      ...template,
      steps: [
        { ...template.steps[0], parentKey: 's9' },
        { ...template.steps[1], after: [{ key: 's2', type: 'FS', lagDays: 0 }] },
        { ...template.steps[5], key: 's3', parentKey: 's1' },
      ],
    };
    const result = planTemplateSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['steps.0.parentKey', 'steps.1.after.0.key', 'steps.2.parentKey']),
    );
  });
});

describe('settings with plan templates', () => {
  const NOW = Date.UTC(2026, 10, 26, 9);
  const sample = generatePortfolio({ seed: 7, locale: 'en', now: NOW, preset: 'sample' });

  it('reads a settings record written before templates existed as having none', () => {
    const settings = sample.settings[0];
    if (settings === undefined) expect.fail('no settings');
    const { planTemplates: _dropped, ...older } = settings;
    const parsed = settingsSchema.parse(older);
    expect(parsed.planTemplates).toEqual([]);
  });

  it('restores an older backup without templates, and one with a template', () => {
    const file = JSON.parse(serializeBackup(sample, { appVersion: '0.1.0', createdAt: NOW })) as {
      tables: { settings: Record<string, unknown>[] };
    };
    for (const record of file.tables.settings) delete record['planTemplates'];
    const restored = parseBackup(JSON.stringify(file));
    if (!restored.ok) expect.fail(JSON.stringify(restored.errors));
    expect(restored.portfolio.settings[0]?.planTemplates).toEqual([]);

    const settings = sample.settings[0];
    if (settings === undefined) expect.fail('no settings');
    const withTemplate = { ...sample, settings: [{ ...settings, planTemplates: [saved()] }] };
    const text = serializeBackup(withTemplate, { appVersion: '0.1.0', createdAt: NOW });
    const back = parseBackup(text);
    if (!back.ok) expect.fail(JSON.stringify(back.errors));
    expect(back.portfolio.settings[0]?.planTemplates).toEqual([saved()]);
  });
});
