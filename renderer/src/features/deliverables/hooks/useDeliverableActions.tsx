import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { Deliverable, ReviewRound } from '@shared/domain/deliverable';
import type { DealId, ReviewCommentId } from '@shared/domain/ids';
import { useDatabaseContext } from '@renderer/db/context';
import {
  addReviewRound,
  createDeliverable,
  deleteDeliverable,
  deleteReviewRound,
  ForeignTaskError,
  setReviewCommentResolved,
  updateDeliverable,
  updateReviewRound,
} from '@renderer/db/repositories/deliverables';
import type { DeliverableInput, ReviewRoundInput } from '@renderer/db/repositories/deliverables';
import { useDealWriteFeedback } from '@renderer/features/deals/hooks/useDealWriteFeedback';

/**
 * The deliverable and review commands, bound to the database. Each says what happened in the
 * user's language; a failed write changed nothing and is rethrown, so a form stays open with what
 * the user typed.
 */
export function useDeliverableActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('deliverables');
  const { message } = App.useApp();
  const dealFeedback = useDealWriteFeedback();

  return useMemo(() => {
    const specific = (error: unknown): string | null => {
      if (error instanceof ForeignTaskError) return t('validation.foreignTask');
      return null;
    };
    const { report, withUndo } = dealFeedback(specific, (code) =>
      t('validation.dealInTrash', { code }),
    );

    return {
      async create(dealId: DealId, input: DeliverableInput): Promise<Deliverable> {
        const saved = await createDeliverable(db, env, dealId, input).catch(report);
        message.success(t('actions.created', { name: saved.name }));
        return saved;
      },
      async update(deliverable: Deliverable, patch: Partial<DeliverableInput>) {
        const saved = await updateDeliverable(
          db,
          env,
          deliverable.id,
          deliverable.rev,
          patch,
        ).catch(report);
        if (patch.status !== undefined && Object.keys(patch).length === 1) {
          withUndo(
            `status-${saved.id}`,
            t('actions.statusChanged', { name: saved.name, status: t(`status.${saved.status}`) }),
          );
        } else {
          message.success(t('actions.saved', { name: saved.name }));
        }
        return saved;
      },
      async remove(deliverable: Deliverable): Promise<void> {
        await deleteDeliverable(db, env, deliverable.id, deliverable.rev).catch(report);
        withUndo(`deleted-${deliverable.id}`, t('actions.deleted', { name: deliverable.name }));
      },
      async addRound(deliverable: Deliverable, input: ReviewRoundInput): Promise<ReviewRound> {
        const round = await addReviewRound(db, env, deliverable.id, input).catch(report);
        message.success(t('rounds.added', { kind: t(`review.${round.kind}`) }));
        return round;
      },
      async updateRound(round: ReviewRound, input: ReviewRoundInput): Promise<ReviewRound> {
        const saved = await updateReviewRound(db, env, round.id, round.rev, input).catch(report);
        message.success(t('rounds.saved', { kind: t(`review.${saved.kind}`) }));
        return saved;
      },
      async removeRound(round: ReviewRound): Promise<void> {
        await deleteReviewRound(db, env, round.id, round.rev).catch(report);
        withUndo(`round-${round.id}`, t('rounds.deleted', { kind: t(`review.${round.kind}`) }));
      },
      async setResolved(round: ReviewRound, commentId: ReviewCommentId, resolved: boolean) {
        await setReviewCommentResolved(db, env, round.id, round.rev, commentId, resolved).catch(
          report,
        );
        withUndo(
          `comment-${commentId}`,
          t(resolved ? 'rounds.markedResolved' : 'rounds.markedOpen'),
        );
      },
    };
  }, [db, env, t, message, dealFeedback]);
}
