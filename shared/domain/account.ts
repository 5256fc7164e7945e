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

/**
 * The words for each industry and tier in both languages, and the other spellings a customer
 * list from another tool uses (an import matches any of them, without case).
 */
export const INDUSTRY_NAMES: Readonly<Record<Industry, readonly string[]>> = {
  government: ['Government', 'Public sector', '政府', '政务', '政府机关', '公共部门'],
  energy: ['Energy', 'Oil and gas', '能源', '石油', '石化', '电力'],
  utilities: ['Utilities', 'Utility', '公用事业', '水务', '燃气'],
  telecom: ['Telecom', 'Telecommunications', '电信', '通信', '运营商'],
  banking: ['Banking', 'Bank', 'Finance', '银行', '金融'],
  insurance: ['Insurance', '保险'],
  manufacturing: ['Manufacturing', 'Industrial', '制造', '制造业', '工业'],
  healthcare: ['Healthcare', 'Health', 'Hospital', '医疗', '医疗卫生', '医院', '卫生'],
  transport: ['Transport', 'Transportation', 'Logistics', '交通', '交通运输', '物流'],
  education: ['Education', '教育', '高校', '学校'],
  retail: ['Retail', '零售', '商贸'],
  technology: ['Technology', 'IT', 'Internet', '科技', '信息技术', '互联网'],
  defense: ['Defense', 'Defence', '国防', '军工'],
  other: ['Other', '其他'],
};

export const TIER_NAMES: Readonly<Record<AccountTier, readonly string[]>> = {
  strategic: ['Strategic', 'A', 'Tier 1', '战略', '战略客户', '战略级'],
  key: ['Key', 'B', 'Tier 2', '重点', '重点客户', '重要客户', '重点级'],
  standard: ['Standard', 'C', 'Tier 3', '普通', '一般', '一般客户', '普通客户', '标准'],
};

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
