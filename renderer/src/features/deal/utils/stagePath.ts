import type { Deal } from '@shared/domain/deal';
import type { Stage } from '@shared/domain/sales-process';

export type StepStatus = 'wait' | 'process' | 'finish' | 'error';

export interface StagePathStep {
  readonly stage: Stage;
  readonly status: StepStatus;
}

export interface StagePath {
  readonly steps: readonly StagePathStep[];
  /** Index of the deal's own step. */
  readonly current: number;
}

const DAY_MS = 86_400_000;

/**
 * The stage path the header shows: every open stage of the deal's process, the current one
 * highlighted and those before it done. A closed deal ends the path with its outcome (won green,
 * lost or no-bid red) and leaves the open stages unmarked, since the path alone does not say how
 * far the deal got; a cancelled deal shows its stage in red.
 */
export function stagePath(
  deal: Pick<Deal, 'stageId' | 'status'>,
  stages: readonly Stage[],
): StagePath {
  const own = stages.find((stage) => stage.id === deal.stageId);
  if (!own) return { steps: [], current: 0 };
  const process = stages
    .filter((stage) => stage.processId === own.processId)
    .sort((a, b) => a.order - b.order);
  const open = process.filter((stage) => stage.kind === 'open');
  if (own.kind !== 'open') {
    return {
      steps: [
        ...open.map((stage) => ({ stage, status: 'wait' as const })),
        { stage: own, status: own.kind === 'won' ? 'finish' : 'error' },
      ],
      current: open.length,
    };
  }
  const current = open.indexOf(own);
  return {
    steps: open.map((stage, index) => ({
      stage,
      status:
        index < current
          ? 'finish'
          : index > current
            ? 'wait'
            : deal.status === 'open'
              ? 'process'
              : 'error',
    })),
    current,
  };
}

/** Whole days since the deal entered its stage (never negative, whatever the clock says). */
export function daysInStage(stageEnteredAt: number, now: number): number {
  return Math.max(0, Math.floor((now - stageEnteredAt) / DAY_MS));
}
