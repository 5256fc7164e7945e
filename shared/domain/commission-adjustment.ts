import { z } from 'zod';
import { commissionAdjustmentIdSchema, dealIdSchema, personIdSchema } from '@shared/domain/ids';
import { moneySchema } from '@shared/domain/money';
import { periodSchema } from '@shared/domain/period';
import { addIssue, baseRecordShape, checkBaseRecord, nameSchema } from '@shared/domain/fields';

/**
 * `credit` changes the credited amount (and so attainment and the tier reached), e.g. the clawback
 * of a cancelled deal's credit; `payout` changes the money paid after tiers and cap.
 */
export const COMMISSION_ADJUSTMENT_KINDS = ['credit', 'payout'] as const;
export type CommissionAdjustmentKind = (typeof COMMISSION_ADJUSTMENT_KINDS)[number];

/**
 * A change to a person's commission statement for one period other than credit from won deals:
 * a clawback, a correction, a one-off payment or recovery. The amount is signed (negative takes
 * away). An adjustment about a deal names it, and moves to the trash with it.
 */
export const commissionAdjustmentFieldsSchema = z.object({
  ...baseRecordShape(commissionAdjustmentIdSchema),
  personId: personIdSchema,
  period: periodSchema,
  kind: z.enum(COMMISSION_ADJUSTMENT_KINDS, { error: 'must be credit or payout' }),
  amount: moneySchema,
  reason: nameSchema(2_000),
  dealId: dealIdSchema.nullable(),
});

export const commissionAdjustmentSchema = commissionAdjustmentFieldsSchema.superRefine(
  (adjustment, ctx) => {
    checkBaseRecord(adjustment, ctx);
    if (adjustment.amount.amountMinor === 0) addIssue(ctx, ['amount'], 'must not be zero');
  },
);
export type CommissionAdjustmentRecord = z.infer<typeof commissionAdjustmentSchema>;
