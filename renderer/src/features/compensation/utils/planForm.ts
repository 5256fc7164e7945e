import type {
  CommissionBasis,
  CommissionPlan,
  CommissionPlanKind,
  TierMode,
} from '@shared/domain/commission';
import { moneyFromMajor } from '@shared/domain/money';
import type { CurrencyCode } from '@shared/domain/money';
import type { PeriodKind } from '@shared/domain/period';
import type { PlanInput } from '@renderer/db/repositories/compensation';
import { majorOf } from '@renderer/features/compensation/utils/labels';

/** The plan form's values as antd holds them: rates in percent, money in major units. */
export interface PlanFormValues {
  name: string;
  kind: CommissionPlanKind;
  basis: CommissionBasis;
  periodKind: PeriodKind;
  flatRatePct: number | null;
  tiers: { fromPct: number | null; ratePct: number | null }[];
  tierMode: TierMode;
  accelerators: { abovePct: number | null; multiplierPct: number | null }[];
  cap: number | null;
  drawKind: 'none' | 'recoverable' | 'non_recoverable';
  drawAmount: number | null;
  notes: string;
}

/** Keys of `compensation:planForm` for what the form checks before the schema does. */
export type PlanFormMessage =
  | 'nameRequired'
  | 'rateRequired'
  | 'tiersRequired'
  | 'firstTierZero'
  | 'tiersAscending'
  | 'acceleratorsAscending'
  | 'drawAmountRequired';

export const NEW_PLAN: PlanFormValues = {
  name: '',
  kind: 'tiered',
  basis: 'revenue',
  periodKind: 'quarter',
  flatRatePct: 2,
  tiers: [
    { fromPct: 0, ratePct: 1 },
    { fromPct: 100, ratePct: 3 },
  ],
  tierMode: 'marginal',
  accelerators: [],
  cap: null,
  drawKind: 'none',
  drawAmount: null,
  notes: '',
};

/** Percent (two decimals) to basis points, exactly: 2.35 % → 235. */
export function pctToBp(pct: number): number {
  return Math.round(pct * 100);
}

export function planToForm(plan: CommissionPlan): PlanFormValues {
  return {
    name: plan.name,
    kind: plan.kind,
    basis: plan.basis,
    periodKind: plan.periodKind,
    flatRatePct: plan.flatRateBp === null ? null : plan.flatRateBp / 100,
    tiers: plan.tiers.map((tier) => ({
      fromPct: tier.fromAttainmentPct,
      ratePct: tier.rateBp / 100,
    })),
    tierMode: plan.tierMode,
    accelerators: plan.accelerators.map((a) => ({
      abovePct: a.aboveAttainmentPct,
      multiplierPct: a.multiplierPct,
    })),
    cap: plan.cap === null ? null : majorOf(plan.cap),
    drawKind: plan.draw?.kind ?? 'none',
    drawAmount: plan.draw === null ? null : majorOf(plan.draw.amountPerPeriod),
    notes: plan.notes,
  };
}

/**
 * The plan the form describes, or the first problem found (so the form can say it in the user's
 * language before the stored-record schema would refuse it in English).
 */
export function formToPlan(
  values: PlanFormValues,
  currency: CurrencyCode,
): { ok: true; plan: PlanInput } | { ok: false; message: PlanFormMessage } {
  const name = values.name.trim();
  if (name === '') return { ok: false, message: 'nameRequired' };
  const tiers = values.tiers.map((tier) => ({
    fromAttainmentPct: Math.round(tier.fromPct ?? -1),
    rateBp: tier.ratePct === null ? -1 : pctToBp(tier.ratePct),
  }));
  if (values.kind === 'flat' && values.flatRatePct === null) {
    return { ok: false, message: 'rateRequired' };
  }
  if (values.kind === 'tiered') {
    if (tiers.length === 0) return { ok: false, message: 'tiersRequired' };
    if (tiers.some((tier) => tier.rateBp < 0)) return { ok: false, message: 'rateRequired' };
    if (tiers[0]?.fromAttainmentPct !== 0) return { ok: false, message: 'firstTierZero' };
    if (
      tiers.some(
        (tier, i) => i > 0 && tier.fromAttainmentPct <= (tiers[i - 1]?.fromAttainmentPct ?? 0),
      )
    ) {
      return { ok: false, message: 'tiersAscending' };
    }
  }
  const accelerators = values.accelerators.map((a) => ({
    aboveAttainmentPct: Math.round(a.abovePct ?? 0),
    multiplierPct: Math.round(a.multiplierPct ?? 100),
  }));
  if (
    accelerators.some(
      (a, i) => i > 0 && a.aboveAttainmentPct <= (accelerators[i - 1]?.aboveAttainmentPct ?? 0),
    )
  ) {
    return { ok: false, message: 'acceleratorsAscending' };
  }
  if (values.drawKind !== 'none' && values.drawAmount === null) {
    return { ok: false, message: 'drawAmountRequired' };
  }
  return {
    ok: true,
    plan: {
      name,
      kind: values.kind,
      basis: values.basis,
      currency,
      periodKind: values.periodKind,
      flatRateBp:
        values.kind === 'flat' && values.flatRatePct !== null ? pctToBp(values.flatRatePct) : null,
      tiers: values.kind === 'tiered' ? tiers : [],
      tierMode: values.tierMode,
      accelerators,
      cap: values.cap === null ? null : moneyFromMajor(values.cap, currency),
      draw:
        values.drawKind === 'none' || values.drawAmount === null
          ? null
          : {
              kind: values.drawKind,
              amountPerPeriod: moneyFromMajor(values.drawAmount, currency),
            },
      notes: values.notes,
    },
  };
}
