import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetLine, CostCategory, CostEntry } from '@shared/domain/cost';
import type { DealId } from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import type { Settings, Thresholds } from '@shared/domain/settings';
import type { TimeEntry } from '@shared/domain/time-entry';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import { useDatabaseContext } from '@renderer/db/context';
import {
  addCostEntry,
  addTimeEntry,
  CostCurrencyError,
  deleteCostEntry,
  deleteTimeEntry,
  ForeignTimeTaskError,
  setCategoryBudget,
  updateCostEntry,
  updateTimeEntry,
} from '@renderer/db/repositories/costs';
import type { CostEntryInput, TimeEntryInput } from '@renderer/db/repositories/costs';
import { DealInTrashError } from '@renderer/db/repositories/deliverables';
import { updateThresholds } from '@renderer/db/repositories/settings';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/**
 * Pursuit cost commands bound to the database. Each says what happened in the user's language
 * and offers Undo; a failed write changed nothing and is rethrown, so a form keeps its values.
 */
export function useCostActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('costs');
  const feedback = useWriteFeedback();
  const { undo } = useDealActions();

  return useMemo(() => {
    const specific = (error: unknown): string | null => {
      if (error instanceof DealInTrashError) return t('errors.dealInTrash', { code: error.code });
      if (error instanceof CostCurrencyError) {
        return t('errors.currency', { currency: error.currency, dealCurrency: error.dealCurrency });
      }
      if (error instanceof ForeignTimeTaskError) return t('errors.foreignTask');
      return null;
    };
    const report = (error: unknown): never => feedback.fail(error, specific);

    const withUndo = (key: string, content: string) => feedback.withUndo(key, content, undo);

    return {
      async setBudget(
        dealId: DealId,
        category: CostCategory,
        lines: readonly BudgetLine[],
        value: { amount: Money; note: string } | null,
      ) {
        await setCategoryBudget(db, env, dealId, category, lines, value).catch(report);
        const label = t(`category.${category}`);
        withUndo(
          `budget-${dealId}-${category}`,
          value === null
            ? t('actions.budgetRemoved', { category: label })
            : t('actions.budgetSaved', { category: label }),
        );
      },
      async addCost(dealId: DealId, input: CostEntryInput) {
        const saved = await addCostEntry(db, env, dealId, input).catch(report);
        withUndo(`cost-${saved.id}`, t('actions.costAdded'));
        return saved;
      },
      async updateCost(entry: CostEntry, patch: Partial<CostEntryInput>) {
        const saved = await updateCostEntry(db, env, entry.id, entry.rev, patch).catch(report);
        withUndo(`cost-${saved.id}`, t('actions.costSaved'));
        return saved;
      },
      async deleteCost(entry: CostEntry) {
        await deleteCostEntry(db, env, entry.id, entry.rev).catch(report);
        withUndo(`cost-${entry.id}`, t('actions.costDeleted'));
      },
      async addTime(dealId: DealId, input: TimeEntryInput) {
        const saved = await addTimeEntry(db, env, dealId, input).catch(report);
        withUndo(`time-${saved.id}`, t('actions.timeAdded'));
        return saved;
      },
      async updateTime(entry: TimeEntry, patch: Partial<TimeEntryInput>) {
        const saved = await updateTimeEntry(db, env, entry.id, entry.rev, patch).catch(report);
        withUndo(`time-${saved.id}`, t('actions.timeSaved'));
        return saved;
      },
      async deleteTime(entry: TimeEntry) {
        await deleteTimeEntry(db, env, entry.id, entry.rev).catch(report);
        withUndo(`time-${entry.id}`, t('actions.timeDeleted'));
      },
      async saveThresholds(settings: Settings, thresholds: Thresholds) {
        const saved = await updateThresholds(db, env, settings.rev, thresholds).catch(report);
        withUndo('thresholds', t('thresholds.saved'));
        return saved;
      },
    };
  }, [db, env, t, feedback, undo]);
}
