import { z } from 'zod';
import { dealIdSchema, roleIdSchema, taskIdSchema } from '@shared/domain/ids';
import { planDateSchema } from '@shared/domain/dates';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  intInRange,
  nameSchema,
  percentSchema,
  textSchema,
} from '@shared/domain/fields';

/**
 * A unit of plan work. Tasks nest through `parentId` (the WBS); a task with children is a summary
 * whose dates the scheduler derives. `durationDays` is in working days on the deal's calendar and
 * `start`/`finish` are both inclusive (a one-day task starts and finishes on the same day).
 */
export const taskFieldsSchema = z.object({
  ...baseRecordShape(taskIdSchema),
  dealId: dealIdSchema,
  parentId: taskIdSchema.nullable(),
  name: nameSchema(300),
  start: planDateSchema,
  finish: planDateSchema,
  durationDays: intInRange(0, 5_000, 'a whole number of working days'),
  progress: percentSchema,
  /** Order among siblings in the WBS. */
  sortIndex: z.int({ error: 'must be a whole number' }),
  /** Role the work needs; a task with a role and no assignment is "unassigned work". */
  requiredRoleId: roleIdSchema.nullable(),
  notes: textSchema(10_000),
});

export const taskSchema = taskFieldsSchema.superRefine((task, ctx) => {
  checkBaseRecord(task, ctx);
  if (task.finish < task.start)
    addIssue(ctx, ['finish'], `must not be before start (${task.start})`);
  if (task.parentId === task.id) addIssue(ctx, ['parentId'], 'must not be the task itself');
});
export type Task = z.infer<typeof taskSchema>;
