import { z } from 'zod';
import { dealIdSchema, personIdSchema, taskIdSchema, timeEntryIdSchema } from '@shared/domain/ids';
import { planDateSchema } from '@shared/domain/dates';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  hoursSchema,
  textSchema,
} from '@shared/domain/fields';

/** Hours a person logged on a deal (optionally against a task) on one day: actual labor. */
export const timeEntryFieldsSchema = z.object({
  ...baseRecordShape(timeEntryIdSchema),
  dealId: dealIdSchema,
  personId: personIdSchema,
  taskId: taskIdSchema.nullable(),
  date: planDateSchema,
  hours: hoursSchema(24),
  note: textSchema(2_000),
});
export const timeEntrySchema = timeEntryFieldsSchema.superRefine((entry, ctx) => {
  checkBaseRecord(entry, ctx);
  if (entry.hours === 0) addIssue(ctx, ['hours'], 'must be more than 0');
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;
