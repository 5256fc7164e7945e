import { z } from 'zod';
import { accountIdSchema, personIdSchema } from '@shared/domain/ids';
import { nonNegativeMoneySchema } from '@shared/domain/money';
import {
  baseRecordShape,
  checkBaseRecord,
  nameSchema,
  tagsSchema,
  textSchema,
} from '@shared/domain/fields';

export const INDUSTRIES = [
  'government',
  'energy',
  'utilities',
  'telecom',
  'banking',
  'insurance',
  'manufacturing',
  'healthcare',
  'transport',
  'education',
  'retail',
  'technology',
  'defense',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** How much attention the account gets; drives coverage views and quota weighting. */
export const ACCOUNT_TIERS = ['strategic', 'key', 'standard'] as const;
export type AccountTier = (typeof ACCOUNT_TIERS)[number];

/** A customer organisation (buyer) that deals are pursued with. */
export const accountFieldsSchema = z.object({
  ...baseRecordShape(accountIdSchema),
  name: nameSchema(200),
  shortName: textSchema(60),
  industry: z.enum(INDUSTRIES, { error: 'must be a known industry' }),
  tier: z.enum(ACCOUNT_TIERS, { error: 'must be strategic, key or standard' }),
  region: textSchema(100),
  website: textSchema(300),
  ownerId: personIdSchema.nullable(),
  /** Estimated spend the account could bring; used to weight quota allocation by potential. */
  potential: nonNegativeMoneySchema.nullable(),
  notes: textSchema(10_000),
  tags: tagsSchema,
});

export const accountSchema = accountFieldsSchema.superRefine(checkBaseRecord);
export type Account = z.infer<typeof accountSchema>;
