import { z } from 'zod';
import {
  dealIdSchema,
  deliverableIdSchema,
  personIdSchema,
  reviewCommentIdSchema,
  reviewRoundIdSchema,
  taskIdSchema,
} from '@shared/domain/ids';
import { planDateSchema } from '@shared/domain/dates';
import {
  baseRecordShape,
  checkBaseRecord,
  checkUnique,
  intInRange,
  nameSchema,
  percentSchema,
  textSchema,
} from '@shared/domain/fields';

export const DELIVERABLE_KINDS = [
  'executive_summary',
  'technical_volume',
  'management_volume',
  'price_volume',
  'past_performance',
  'compliance_matrix',
  'presentation',
  'contract_terms',
  'other',
] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

/** The document's workflow, in order. */
export const DELIVERABLE_STATUSES = [
  'not_started',
  'drafting',
  'in_review',
  'approved',
  'submitted',
] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

/** A proposal volume or document to produce for a deal. */
export const deliverableFieldsSchema = z.object({
  ...baseRecordShape(deliverableIdSchema),
  dealId: dealIdSchema,
  name: nameSchema(200),
  kind: z.enum(DELIVERABLE_KINDS, { error: 'must be a deliverable kind' }),
  ownerId: personIdSchema.nullable(),
  dueDate: planDateSchema,
  pageLimit: intInRange(1, 100_000, 'a whole number of pages').nullable(),
  status: z.enum(DELIVERABLE_STATUSES, { error: 'must be a deliverable status' }),
  /** Plan tasks that produce it. */
  taskIds: z.array(taskIdSchema).max(500),
  notes: textSchema(10_000),
});

export const deliverableSchema = deliverableFieldsSchema.superRefine((deliverable, ctx) => {
  checkBaseRecord(deliverable, ctx);
  checkUnique(deliverable.taskIds, (id) => id, ctx, ['taskIds'], 'task');
});
export type Deliverable = z.infer<typeof deliverableSchema>;

export const REVIEW_KINDS = [
  'blue',
  'pink',
  'red',
  'green',
  'gold',
  'white_glove',
  'other',
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const reviewCommentSchema = z.object({
  id: reviewCommentIdSchema,
  authorId: personIdSchema.nullable(),
  text: nameSchema(5_000),
  resolved: z.boolean({ error: 'must be true or false' }),
});
export type ReviewComment = z.infer<typeof reviewCommentSchema>;

/** One review of a deliverable (a colour team pass) with its score and comments. */
export const reviewRoundFieldsSchema = z.object({
  ...baseRecordShape(reviewRoundIdSchema),
  dealId: dealIdSchema,
  deliverableId: deliverableIdSchema,
  kind: z.enum(REVIEW_KINDS, { error: 'must be a review kind' }),
  reviewerId: personIdSchema.nullable(),
  date: planDateSchema,
  score: percentSchema.nullable(),
  comments: z.array(reviewCommentSchema).max(5_000),
});

export const reviewRoundSchema = reviewRoundFieldsSchema.superRefine((round, ctx) => {
  checkBaseRecord(round, ctx);
  checkUnique(round.comments, (comment) => comment.id, ctx, ['comments'], 'comment id');
});
export type ReviewRound = z.infer<typeof reviewRoundSchema>;
