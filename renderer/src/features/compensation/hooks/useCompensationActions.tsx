import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button } from 'antd';
import type { CommissionPlan } from '@shared/domain/commission';
import type { CommissionPlanId, PersonId } from '@shared/domain/ids';
import { useDatabaseContext } from '@renderer/db/context';
import {
  NotFoundError,
  RecordValidationError,
  StaleRevisionError,
  isQuotaError,
} from '@renderer/db/errors';
import {
  assignPlan,
  createPlan,
  deletePlan,
  saveTeamAllocation,
  updatePlan,
} from '@renderer/db/repositories/compensation';
import type { PlanInput, TeamAllocationInput } from '@renderer/db/repositories/compensation';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/**
 * Target and commission-plan commands bound to the database. Each says what happened in the
 * user's language and offers Undo; a failed write changed nothing and is rethrown, so a form
 * keeps its values.
 */
export function useCompensationActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation(['compensation', 'resources']);
  const { message, modal } = App.useApp();
  const { undo } = useDealActions();

  return useMemo(() => {
    const report = (error: unknown): never => {
      if (error instanceof StaleRevisionError) {
        modal.warning({
          title: t('resources:errors.stale'),
          okText: t('resources:errors.reload'),
          onOk: () => window.location.reload(),
        });
      } else if (isQuotaError(error)) {
        message.error({ content: t('resources:errors.quota'), duration: 10 });
      } else if (error instanceof NotFoundError) {
        message.error(t('resources:errors.notFound'));
      } else if (error instanceof RecordValidationError) {
        message.error(t('compensation:planForm.rejected', { details: error.issues.join('; ') }));
      } else {
        message.error(
          t('resources:errors.generic', {
            message: error instanceof Error ? error.message : String(error),
          }),
        );
      }
      throw error;
    };

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
              {t('resources:actions.undo')}
            </Button>
          </span>
        ),
        duration: 8,
      });
    };

    return {
      async saveAllocation(input: TeamAllocationInput) {
        const saved = await saveTeamAllocation(db, env, input).catch(report);
        withUndo(
          `allocation-${saved.id}`,
          t('compensation:allocation.savedMessage', { label: input.label }),
        );
        return saved;
      },
      async createPlan(input: PlanInput) {
        const saved = await createPlan(db, env, input).catch(report);
        withUndo(`plan-${saved.id}`, t('compensation:plans.created', { name: saved.name }));
        return saved;
      },
      async updatePlan(plan: CommissionPlan, input: PlanInput) {
        const saved = await updatePlan(db, env, plan.id, plan.rev, input).catch(report);
        withUndo(`plan-${saved.id}`, t('compensation:plans.saved', { name: saved.name }));
        return saved;
      },
      async deletePlan(plan: CommissionPlan) {
        await deletePlan(db, env, plan).catch(report);
        withUndo(`plan-${plan.id}`, t('compensation:plans.deleted', { name: plan.name }));
      },
      async assignPlan(input: {
        personId: PersonId;
        personName: string;
        fiscalYear: number;
        planId: CommissionPlanId | null;
      }) {
        await assignPlan(db, env, input).catch(report);
        withUndo(
          `assign-${input.personId}`,
          t('compensation:plans.assigned', { name: input.personName, year: input.fiscalYear }),
        );
      },
    };
  }, [db, env, message, modal, t, undo]);
}
