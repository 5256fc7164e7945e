import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/domain/account';
import type { Activity } from '@shared/domain/activity';
import type { Contact } from '@shared/domain/contact';
import type { Deal } from '@shared/domain/deal';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { Stage } from '@shared/domain/sales-process';
import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import { useDatabaseContext } from '@renderer/db/context';
import { byName } from '@renderer/db/hooks/order';

/**
 * Read hooks: each is one live query, re-run by Dexie only when the tables or index ranges it read
 * change, and unsubscribed when the component unmounts. `undefined` means "still loading".
 */

const notDeleted = <T extends { deletedAt: number | null }>(rows: T[]): T[] =>
  rows.filter((row) => row.deletedAt === null);

/** Deals in the trash, most recently deleted first. */
export function useTrashedDeals(): Deal[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(
    async () => await db.deals.where('deletedAt').above(0).reverse().sortBy('deletedAt'),
    [db],
  );
}

export function useDeal(id: string | null): Deal | null | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => (id ? ((await db.deals.get(id)) ?? null) : null), [db, id]);
}

export function useAccounts(): Account[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => notDeleted(await db.accounts.toArray()).sort(byName), [db]);
}

export function usePeople(): Person[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => notDeleted(await db.people.toArray()).sort(byName), [db]);
}

export function useRoles(): Role[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => notDeleted(await db.roles.toArray()), [db]);
}

/** Stages of the sales process in process order. */
export function useStages(): Stage[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => notDeleted(await db.stages.orderBy('order').toArray()), [db]);
}

export function useSettings(): Settings | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => db.settings.get(SETTINGS_ID), [db]);
}

export function useAccount(id: string | null): Account | null | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => (id ? ((await db.accounts.get(id)) ?? null) : null), [db, id]);
}

/** A deal's activity trail, newest first (one range of the `[dealId+at]` index). */
export function useDealActivities(dealId: string): Activity[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(
    async () =>
      notDeleted(
        await db.activities
          .where('[dealId+at]')
          .between([dealId, Dexie.minKey], [dealId, Dexie.maxKey])
          .reverse()
          .toArray(),
      ),
    [db, dealId],
  );
}

/**
 * The contacts a deal can draw on: its account's, by name, plus any `extraIds` it names (buying
 * centre members or activity participants from another account, or deleted since).
 */
export function useContactsFor(
  accountId: string,
  extraIds: readonly string[] = [],
): Contact[] | undefined {
  const { db } = useDatabaseContext();
  const extraKey = extraIds.join(',');
  return useLiveQuery(async () => {
    const extra = new Set(extraKey === '' ? [] : extraKey.split(','));
    const own = await db.contacts.where('accountId').equals(accountId).toArray();
    const ownIds = new Set<string>(own.map((contact) => contact.id));
    const missing = [...extra].filter((id) => !ownIds.has(id));
    const others = missing.length > 0 ? await db.contacts.where('id').anyOf(missing).toArray() : [];
    // A deleted contact still named by the deal keeps its name on screen.
    return [...own, ...others]
      .filter((contact) => contact.deletedAt === null || extra.has(contact.id))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [db, accountId, extraKey]);
}
