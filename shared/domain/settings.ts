import { z } from 'zod';
import { settingsIdSchema } from '@shared/domain/ids';
import type { SettingsId } from '@shared/domain/ids';
import { currencyCodeSchema, nonNegativeMoneySchema, ROUNDING_MODES } from '@shared/domain/money';
import { planDateSchema, weekdaySchema } from '@shared/domain/dates';
import { QUOTE_ROUNDING_LEVELS } from '@shared/domain/quote';
import { MAX_PLAN_TEMPLATES, planTemplateSchema } from '@shared/domain/plan-template';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  checkUnique,
  intInRange,
  keySchema,
  localizedTextSchema,
  textSchema,
} from '@shared/domain/fields';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The single settings record is stored under this id. */
export const SETTINGS_ID = '5e771095-0000-4000-8000-000000000001';
export const settingsId: SettingsId = settingsIdSchema.parse(SETTINGS_ID);

/** Limits that turn figures into warnings (deal health, budget and cost-of-sale alerts). */
export const thresholdsSchema = z.object({
  /** A deal with no activity for this many days is stale. */
  staleActivityDays: intInRange(1, 365, 'a whole number of days'),
  /** A milestone this many working days behind its baseline counts as slipping. */
  slipToleranceDays: intInRange(0, 365, 'a whole number of working days'),
  /** Warn when the remaining schedule slack before submission falls to this many working days. */
  submissionSlackWarnDays: intInRange(0, 365, 'a whole number of working days'),
  /** Warn when actual plus committed cost reaches this percentage of budget. */
  budgetWarnPct: intInRange(1, 1_000, 'a whole percentage'),
  /** Warn when pursuit cost exceeds this percentage of the deal value. */
  costOfSaleWarnPct: z
    .number({ error: 'must be a percentage' })
    .min(0, { error: 'must not be negative' })
    .max(100, { error: 'must be at most 100' }),
  /** Open-risk exposure above this amount (in the base currency) makes a deal amber. */
  highRiskExposure: nonNegativeMoneySchema,
  /** A risk at or above this score (1–25) counts as high. */
  highRiskScore: intInRange(1, 25, 'a risk score from 1 to 25'),
  /** A Pwin drop of this many points since the last review is flagged. */
  pwinDropPoints: intInRange(1, 100, 'a whole number of points'),
  /** Load above this percentage of capacity is over-allocation. */
  overAllocationPct: intInRange(1, 1_000, 'a whole percentage'),
  /** Contracts renewing within this many days are listed on the dashboard. */
  renewalNoticeDays: intInRange(1, 3_650, 'a whole number of days'),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** A bid/no-bid scorecard criterion as configured (new gates copy it). */
export const scorecardCriterionSchema = z.object({
  key: keySchema,
  label: localizedTextSchema,
  weight: intInRange(0, 100, 'a whole-number weight'),
});
export type ScorecardCriterion = z.infer<typeof scorecardCriterionSchema>;

export const settingsFieldsSchema = z.object({
  ...baseRecordShape(settingsIdSchema),
  companyName: textSchema(200),
  /**
   * The company's address and contact line, printed under its name on quote documents. Defaults
   * to empty, so a settings record written before it existed still reads.
   */
  companyAddress: textSchema(500).default(''),
  baseCurrency: currencyCodeSchema,
  /** Month (1 = January) the fiscal year starts in. */
  fiscalYearStartMonth: intInRange(1, 12, 'a month number from 1 to 12'),
  /** Weekdays that are normally worked (0 = Sunday … 6 = Saturday). */
  workingWeek: z
    .array(weekdaySchema)
    .min(1, { error: 'must have at least one working day' })
    .max(7),
  /** Company holidays: non-working days even when they fall in the working week. */
  holidays: z.array(planDateSchema).max(10_000),
  /**
   * Days worked although they fall outside the working week (China's make-up working days, 调休,
   * such as a Sunday worked before the Spring Festival break).
   */
  extraWorkingDays: z.array(planDateSchema).max(10_000),
  locale: z.enum(LOCALES, { error: 'must be zh-CN or en' }),
  roundingMode: z.enum(ROUNDING_MODES, { error: 'must be half_up or half_even' }),
  thresholds: thresholdsSchema,
  bidScorecard: z.array(scorecardCriterionSchema).max(50),
  /**
   * Plans saved as templates, to start other deals' plans from. Defaults to none, so a settings
   * record written before templates existed (an older database or backup) still reads.
   */
  planTemplates: z.array(planTemplateSchema).max(MAX_PLAN_TEMPLATES).default([]),
  /**
   * Where quote amounts are rounded: each line (lines add up to the totals) or each total once.
   * Defaults to per line, so older records and backups read without a migration.
   */
  quoteRounding: z
    .enum(QUOTE_ROUNDING_LEVELS, { error: 'must be per_line or per_total' })
    .default('per_line'),
});

export const settingsSchema = settingsFieldsSchema.superRefine((settings, ctx) => {
  checkBaseRecord(settings, ctx);
  checkUnique(settings.workingWeek, String, ctx, ['workingWeek'], 'weekday');
  checkUnique(settings.holidays, (day) => day, ctx, ['holidays'], 'day');
  checkUnique(settings.extraWorkingDays, (day) => day, ctx, ['extraWorkingDays'], 'day');
  checkUnique(settings.bidScorecard, (item) => item.key, ctx, ['bidScorecard'], 'criterion');
  checkUnique(settings.planTemplates, (item) => item.id, ctx, ['planTemplates'], 'template');
  const holidays = new Set<string>(settings.holidays);
  settings.extraWorkingDays.forEach((day, index) => {
    if (holidays.has(day))
      addIssue(ctx, ['extraWorkingDays', index], `is also listed as a holiday (${day})`);
  });
  if (settings.thresholds.highRiskExposure.currency !== settings.baseCurrency) {
    addIssue(
      ctx,
      ['thresholds', 'highRiskExposure', 'currency'],
      `must be the base currency (${settings.baseCurrency})`,
    );
  }
});
export type Settings = z.infer<typeof settingsSchema>;
