import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommissionPlan } from '@shared/domain/commission';
import type { CommissionAdjustmentRecord } from '@shared/domain/commission-adjustment';
import type { CommissionPlanId, PersonId } from '@shared/domain/ids';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import { useDatabaseContext } from '@renderer/db/context';
import { RecordValidationError } from '@renderer/db/errors';
import {
  assignPlan,
  createAdjustment,
  createPlan,
  deleteAdjustment,
  deletePlan,
  updateAdjustment,
  saveTeamAllocation,
  updatePlan,
} from '@renderer/db/repositories/compensation';
import type {
  AdjustmentInput,
  PlanInput,
  TeamAllocationInput,
} from '@renderer/db/repositories/compensation';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/**
 * Target and commission-plan commands bound to the database. Each says what happened in the
 * user's language and offers Undo; a failed write changed nothing and is rethrown, so a form
 * keeps its values.
 */
export function useCompensationActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation(['compensation', 'resources']);
  const feedback = useWriteFeedback();
  const { undo } = useDealActions();

  return useMemo(() => {
    const specific = (error: unknown): string | null => {
      if (error instanceof RecordValidationError) {
        return t('compensation:planForm.rejected', { details: error.issues.join('; ') });
      }
      return null;
    };
    const adjustmentSpecific = (error: unknown): string | null => {
      if (error instanceof RecordValidationError) {
        return t('compensation:adjustments.rejected', { details: error.issues.join('; ') });
      }
      return null;
    };
    const report = (error: unknown): never => feedback.fail(error, specific);
    const reportAdjustment = (error: unknown): never => feedback.fail(error, adjustmentSpecific);

    const withUndo = (key: string, content: string) => feedback.withUndo(key, content, undo);

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
      async createAdjustment(input: AdjustmentInput, label: string) {
        const saved = await createAdjustment(db, env, input, label).catch(reportAdjustment);
        withUndo(`adjustment-${saved.id}`, t('compensation:adjustments.created', { label }));
        return saved;
      },
      async updateAdjustment(
        adjustment: CommissionAdjustmentRecord,
        input: AdjustmentInput,
        label: string,
      ) {
        const saved = await updateAdjustment(
          db,
          env,
          adjustment.id,
          adjustment.rev,
          input,
          label,
        ).catch(reportAdjustment);
        withUndo(`adjustment-${saved.id}`, t('compensation:adjustments.saved', { label }));
        return saved;
      },
      async deleteAdjustment(adjustment: CommissionAdjustmentRecord, label: string) {
        await deleteAdjustment(db, env, adjustment, label).catch(reportAdjustment);
        withUndo(`adjustment-${adjustment.id}`, t('compensation:adjustments.deleted', { label }));
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
  }, [db, env, feedback, t, undo]);
}
