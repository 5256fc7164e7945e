import { describe, expect, it } from 'vitest';
import { commissionPlanFieldsSchema, commissionPlanSchema } from '@shared/domain/commission';
import type { CommissionPlan } from '@shared/domain/commission';
import {
  formToPlan,
  NEW_PLAN,
  pctToBp,
  planToForm,
} from '@renderer/features/compensation/utils/planForm';

function plan(overrides: Partial<CommissionPlan>): CommissionPlan {
  return commissionPlanSchema.parse({
    id: '00000001-0000-4000-8000-000000000001',
    createdAt: 1,
    updatedAt: 1,
    rev: 1,
    deletedAt: null,
    name: 'Plan',
    kind: 'tiered',
    basis: 'revenue',
    currency: 'CNY',
    periodKind: 'quarter',
    flatRateBp: null,
    tiers: [],
    tierMode: 'marginal',
    accelerators: [],
    cap: null,
    draw: null,
    notes: '',
    ...overrides,
  });
}

describe('plan form', () => {
  it('reads percentages to exact basis points', () => {
    expect(pctToBp(2.35)).toBe(235);
    expect(pctToBp(0.01)).toBe(1);
    expect(pctToBp(12.5)).toBe(1_250);
  });

  it('turns a tiered plan with accelerator, cap and draw into a valid plan', () => {
    const result = formToPlan(
      {
        ...NEW_PLAN,
        name: '  Tiered  ',
        tiers: [
          { fromPct: 0, ratePct: 1.5 },
          { fromPct: 100, ratePct: 3.25 },
        ],
        accelerators: [{ abovePct: 120, multiplierPct: 150 }],
        cap: 80_000.5,
        drawKind: 'recoverable',
        drawAmount: 1_000,
      },
      'CNY',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan).toMatchObject({
      name: 'Tiered',
      flatRateBp: null,
      tiers: [
        { fromAttainmentPct: 0, rateBp: 150 },
        { fromAttainmentPct: 100, rateBp: 325 },
      ],
      accelerators: [{ aboveAttainmentPct: 120, multiplierPct: 150 }],
      cap: { amountMinor: 8_000_050, currency: 'CNY' },
      draw: { kind: 'recoverable', amountPerPeriod: { amountMinor: 100_000, currency: 'CNY' } },
    });
    expect(
      commissionPlanFieldsSchema
        .omit({ id: true, createdAt: true, updatedAt: true, rev: true, deletedAt: true })
        .safeParse(result.plan).success,
    ).toBe(true);
  });

  it('says what is wrong before saving', () => {
    expect(formToPlan({ ...NEW_PLAN, name: ' ' }, 'CNY')).toEqual({
      ok: false,
      message: 'nameRequired',
    });
    const named = { ...NEW_PLAN, name: 'P' };
    expect(formToPlan({ ...named, tiers: [] }, 'CNY')).toEqual({
      ok: false,
      message: 'tiersRequired',
    });
    expect(formToPlan({ ...named, tiers: [{ fromPct: 10, ratePct: 1 }] }, 'CNY')).toEqual({
      ok: false,
      message: 'firstTierZero',
    });
    expect(
      formToPlan(
        {
          ...named,
          tiers: [
            { fromPct: 0, ratePct: 1 },
            { fromPct: 0, ratePct: 2 },
          ],
        },
        'CNY',
      ),
    ).toEqual({ ok: false, message: 'tiersAscending' });
    expect(formToPlan({ ...named, kind: 'flat', flatRatePct: null }, 'CNY')).toEqual({
      ok: false,
      message: 'rateRequired',
    });
    expect(formToPlan({ ...named, drawKind: 'non_recoverable', drawAmount: null }, 'CNY')).toEqual({
      ok: false,
      message: 'drawAmountRequired',
    });
    expect(
      formToPlan(
        {
          ...named,
          accelerators: [
            { abovePct: 120, multiplierPct: 150 },
            { abovePct: 110, multiplierPct: 200 },
          ],
        },
        'CNY',
      ),
    ).toEqual({ ok: false, message: 'acceleratorsAscending' });
  });

  it('round-trips a stored plan through the form', () => {
    const stored = plan({
      kind: 'flat',
      flatRateBp: 235,
      cap: { amountMinor: 1_000_000, currency: 'CNY' },
    });
    const result = formToPlan(planToForm(stored), 'CNY');
    expect(result.ok && result.plan).toMatchObject({
      kind: 'flat',
      flatRateBp: 235,
      tiers: [],
      cap: { amountMinor: 1_000_000, currency: 'CNY' },
    });
  });
});
