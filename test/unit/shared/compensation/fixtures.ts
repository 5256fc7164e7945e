import type { CommissionPlan } from '@shared/domain/commission';
import type { CreditSplit, Deal } from '@shared/domain/deal';
import type { PlanDate } from '@shared/domain/dates';
import { commissionPlanSchema } from '@shared/domain/commission';
import { dealSchema } from '@shared/domain/deal';
import {
  accountIdSchema,
  commissionPlanIdSchema,
  dealIdSchema,
  personIdSchema,
  stageIdSchema,
} from '@shared/domain/ids';
import type { DealId, PersonId } from '@shared/domain/ids';
import { money } from '@shared/domain/money';
import type { Money } from '@shared/domain/money';

export const cny = (amountMinor: number): Money => money(amountMinor, 'CNY');

/** A person id whose sort order follows `n` (ids are compared as strings). */
export function personId(n: number): PersonId {
  return personIdSchema.parse(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
}

export function dealId(n: number): DealId {
  return dealIdSchema.parse(`00000000-0000-4000-9000-${String(n).padStart(12, '0')}`);
}

export const ALICE = personId(1);
export const BOB = personId(2);
export const CAROL = personId(3);

const AT = Date.UTC(2026, 0, 5);

/** A won deal, validated by the stored-record schema so fixtures stay realistic. */
export function wonDeal(
  n: number,
  options: {
    value: Money;
    outcomeDate: PlanDate | string;
    splits?: CreditSplit[];
    owner?: PersonId;
    marginPct?: number;
    status?: Deal['status'];
  },
): Deal {
  const status = options.status ?? 'won';
  return dealSchema.parse({
    id: dealId(n),
    createdAt: AT,
    updatedAt: AT,
    rev: 1,
    deletedAt: null,
    code: `BID-2026-${String(n).padStart(4, '0')}`,
    name: `Deal ${n}`,
    description: '',
    accountId: accountIdSchema.parse('00000000-0000-4000-a000-000000000001'),
    ownerId: options.owner ?? ALICE,
    value: options.value,
    expectedMarginPct: options.marginPct ?? 25,
    stageId: stageIdSchema.parse('00000000-0000-4000-b000-000000000001'),
    status,
    pwin: status === 'won' ? 100 : 50,
    stageEnteredAt: AT,
    keyDates: {
      kickoff: null,
      rfpRelease: null,
      questionsDue: null,
      submissionDue: null,
      expectedAward: null,
      contractStart: null,
    },
    competitors: [],
    winThemes: [],
    discriminators: [],
    buyingCentre: [],
    checkedExitCriteria: [],
    creditSplits: options.splits ?? [],
    outcomeReason: status === 'open' ? null : 'price',
    outcomeNote: '',
    outcomeDate: status === 'open' ? null : options.outcomeDate,
    tags: [],
  });
}

/** A commission plan in CNY paid per quarter, validated by its schema. */
export function plan(overrides: Partial<CommissionPlan>): CommissionPlan {
  return commissionPlanSchema.parse({
    id: commissionPlanIdSchema.parse('00000001-0000-4000-8000-000000000001'),
    createdAt: AT,
    updatedAt: AT,
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
