import { z } from 'zod';
import {
  baselineIdSchema,
  dealIdSchema,
  milestoneIdSchema,
  taskIdSchema,
} from '@shared/domain/ids';
import { planDateSchema } from '@shared/domain/dates';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  checkUnique,
  epochMsSchema,
  intInRange,
  nameSchema,
} from '@shared/domain/fields';

export const baselineTaskSchema = z.object({
  taskId: taskIdSchema,
  start: planDateSchema,
  finish: planDateSchema,
  durationDays: intInRange(0, 5_000, 'a whole number of working days'),
});

export const baselineMilestoneSchema = z.object({
  milestoneId: milestoneIdSchema,
  date: planDateSchema,
});

/** A named, frozen snapshot of a deal's plan dates ("at bid/no-bid"), for variance and slip. */
export const baselineFieldsSchema = z.object({
  ...baseRecordShape(baselineIdSchema),
  dealId: dealIdSchema,
  name: nameSchema(120),
  capturedAt: epochMsSchema,
  tasks: z.array(baselineTaskSchema).max(50_000),
  milestones: z.array(baselineMilestoneSchema).max(10_000),
});

export const baselineSchema = baselineFieldsSchema.superRefine((baseline, ctx) => {
  checkBaseRecord(baseline, ctx);
  baseline.tasks.forEach((task, index) => {
    if (task.finish < task.start) {
      addIssue(ctx, ['tasks', index, 'finish'], `must not be before start (${task.start})`);
    }
  });
  checkUnique(baseline.tasks, (task) => task.taskId, ctx, ['tasks'], 'task');
  checkUnique(baseline.milestones, (item) => item.milestoneId, ctx, ['milestones'], 'milestone');
});
export type Baseline = z.infer<typeof baselineSchema>;
