import { z } from 'zod';
import { dealIdSchema, gateIdSchema, personIdSchema, stageIdSchema } from '@shared/domain/ids';
import { planDateSchema } from '@shared/domain/dates';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  checkUnique,
  epochMsSchema,
  intInRange,
  keySchema,
  localizedTextSchema,
  nameSchema,
  percentSchema,
  scaleOneToFiveSchema,
  textSchema,
} from '@shared/domain/fields';

/**
 * Decision gates (bid/no-bid, submit approval) and colour-team reviews (pink, red, gold…). Both
 * end in a recorded decision; reviews also carry a score and comments.
 */
export const GATE_KINDS = [
  'bid_no_bid',
  'blue',
  'black_hat',
  'pink',
  'red',
  'green',
  'gold',
  'white_glove',
  'submit_approval',
] as const;
export type GateKind = (typeof GATE_KINDS)[number];
export const gateKindSchema = z.enum(GATE_KINDS, { error: 'must be a gate kind' });

export const GATE_DECISIONS = ['go', 'no_go', 'reshape'] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];

/** One weighted criterion of a bid/no-bid scorecard; `score` is null until assessed. */
export const scorecardItemSchema = z.object({
  key: keySchema,
  label: localizedTextSchema,
  weight: intInRange(0, 100, 'a whole-number weight'),
  score: scaleOneToFiveSchema.nullable(),
  note: textSchema(2_000),
});
export type ScorecardItem = z.infer<typeof scorecardItemSchema>;

export const MEDDPICC_ELEMENTS = [
  'metrics',
  'economic_buyer',
  'decision_criteria',
  'decision_process',
  'paper_process',
  'identify_pain',
  'champion',
  'competition',
] as const;
export type MeddpiccElement = (typeof MEDDPICC_ELEMENTS)[number];

/** How well an element is qualified: not looked at, a known gap, partly, or confirmed with evidence. */
export const MEDDPICC_STATUSES = ['unknown', 'gap', 'partial', 'confirmed'] as const;
export type MeddpiccStatus = (typeof MEDDPICC_STATUSES)[number];

export const meddpiccItemSchema = z.object({
  element: z.enum(MEDDPICC_ELEMENTS, { error: 'must be a MEDDPICC element' }),
  status: z.enum(MEDDPICC_STATUSES, { error: 'must be unknown, gap, partial or confirmed' }),
  evidence: textSchema(5_000),
});
export type MeddpiccItem = z.infer<typeof meddpiccItemSchema>;

export const gateFieldsSchema = z.object({
  ...baseRecordShape(gateIdSchema),
  dealId: dealIdSchema,
  /** The stage the gate belongs to (opened on entering it), when it came from the process. */
  stageId: stageIdSchema.nullable(),
  kind: gateKindSchema,
  name: nameSchema(200),
  scheduledDate: planDateSchema.nullable(),
  scorecard: z.array(scorecardItemSchema).max(50),
  meddpicc: z.array(meddpiccItemSchema).max(MEDDPICC_ELEMENTS.length),
  /** Overall review score in percent (colour-team reviews), null when not scored. */
  reviewScore: percentSchema.nullable(),
  comments: textSchema(20_000),
  decision: z.enum(GATE_DECISIONS, { error: 'must be go, no_go or reshape' }).nullable(),
  decidedBy: personIdSchema.nullable(),
  decidedAt: epochMsSchema.nullable(),
  rationale: textSchema(10_000),
});

export const gateSchema = gateFieldsSchema.superRefine((gate, ctx) => {
  checkBaseRecord(gate, ctx);
  if (gate.decision !== null) {
    if (gate.decidedBy === null)
      addIssue(ctx, ['decidedBy'], 'is required once a decision is recorded');
    if (gate.decidedAt === null)
      addIssue(ctx, ['decidedAt'], 'is required once a decision is recorded');
  } else {
    if (gate.decidedBy !== null)
      addIssue(ctx, ['decidedBy'], 'must be empty until a decision is recorded');
    if (gate.decidedAt !== null)
      addIssue(ctx, ['decidedAt'], 'must be empty until a decision is recorded');
  }
  checkUnique(gate.scorecard, (item) => item.key, ctx, ['scorecard'], 'criterion');
  checkUnique(gate.meddpicc, (item) => item.element, ctx, ['meddpicc'], 'element');
});
export type Gate = z.infer<typeof gateSchema>;
