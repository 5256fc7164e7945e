import type { DealId } from '@shared/domain/ids';
import type { Milestone } from '@shared/domain/milestone';
import type { PursuitDatabase } from '@renderer/db/database';

/**
 * The milestones of the given deals as stored now, for a calendar export (read when the user
 * asks, not kept live). Deleted milestones are left out.
 */
export async function readMilestonesOf(
  db: PursuitDatabase,
  dealIds: readonly DealId[],
): Promise<Milestone[]> {
  if (dealIds.length === 0) return [];
  const milestones = await db.milestones
    .where('dealId')
    .anyOf([...dealIds])
    .toArray();
  return milestones.filter((milestone) => milestone.deletedAt === null);
}
