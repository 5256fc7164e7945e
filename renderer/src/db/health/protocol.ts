import type { PlanDate } from '@shared/domain/dates';
import type { HealthChanges } from '@renderer/db/health/changes';

/** The window asks the health worker to watch a database's portfolio as of a day. */
export interface HealthRequest {
  readonly dbName: string;
  readonly today: PlanDate;
  /** The user's time zone: the day an activity happened on. */
  readonly timeZone: string;
}

/**
 * The worker's answers: after each change, the open deals' ratings that changed (all of them the
 * first time) and the deals no longer rated; or why it cannot rate.
 */
export type HealthReply =
  | ({ readonly type: 'health'; readonly today: PlanDate } & HealthChanges)
  | { readonly type: 'error'; readonly message: string };
