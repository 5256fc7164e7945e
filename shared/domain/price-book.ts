import { z } from 'zod';
import { idSchema } from '@shared/domain/ids';
import type { Id } from '@shared/domain/ids';
import { nonNegativeMoneySchema } from '@shared/domain/money';
import { planDateSchema } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  nameSchema,
  textSchema,
} from '@shared/domain/fields';

export type PriceBookItemId = Id<'PriceBookItemId'>;
export const priceBookItemIdSchema = idSchema<PriceBookItemId>();

export const PRICE_BOOK_KINDS = ['product', 'service'] as const;
export type PriceBookKind = (typeof PRICE_BOOK_KINDS)[number];

/**
 * A product or service the company sells at a list price, with what it costs and the dates the
 * price holds. Quote lines copy from it (a later price change never rewrites a quote).
 */
export const priceBookItemFieldsSchema = z.object({
  ...baseRecordShape(priceBookItemIdSchema),
  code: nameSchema(40),
  name: z.object({ zh: textSchema(200), en: textSchema(200) }),
  unit: textSchema(20),
  /** Product or service; absent on items saved before it existed, which read as products. */
  kind: z.enum(PRICE_BOOK_KINDS, { error: 'must be product or service' }).optional(),
  listPrice: nonNegativeMoneySchema,
  cost: nonNegativeMoneySchema,
  validFrom: planDateSchema.nullable(),
  validTo: planDateSchema.nullable(),
});

export const priceBookItemSchema = priceBookItemFieldsSchema.superRefine((item, ctx) => {
  checkBaseRecord(item, ctx);
  if (item.name.zh.trim() === '' && item.name.en.trim() === '') {
    addIssue(ctx, ['name'], 'must have a name in at least one language');
  }
  if (item.cost.currency !== item.listPrice.currency) {
    addIssue(
      ctx,
      ['cost', 'currency'],
      `must be the list price's currency (${item.listPrice.currency})`,
    );
  }
  if (item.validFrom !== null && item.validTo !== null && item.validTo < item.validFrom) {
    addIssue(ctx, ['validTo'], 'must not be before the start of validity');
  }
});
export type PriceBookItem = z.infer<typeof priceBookItemSchema>;

/** True when the item's price holds on `day` (open ends hold forever). */
export function isPriceValidOn(
  item: Pick<PriceBookItem, 'validFrom' | 'validTo'>,
  day: PlanDate,
): boolean {
  return (
    (item.validFrom === null || item.validFrom <= day) &&
    (item.validTo === null || day <= item.validTo)
  );
}

/** The item's name in the user's language, falling back to the other one. */
export function priceBookItemName(
  item: Pick<PriceBookItem, 'name'>,
  language: 'zh' | 'en',
): string {
  const own = item.name[language].trim();
  return own !== '' ? own : item.name[language === 'zh' ? 'en' : 'zh'];
}
