import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { App, Button } from 'antd';
import type { PlanDate } from '@shared/domain/dates';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { Stage } from '@shared/domain/sales-process';
import { inLocale } from '@shared/pipeline/labels';
import type { SkippedCriterion, StageMoveOutcome } from '@shared/pipeline/stage-move';
import { useDatabaseContext } from '@renderer/db/context';
import {
  moveDealToStage,
  StageMoveRefusedError,
  UnconfirmedSkipError,
} from '@renderer/db/repositories/pipeline';
import type { MoveDealResult } from '@renderer/db/repositories/pipeline';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';
import { useLanguage } from '@renderer/i18n/useLanguage';

/** Loaded when first needed: its date picker and form are not needed to show a board. */
const OutcomeDialog = lazy(() =>
  import('@renderer/features/pipeline/components/OutcomeDialog').then((module) => ({
    default: module.OutcomeDialog,
  })),
);

/** The deal as the user saw it when asking for the move. */
export type MovingDeal = Pick<Deal, 'id' | 'rev' | 'code' | 'name'>;

export interface StageMoveRequest {
  readonly deal: MovingDeal;
  readonly target: Stage;
  /**
   * Called once the user has committed to the move, just before it is written: at once for a move
   * between open stages, after the outcome dialog for a close. The board shows the card in its
   * new place from here on (and puts it back if the move does not happen).
   */
  readonly onCommit?: () => void;
}

/** How a move request ended: written, abandoned by the user, or refused / failed (and said why). */
export type StageMoveSettlement = 'moved' | 'cancelled' | 'failed';

interface AskingOutcome {
  readonly deal: MovingDeal;
  readonly target: Stage;
  readonly today: PlanDate;
  readonly answer: (outcome: StageMoveOutcome | null) => void;
}

/**
 * Moves deals between stages for any view (the board, the deal workspace): runs
 * `moveDealToStage` and talks to the user on the way.
 * - A close (won, lost, no-bid) first asks for the reason, a note and the outcome date.
 * - Unchecked exit criteria on the way are listed by name for confirmation; confirming retries
 *   with the skip recorded in the deal's trail.
 * - A refusal, a deal changed elsewhere (with an offer to reload) or a failed write is explained.
 * - Success says what happened and offers Undo.
 * Render `dialogs` somewhere in the view; `moveDeal` resolves once the request has settled.
 */
export function useStageMove(): {
  moveDeal: (request: StageMoveRequest) => Promise<StageMoveSettlement>;
  dialogs: ReactNode;
} {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation(['pipeline', 'deals']);
  const [language] = useLanguage();
  const { message, modal } = App.useApp();
  const actions = useDealActions();
  const [asking, setAsking] = useState<AskingOutcome | null>(null);

  const askOutcome = useCallback(
    (deal: MovingDeal, target: Stage, today: PlanDate) =>
      new Promise<StageMoveOutcome | null>((resolve) => {
        setAsking({
          deal,
          target,
          today,
          answer: (outcome) => {
            setAsking(null);
            resolve(outcome);
          },
        });
      }),
    [],
  );

  const moveDeal = useCallback(
    async ({ deal, target, onCommit }: StageMoveRequest): Promise<StageMoveSettlement> => {
      const stage = inLocale(target.name, language);
      const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
      const closing = target.kind !== 'open';
      let outcome: StageMoveOutcome | null = null;
      if (closing) {
        outcome = await askOutcome(deal, target, today);
        if (!outcome) return 'cancelled';
      }
      onCommit?.();

      const write = (confirmSkips: boolean) =>
        moveDealToStage(db, env, {
          dealId: deal.id,
          expectedRev: deal.rev,
          targetStageId: target.id,
          today,
          outcome,
          confirmSkips,
        });

      const confirmSkips = (skipped: readonly SkippedCriterion[]) =>
        modal.confirm({
          title: t('skip.title'),
          width: 480,
          content: (
            <>
              <p>{t('skip.body', { code: deal.code, stage, count: skipped.length })}</p>
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {skipped.map((criterion) => (
                  <li key={`${criterion.stageId}:${criterion.criterionKey}`}>
                    {t('skip.item', {
                      stage: inLocale(criterion.stageName, language),
                      criterion: inLocale(criterion.label, language),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ),
          okText: t('skip.ok'),
          cancelText: t('skip.cancel'),
        });

      let result: MoveDealResult;
      try {
        try {
          result = await write(false);
        } catch (error) {
          if (!(error instanceof UnconfirmedSkipError)) throw error;
          if (!(await confirmSkips(error.skipped))) return 'cancelled';
          result = await write(true);
        }
      } catch (error) {
        if (error instanceof StageMoveRefusedError) {
          message.warning(t(`refused.${error.reason}`, { code: deal.code, stage }));
        } else {
          // Stale revision (with Reload), full disk, and anything unexpected, as for every deal edit.
          try {
            actions.report(error);
          } catch {
            // `report` rethrows for forms that stay open; here the message is all there is to do.
          }
        }
        return 'failed';
      }

      const what = t(closing ? 'move.closed' : 'move.moved', { code: deal.code, stage });
      const added = [
        result.milestones.length > 0
          ? t('move.milestones', { count: result.milestones.length })
          : null,
        result.gates.length > 0 ? t('move.gates', { count: result.gates.length }) : null,
      ].filter((part) => part !== null);
      const key = `stage-move-${deal.id}`;
      message.success({
        key,
        duration: 8,
        content: (
          <span>
            {added.length > 0
              ? t('move.summary', { what, added: added.join(t('move.listSeparator')) })
              : t('move.summaryPlain', { what })}{' '}
            <Button
              type="link"
              size="small"
              onClick={() => {
                message.destroy(key);
                void actions.undo();
              }}
            >
              {t('deals:actions.undo')}
            </Button>
          </span>
        ),
      });
      return 'moved';
    },
    [db, env, t, language, message, modal, actions, askOutcome],
  );

  const dialogs = useMemo(
    () =>
      asking && (
        <Suspense fallback={null}>
          <OutcomeDialog
            deal={asking.deal}
            target={asking.target}
            today={asking.today}
            onSubmit={(outcome) => asking.answer(outcome)}
            onCancel={() => asking.answer(null)}
          />
        </Suspense>
      ),
    [asking],
  );

  return { moveDeal, dialogs };
}
