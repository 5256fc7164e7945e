import type { PlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { Gate } from '@shared/domain/gate';
import type { DealId, StageId } from '@shared/domain/ids';
import type { Milestone } from '@shared/domain/milestone';
import { settingsId } from '@shared/domain/settings';
import { planStageMove } from '@shared/pipeline/stage-move';
import type {
  SkippedCriterion,
  StageMoveChanges,
  StageMoveOutcome,
  StageMoveRefusal,
} from '@shared/pipeline/stage-move';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError, StaleRevisionError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { WriteEnv } from '@renderer/db/write';

/** The sales-process rules refused the move (see `StageMoveRefusal`); nothing was written. */
export class StageMoveRefusedError extends Error {
  override readonly name = 'StageMoveRefusedError';
  constructor(readonly reason: StageMoveRefusal) {
    super(`The stage move was refused (${reason})`);
  }
}

/**
 * The move would pass exit criteria that are not checked and the user has not confirmed skipping
 * them; `skipped` lists them for the confirmation. Nothing was written.
 */
export class UnconfirmedSkipError extends Error {
  override readonly name = 'UnconfirmedSkipError';
  constructor(readonly skipped: readonly SkippedCriterion[]) {
    super(
      `Moving on skips ${skipped.length} unchecked exit criteria: ${skipped
        .map((c) => `${c.stageKey}.${c.criterionKey}`)
        .join(', ')}`,
    );
  }
}

export interface MoveDealInput {
  readonly dealId: DealId;
  /** The revision of the deal the user saw when moving it. */
  readonly expectedRev: number;
  readonly targetStageId: StageId;
  /** Today in the user's time zone: stage-entry milestones are dated from it. */
  readonly today: PlanDate;
  /** Reason, note and date: required to close a deal as won, lost or no-bid. */
  readonly outcome?: StageMoveOutcome | null;
  /** The user confirmed skipping the unchecked exit criteria the move passes. */
  readonly confirmSkips: boolean;
}

export interface MoveDealResult {
  readonly deal: Deal;
  readonly milestones: readonly Milestone[];
  readonly gates: readonly Gate[];
  /** The plan that was applied (direction, skipped criteria and milestones, activity text). */
  readonly changes: StageMoveChanges;
}

/**
 * Moves a deal to another stage of its sales process, as decided by `planStageMove`: the deal's
 * stage, status, Pwin and outcome, the target stage's milestones and gates, and one `stage_move`
 * entry in the deal's trail whose details say which exit criteria were skipped, by whom (the
 * entry's actor), and what the move added. Everything lands in one transaction, undoable as one
 * step; the trail entry stays after an undo, like every system entry, and the undo adds its own.
 *
 * Throws `StaleRevisionError` when the deal changed since the user saw it, `StageMoveRefusedError`
 * for a move the process does not allow, and `UnconfirmedSkipError` when unchecked exit criteria
 * would be skipped without `confirmSkips`.
 */
export async function moveDealToStage(
  db: PursuitDatabase,
  env: WriteEnv,
  input: MoveDealInput,
): Promise<MoveDealResult> {
  return runWrite(
    db,
    env,
    ['deals', 'stages', 'settings', 'milestones', 'gates'],
    async (writer) => {
      // Independent reads go out together: each awaited request is a round trip to the
      // database, and a drop on the board waits for all of them.
      const [deal, settings, target, existingMilestones, existingGates] = await Promise.all([
        writer.get('deals', input.dealId),
        writer.require('settings', settingsId),
        writer.get('stages', input.targetStageId),
        db.milestones.where('dealId').equals(input.dealId).toArray(),
        db.gates.where('dealId').equals(input.dealId).toArray(),
      ]);
      if (!deal) throw new NotFoundError('deals', input.dealId);
      writer.subject = deal.code;
      if (deal.rev !== input.expectedRev) {
        throw new StaleRevisionError('deals', deal.id, input.expectedRev, deal.rev);
      }
      const stages = target
        ? await db.stages.where('processId').equals(target.processId).toArray()
        : [];

      const result = planStageMove({
        deal,
        stages,
        targetStageId: input.targetStageId,
        settings,
        now: writer.at,
        today: input.today,
        existingMilestones,
        existingGates,
        actorId: env.actorId,
        outcome: input.outcome ?? null,
      });
      if (!result.ok) throw new StageMoveRefusedError(result.reason);
      const { changes } = result;
      if (changes.skippedCriteria.length > 0 && !input.confirmSkips) {
        throw new UnconfirmedSkipError(changes.skippedCriteria);
      }

      // The deal was read (and its revision checked) in this transaction: no second read.
      const moved = await writer.replace(
        'deals',
        deal,
        { ...deal, ...changes.deal },
        changes.activity.summary,
        'stage_move',
        changes.activity.details,
      );

      const milestones: Milestone[] = [];
      for (const draft of changes.milestones) {
        milestones.push(await writer.insert('milestones', draft, draft.name));
      }
      const gates: Gate[] = [];
      for (const draft of changes.gates) {
        gates.push(await writer.insert('gates', draft, draft.name));
      }
      return { deal: moved, milestones, gates, changes };
    },
    { undoAction: 'update' },
  );
}
