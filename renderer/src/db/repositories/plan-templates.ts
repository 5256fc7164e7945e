import type { DealId } from '@shared/domain/ids';
import type { PlanTemplate, PlanTemplateId } from '@shared/domain/plan-template';
import {
  MAX_PLAN_TEMPLATES,
  MAX_TEMPLATE_NAME,
  MAX_TEMPLATE_STEPS,
  planTemplateIdSchema,
} from '@shared/domain/plan-template';
import type { Settings } from '@shared/domain/settings';
import { settingsId } from '@shared/domain/settings';
import type { SaveTemplateError, TemplateNameProblem } from '@shared/plan/saved-template';
import { checkTemplateName, planToTemplate } from '@shared/plan/saved-template';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { WriteEnv } from '@renderer/db/write';

/**
 * Saved plan templates, kept on the settings record (`planTemplates`): saving a deal's plan as a
 * template, renaming and deleting one. Each is one undoable write with its activity entry in the
 * portfolio's trail. Starting a plan from a template is `createPlanFromTemplate` (plan.ts).
 */

export type TemplateProblem =
  | SaveTemplateError
  | TemplateNameProblem
  | { readonly kind: 'tooManyTemplates'; readonly max: number }
  /** Deleted meanwhile (another window). */
  | { readonly kind: 'notFound' };

export class PlanTemplateError extends Error {
  override readonly name = 'PlanTemplateError';
  constructor(readonly problem: TemplateProblem) {
    super(`The plan template was not saved (${problem.kind})`);
  }
}

function requireName(
  raw: string,
  templates: readonly PlanTemplate[],
  except: PlanTemplateId | null,
) {
  const checked = checkTemplateName(raw, templates, MAX_TEMPLATE_NAME, except);
  if (!checked.ok) throw new PlanTemplateError(checked.problem);
  return checked.name;
}

/**
 * Saves the deal's plan as it stands (its WBS, durations, milestones and links; not its dates,
 * people or progress) as a new template named `name`.
 */
export async function savePlanAsTemplate(
  db: PursuitDatabase,
  env: WriteEnv,
  input: { readonly dealId: DealId; readonly name: string },
): Promise<PlanTemplate> {
  return runWrite(
    db,
    env,
    ['settings', 'deals', 'tasks', 'milestones', 'dependencies'],
    async (writer) => {
      const deal = await writer.require('deals', input.dealId);
      if (deal.deletedAt !== null) throw new NotFoundError('deals', input.dealId);
      const settings = await writer.require('settings', settingsId);
      const name = requireName(input.name, settings.planTemplates, null);
      if (settings.planTemplates.length >= MAX_PLAN_TEMPLATES) {
        throw new PlanTemplateError({ kind: 'tooManyTemplates', max: MAX_PLAN_TEMPLATES });
      }
      writer.subject = name;
      const tasks = await db.tasks.where('dealId').equals(deal.id).toArray();
      const milestones = await db.milestones.where('dealId').equals(deal.id).toArray();
      const dependencies = await db.dependencies.where('dealId').equals(deal.id).toArray();
      const made = planToTemplate({
        id: planTemplateIdSchema.parse(env.newId()),
        name,
        createdAt: writer.at,
        tasks,
        milestones,
        dependencies,
        maxSteps: MAX_TEMPLATE_STEPS,
      });
      if (!made.ok) throw new PlanTemplateError(made.error);
      await writer.update(
        'settings',
        settingsId,
        settings.rev,
        { planTemplates: [...settings.planTemplates, made.value] },
        name,
      );
      return made.value;
    },
    { undoAction: 'create' },
  );
}

function changeTemplates(
  db: PursuitDatabase,
  env: WriteEnv,
  expectedRev: number,
  id: PlanTemplateId,
  change: (template: PlanTemplate, settings: Settings) => PlanTemplate | null,
  action: 'update' | 'delete',
): Promise<Settings> {
  return runWrite(
    db,
    env,
    ['settings'],
    async (writer) => {
      const settings = await writer.require('settings', settingsId);
      const template = settings.planTemplates.find((item) => item.id === id);
      if (template === undefined) throw new PlanTemplateError({ kind: 'notFound' });
      const next = change(template, settings);
      writer.subject = next?.name ?? template.name;
      const planTemplates = settings.planTemplates.flatMap((item) =>
        item.id !== id ? [item] : next === null ? [] : [next],
      );
      return writer.update(
        'settings',
        settingsId,
        expectedRev,
        { planTemplates },
        writer.subject,
        action,
      );
    },
    { undoAction: action },
  );
}

/** Renames a template; refused when the name is empty, too long or another template's. */
export function renamePlanTemplate(
  db: PursuitDatabase,
  env: WriteEnv,
  input: { readonly id: PlanTemplateId; readonly expectedRev: number; readonly name: string },
): Promise<Settings> {
  return changeTemplates(
    db,
    env,
    input.expectedRev,
    input.id,
    (template, settings) => ({
      ...template,
      name: requireName(input.name, settings.planTemplates, template.id),
    }),
    'update',
  );
}

/** Deletes a template (Undo brings it back); plans already started from it are not touched. */
export function deletePlanTemplate(
  db: PursuitDatabase,
  env: WriteEnv,
  input: { readonly id: PlanTemplateId; readonly expectedRev: number },
): Promise<Settings> {
  return changeTemplates(db, env, input.expectedRev, input.id, () => null, 'delete');
}
