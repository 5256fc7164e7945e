import { z } from 'zod';
import { personIdSchema, targetIdSchema, teamIdSchema } from '@shared/domain/ids';
import { nonNegativeMoneySchema } from '@shared/domain/money';
import { periodSchema } from '@shared/domain/period';
import { addIssue, baseRecordShape, checkBaseRecord, textSchema } from '@shared/domain/fields';

export const TARGET_BASES = ['revenue', 'margin'] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

/** How a person's share of a team target was decided (shown to explain the split). */
export const ALLOCATION_METHODS = [
  'equal',
  'potential',
  'last_period',
  'pipeline',
  'manual',
] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];

/** A quota for a person or a team in one fiscal period. */
export const targetFieldsSchema = z.object({
  ...baseRecordShape(targetIdSchema),
  personId: personIdSchema.nullable(),
  teamId: teamIdSchema.nullable(),
  period: periodSchema,
  basis: z.enum(TARGET_BASES, { error: 'must be revenue or margin' }),
  amount: nonNegativeMoneySchema,
  /** For a person's target allocated from a team target: the team target and the method used. */
  parentTargetId: targetIdSchema.nullable(),
  allocationMethod: z
    .enum(ALLOCATION_METHODS, { error: 'must be an allocation method' })
    .nullable(),
  note: textSchema(2_000),
});

export const targetSchema = targetFieldsSchema.superRefine((target, ctx) => {
  checkBaseRecord(target, ctx);
  if ((target.personId === null) === (target.teamId === null)) {
    addIssue(ctx, ['personId'], 'exactly one of personId and teamId must be set');
  }
  if (target.parentTargetId === target.id) {
    addIssue(ctx, ['parentTargetId'], 'must not be the target itself');
  }
  if (target.parentTargetId !== null && target.allocationMethod === null) {
    addIssue(ctx, ['allocationMethod'], 'is required for a target allocated from a team target');
  }
});
export type Target = z.infer<typeof targetSchema>;
