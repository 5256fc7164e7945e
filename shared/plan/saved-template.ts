import type { WorkingCalendar } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import { maxDate, minDate } from '@shared/domain/dates';
import type { Dependency } from '@shared/domain/dependency';
import type { Milestone } from '@shared/domain/milestone';
import type { PlanTemplate, PlanTemplateId, PlanTemplateStep } from '@shared/domain/plan-template';
import type { Task } from '@shared/domain/task';
import { buildPlanRows } from '@shared/plan/rows';
import type { LaidOutPlan, LaidOutStep, TemplateError, TemplateStep } from '@shared/plan/template';
import { layOutTemplate } from '@shared/plan/template';
import type { Result } from '@shared/schedule/model';

/**
 * Saved plan templates: a deal's plan kept as the shape of its work — the WBS, durations,
 * milestones and links with their type and lag — and laid out again on another deal exactly as
 * the standard bid plan is (`layOutTemplate`: backward from the submission date). Dates,
 * assignees and progress belong to the deal, not to the template, and are left out.
 */

/** Why a plan cannot be saved as a template. */
export type SaveTemplateError =
  /** Nothing to save: the plan has no rows. */
  | { readonly kind: 'emptyPlan' }
  /** More rows than a template holds. */
  | { readonly kind: 'tooManySteps'; readonly max: number };

/**
 * The template of a plan. Steps follow the plan's row order (parents before their subtasks) and
 * are keyed `s1`, `s2`… by row number; a link survives when both its ends are in the plan.
 * A milestone keeps the sales-process template it came from, so on another deal it takes over
 * that deal's own bid/no-bid or submission milestone instead of doubling it.
 */
export function planToTemplate(input: {
  readonly id: PlanTemplateId;
  readonly name: string;
  readonly createdAt: number;
  readonly tasks: readonly Task[];
  readonly milestones: readonly Milestone[];
  readonly dependencies: readonly Dependency[];
  readonly maxSteps: number;
}): Result<PlanTemplate, SaveTemplateError> {
  const rows = buildPlanRows(
    input.tasks.filter((task) => task.deletedAt === null),
    input.milestones.filter((milestone) => milestone.deletedAt === null),
  );
  if (rows.length === 0) return { ok: false, error: { kind: 'emptyPlan' } };
  if (rows.length > input.maxSteps) {
    return { ok: false, error: { kind: 'tooManySteps', max: input.maxSteps } };
  }
  const keyOf = new Map<string, string>(rows.map((row) => [row.id, `s${row.rowNumber}`]));
  const templateKeyOf = new Map<string, string | null>(
    input.milestones.map((milestone) => [milestone.id, milestone.templateKey]),
  );
  const incoming = new Map<string, PlanTemplateStep['after'][number][]>();
  for (const dependency of input.dependencies) {
    if (dependency.deletedAt !== null) continue;
    const from = keyOf.get(dependency.predecessorId);
    const to = keyOf.get(dependency.successorId);
    if (from === undefined || to === undefined || from === to) continue;
    const list = incoming.get(to) ?? [];
    list.push({ key: from, type: dependency.type, lagDays: dependency.lagDays });
    incoming.set(to, list);
  }
  const steps = rows.map((row): PlanTemplateStep => {
    const key = keyOf.get(row.id) ?? `s${row.rowNumber}`;
    return {
      key,
      parentKey: row.parentId === null ? null : (keyOf.get(row.parentId) ?? null),
      name: row.name,
      durationDays: row.durationDays,
      milestoneKind: row.kind === 'milestone' ? row.milestoneKind : null,
      stageTemplateKey: row.kind === 'milestone' ? (templateKeyOf.get(row.id) ?? null) : null,
      after: incoming.get(key) ?? [],
    };
  });
  return {
    ok: true,
    value: { id: input.id, name: input.name, createdAt: input.createdAt, steps },
  };
}

/** Keys of the steps that hold other steps: their dates follow their subtasks. */
export function summaryKeys(steps: readonly PlanTemplateStep[]): Set<string> {
  return new Set(steps.flatMap((step) => (step.parentKey === null ? [] : [step.parentKey])));
}

/**
 * A saved template's steps as the scheduler takes them: only the steps that are scheduled (a
 * summary's dates follow its subtasks, and the plan never links to a summary, so a link to
 * one is dropped), each named the same in both languages since it is the user's own text.
 */
export function schedulableSteps(template: PlanTemplate): TemplateStep[] {
  const summaries = summaryKeys(template.steps);
  return template.steps
    .filter((step) => !summaries.has(step.key))
    .map((step) => ({
      key: step.key,
      name: { zh: step.name, en: step.name },
      durationDays: step.durationDays,
      ...(step.milestoneKind === null ? {} : { milestoneKind: step.milestoneKind }),
      ...(step.stageTemplateKey === null ? {} : { stageTemplateKey: step.stageTemplateKey }),
      after: step.after.filter((link) => !summaries.has(link.key)),
    }));
}

/**
 * Lays a saved template out on a deal's calendar the way the standard bid plan is laid: backward
 * from the submission date, with the steps after submission forward from it, never before
 * `today` (see `layOutTemplate`). Summary steps then span their subtasks. The steps come back in
 * the template's order, parents before their subtasks.
 */
export function layOutSavedTemplate(input: {
  readonly template: PlanTemplate;
  readonly calendar: WorkingCalendar;
  readonly submissionDue: PlanDate | null;
  readonly today: PlanDate;
}): Result<LaidOutPlan, TemplateError> {
  const { template, calendar } = input;
  const laid = layOutTemplate({
    steps: schedulableSteps(template),
    calendar,
    submissionDue: input.submissionDue,
    today: input.today,
    locale: 'en',
  });
  if (!laid.ok) return laid;
  const placed = new Map<string, LaidOutStep>(laid.value.steps.map((step) => [step.key, step]));
  const spans = new Map<string, { start: PlanDate; finish: PlanDate }>();
  // Deepest first: walk the steps backward, so every subtask is settled before its parent.
  for (let i = template.steps.length - 1; i >= 0; i--) {
    const step = template.steps[i];
    if (step === undefined || step.parentKey === null) continue;
    const own = placed.get(step.key) ?? spans.get(step.key);
    if (own === undefined) continue;
    const span = spans.get(step.parentKey);
    spans.set(
      step.parentKey,
      span === undefined
        ? { start: own.start, finish: own.finish }
        : { start: minDate(span.start, own.start), finish: maxDate(span.finish, own.finish) },
    );
  }
  const steps = template.steps.flatMap((step): LaidOutStep[] => {
    const own = placed.get(step.key);
    if (own !== undefined) return [{ ...own, name: step.name, parentKey: step.parentKey }];
    const span = spans.get(step.key);
    if (span === undefined) return [];
    return [
      {
        key: step.key,
        parentKey: step.parentKey,
        name: step.name,
        durationDays: calendar.countWorkingDaysInclusive(span.start, span.finish),
        milestoneKind: null,
        stageTemplateKey: null,
        start: span.start,
        finish: span.finish,
      },
    ];
  });
  return { ok: true, value: { steps, links: laid.value.links } };
}

export type TemplateNameProblem =
  | { readonly kind: 'emptyName' }
  | { readonly kind: 'nameTooLong'; readonly max: number }
  | { readonly kind: 'duplicateName'; readonly name: string };

/** Names compare without case, width or surrounding spaces: `Tender` and `ｔｅｎｄｅｒ ` clash. */
function sameName(a: string, b: string): boolean {
  const norm = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase();
  return norm(a) === norm(b);
}

/** The trimmed name, or why it cannot be used (empty, too long, another template's). */
export function checkTemplateName(
  raw: string,
  templates: readonly PlanTemplate[],
  maxLength: number,
  except: PlanTemplateId | null = null,
):
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly problem: TemplateNameProblem } {
  const name = raw.trim();
  if (name === '') return { ok: false, problem: { kind: 'emptyName' } };
  if (name.length > maxLength)
    return { ok: false, problem: { kind: 'nameTooLong', max: maxLength } };
  const clash = templates.find((item) => item.id !== except && sameName(item.name, name));
  if (clash !== undefined) {
    return { ok: false, problem: { kind: 'duplicateName', name: clash.name } };
  }
  return { ok: true, name };
}
