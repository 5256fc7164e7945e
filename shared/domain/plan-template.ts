import { z } from 'zod';
import { DEPENDENCY_TYPES } from '@shared/domain/dependency';
import {
  addIssue,
  checkUnique,
  epochMsSchema,
  intInRange,
  keySchema,
  nameSchema,
} from '@shared/domain/fields';
import type { Id } from '@shared/domain/ids';
import { idSchema } from '@shared/domain/ids';
import { milestoneKindSchema } from '@shared/domain/milestone';

export type PlanTemplateId = Id<'PlanTemplateId'>;
export const planTemplateIdSchema = idSchema<PlanTemplateId>();

/** Longest template name, and the most templates and steps kept. */
export const MAX_TEMPLATE_NAME = 100;
export const MAX_PLAN_TEMPLATES = 100;
export const MAX_TEMPLATE_STEPS = 2_000;

/**
 * One row of a saved plan template: a task (which may sit under another task, the WBS) or a
 * milestone, with its duration and its incoming links. It carries no dates, people or progress:
 * a template is the shape of the work, laid out again on each deal it starts.
 */
export const planTemplateStepSchema = z.object({
  /** Key of the step within its template (`s1`, `s2`…), what links and parents refer to. */
  key: keySchema,
  /** The task this one sits under; null at the top level (milestones are always there). */
  parentKey: keySchema.nullable(),
  name: nameSchema(300),
  durationDays: intInRange(0, 5_000, 'a whole number of working days'),
  /** Set for a milestone (a milestone record is created for it); null for a task. */
  milestoneKind: milestoneKindSchema.nullable(),
  /** The sales-process milestone the step stands for, so a deal's own one is reused. */
  stageTemplateKey: keySchema.nullable(),
  after: z
    .array(
      z.object({
        key: keySchema,
        type: z.enum(DEPENDENCY_TYPES, { error: 'must be FS, SS or FF' }),
        lagDays: intInRange(-1_000, 1_000, 'a whole number of working days'),
      }),
    )
    .max(200),
});
export type PlanTemplateStep = z.infer<typeof planTemplateStepSchema>;

/** A plan saved by the user to start other deals' plans from. */
export const planTemplateSchema = z
  .object({
    id: planTemplateIdSchema,
    name: nameSchema(MAX_TEMPLATE_NAME),
    createdAt: epochMsSchema,
    steps: z
      .array(planTemplateStepSchema)
      .min(1, { error: 'must have at least one step' })
      .max(MAX_TEMPLATE_STEPS),
  })
  .superRefine((template, ctx) => {
    checkUnique(template.steps, (step) => step.key, ctx, ['steps'], 'step');
    const seen = new Map<string, (typeof template.steps)[number]>();
    const all = new Set(template.steps.map((step) => step.key));
    template.steps.forEach((step, index) => {
      if (step.parentKey !== null) {
        const parent = seen.get(step.parentKey);
        if (parent === undefined) {
          addIssue(ctx, ['steps', index, 'parentKey'], 'must name a step listed before it');
        } else if (parent.milestoneKind !== null || step.milestoneKind !== null) {
          addIssue(ctx, ['steps', index, 'parentKey'], 'milestones neither nest nor hold steps');
        }
      }
      step.after.forEach((link, i) => {
        if (!all.has(link.key) || link.key === step.key) {
          addIssue(ctx, ['steps', index, 'after', i, 'key'], 'must name another step');
        }
      });
      seen.set(step.key, step);
    });
  });
export type PlanTemplate = z.infer<typeof planTemplateSchema>;
