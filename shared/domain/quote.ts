import { z } from 'zod';
import { dealIdSchema, idSchema, roleIdSchema } from '@shared/domain/ids';
import type { Id } from '@shared/domain/ids';
import {
  currencyCodeSchema,
  decimalToFraction,
  nonNegativeMoneySchema,
} from '@shared/domain/money';
import { planDateSchema } from '@shared/domain/dates';
import { priceBookItemIdSchema } from '@shared/domain/price-book';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  checkUnique,
  intInRange,
  nameSchema,
  textSchema,
} from '@shared/domain/fields';

export type QuoteId = Id<'QuoteId'>;

/** Where quote amounts are rounded to the minor unit (see `shared/quote/compute.ts`). */
export const QUOTE_ROUNDING_LEVELS = ['per_line', 'per_total'] as const;
export type QuoteRoundingLevel = (typeof QUOTE_ROUNDING_LEVELS)[number];
export const quoteIdSchema = idSchema<QuoteId>();

/**
 * draft → internal review → sent → accepted; a version that another one replaced is superseded.
 * Only draft and internal review versions can be edited: from sent on, a version is what the
 * customer saw and never changes (copy it into a new draft instead).
 */
export const QUOTE_STATUSES = [
  'draft',
  'internal_review',
  'sent',
  'accepted',
  'superseded',
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export function isQuoteEditable(quote: { readonly status: QuoteStatus }): boolean {
  return quote.status === 'draft' || quote.status === 'internal_review';
}

/** `item`: a product or service (from the price book or free-form); `labor`: a role × hours at a rate; `contingency`: a share of the deal's open-risk exposure. */
export const QUOTE_LINE_KINDS = ['item', 'labor', 'contingency'] as const;
export type QuoteLineKind = (typeof QUOTE_LINE_KINDS)[number];

/** Quantities have at most three decimals (0.001 of a unit, of an hour). */
export const QUANTITY_SCALE = 1_000;
export const MAX_QUANTITY = 1_000_000_000;
export const MAX_QUOTE_LINES = 5_000;

export const quantitySchema = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must not be negative' })
  .max(MAX_QUANTITY, { error: `must be at most ${MAX_QUANTITY}` })
  .refine(
    (value) =>
      Number.isFinite(value) && decimalToFraction(value).denominator <= BigInt(QUANTITY_SCALE),
    {
      error: 'must have at most three decimals',
    },
  );

/** 0–100 % in basis points (1 bp = 0.01 %). */
export const percentBpSchema = intInRange(0, 10_000, 'a percentage in basis points (0–10000)');

export const quoteLineSchema = z.object({
  id: z.string().regex(/^[0-9a-z-]{1,64}$/, { error: 'must be a line id' }),
  kind: z.enum(QUOTE_LINE_KINDS, { error: 'must be item, labor or contingency' }),
  priceBookItemId: priceBookItemIdSchema.nullable(),
  roleId: roleIdSchema.nullable(),
  code: textSchema(40),
  description: textSchema(2_000),
  unit: textSchema(20),
  quantity: quantitySchema,
  unitPrice: nonNegativeMoneySchema,
  unitCost: nonNegativeMoneySchema,
  discountBp: percentBpSchema,
  taxRateBp: percentBpSchema,
  /** For a contingency line: the share of open-risk exposure it covers (basis points). */
  contingencyShareBp: percentBpSchema.nullable(),
});
export type QuoteLine = z.infer<typeof quoteLineSchema>;

export const quoteSectionSchema = z.object({
  id: z.string().regex(/^[0-9a-z-]{1,64}$/, { error: 'must be a section id' }),
  name: nameSchema(200),
  lines: z.array(quoteLineSchema).max(MAX_QUOTE_LINES),
});
export type QuoteSection = z.infer<typeof quoteSectionSchema>;

/** A what-if on a quote: its figures are computed, never stored. */
export const quoteScenarioSchema = z.object({
  id: z.string().regex(/^[0-9a-z-]{1,64}$/, { error: 'must be a scenario id' }),
  name: nameSchema(100),
  /** Discount applied to every item line instead of its own; null keeps each line's. */
  discountBp: percentBpSchema.nullable(),
  /** Re-price item lines from their cost to reach this gross margin; null keeps the prices. */
  marginTargetBp: intInRange(0, 9_900, 'a margin in basis points (0–9900)').nullable(),
  /** Contingency as a share of the open-risk exposure; null keeps the quote's contingency lines. */
  contingencyShareBp: percentBpSchema.nullable(),
  /** Sections left out of the scope. */
  excludedSectionIds: z.array(z.string().max(64)).max(200),
});
export type QuoteScenario = z.infer<typeof quoteScenarioSchema>;

export const quoteFieldsSchema = z.object({
  ...baseRecordShape(quoteIdSchema),
  dealId: dealIdSchema,
  version: intInRange(1, 10_000, 'a version number'),
  name: nameSchema(200),
  status: z.enum(QUOTE_STATUSES, {
    error: 'must be draft, internal_review, sent, accepted or superseded',
  }),
  currency: currencyCodeSchema,
  sections: z.array(quoteSectionSchema).max(200),
  validUntil: planDateSchema.nullable(),
  terms: textSchema(20_000),
  scenarios: z.array(quoteScenarioSchema).max(20),
});

export const quoteSchema = quoteFieldsSchema.superRefine((quote, ctx) => {
  checkBaseRecord(quote, ctx);
  checkUnique(quote.sections, (section) => section.id, ctx, ['sections'], 'section');
  checkUnique(quote.scenarios, (scenario) => scenario.id, ctx, ['scenarios'], 'scenario');
  let count = 0;
  quote.sections.forEach((section, s) => {
    count += section.lines.length;
    checkUnique(section.lines, (line) => line.id, ctx, ['sections', s, 'lines'], 'line');
    section.lines.forEach((line, l) => {
      for (const field of ['unitPrice', 'unitCost'] as const) {
        if (line[field].currency !== quote.currency) {
          addIssue(
            ctx,
            ['sections', s, 'lines', l, field, 'currency'],
            `must be the quote's currency (${quote.currency}), not ${line[field].currency}`,
          );
        }
      }
    });
  });
  if (count > MAX_QUOTE_LINES) {
    addIssue(ctx, ['sections'], `must hold at most ${MAX_QUOTE_LINES} lines in all`);
  }
});
export type Quote = z.infer<typeof quoteSchema>;
