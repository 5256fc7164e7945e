import { z } from 'zod';
import {
  assignmentIdSchema,
  dealIdSchema,
  personIdSchema,
  roleIdSchema,
  taskIdSchema,
} from '@shared/domain/ids';
import { baseRecordShape, checkBaseRecord, hoursSchema } from '@shared/domain/fields';

/**
 * A person on a task for a number of hours, spread over the task's working days on the person's
 * calendar. `dealId` is the task's deal, kept here so a deal's team loads with one index lookup.
 */
export const assignmentFieldsSchema = z.object({
  ...baseRecordShape(assignmentIdSchema),
  dealId: dealIdSchema,
  taskId: taskIdSchema,
  personId: personIdSchema,
  /** The role the person works in on this task (costing and role heatmaps). */
  roleId: roleIdSchema.nullable(),
  hours: hoursSchema(100_000),
});
export const assignmentSchema = assignmentFieldsSchema.superRefine(checkBaseRecord);
export type Assignment = z.infer<typeof assignmentSchema>;
