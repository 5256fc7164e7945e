import { z } from 'zod';
import { dealIdSchema, milestoneIdSchema, stageIdSchema } from '@shared/domain/ids';
import { planDateSchema } from '@shared/domain/dates';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  keySchema,
  nameSchema,
  textSchema,
} from '@shared/domain/fields';

/** What a milestone marks; key dates and gates get their own kinds so views can pick them out. */
export const MILESTONE_KINDS = [
  'kickoff',
  'rfp_release',
  'questions_due',
  'bid_no_bid',
  'review',
  'submission',
  'orals',
  'award',
  'contract',
  'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const milestoneKindSchema = z.enum(MILESTONE_KINDS, { error: 'must be a milestone kind' });

/**
 * A dated point on a deal's plan. `date` is the current plan; `baselineDate` the date agreed when
 * the plan was baselined (slip = date − baseline); `actualDate` is set when it was met.
 */
export const milestoneFieldsSchema = z.object({
  ...baseRecordShape(milestoneIdSchema),
  dealId: dealIdSchema,
  name: nameSchema(200),
  kind: milestoneKindSchema,
  date: planDateSchema,
  baselineDate: planDateSchema.nullable(),
  actualDate: planDateSchema.nullable(),
  /** The stage whose template created it, with the template key, so re-entry does not duplicate. */
  stageId: stageIdSchema.nullable(),
  templateKey: keySchema.nullable(),
  sortIndex: z.int({ error: 'must be a whole number' }),
  notes: textSchema(5_000),
});

export const milestoneSchema = milestoneFieldsSchema.superRefine((milestone, ctx) => {
  checkBaseRecord(milestone, ctx);
  if (milestone.templateKey !== null && milestone.stageId === null) {
    addIssue(ctx, ['stageId'], 'is required when the milestone comes from a stage template');
  }
});
export type Milestone = z.infer<typeof milestoneSchema>;
