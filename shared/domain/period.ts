import { z } from 'zod';
import { addIssue, intInRange } from '@shared/domain/fields';

/**
 * A fiscal period: a year, a quarter (1–4) or a month (1–12) of a fiscal year. A fiscal year is
 * named by the calendar year it starts in; where it starts is `settings.fiscalYearStartMonth`.
 */
export const PERIOD_KINDS = ['year', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const periodFieldsSchema = z.object({
  kind: z.enum(PERIOD_KINDS, { error: 'must be year, quarter or month' }),
  fiscalYear: intInRange(1970, 9998, 'a year'),
  /** 1 for a year; 1–4 for a quarter; 1–12 for a month (counted from the fiscal year's start). */
  index: intInRange(1, 12, 'a period number'),
});

export const periodSchema = periodFieldsSchema.superRefine((period, ctx) => {
  const max = period.kind === 'year' ? 1 : period.kind === 'quarter' ? 4 : 12;
  if (period.index > max) addIssue(ctx, ['index'], `must be at most ${max} for a ${period.kind}`);
});
export type Period = z.infer<typeof periodSchema>;
