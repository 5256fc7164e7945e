import type { SalesProcessId, StageId } from '@shared/domain/ids';
import { stageIdSchema } from '@shared/domain/ids';
import type { Stage } from '@shared/domain/sales-process';
import { settingsId } from '@shared/domain/settings';
import { inLocale } from '@shared/pipeline/labels';
import {
  planNewStage,
  planReorder,
  planStageDeletion,
  planStageUpdate,
} from '@shared/pipeline/process-edit';
import type {
  OrderChange,
  ProcessIssue,
  StageDeletionPlan,
  StageDeletionRefusal,
  StageInput,
} from '@shared/pipeline/process-edit';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError, StaleRevisionError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { Writer, WriteEnv } from '@renderer/db/write';

/**
 * Writes to the sales process (Settings → Sales process). Each is one transaction, checked
 * against the revisions the user saw, undoable, and recorded as settings-level activity (no deal)
 * — except the deals a deleted stage hands on, whose moves go into their own trails.
 */

/** The edit would break a rule of the process (see `validateStageList`); nothing was written. */
export class ProcessEditError extends Error {
  override readonly name = 'ProcessEditError';
  constructor(readonly issues: readonly ProcessIssue[]) {
    super(`The sales process edit was refused: ${issues.map((issue) => issue.code).join(', ')}`);
  }
}

/** The stage cannot be deleted as asked (see `StageDeletionRefusal`); nothing was written. */
export class StageDeletionRefusedError extends Error {
  override readonly name = 'StageDeletionRefusedError';
  constructor(
    readonly reason: StageDeletionRefusal,
    readonly dealCount: number,
  ) {
    super(`The stage cannot be deleted (${reason}, ${dealCount} deals)`);
  }
}

/** A stage as the user saw it: the revision an edit or a reorder is based on. */
export interface StageVersion {
  readonly id: StageId;
  readonly rev: number;
}

/** New item keys get a random suffix from the write's id source. */
const suffixFrom = (env: WriteEnv) => () => env.newId().replace(/-/g, '');

function processStages(db: PursuitDatabase, processId: SalesProcessId) {
  return db.stages.where('processId').equals(processId).toArray();
}

/** The stage's name in the install's language: activity summaries and the undo history use it. */
function nameOf(writer: Writer, stage: Pick<Stage, 'name'>) {
  return writer.require('settings', settingsId).then((s) => inLocale(stage.name, s.locale));
}

/** Reads a live stage at the revision the user saw, or refuses like any stale write. */
function requireLiveStage(writer: Writer, version: StageVersion) {
  return writer.get('stages', version.id).then((stage) => {
    if (!stage || stage.deletedAt !== null) {
      throw new StaleRevisionError('stages', version.id, version.rev, null);
    }
    if (stage.rev !== version.rev) {
      throw new StaleRevisionError('stages', version.id, version.rev, stage.rev);
    }
    return stage;
  });
}

async function applyOrders(
  writer: Writer,
  stages: readonly Stage[],
  changes: readonly OrderChange[],
): Promise<void> {
  for (const change of changes) {
    const stage = stages.find((s) => s.id === change.stageId);
    if (!stage) throw new NotFoundError('stages', change.stageId);
    await writer.update(
      'stages',
      stage.id,
      stage.rev,
      { order: change.order },
      await nameOf(writer, stage),
    );
  }
}

/** Adds an open stage to the process, after its last open stage (see `planNewStage`). */
export async function createStage(
  db: PursuitDatabase,
  env: WriteEnv,
  processId: SalesProcessId,
  input: StageInput,
): Promise<Stage> {
  return runWrite(
    db,
    env,
    ['salesProcesses', 'stages', 'settings'],
    async (writer) => {
      await writer.require('salesProcesses', processId);
      const stages = await processStages(db, processId);
      const result = planNewStage({
        stages,
        id: stageIdSchema.parse(env.newId()),
        input,
        freshSuffix: suffixFrom(env),
      });
      if (!result.ok) throw new ProcessEditError(result.issues);
      const name = await nameOf(writer, result.stage);
      writer.subject = name;
      await applyOrders(writer, stages, result.reorder);
      const { deletedAt: _deletedAt, ...stage } = result.stage;
      return writer.insert('stages', { ...stage, processId }, name);
    },
    { undoAction: 'create' },
  );
}

/** Saves the stage editor: names, Pwin, forecast category, checklist, templates and gates. */
export async function updateStage(
  db: PursuitDatabase,
  env: WriteEnv,
  version: StageVersion,
  input: StageInput,
): Promise<Stage> {
  return runWrite(
    db,
    env,
    ['stages', 'settings'],
    async (writer) => {
      const stage = await requireLiveStage(writer, version);
      const result = planStageUpdate({
        stages: await processStages(db, stage.processId),
        stageId: stage.id,
        input,
        freshSuffix: suffixFrom(env),
      });
      if (!result.ok) throw new ProcessEditError(result.issues);
      const name = await nameOf(writer, result.content);
      writer.subject = name;
      return writer.update('stages', stage.id, version.rev, result.content, name);
    },
    { undoAction: 'update' },
  );
}

/**
 * Puts the process's stages in the order given, which must list every live stage once, each at
 * the revision the user saw. Only positions change; deals point at stage ids and stay put.
 */
export async function reorderStages(
  db: PursuitDatabase,
  env: WriteEnv,
  sequence: readonly StageVersion[],
): Promise<void> {
  await runWrite(
    db,
    env,
    ['salesProcesses', 'stages', 'settings'],
    async (writer) => {
      const first = sequence[0];
      if (!first) throw new ProcessEditError([{ code: 'not_a_permutation' }]);
      const anchor = await requireLiveStage(writer, first);
      const stages = await processStages(db, anchor.processId);
      for (const version of sequence) {
        const stage = stages.find((s) => s.id === version.id);
        if (!stage || stage.deletedAt !== null || stage.rev !== version.rev) {
          throw new StaleRevisionError('stages', version.id, version.rev, stage?.rev ?? null);
        }
      }
      const result = planReorder(
        stages,
        sequence.map((version) => version.id),
      );
      if (!result.ok) throw new ProcessEditError(result.issues);
      const process = await writer.require('salesProcesses', anchor.processId);
      writer.subject = await nameOf(writer, process);
      await applyOrders(writer, stages, result.changes);
    },
    { undoAction: 'update' },
  );
}

export interface DeleteStageInput {
  readonly stage: StageVersion;
  /** Where the stage's deals go; required when it holds any (see `planStageDeletion`). */
  readonly targetStageId: StageId | null;
}

/**
 * Deletes an open stage: its deals (if any) move to the target stage, each with a `stage_move`
 * entry in its own trail, then the stage is soft-deleted. All in one transaction, undone as one.
 * Throws `StageDeletionRefusedError` when the stage holds deals and no valid target is given.
 */
export async function deleteStage(
  db: PursuitDatabase,
  env: WriteEnv,
  input: DeleteStageInput,
): Promise<StageDeletionPlan> {
  return runWrite(
    db,
    env,
    ['stages', 'deals', 'settings'],
    async (writer) => {
      const stage = await requireLiveStage(writer, input.stage);
      const settings = await writer.require('settings', settingsId);
      const result = planStageDeletion({
        stages: await processStages(db, stage.processId),
        stageId: stage.id,
        targetStageId: input.targetStageId,
        deals: await db.deals.where('stageId').equals(stage.id).toArray(),
        locale: settings.locale,
      });
      if (!result.ok) throw new StageDeletionRefusedError(result.reason, result.dealCount);
      const name = inLocale(stage.name, settings.locale);
      writer.subject = name;
      for (const move of result.plan.relocations) {
        await writer.update(
          'deals',
          move.dealId,
          move.expectedRev,
          move.patch,
          move.activity.summary,
          'stage_move',
          move.activity.details,
        );
      }
      await writer.update(
        'stages',
        stage.id,
        input.stage.rev,
        { deletedAt: writer.at },
        name,
        'delete',
      );
      return result.plan;
    },
    { undoAction: 'delete' },
  );
}
