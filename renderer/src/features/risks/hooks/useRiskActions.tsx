import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { DealId } from '@shared/domain/ids';
import type { Risk } from '@shared/domain/risk';
import { useDatabaseContext } from '@renderer/db/context';
import {
  createRisk,
  deleteRisk,
  ForeignMitigationTaskError,
  updateRisk,
} from '@renderer/db/repositories/risks';
import type { RiskInput } from '@renderer/db/repositories/risks';
import { useDealWriteFeedback } from '@renderer/features/deals/hooks/useDealWriteFeedback';

/**
 * The risk register's commands, bound to the database. Each says what happened in the user's
 * language; a failed write changed nothing and is rethrown, so a form keeps what was typed.
 */
export function useRiskActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('risks');
  const { message } = App.useApp();
  const dealFeedback = useDealWriteFeedback();

  return useMemo(() => {
    const specific = (error: unknown): string | null => {
      if (error instanceof ForeignMitigationTaskError) return t('validation.foreignTask');
      return null;
    };
    const { report, withUndo } = dealFeedback(specific, (code) =>
      t('validation.dealInTrash', { code }),
    );

    return {
      async create(dealId: DealId, input: RiskInput, note = ''): Promise<Risk> {
        const saved = await createRisk(db, env, dealId, input, note).catch(report);
        message.success(t('actions.created', { name: saved.title }));
        return saved;
      },
      async update(risk: Risk, patch: Partial<RiskInput>, note = ''): Promise<Risk> {
        const saved = await updateRisk(db, env, risk.id, risk.rev, patch, note).catch(report);
        if (patch.status !== undefined && Object.keys(patch).length === 1) {
          withUndo(
            `status-${saved.id}`,
            t('actions.statusChanged', { name: saved.title, status: t(`status.${saved.status}`) }),
          );
        } else {
          message.success(t('actions.saved', { name: saved.title }));
        }
        return saved;
      },
      async remove(risk: Risk): Promise<void> {
        await deleteRisk(db, env, risk.id, risk.rev).catch(report);
        withUndo(`deleted-${risk.id}`, t('actions.deleted', { name: risk.title }));
      },
    };
  }, [db, env, t, message, dealFeedback]);
}
