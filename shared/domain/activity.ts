import { z } from 'zod';
import {
  activityIdSchema,
  contactIdSchema,
  dealIdSchema,
  personIdSchema,
} from '@shared/domain/ids';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  epochMsSchema,
  textSchema,
} from '@shared/domain/fields';

/** Work logged by people, plus `system`: a change the app made, recorded with the change itself. */
export const ACTIVITY_TYPES = ['call', 'meeting', 'site_visit', 'email', 'note', 'system'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const SYSTEM_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'stage_move',
  'import',
] as const;
export type SystemAction = (typeof SYSTEM_ACTIONS)[number];

/** A changed field, with the old and new values as stored (JSON). */
export const fieldChangeSchema = z.object({
  field: z.string().min(1).max(200),
  old: z.json(),
  new: z.json(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** What a system activity changed: which record of which table, how, and the field changes. */
export const systemChangeSchema = z.object({
  /** A table name from `TABLE_NAMES` (kept as a string here to avoid a schema cycle). */
  table: z.string().min(1).max(64),
  entityId: z.string().min(1).max(64),
  action: z.enum(SYSTEM_ACTIONS, { error: 'must be a known action' }),
  changes: z.array(fieldChangeSchema).max(500),
});
export type SystemChange = z.infer<typeof systemChangeSchema>;

/**
 * A dated entry in a deal's trail (or the portfolio's, when `dealId` is null: settings changes,
 * people). `summary` is what the list shows; for system records it is a short description.
 */
export const activityFieldsSchema = z.object({
  ...baseRecordShape(activityIdSchema),
  dealId: dealIdSchema.nullable(),
  type: z.enum(ACTIVITY_TYPES, { error: 'must be an activity type' }),
  /** When it happened (may differ from `createdAt` for work logged afterwards). */
  at: epochMsSchema,
  actorId: personIdSchema.nullable(),
  summary: textSchema(500),
  details: textSchema(20_000),
  contactIds: z.array(contactIdSchema).max(100),
  system: systemChangeSchema.nullable(),
});

export const activitySchema = activityFieldsSchema.superRefine((activity, ctx) => {
  checkBaseRecord(activity, ctx);
  if (activity.type === 'system' && activity.system === null) {
    addIssue(ctx, ['system'], 'is required for a system activity');
  }
  if (activity.type !== 'system' && activity.system !== null) {
    addIssue(ctx, ['system'], 'must be empty for an activity logged by a person');
  }
  if (activity.type !== 'system' && activity.summary.trim() === '') {
    addIssue(ctx, ['summary'], 'must not be empty');
  }
});
export type Activity = z.infer<typeof activitySchema>;
