import type { PlanDate } from '@shared/domain/dates';
import type { DealId } from '@shared/domain/ids';
import type { DealHealth } from '@shared/health/health';

/** The window asks the health worker to watch a database's portfolio as of a day. */
export interface HealthRequest {
  readonly dbName: string;
  readonly today: PlanDate;
  /** The user's time zone: the day an activity happened on. */
  readonly timeZone: string;
}

/** The worker's answers: every open deal's health after each change, or why it cannot rate. */
export type HealthReply =
  | { readonly type: 'health'; readonly today: PlanDate; readonly entries: [DealId, DealHealth][] }
  | { readonly type: 'error'; readonly message: string };
