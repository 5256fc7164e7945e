import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button } from 'antd';
import type { DealId } from '@shared/domain/ids';
import type { Risk } from '@shared/domain/risk';
import { useDatabaseContext } from '@renderer/db/context';
import {
  NotFoundError,
  RecordValidationError,
  StaleRevisionError,
  isQuotaError,
} from '@renderer/db/errors';
import { DealInTrashError } from '@renderer/db/repositories/deliverables';
import {
  createRisk,
  deleteRisk,
  ForeignMitigationTaskError,
  updateRisk,
} from '@renderer/db/repositories/risks';
import type { RiskInput } from '@renderer/db/repositories/risks';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/**
 * The risk register's commands, bound to the database. Each says what happened in the user's
 * language; a failed write changed nothing and is rethrown, so a form keeps what was typed.
 */
export function useRiskActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('risks');
  const { message, modal } = App.useApp();
  const { undo } = useDealActions();

  return useMemo(() => {
    const report = (error: unknown): never => {
      if (error instanceof StaleRevisionError) {
        modal.warning({
          title: t('errors.stale'),
          okText: t('errors.reload'),
          onOk: () => window.location.reload(),
        });
      } else if (isQuotaError(error)) {
        message.error({ content: t('errors.quota'), duration: 10 });
      } else if (error instanceof NotFoundError) {
        message.error(t('errors.notFound'));
      } else if (error instanceof ForeignMitigationTaskError) {
        message.error(t('validation.foreignTask'));
      } else if (error instanceof DealInTrashError) {
        message.error(t('validation.dealInTrash', { code: error.code }));
      } else if (error instanceof RecordValidationError) {
        message.error(t('validation.rejected', { details: error.issues.join('; ') }));
      } else {
        message.error(
          t('errors.generic', { message: error instanceof Error ? error.message : String(error) }),
        );
      }
      throw error;
    };

    /** A success message with an Undo link, for changes a user may regret at once. */
    const withUndo = (key: string, content: string) => {
      message.success({
        key,
        content: (
          <span>
            {content}{' '}
            <Button
              type="link"
              size="small"
              onClick={() => {
                message.destroy(key);
                void undo();
              }}
            >
              {t('actions.undo')}
            </Button>
          </span>
        ),
        duration: 8,
      });
    };

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
  }, [db, env, t, message, modal, undo]);
}
