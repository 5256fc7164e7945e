import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button } from 'antd';
import type { BudgetLine, CostCategory, CostEntry } from '@shared/domain/cost';
import type { DealId } from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import type { Settings, Thresholds } from '@shared/domain/settings';
import type { TimeEntry } from '@shared/domain/time-entry';
import { useDatabaseContext } from '@renderer/db/context';
import {
  NotFoundError,
  RecordValidationError,
  StaleRevisionError,
  isQuotaError,
} from '@renderer/db/errors';
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
      } else if (error instanceof DealInTrashError) {
        message.error(t('errors.dealInTrash', { code: error.code }));
      } else if (error instanceof CostCurrencyError) {
        message.error(
          t('errors.currency', { currency: error.currency, dealCurrency: error.dealCurrency }),
        );
      } else if (error instanceof ForeignTimeTaskError) {
        message.error(t('errors.foreignTask'));
      } else if (error instanceof RecordValidationError) {
        message.error(t('validation.rejected', { details: error.issues.join('; ') }));
      } else {
        message.error(
          t('errors.generic', { message: error instanceof Error ? error.message : String(error) }),
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
              {t('actions.undo')}
            </Button>
          </span>
        ),
        duration: 8,
      });
    };

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
  }, [db, env, t, message, modal, undo]);
}
