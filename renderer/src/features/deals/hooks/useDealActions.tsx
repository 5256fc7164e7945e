import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { App } from 'antd';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { DealId } from '@shared/domain/ids';
import { useDatabaseContext } from '@renderer/db/context';
import {
  createDeal,
  deleteDeal,
  DuplicateDealCodeError,
  emptyTrash,
  getDeal,
  restoreDeal,
  updateDeal,
} from '@renderer/db/repositories/deals';
import type { DealInput } from '@renderer/db/repositories/deals';
import { createAccount } from '@renderer/db/repositories/accounts';
import { createPerson } from '@renderer/db/repositories/people';
import type { PersonInput } from '@renderer/db/repositories/people';
import { undoLast } from '@renderer/db/repositories/undo';
import type { RecordPatch } from '@renderer/db/write';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';

/**
 * The deal commands the UI offers, bound to the database. Each shows what happened (or why it
 * could not happen) in the user's language; a failed write changed nothing, so nothing the user
 * typed is lost — forms stay open with their values.
 */
export function useDealActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('deals');
  const { message } = App.useApp();
  const feedback = useWriteFeedback();

  return useMemo(() => {
    /** Shows a failed write and rethrows it for callers that keep a form open. */
    const report = (error: unknown): never =>
      // A duplicate code is shown by the form, next to the code field.
      feedback.fail(error, (e) => (e instanceof DuplicateDealCodeError ? '' : null));

    const undo = async (): Promise<void> => {
      try {
        const entry = await undoLast(db, env);
        if (!entry) {
          message.info(t('undo.nothing'));
          return;
        }
        message.success(
          t('undo.done', {
            what: t(`undo.action.${entry.label.action}`, { subject: entry.label.subject }),
          }),
        );
      } catch (error) {
        report(error);
      }
    };

    return {
      report,
      undo,
      get: (id: DealId) => getDeal(db, id),
      async create(input: DealInput): Promise<Deal> {
        const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
        const deal = await createDeal(db, env, input, today).catch(report);
        message.success(t('actions.created', { code: deal.code }));
        return deal;
      },
      async update(deal: Deal, patch: RecordPatch<'deals'>): Promise<Deal> {
        const saved = await updateDeal(db, env, deal.id, deal.rev, patch).catch(report);
        message.success(t('actions.saved', { code: saved.code }));
        return saved;
      },
      async remove(deal: { id: DealId; rev: number; code: string }): Promise<void> {
        await deleteDeal(db, env, deal.id, deal.rev).catch(report);
        feedback.withUndo(`deleted-${deal.id}`, t('actions.deleted', { code: deal.code }), undo);
      },
      async restore(deal: Deal): Promise<void> {
        await restoreDeal(db, env, deal.id).catch(report);
      },
      async emptyTrash(): Promise<number> {
        return emptyTrash(db, env).catch(report);
      },
      async createAccount(name: string) {
        return createAccount(db, env, { name }).catch(report);
      },
      async createPerson(input: PersonInput) {
        return createPerson(db, env, input).catch(report);
      },
    };
  }, [db, env, t, message, feedback]);
}
