import type { DeliverableStatus, ReviewKind } from '@shared/domain/deliverable';

/** antd tag colours for each colour-team review, as the teams are named. */
export const REVIEW_TAG_COLORS: Readonly<Record<ReviewKind, string>> = {
  blue: 'blue',
  pink: 'magenta',
  red: 'red',
  green: 'green',
  gold: 'gold',
  white_glove: 'default',
  other: 'default',
};

/** antd tag colours along the workflow: grey to blue while in progress, green when done. */
export const STATUS_TAG_COLORS: Readonly<Record<DeliverableStatus, string>> = {
  not_started: 'default',
  drafting: 'processing',
  in_review: 'purple',
  approved: 'success',
  submitted: 'cyan',
};
