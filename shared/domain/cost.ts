import { z } from 'zod';
import {
  budgetLineIdSchema,
  costEntryIdSchema,
  dealIdSchema,
  personIdSchema,
} from '@shared/domain/ids';
import { moneySchema, nonNegativeMoneySchema } from '@shared/domain/money';
import { planDateSchema } from '@shared/domain/dates';
import { baseRecordShape, checkBaseRecord, textSchema } from '@shared/domain/fields';

/** Bid & proposal (pursuit) cost categories. */
export const COST_CATEGORIES = [
  'labor',
  'travel',
  'consultants',
  'samples_demos',
  'bid_bond_fees',
  'production',
  'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const costCategorySchema = z.enum(COST_CATEGORIES, { error: 'must be a cost category' });

/** Planned pursuit spend for one category of a deal. */
export const budgetLineFieldsSchema = z.object({
  ...baseRecordShape(budgetLineIdSchema),
  dealId: dealIdSchema,
  category: costCategorySchema,
  amount: nonNegativeMoneySchema,
  note: textSchema(2_000),
});
export const budgetLineSchema = budgetLineFieldsSchema.superRefine(checkBaseRecord);
export type BudgetLine = z.infer<typeof budgetLineSchema>;

/**
 * Money actually spent on a pursuit. The amount may be negative for a refund or correction
 * (a returned bid bond), which is why it is not restricted like a budget.
 */
export const costEntryFieldsSchema = z.object({
  ...baseRecordShape(costEntryIdSchema),
  dealId: dealIdSchema,
  date: planDateSchema,
  category: costCategorySchema,
  amount: moneySchema,
  /** Who incurred it (travel, expenses), when known. */
  personId: personIdSchema.nullable(),
  note: textSchema(2_000),
});
export const costEntrySchema = costEntryFieldsSchema.superRefine(checkBaseRecord);
export type CostEntry = z.infer<typeof costEntrySchema>;
