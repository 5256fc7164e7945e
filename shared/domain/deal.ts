import { z } from 'zod';
import {
  accountIdSchema,
  contactIdSchema,
  dealIdSchema,
  personIdSchema,
  stageIdSchema,
} from '@shared/domain/ids';
import { multiplyMoney, nonNegativeMoneySchema } from '@shared/domain/money';
import type { Money } from '@shared/domain/money';
import { planDateSchema } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import { BUYING_ROLES } from '@shared/domain/contact';
import {
  addIssue,
  baseRecordShape,
  basisPointsSchema,
  checkBaseRecord,
  checkUnique,
  epochMsSchema,
  nameSchema,
  percentSchema,
  tagsSchema,
  textSchema,
} from '@shared/domain/fields';

export const DEAL_STATUSES = ['open', 'won', 'lost', 'no_bid', 'cancelled'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** Why a deal closed the way it did (lost reasons, no-bid reasons, and what won it). */
export const OUTCOME_REASONS = [
  'price',
  'technical_solution',
  'relationship',
  'incumbent_advantage',
  'past_performance',
  'delivery_capacity',
  'compliance',
  'timing',
  'budget_cut',
  'no_decision',
  'strategic_fit',
  'resources',
  'other',
] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

const optionalDate = planDateSchema.nullable();

/** The dates a bid is run against; any may be unknown early in a pursuit. */
export const keyDatesSchema = z.object({
  kickoff: optionalDate,
  rfpRelease: optionalDate,
  questionsDue: optionalDate,
  submissionDue: optionalDate,
  expectedAward: optionalDate,
  contractStart: optionalDate,
});
export type KeyDates = z.infer<typeof keyDatesSchema>;
export type KeyDateField = keyof KeyDates;

export const KEY_DATE_FIELDS = [
  'kickoff',
  'rfpRelease',
  'questionsDue',
  'submissionDue',
  'expectedAward',
  'contractStart',
] as const satisfies readonly KeyDateField[];

/**
 * Pairs of key dates that must be in order when both are known: nothing before the RFP's own
 * release can be due, and award follows submission.
 */
const KEY_DATE_ORDER: readonly (readonly [KeyDateField, KeyDateField])[] = [
  ['rfpRelease', 'questionsDue'],
  ['questionsDue', 'submissionDue'],
  ['rfpRelease', 'submissionDue'],
  ['kickoff', 'submissionDue'],
  ['submissionDue', 'expectedAward'],
  ['expectedAward', 'contractStart'],
];

export const competitorSchema = z.object({
  name: nameSchema(120),
  incumbent: z.boolean({ error: 'must be true or false' }),
  strengths: textSchema(2_000),
  weaknesses: textSchema(2_000),
});
export type Competitor = z.infer<typeof competitorSchema>;

export const STANCES = ['supporter', 'neutral', 'detractor', 'unknown'] as const;
export type Stance = (typeof STANCES)[number];

/** A customer contact's role in this deal's buying decision and how they lean. */
export const buyingCentreMemberSchema = z.object({
  contactId: contactIdSchema,
  role: z.enum(BUYING_ROLES, { error: 'must be a buying-centre role' }),
  stance: z.enum(STANCES, { error: 'must be supporter, neutral, detractor or unknown' }),
});
export type BuyingCentreMember = z.infer<typeof buyingCentreMemberSchema>;

export const CREDIT_SPLIT_KINDS = ['revenue', 'overlay'] as const;
export type CreditSplitKind = (typeof CREDIT_SPLIT_KINDS)[number];

/**
 * Credit for a won deal. Revenue splits share the deal (they must total 100 %); overlay splits
 * credit supporting roles on top (any total). Shares are in basis points so thirds stay exact.
 */
export const creditSplitSchema = z.object({
  personId: personIdSchema,
  kind: z.enum(CREDIT_SPLIT_KINDS, { error: 'must be revenue or overlay' }),
  shareBp: basisPointsSchema,
});
export type CreditSplit = z.infer<typeof creditSplitSchema>;

export const dealFieldsSchema = z.object({
  ...baseRecordShape(dealIdSchema),
  /** Short human reference (e.g. `BID-2026-014`), unique across deals. */
  code: nameSchema(40),
  name: nameSchema(200),
  description: textSchema(10_000),
  accountId: accountIdSchema,
  ownerId: personIdSchema,
  value: nonNegativeMoneySchema,
  /** Expected gross margin in percent of value (may be negative for a strategic loss-leader). */
  expectedMarginPct: z
    .number({ error: 'must be a percentage' })
    .min(-100, { error: 'must be at least -100' })
    .max(100, { error: 'must be at most 100' }),
  stageId: stageIdSchema,
  status: z.enum(DEAL_STATUSES, { error: 'must be open, won, lost, no_bid or cancelled' }),
  pwin: percentSchema,
  /** When the deal entered its current stage (days in stage, time-in-stage reports). */
  stageEnteredAt: epochMsSchema,
  keyDates: keyDatesSchema,
  competitors: z.array(competitorSchema).max(50, { error: 'must list at most 50 competitors' }),
  winThemes: z.array(nameSchema(500)).max(50, { error: 'must list at most 50 win themes' }),
  discriminators: z.array(nameSchema(500)).max(50, { error: 'must list at most 50 items' }),
  buyingCentre: z.array(buyingCentreMemberSchema).max(200),
  /** Exit-criteria keys (of any stage) that have been checked off on this deal. */
  checkedExitCriteria: z.array(z.string().min(1).max(64)).max(500),
  creditSplits: z.array(creditSplitSchema).max(50),
  /**
   * Months a won deal's credit is spread over, from the month it was won (a multi-period
   * contract); absent or 1 = all in that month. Optional, so older records and backups need none.
   */
  creditSpreadMonths: z
    .number({ error: 'must be a number of months' })
    .int({ error: 'must be a whole number of months' })
    .min(1, { error: 'must be at least 1 month' })
    .max(120, { error: 'must be at most 120 months' })
    .optional(),
  /** Set when the deal closes: the main reason, free text and the day the outcome was known. */
  outcomeReason: z.enum(OUTCOME_REASONS, { error: 'must be a known outcome reason' }).nullable(),
  outcomeNote: textSchema(5_000),
  outcomeDate: optionalDate,
  tags: tagsSchema,
});

type DealFields = z.infer<typeof dealFieldsSchema>;

function checkDeal(deal: DealFields, ctx: z.RefinementCtx): void {
  checkBaseRecord(deal, ctx);
  if (deal.stageEnteredAt < deal.createdAt) {
    addIssue(ctx, ['stageEnteredAt'], 'must not be earlier than createdAt');
  }
  for (const [earlier, later] of KEY_DATE_ORDER) {
    const a: PlanDate | null = deal.keyDates[earlier];
    const b: PlanDate | null = deal.keyDates[later];
    if (a !== null && b !== null && b < a) {
      addIssue(ctx, ['keyDates', later], `must not be before ${earlier} (${a})`);
    }
  }
  if (deal.status !== 'open' && deal.outcomeDate === null) {
    addIssue(ctx, ['outcomeDate'], `is required when the deal is ${deal.status}`);
  }
  if (deal.status === 'open' && (deal.outcomeDate !== null || deal.outcomeReason !== null)) {
    addIssue(
      ctx,
      [deal.outcomeDate !== null ? 'outcomeDate' : 'outcomeReason'],
      'must be empty while the deal is open',
    );
  }
  checkUnique(
    deal.competitors,
    (c) => c.name.trim().toLowerCase(),
    ctx,
    ['competitors'],
    'competitor',
  );
  checkUnique(deal.buyingCentre, (m) => m.contactId, ctx, ['buyingCentre'], 'contact');
  checkUnique(deal.creditSplits, (s) => `${s.kind}:${s.personId}`, ctx, ['creditSplits'], 'split');
  const revenueSplits = deal.creditSplits.filter((split) => split.kind === 'revenue');
  const revenueTotal = revenueSplits.reduce((sum, split) => sum + split.shareBp, 0);
  if (revenueSplits.length > 0 && revenueTotal !== 10_000) {
    addIssue(
      ctx,
      ['creditSplits'],
      `revenue splits must total 100 % (they total ${revenueTotal / 100} %)`,
    );
  }
}

export const dealSchema = dealFieldsSchema.superRefine(checkDeal);
export type Deal = z.infer<typeof dealSchema>;

/**
 * Weighted value = value × Pwin, the figure pipelines are summed in. Rounded half-up to the minor
 * unit per deal, so a weighted pipeline is the sum of the figures shown on each row.
 */
export function weightedValue(deal: Pick<Deal, 'value' | 'pwin'>): Money {
  return multiplyMoney(deal.value, { numerator: deal.pwin, denominator: 100 }, 'half_up');
}
