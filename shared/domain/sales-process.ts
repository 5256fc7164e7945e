import { z } from 'zod';
import { salesProcessIdSchema, stageIdSchema } from '@shared/domain/ids';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  checkUnique,
  intInRange,
  keySchema,
  localizedTextSchema,
  percentSchema,
} from '@shared/domain/fields';
import { milestoneKindSchema } from '@shared/domain/milestone';
import { gateKindSchema } from '@shared/domain/gate';

/** A configurable sales process; its stages are rows in `stages` ordered by `order`. */
export const salesProcessFieldsSchema = z.object({
  ...baseRecordShape(salesProcessIdSchema),
  name: localizedTextSchema,
  isDefault: z.boolean({ error: 'must be true or false' }),
});
export const salesProcessSchema = salesProcessFieldsSchema.superRefine(checkBaseRecord);
export type SalesProcess = z.infer<typeof salesProcessSchema>;

/** Open stages hold live pursuits; the others are terminal outcomes. */
export const STAGE_KINDS = ['open', 'won', 'lost', 'no_bid'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const FORECAST_CATEGORIES = [
  'pipeline',
  'best_case',
  'commit',
  'closed',
  'omitted',
] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export const exitCriterionSchema = z.object({
  key: keySchema,
  label: localizedTextSchema,
});
export type ExitCriterion = z.infer<typeof exitCriterionSchema>;

/** Where a milestone template counts its offset from. */
export const MILESTONE_ANCHORS = ['stage_entry', 'submission'] as const;
export type MilestoneAnchor = (typeof MILESTONE_ANCHORS)[number];

/**
 * A milestone created when a deal enters the stage, dated `offsetWorkingDays` working days after
 * the anchor (negative: before it — "questions due 10 working days before submission").
 */
export const milestoneTemplateSchema = z.object({
  key: keySchema,
  name: localizedTextSchema,
  kind: milestoneKindSchema,
  anchor: z.enum(MILESTONE_ANCHORS, { error: 'must be stage_entry or submission' }),
  offsetWorkingDays: intInRange(-1_000, 1_000, 'a whole number of working days'),
});
export type MilestoneTemplate = z.infer<typeof milestoneTemplateSchema>;

export const stageFieldsSchema = z.object({
  ...baseRecordShape(stageIdSchema),
  processId: salesProcessIdSchema,
  /** Stable key (`qualify`) so code and reports survive renaming. */
  key: keySchema,
  name: localizedTextSchema,
  order: intInRange(0, 10_000, 'a whole-number position'),
  kind: z.enum(STAGE_KINDS, { error: 'must be open, won, lost or no_bid' }),
  defaultPwin: percentSchema,
  forecastCategory: z.enum(FORECAST_CATEGORIES, { error: 'must be a forecast category' }),
  exitCriteria: z.array(exitCriterionSchema).max(50),
  milestoneTemplates: z.array(milestoneTemplateSchema).max(50),
  /** Gates opened when a deal enters the stage. */
  gateKinds: z.array(gateKindSchema).max(10),
});

export const stageSchema = stageFieldsSchema.superRefine((stage, ctx) => {
  checkBaseRecord(stage, ctx);
  if (stage.kind === 'open' && stage.forecastCategory === 'closed') {
    addIssue(ctx, ['forecastCategory'], 'cannot be closed for an open stage');
  }
  if (
    stage.kind !== 'open' &&
    stage.forecastCategory !== 'closed' &&
    stage.forecastCategory !== 'omitted'
  ) {
    addIssue(ctx, ['forecastCategory'], 'must be closed or omitted for a closing stage');
  }
  if (stage.kind === 'won' && stage.defaultPwin !== 100) {
    addIssue(ctx, ['defaultPwin'], 'must be 100 for a won stage');
  }
  if ((stage.kind === 'lost' || stage.kind === 'no_bid') && stage.defaultPwin !== 0) {
    addIssue(ctx, ['defaultPwin'], `must be 0 for a ${stage.kind} stage`);
  }
  checkUnique(stage.exitCriteria, (item) => item.key, ctx, ['exitCriteria'], 'criterion');
  checkUnique(
    stage.milestoneTemplates,
    (item) => item.key,
    ctx,
    ['milestoneTemplates'],
    'template',
  );
  checkUnique(stage.gateKinds, (kind) => kind, ctx, ['gateKinds'], 'gate');
});
export type Stage = z.infer<typeof stageSchema>;
