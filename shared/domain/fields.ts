import { z } from 'zod';
import type { Id } from '@shared/domain/ids';

/**
 * Field schemas shared by the entity schemas, each with a readable message. Messages are short
 * English predicates ("must not be empty") so `formatIssues` can prefix them with the field path;
 * the UI translates by path and zod `code`, which are left intact.
 */

/** A moment as epoch milliseconds (UTC), for audit times such as `createdAt`. */
export const epochMsSchema = z
  .int({ error: 'must be a timestamp in whole milliseconds' })
  .min(0, { error: 'must not be before 1970' });

export function textSchema(maxLength = 2_000) {
  return z
    .string({ error: 'must be text' })
    .max(maxLength, { error: `must be at most ${maxLength} characters` });
}

/** Required text: at least one non-space character. */
export function nameSchema(maxLength = 200) {
  return textSchema(maxLength).regex(/\S/, { error: 'must not be empty' });
}

/** A label kept in both product languages (stage names, role names, checklist items). */
export const localizedTextSchema = z.object({
  zh: nameSchema(200),
  en: nameSchema(200),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A stable machine key for configuration items (`customer_relationship`, `submit_plan`). */
export const keySchema = z.string({ error: 'must be a key' }).regex(/^[a-z][a-z0-9_]{0,63}$/, {
  error: 'must be a key of lower-case letters, digits and underscores',
});

export function intInRange(min: number, max: number, what = 'a whole number') {
  return z
    .int({ error: `must be ${what}` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
}

/** Whole percent 0–100 (Pwin, progress). */
export const percentSchema = intInRange(0, 100, 'a whole percentage');

/** Probability and impact scale, and scorecard scores. */
export const scaleOneToFiveSchema = intInRange(1, 5, 'a score from 1 to 5');

/** Basis points (1/100 of a percent) for exact percentage splits and rates: 10 000 = 100 %. */
export const basisPointsSchema = intInRange(0, 1_000_000, 'a whole number of basis points');

/** Hours of work: non-negative, quarter-hour resolution is the UI's concern. */
export function hoursSchema(max: number) {
  return z
    .number({ error: 'must be a number of hours' })
    .min(0, { error: 'must not be negative' })
    .max(max, { error: `must be at most ${max} hours` });
}

export const tagsSchema = z
  .array(nameSchema(40), { error: 'must be a list of tags' })
  .max(50, { error: 'must have at most 50 tags' });

/**
 * Fields every stored record has. `rev` starts at 1 and is bumped on every write, so a write based
 * on a stale copy can be detected; `deletedAt` is set by a soft delete and cleared by a restore.
 */
export function baseRecordShape<S extends z.ZodType<Id<string>, string>>(id: S) {
  return {
    id,
    createdAt: epochMsSchema,
    updatedAt: epochMsSchema,
    rev: z
      .int({ error: 'must be a whole revision number' })
      .min(1, { error: 'must be at least 1' }),
    deletedAt: epochMsSchema.nullable(),
  };
}

export interface BaseRecordFields {
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly deletedAt: number | null;
}

/** Cross-field checks common to every record (times in order). */
export function checkBaseRecord(record: BaseRecordFields, ctx: z.RefinementCtx): void {
  if (record.updatedAt < record.createdAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['updatedAt'],
      message: 'must not be earlier than createdAt',
    });
  }
  if (record.deletedAt !== null && record.deletedAt < record.createdAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['deletedAt'],
      message: 'must not be earlier than createdAt',
    });
  }
}

/** Reports a custom issue at `path` (a shorthand that keeps refinements readable). */
export function addIssue(ctx: z.RefinementCtx, path: PropertyKey[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

/** Reports the second and later occurrences of a repeated value in a list field. */
export function checkUnique<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  ctx: z.RefinementCtx,
  path: PropertyKey[],
  what: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) addIssue(ctx, [...path, index], `repeats ${what} "${key}"`);
    seen.add(key);
  });
}

/** An email address, or empty when unknown. Deliberately loose: one `@`, no spaces, a dot after it. */
export const emailSchema = textSchema(200).refine(
  (value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  { error: 'must be an email address (or left empty)' },
);
