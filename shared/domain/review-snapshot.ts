import { z } from 'zod';
import {
  dealIdSchema,
  personIdSchema,
  reviewSnapshotIdSchema,
  riskIdSchema,
  stageIdSchema,
} from '@shared/domain/ids';
import { DEAL_STATUSES } from '@shared/domain/deal';
import { currencyCodeSchema, moneySchema, nonNegativeMoneySchema } from '@shared/domain/money';
import { planDateSchema } from '@shared/domain/dates';
import {
  baseRecordShape,
  checkBaseRecord,
  checkUnique,
  epochMsSchema,
  nameSchema,
  percentSchema,
  textSchema,
} from '@shared/domain/fields';

/**
 * One deal's key figures as they were when a review snapshot was taken. Names and codes are
 * copied, so a snapshot still reads after the deal is renamed or purged from the trash (deal ids
 * are therefore not reference-checked: a snapshot is history).
 */
export const snapshotDealSchema = z.object({
  dealId: dealIdSchema,
  code: nameSchema(40),
  name: nameSchema(200),
  value: nonNegativeMoneySchema,
  pwin: percentSchema,
  stageId: stageIdSchema,
  status: z.enum(DEAL_STATUSES, { error: 'must be open, won, lost, no_bid or cancelled' }),
  submissionDue: planDateSchema.nullable(),
  expectedAward: planDateSchema.nullable(),
  /** The health level computed at the time (null: not computed). */
  health: textSchema(32).nullable(),
  /** Exposure of the deal's active risks in the deal's currency. */
  exposure: nonNegativeMoneySchema,
  /** Pursuit cost spent to date (actual), in the deal's currency; refunds may make it negative. */
  costActual: moneySchema,
  /** The deal's active risks (open, mitigating) at the time: "new risks" are the others. */
  riskIds: z.array(riskIdSchema).max(2_000),
});
export type SnapshotDeal = z.infer<typeof snapshotDealSchema>;

/** A review's frozen portfolio figures: named and dated, taken with "Start review". */
export const reviewSnapshotFieldsSchema = z.object({
  ...baseRecordShape(reviewSnapshotIdSchema),
  name: nameSchema(200),
  /** The moment the review started (epoch ms). */
  takenAt: epochMsSchema,
  /** The day of the review in the user's time zone (what slipped dates are compared with). */
  takenOn: planDateSchema,
  takenBy: personIdSchema.nullable(),
  baseCurrency: currencyCodeSchema,
  deals: z.array(snapshotDealSchema).max(100_000),
});

export const reviewSnapshotSchema = reviewSnapshotFieldsSchema.superRefine((snapshot, ctx) => {
  checkBaseRecord(snapshot, ctx);
  checkUnique(snapshot.deals, (deal) => deal.dealId, ctx, ['deals'], 'deal');
});
export type ReviewSnapshot = z.infer<typeof reviewSnapshotSchema>;
