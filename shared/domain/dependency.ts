import { z } from 'zod';
import { dealIdSchema, dependencyIdSchema, planItemIdSchema } from '@shared/domain/ids';
import { addIssue, baseRecordShape, checkBaseRecord, intInRange } from '@shared/domain/fields';

/** Finish-to-start, start-to-start, finish-to-finish. */
export const DEPENDENCY_TYPES = ['FS', 'SS', 'FF'] as const;
export type DependencyType = (typeof DEPENDENCY_TYPES)[number];

/**
 * A link between two plan items (tasks or milestones) of one deal. `lagDays` is in working days;
 * negative is a lead (the successor may overlap).
 */
export const dependencyFieldsSchema = z.object({
  ...baseRecordShape(dependencyIdSchema),
  dealId: dealIdSchema,
  predecessorId: planItemIdSchema,
  successorId: planItemIdSchema,
  type: z.enum(DEPENDENCY_TYPES, { error: 'must be FS, SS or FF' }),
  lagDays: intInRange(-1_000, 1_000, 'a whole number of working days'),
});

export const dependencySchema = dependencyFieldsSchema.superRefine((dependency, ctx) => {
  checkBaseRecord(dependency, ctx);
  if (dependency.predecessorId === dependency.successorId) {
    addIssue(ctx, ['successorId'], 'must not be the same item as the predecessor');
  }
});
export type Dependency = z.infer<typeof dependencySchema>;
