import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { DealId } from '@shared/domain/ids';
import type { Quote, QuoteScenario, QuoteStatus } from '@shared/domain/quote';
import { QuoteLockedError, QuoteTransitionError } from '@shared/quote/build';
import { useDatabaseContext } from '@renderer/db/context';
import {
  applyScenarioAsDraft,
  copyQuoteToDraft,
  createQuote,
  deleteQuote,
  QuoteCurrencyError,
  setQuoteStatus,
  updateQuote,
} from '@renderer/db/repositories/quotes';
import type { QuoteContent } from '@renderer/db/repositories/quotes';
import { useDealWriteFeedback } from '@renderer/features/deals/hooks/useDealWriteFeedback';

/**
 * The Quote tab's commands, bound to the database. Each says what happened in the user's
 * language; a refused write changed nothing and is rethrown, so a dialog keeps what was typed.
 */
export function useQuoteActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('quote');
  const { message } = App.useApp();
  const dealFeedback = useDealWriteFeedback();

  return useMemo(() => {
    const statusText = (status: QuoteStatus) => t(`status.${status}`);
    const specific = (error: unknown): string | null => {
      if (error instanceof QuoteCurrencyError)
        return t('validation.currency', { quote: error.quoteCurrency, line: error.lineCurrency });
      if (error instanceof QuoteLockedError)
        return t('validation.locked', { status: statusText(error.status) });
      if (error instanceof QuoteTransitionError)
        return t('validation.transition', {
          from: statusText(error.from),
          to: statusText(error.to),
        });
      return null;
    };
    const { report, withUndo } = dealFeedback(specific, (code) =>
      t('validation.dealInTrash', { code }),
    );

    return {
      async create(dealId: DealId, content: QuoteContent & Pick<Quote, 'currency'>) {
        const saved = await createQuote(db, env, dealId, content).catch(report);
        withUndo(`quote-created-${saved.id}`, t('actions.created', { version: saved.version }));
        return saved;
      },
      /** Saves content; quiet unless `announce` (line edits are many and visible at once). */
      async update(quote: Quote, patch: Partial<QuoteContent>, announce = false) {
        const saved = await updateQuote(db, env, quote.id, quote.rev, patch).catch(report);
        if (announce) message.success(t('actions.saved', { version: saved.version }));
        return saved;
      },
      async setStatus(quote: Quote, status: QuoteStatus) {
        const saved = await setQuoteStatus(db, env, quote.id, quote.rev, status).catch(report);
        withUndo(
          `quote-status-${saved.id}`,
          t('actions.status', { version: saved.version, status: statusText(status) }),
        );
        return saved;
      },
      async copy(quote: Quote) {
        const saved = await copyQuoteToDraft(db, env, quote.id).catch(report);
        withUndo(`quote-copied-${saved.id}`, t('actions.copied', { version: saved.version }));
        return saved;
      },
      async applyScenario(quote: Quote, scenario: QuoteScenario) {
        const saved = await applyScenarioAsDraft(
          db,
          env,
          quote.id,
          scenario,
          t('contingency.label'),
        ).catch(report);
        withUndo(
          `quote-applied-${saved.id}`,
          t('scenarios.applied', { name: scenario.name, version: saved.version }),
        );
        return saved;
      },
      async remove(quote: Quote) {
        await deleteQuote(db, env, quote.id, quote.rev).catch(report);
        withUndo(`quote-deleted-${quote.id}`, t('actions.deleted', { version: quote.version }));
      },
    };
  }, [db, env, t, message, dealFeedback]);
}
