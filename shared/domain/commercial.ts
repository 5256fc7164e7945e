import { z } from 'zod';
import { dealIdSchema, idSchema } from '@shared/domain/ids';
import type { Id } from '@shared/domain/ids';
import { nonNegativeMoneySchema } from '@shared/domain/money';
import { planDateSchema } from '@shared/domain/dates';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  checkUnique,
  keySchema,
  nameSchema,
  textSchema,
} from '@shared/domain/fields';

export type PriceToWinId = Id<'PriceToWinId'>;
export const priceToWinIdSchema = idSchema<PriceToWinId>();
export type ContractId = Id<'ContractId'>;
export const contractIdSchema = idSchema<ContractId>();
export type ContractFileId = Id<'ContractFileId'>;
export const contractFileIdSchema = idSchema<ContractFileId>();

/** One competitor's likely price for the deal: a range and the figure we think most likely. */
export const competitorPriceSchema = z
  .object({
    /** Stable within the record (`c1`, `c2`…), so an edit names the row it changes. */
    key: keySchema,
    name: nameSchema(200),
    low: nonNegativeMoneySchema,
    likely: nonNegativeMoneySchema,
    high: nonNegativeMoneySchema,
    note: textSchema(2_000),
  })
  .superRefine((competitor, ctx) => {
    const currency = competitor.likely.currency;
    if (competitor.low.currency !== currency || competitor.high.currency !== currency) {
      addIssue(ctx, ['low', 'currency'], 'low, likely and high must be in one currency');
      return;
    }
    if (competitor.low.amountMinor > competitor.likely.amountMinor) {
      addIssue(ctx, ['low'], 'must not be above the likely price');
    }
    if (competitor.likely.amountMinor > competitor.high.amountMinor) {
      addIssue(ctx, ['high'], 'must not be below the likely price');
    }
  });
export type CompetitorPrice = z.infer<typeof competitorPriceSchema>;

/**
 * What we know of the price that wins a deal: competitors' likely prices and the customer's
 * budget (null when unknown). One record per deal.
 */
export const priceToWinSchema = z
  .object({
    ...baseRecordShape(priceToWinIdSchema),
    dealId: dealIdSchema,
    budget: nonNegativeMoneySchema.nullable(),
    competitors: z
      .array(competitorPriceSchema, { error: 'must be a list of competitors' })
      .max(50, { error: 'must have at most 50 competitors' }),
  })
  .superRefine((record, ctx) => {
    checkBaseRecord(record, ctx);
    checkUnique(record.competitors, (c) => c.key, ctx, ['competitors'], 'the key');
  });
export type PriceToWin = z.infer<typeof priceToWinSchema>;

export const CONTRACT_STATUSES = [
  'drafting',
  'legal_review',
  'sent_for_signature',
  'signed',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** A contract signed (or being signed) for a deal, with its dates, value and signed copy. */
export const contractSchema = z
  .object({
    ...baseRecordShape(contractIdSchema),
    dealId: dealIdSchema,
    number: nameSchema(100),
    status: z.enum(CONTRACT_STATUSES, {
      error: 'must be drafting, legal_review, sent_for_signature or signed',
    }),
    signedDate: planDateSchema.nullable(),
    startDate: planDateSchema.nullable(),
    endDate: planDateSchema.nullable(),
    value: nonNegativeMoneySchema.nullable(),
    renewalDate: planDateSchema.nullable(),
    /** The signed copy in `contractFiles`, if attached. */
    fileId: contractFileIdSchema.nullable(),
  })
  .superRefine((contract, ctx) => {
    checkBaseRecord(contract, ctx);
    if (
      contract.startDate !== null &&
      contract.endDate !== null &&
      contract.endDate < contract.startDate
    ) {
      addIssue(ctx, ['endDate'], 'must not be before the start date');
    }
    if (contract.status === 'signed' && contract.signedDate === null) {
      addIssue(ctx, ['signedDate'], 'is needed once the contract is signed');
    }
  });
export type Contract = z.infer<typeof contractSchema>;

/** The largest signed copy Pursuit keeps (the file itself, before base64). */
export const CONTRACT_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** The number of bytes a base64 text decodes to (its length says it; padding aside). */
export function base64DecodedLength(base64: string): number {
  if (base64.length === 0) return 0;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * A contract's attached file, stored in the database as base64 so it travels in the backup with
 * the rest of the data. Kept apart from the contract so lists of contracts never load it.
 */
export const contractFileSchema = z
  .object({
    ...baseRecordShape(contractFileIdSchema),
    dealId: dealIdSchema,
    contractId: contractIdSchema,
    name: nameSchema(255),
    mimeType: textSchema(100),
    sizeBytes: z
      .int({ error: 'must be a whole number of bytes' })
      .min(1, { error: 'must not be empty' })
      .max(CONTRACT_FILE_MAX_BYTES, {
        error: `must be at most ${CONTRACT_FILE_MAX_BYTES / 1024 / 1024} MB`,
      }),
    dataBase64: z.string({ error: 'must be base64 text' }),
  })
  .superRefine((file, ctx) => {
    checkBaseRecord(file, ctx);
    if (file.dataBase64.length % 4 !== 0 || !BASE64_PATTERN.test(file.dataBase64)) {
      addIssue(ctx, ['dataBase64'], 'must be base64 text');
    } else if (base64DecodedLength(file.dataBase64) !== file.sizeBytes) {
      addIssue(ctx, ['dataBase64'], `must hold exactly sizeBytes (${file.sizeBytes}) bytes`);
    }
  });
export type ContractFile = z.infer<typeof contractFileSchema>;
