import Dexie from 'dexie';
import type { DealId, RiskId, TaskId } from '@shared/domain/ids';
import type { Risk } from '@shared/domain/risk';
import { firstHistoryEntry, historyEntryFor } from '@shared/risk/register';
import type { PursuitDatabase } from '@renderer/db/database';
import { StaleRevisionError } from '@renderer/db/errors';
import {
  requireLiveDeal,
  requirePerson,
  unwrapNotFound,
} from '@renderer/db/repositories/deliverables';
import { runWrite } from '@renderer/db/write';
import type { WriteEnv, Writer } from '@renderer/db/write';

/** The fields a user edits on a risk (its history is kept by the repository). */
export type RiskInput = Pick<
  Risk,
  | 'title'
  | 'description'
  | 'category'
  | 'probability'
  | 'impact'
  | 'exposure'
  | 'ownerId'
  | 'mitigation'
  | 'mitigationTaskId'
  | 'trigger'
  | 'status'
  | 'nextReviewDate'
>;

/** A mitigation can only be linked to a live plan task of the risk's own deal. */
export class ForeignMitigationTaskError extends Error {
  override readonly name = 'ForeignMitigationTaskError';
  constructor(readonly taskId: string) {
    super(`Not a task of this deal: ${taskId}`);
  }
}

function checkTask(writer: Writer, dealId: DealId, taskId: TaskId | null | undefined) {
  if (taskId === null || taskId === undefined) return Dexie.Promise.resolve(undefined);
  return writer.get('tasks', taskId).then((task) => {
    if (!task || task.dealId !== dealId || task.deletedAt !== null)
      throw new ForeignMitigationTaskError(taskId);
    return undefined;
  });
}

function requireCurrent(risk: Risk, expectedRev: number): Risk {
  if (risk.deletedAt !== null) throw new StaleRevisionError('risks', risk.id, expectedRev, null);
  if (risk.rev !== expectedRev)
    throw new StaleRevisionError('risks', risk.id, expectedRev, risk.rev);
  return risk;
}

/** Adds a risk to a deal's register; its history starts with the assessment it was created with. */
export async function createRisk(
  db: PursuitDatabase,
  env: WriteEnv,
  dealId: DealId,
  input: RiskInput,
  note = '',
): Promise<Risk> {
  return runWrite(
    db,
    env,
    ['deals', 'people', 'tasks', 'risks'],
    async (writer) => {
      writer.subject = input.title;
      await requireLiveDeal(writer, dealId);
      await requirePerson(writer, input.ownerId);
      await checkTask(writer, dealId, input.mitigationTaskId);
      return writer.insert(
        'risks',
        {
          ...input,
          dealId,
          history: [firstHistoryEntry(input, { at: writer.at, byId: env.actorId, note })],
        },
        input.title,
      );
    },
    { undoAction: 'create' },
  ).catch(unwrapNotFound);
}

/**
 * Saves an edit made on the copy at revision `expectedRev`. When the probability, impact or status
 * changes, a history entry with the new values (and `note`, why) is appended in the same write.
 */
export async function updateRisk(
  db: PursuitDatabase,
  env: WriteEnv,
  id: RiskId,
  expectedRev: number,
  patch: Partial<RiskInput>,
  note = '',
): Promise<Risk> {
  return runWrite(
    db,
    env,
    ['deals', 'people', 'tasks', 'risks'],
    async (writer) => {
      const current = requireCurrent(await writer.require('risks', id), expectedRev);
      const title = patch.title ?? current.title;
      writer.subject = title;
      await requireLiveDeal(writer, current.dealId);
      if (patch.ownerId !== current.ownerId) await requirePerson(writer, patch.ownerId);
      if (patch.mitigationTaskId !== current.mitigationTaskId)
        await checkTask(writer, current.dealId, patch.mitigationTaskId);
      const next = {
        probability: patch.probability ?? current.probability,
        impact: patch.impact ?? current.impact,
        status: patch.status ?? current.status,
      };
      const entry = historyEntryFor(current, next, { at: writer.at, byId: env.actorId, note });
      return writer.update(
        'risks',
        id,
        expectedRev,
        { ...patch, ...(entry !== null && { history: [...current.history, entry] }) },
        title,
        'update',
        entry !== null ? note : '',
      );
    },
    { undoAction: 'update' },
  ).catch(unwrapNotFound);
}

/** Moves a risk to the trash (undoable from the message or with Ctrl/Cmd+Z). */
export async function deleteRisk(
  db: PursuitDatabase,
  env: WriteEnv,
  id: RiskId,
  expectedRev: number,
): Promise<void> {
  await runWrite(
    db,
    env,
    ['deals', 'risks'],
    async (writer) => {
      const current = requireCurrent(await writer.require('risks', id), expectedRev);
      writer.subject = current.title;
      await requireLiveDeal(writer, current.dealId);
      await writer.update(
        'risks',
        id,
        expectedRev,
        { deletedAt: writer.at },
        current.title,
        'delete',
      );
    },
    { undoAction: 'delete' },
  ).catch(unwrapNotFound);
}
