import { z } from 'zod';
import {
  commissionAssignmentIdSchema,
  commissionPlanIdSchema,
  personIdSchema,
} from '@shared/domain/ids';
import { currencyCodeSchema, nonNegativeMoneySchema } from '@shared/domain/money';
import { PERIOD_KINDS } from '@shared/domain/period';
import {
  addIssue,
  baseRecordShape,
  basisPointsSchema,
  checkBaseRecord,
  intInRange,
  nameSchema,
  textSchema,
} from '@shared/domain/fields';

export const COMMISSION_PLAN_KINDS = ['flat', 'tiered'] as const;
export type CommissionPlanKind = (typeof COMMISSION_PLAN_KINDS)[number];

/** Marginal: each band's rate applies to the part inside the band. Retroactive: the band reached applies to all. */
export const TIER_MODES = ['marginal', 'retroactive'] as const;
export type TierMode = (typeof TIER_MODES)[number];

export const COMMISSION_BASES = ['revenue', 'margin'] as const;
export type CommissionBasis = (typeof COMMISSION_BASES)[number];

const attainmentPct = intInRange(0, 10_000, 'a whole percentage of target');

/** A band starting at `fromAttainmentPct` of target (inclusive) up to the next band's start. */
export const commissionTierSchema = z.object({
  fromAttainmentPct: attainmentPct,
  rateBp: basisPointsSchema,
});
export type CommissionTier = z.infer<typeof commissionTierSchema>;

/** Above `aboveAttainmentPct`, the rate is multiplied by `multiplierPct` / 100 (150 = 1.5 ×). */
export const acceleratorSchema = z.object({
  aboveAttainmentPct: attainmentPct,
  multiplierPct: intInRange(100, 1_000, 'a whole-percent multiplier from 100'),
});
export type Accelerator = z.infer<typeof acceleratorSchema>;

export const DRAW_KINDS = ['recoverable', 'non_recoverable'] as const;
export type DrawKind = (typeof DRAW_KINDS)[number];

/** An advance per period: recoverable draws are paid back from later commission, guarantees are not. */
export const drawSchema = z.object({
  kind: z.enum(DRAW_KINDS, { error: 'must be recoverable or non_recoverable' }),
  amountPerPeriod: nonNegativeMoneySchema,
});

export const commissionPlanFieldsSchema = z.object({
  ...baseRecordShape(commissionPlanIdSchema),
  name: nameSchema(120),
  kind: z.enum(COMMISSION_PLAN_KINDS, { error: 'must be flat or tiered' }),
  basis: z.enum(COMMISSION_BASES, { error: 'must be revenue or margin' }),
  currency: currencyCodeSchema,
  /** The period statements are computed for. */
  periodKind: z.enum(PERIOD_KINDS, { error: 'must be year, quarter or month' }),
  /** Flat plans: the one rate. */
  flatRateBp: basisPointsSchema.nullable(),
  /** Tiered plans: bands in ascending order, the first starting at 0 %. */
  tiers: z.array(commissionTierSchema).max(20),
  tierMode: z.enum(TIER_MODES, { error: 'must be marginal or retroactive' }),
  accelerators: z.array(acceleratorSchema).max(10),
  /** Highest payout per period, or null for uncapped. */
  cap: nonNegativeMoneySchema.nullable(),
  draw: drawSchema.nullable(),
  notes: textSchema(5_000),
});

export const commissionPlanSchema = commissionPlanFieldsSchema.superRefine((plan, ctx) => {
  checkBaseRecord(plan, ctx);
  if (plan.kind === 'flat' && plan.flatRateBp === null) {
    addIssue(ctx, ['flatRateBp'], 'is required for a flat plan');
  }
  if (plan.kind === 'tiered') {
    if (plan.tiers.length === 0) addIssue(ctx, ['tiers'], 'must have at least one band');
    else if (plan.tiers[0]?.fromAttainmentPct !== 0) {
      addIssue(ctx, ['tiers', 0, 'fromAttainmentPct'], 'must be 0 for the first band');
    }
  }
  plan.tiers.forEach((tier, index) => {
    const previous = plan.tiers[index - 1];
    if (previous !== undefined && tier.fromAttainmentPct <= previous.fromAttainmentPct) {
      addIssue(ctx, ['tiers', index, 'fromAttainmentPct'], 'must be above the previous band');
    }
  });
  plan.accelerators.forEach((accelerator, index) => {
    const previous = plan.accelerators[index - 1];
    if (previous !== undefined && accelerator.aboveAttainmentPct <= previous.aboveAttainmentPct) {
      addIssue(
        ctx,
        ['accelerators', index, 'aboveAttainmentPct'],
        'must be above the previous accelerator',
      );
    }
  });
  for (const [field, value] of [
    ['cap', plan.cap],
    ['draw', plan.draw?.amountPerPeriod ?? null],
  ] as const) {
    if (value !== null && value.currency !== plan.currency) {
      addIssue(
        ctx,
        field === 'cap' ? ['cap', 'currency'] : ['draw', 'amountPerPeriod', 'currency'],
        `must be the plan's currency (${plan.currency})`,
      );
    }
  }
});
export type CommissionPlan = z.infer<typeof commissionPlanSchema>;

/** Which plan pays a person in a fiscal year. */
export const commissionAssignmentFieldsSchema = z.object({
  ...baseRecordShape(commissionAssignmentIdSchema),
  personId: personIdSchema,
  planId: commissionPlanIdSchema,
  fiscalYear: intInRange(1970, 9998, 'a year'),
});
export const commissionAssignmentSchema =
  commissionAssignmentFieldsSchema.superRefine(checkBaseRecord);
export type CommissionAssignment = z.infer<typeof commissionAssignmentSchema>;
