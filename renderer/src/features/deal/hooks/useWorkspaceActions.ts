import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { BuyingRole, Contact } from '@shared/domain/contact';
import type { Deal } from '@shared/domain/deal';
import type { Activity } from '@shared/domain/activity';
import type { AccountId } from '@shared/domain/ids';
import { useDatabaseContext } from '@renderer/db/context';
import { logActivity } from '@renderer/db/repositories/activities';
import type { ActivityInput } from '@renderer/db/repositories/activities';
import { createContact } from '@renderer/db/repositories/contacts';
import {
  UnknownExitCriterionError,
  setExitCriterion,
  updateDealDetails,
} from '@renderer/db/repositories/deal-details';
import type { DealDetailsPatch } from '@renderer/db/repositories/deal-details';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/**
 * The workspace's edits, bound to the database. Failures are shown in the user's language (a
 * deal changed in another window offers a reload) and rethrown, so an editor keeps what was
 * typed. Each edit starts from the newest copy of the deal this window knows: the one the live
 * query delivered, or the one its own last save returned if the query has not caught up yet.
 */
export function useWorkspaceActions() {
  const { db, env } = useDatabaseContext();
  const { report } = useDealActions();
  const { t } = useTranslation('deal');
  const { message } = App.useApp();
  const lastSaved = useRef<Deal | null>(null);

  return useMemo(() => {
    const newest = (deal: Deal): Deal => {
      const saved = lastSaved.current;
      return saved && saved.id === deal.id && saved.rev > deal.rev ? saved : deal;
    };
    const remember = (saved: Deal): Deal => {
      lastSaved.current = saved;
      return saved;
    };

    return {
      /** Saves details computed from the newest copy of `deal`. */
      async saveDetails(deal: Deal, change: (current: Deal) => DealDetailsPatch): Promise<Deal> {
        const base = newest(deal);
        return remember(
          await updateDealDetails(db, env, base.id, base.rev, change(base)).catch(report),
        );
      },
      async setExitCriterion(deal: Deal, key: string, checked: boolean): Promise<Deal> {
        const base = newest(deal);
        try {
          return remember(await setExitCriterion(db, env, base.id, base.rev, key, checked));
        } catch (error) {
          if (error instanceof UnknownExitCriterionError) {
            void message.error(t('exitCriteria.unknown'));
            throw error;
          }
          return report(error);
        }
      },
      async createContact(accountId: AccountId, name: string, role: BuyingRole): Promise<Contact> {
        return createContact(db, env, { accountId, name, buyingRole: role }).catch(report);
      },
      async logActivity(input: ActivityInput): Promise<Activity> {
        return logActivity(db, env, input).catch(report);
      },
    };
  }, [db, env, report, t, message]);
}
