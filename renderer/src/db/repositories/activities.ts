import type { Activity, ActivityType } from '@shared/domain/activity';
import type { ContactId, DealId } from '@shared/domain/ids';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { WriteEnv } from '@renderer/db/write';

/** What a person records about work on a deal: a call, a meeting, a visit, an email or a note. */
export interface ActivityInput {
  readonly dealId: DealId;
  readonly type: Exclude<ActivityType, 'system'>;
  /** When it happened (epoch ms); may be earlier than now, for work logged afterwards. */
  readonly at: number;
  readonly summary: string;
  readonly details: string;
  readonly contactIds: readonly ContactId[];
}

/**
 * Adds a logged activity to a deal's trail, by the current user. The deal must exist and not be
 * in the trash. Undoable like any other write.
 */
export async function logActivity(
  db: PursuitDatabase,
  env: WriteEnv,
  input: ActivityInput,
): Promise<Activity> {
  return runWrite(
    db,
    env,
    ['deals'],
    async (writer) => {
      const deal = await writer.get('deals', input.dealId);
      if (!deal || deal.deletedAt !== null) throw new NotFoundError('deals', input.dealId);
      writer.subject = deal.code;
      return writer.logActivity({
        dealId: deal.id,
        type: input.type,
        at: input.at,
        actorId: env.actorId,
        summary: input.summary.trim(),
        details: input.details.trim(),
        contactIds: [...new Set(input.contactIds)],
      });
    },
    { undoAction: 'log' },
  );
}
