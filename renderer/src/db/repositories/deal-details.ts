import type { Deal } from '@shared/domain/deal';
import type { DealId } from '@shared/domain/ids';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError, StaleRevisionError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { Writer, WriteEnv } from '@renderer/db/write';

/** The parts of a deal the workspace's Overview edits in place. */
export type DealDetailsPatch = Partial<
  Pick<
    Deal,
    | 'keyDates'
    | 'competitors'
    | 'winThemes'
    | 'discriminators'
    | 'buyingCentre'
    | 'checkedExitCriteria'
  >
>;

/** The exit criterion is not one of the deal's current stage (the process changed meanwhile). */
export class UnknownExitCriterionError extends Error {
  override readonly name = 'UnknownExitCriterionError';
  constructor(readonly key: string) {
    super(`The deal's current stage has no exit criterion ${key}`);
  }
}

/** The deal as stored, refusing one in the trash or changed since the caller read it. */
function liveDeal(writer: Writer, id: DealId, expectedRev: number) {
  return writer.get('deals', id).then((deal) => {
    if (!deal || deal.deletedAt !== null)
      throw new StaleRevisionError('deals', id, expectedRev, null);
    if (deal.rev !== expectedRev) throw new StaleRevisionError('deals', id, expectedRev, deal.rev);
    writer.subject = deal.code;
    return deal;
  });
}

/**
 * Saves an in-place edit of a deal's details (a key date, the competitors, the buying centre…)
 * made on the copy at `expectedRev`. One transaction writes the deal and its trail entry, with
 * the changed fields old → new; the edit is undoable. A contact newly added to the buying centre
 * must exist and not be deleted.
 */
export async function updateDealDetails(
  db: PursuitDatabase,
  env: WriteEnv,
  id: DealId,
  expectedRev: number,
  patch: DealDetailsPatch,
): Promise<Deal> {
  return runWrite(
    db,
    env,
    ['deals', 'contacts'],
    async (writer) => {
      const deal = await liveDeal(writer, id, expectedRev);
      const members = new Set<string>(deal.buyingCentre.map((member) => member.contactId));
      for (const member of patch.buyingCentre ?? []) {
        if (members.has(member.contactId)) continue;
        const contact = await writer.get('contacts', member.contactId);
        if (!contact || contact.deletedAt !== null) {
          throw new NotFoundError('contacts', member.contactId);
        }
      }
      // An edit that changes nothing (a date picked again) writes nothing and adds no entry.
      const changed = (Object.keys(patch) as (keyof DealDetailsPatch)[]).some(
        (field) => JSON.stringify(patch[field]) !== JSON.stringify(deal[field]),
      );
      if (!changed) return deal;
      return writer.update('deals', id, expectedRev, patch, `${deal.code} ${deal.name}`);
    },
    { undoAction: 'update' },
  );
}

/**
 * Checks or unchecks one exit criterion of the deal's current stage. Criteria of other stages
 * stay as they are (a deal moved back keeps what was done in a later stage).
 */
export async function setExitCriterion(
  db: PursuitDatabase,
  env: WriteEnv,
  id: DealId,
  expectedRev: number,
  key: string,
  checked: boolean,
): Promise<Deal> {
  return runWrite(
    db,
    env,
    ['deals', 'stages'],
    async (writer) => {
      const deal = await liveDeal(writer, id, expectedRev);
      const stage = await writer.require('stages', deal.stageId);
      if (!stage.exitCriteria.some((criterion) => criterion.key === key)) {
        throw new UnknownExitCriterionError(key);
      }
      const others = deal.checkedExitCriteria.filter((done) => done !== key);
      return writer.update(
        'deals',
        id,
        expectedRev,
        { checkedExitCriteria: checked ? [...others, key] : others },
        `${deal.code} ${deal.name}`,
      );
    },
    { undoAction: 'update' },
  );
}
