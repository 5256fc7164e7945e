import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { App, Button } from 'antd';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { DealId } from '@shared/domain/ids';
import { useDatabaseContext } from '@renderer/db/context';
import {
  NotFoundError,
  RecordValidationError,
  StaleRevisionError,
  UndoConflictError,
  isQuotaError,
} from '@renderer/db/errors';
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

/**
 * The deal commands the UI offers, bound to the database. Each shows what happened (or why it
 * could not happen) in the user's language; a failed write changed nothing, so nothing the user
 * typed is lost — forms stay open with their values.
 */
export function useDealActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('deals');
  const { message, modal } = App.useApp();

  return useMemo(() => {
    /** Shows a failed write and rethrows it for callers that keep a form open. */
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
      } else if (error instanceof UndoConflictError) {
        message.warning(t('undo.conflict', { subject: error.subject }));
      } else if (error instanceof DuplicateDealCodeError) {
        // The form shows this one next to the code field.
      } else if (error instanceof RecordValidationError) {
        message.error(t('validation.rejected', { details: error.issues.join('; ') }));
      } else {
        message.error(
          t('errors.generic', { message: error instanceof Error ? error.message : String(error) }),
        );
      }
      throw error;
    };

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
        const key = `deleted-${deal.id}`;
        message.success({
          key,
          content: (
            <span>
              {t('actions.deleted', { code: deal.code })}{' '}
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
  }, [db, env, t, message, modal]);
}
