import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PlanDate } from '@shared/domain/dates';
import type { DealId } from '@shared/domain/ids';
import type { DealHealth } from '@shared/health/health';
import { healthOfRecords } from '@shared/health/portfolio';
import { useDatabaseContext } from '@renderer/db/context';
import { readHealthInput } from '@renderer/db/health/read';
import type { HealthInput } from '@renderer/db/health/read';
import type { PortfolioHealth } from '@renderer/db/health/portfolio-health';
import { followPortfolioHealth, portfolioHealthNow } from '@renderer/db/health/portfolio-health';

/**
 * Deal health for the views. The rule is `shared/health/portfolio` (`healthOfRecords`); these
 * hooks only say whose health and when. `undefined` while loading.
 */

const nothing = () => () => undefined;

/**
 * Health of every open deal not in the trash, by deal id, kept current off the window's thread
 * (`db/health/portfolio-health`). `enabled` false starts nothing: a page passes it once its own
 * rows are on screen, so health never competes with the first rows; it fills in after them. Until
 * then the page still gets the ratings a watcher already has (one lingering from an earlier
 * visit), so coming back to a page does not flash its health column empty.
 */
export function usePortfolioHealth(today: PlanDate, enabled = true): PortfolioHealth | undefined {
  const { db } = useDatabaseContext();
  const follow = useCallback(
    (listener: () => void) => followPortfolioHealth(db, today, listener),
    [db, today],
  );
  return useSyncExternalStore(enabled ? follow : nothing, () => portfolioHealthNow(db, today));
}

function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The records one deal's health is rated from, kept current: for its header, and for views that
 * rate the deal with figures of their own (a quote's scenarios: `shared/quote/scenario-health`).
 * `undefined` while loading or with no settings yet; null when the deal is not open or is in the
 * trash.
 */
export function useDealHealthInput(dealId: DealId): HealthInput | null | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(() => readHealthInput(db, dealId), [db, dealId]);
}

/** Health of one deal (null: not open, or in the trash). */
export function useDealHealth(dealId: DealId, today: PlanDate): DealHealth | null | undefined {
  const input = useDealHealthInput(dealId);
  return useMemo(() => {
    if (input === undefined || input === null) return input;
    return (
      healthOfRecords(input.records, input.settings, today, userTimeZone()).get(dealId) ?? null
    );
  }, [input, dealId, today]);
}
