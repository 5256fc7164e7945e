import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceBookItem } from '@shared/domain/price-book';
import type { Settings } from '@shared/domain/settings';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import { useDatabaseContext } from '@renderer/db/context';
import {
  createPriceBookItem,
  deletePriceBookItem,
  updatePriceBookItem,
  updateQuoteRounding,
} from '@renderer/db/repositories/quotes';
import type { PriceBookInput } from '@renderer/db/repositories/quotes';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/**
 * Price book and quote rounding commands. Each says what happened in the user's language and
 * offers Undo; a failed write changed nothing and is rethrown, so a form keeps its values.
 */
export function usePriceBookActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('pricebook');
  const feedback = useWriteFeedback();
  const { undo } = useDealActions();

  return useMemo(() => {
    const report = (error: unknown): never => feedback.fail(error);
    return {
      async add(input: PriceBookInput) {
        const saved = await createPriceBookItem(db, env, input).catch(report);
        feedback.withUndo(`pb-${saved.id}`, t('actions.added', { code: saved.code }), undo);
        return saved;
      },
      async update(item: PriceBookItem, patch: Partial<PriceBookInput>) {
        const saved = await updatePriceBookItem(db, env, item.id, item.rev, patch).catch(report);
        feedback.withUndo(`pb-${saved.id}`, t('actions.saved', { code: saved.code }), undo);
        return saved;
      },
      async remove(item: PriceBookItem) {
        await deletePriceBookItem(db, env, item.id, item.rev).catch(report);
        feedback.withUndo(`pb-${item.id}`, t('actions.deleted', { code: item.code }), undo);
      },
      async saveRounding(
        settings: Settings,
        patch: Pick<Settings, 'quoteRounding' | 'roundingMode'>,
      ) {
        await updateQuoteRounding(db, env, settings.rev, patch, t('rounding.historyName')).catch(
          report,
        );
        feedback.withUndo('pb-rounding', t('rounding.saved'), undo);
      },
    };
  }, [db, env, t, feedback, undo]);
}
