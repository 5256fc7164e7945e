import { z } from 'zod';
import { dealIdSchema, personIdSchema, riskIdSchema, taskIdSchema } from '@shared/domain/ids';
import { nonNegativeMoneySchema } from '@shared/domain/money';
import { planDateSchema } from '@shared/domain/dates';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  epochMsSchema,
  nameSchema,
  scaleOneToFiveSchema,
  textSchema,
} from '@shared/domain/fields';

export const RISK_CATEGORIES = [
  'technical',
  'commercial',
  'competitive',
  'delivery',
  'legal_compliance',
  'schedule',
  'partner',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_STATUSES = ['open', 'mitigating', 'closed', 'occurred'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** One reassessment of a risk: the scores and status it was given, by whom and when. */
export const riskHistoryEntrySchema = z.object({
  at: epochMsSchema,
  byId: personIdSchema.nullable(),
  probability: scaleOneToFiveSchema,
  impact: scaleOneToFiveSchema,
  status: z.enum(RISK_STATUSES, { error: 'must be open, mitigating, closed or occurred' }),
  note: textSchema(2_000),
});
export type RiskHistoryEntry = z.infer<typeof riskHistoryEntrySchema>;

/**
 * A risk to winning or delivering the deal. The score (probability × impact) is derived by
 * `riskScore`, never stored, so it cannot disagree with its factors.
 */
export const riskFieldsSchema = z.object({
  ...baseRecordShape(riskIdSchema),
  dealId: dealIdSchema,
  title: nameSchema(200),
  description: textSchema(10_000),
  category: z.enum(RISK_CATEGORIES, { error: 'must be a risk category' }),
  probability: scaleOneToFiveSchema,
  impact: scaleOneToFiveSchema,
  /** Money at stake if the risk occurs. */
  exposure: nonNegativeMoneySchema,
  ownerId: personIdSchema.nullable(),
  mitigation: textSchema(10_000),
  mitigationTaskId: taskIdSchema.nullable(),
  trigger: textSchema(2_000),
  status: z.enum(RISK_STATUSES, { error: 'must be open, mitigating, closed or occurred' }),
  nextReviewDate: planDateSchema.nullable(),
  /** Oldest first; the last entry matches the current scores and status. */
  history: z.array(riskHistoryEntrySchema).max(1_000),
});

export const riskSchema = riskFieldsSchema.superRefine((risk, ctx) => {
  checkBaseRecord(risk, ctx);
  for (let index = 1; index < risk.history.length; index += 1) {
    const previous = risk.history[index - 1];
    const entry = risk.history[index];
    if (previous !== undefined && entry !== undefined && entry.at < previous.at) {
      addIssue(ctx, ['history', index, 'at'], 'must not be earlier than the entry before it');
    }
  }
  const last = risk.history.at(-1);
  if (
    last !== undefined &&
    (last.probability !== risk.probability ||
      last.impact !== risk.impact ||
      last.status !== risk.status)
  ) {
    addIssue(
      ctx,
      ['history', risk.history.length - 1],
      'must match the current probability, impact and status',
    );
  }
});
export type Risk = z.infer<typeof riskSchema>;

/** Risk score on the 5 × 5 matrix: 1 (rare, negligible) to 25 (almost certain, severe). */
export function riskScore(risk: Pick<Risk, 'probability' | 'impact'>): number {
  return risk.probability * risk.impact;
}

/** The statuses of an active risk (`isActiveRisk`), for reading them through an index. */
export const ACTIVE_RISK_STATUSES: readonly RiskStatus[] = ['open', 'mitigating'];

/** Open and mitigating risks count toward exposure; closed and occurred ones no longer threaten. */
export function isActiveRisk(risk: Pick<Risk, 'status'>): boolean {
  return ACTIVE_RISK_STATUSES.includes(risk.status);
}
