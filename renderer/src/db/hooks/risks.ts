import { useLiveQuery } from 'dexie-react-hooks';
import type { Deal } from '@shared/domain/deal';
import type { DealId } from '@shared/domain/ids';
import type { Risk } from '@shared/domain/risk';
import { isActiveRisk, riskScore } from '@shared/domain/risk';
import { useDatabaseContext } from '@renderer/db/context';

/**
 * Reads for the risk register: one deal's risks (its range of the `dealId` index), and the active
 * risks of every open deal for the portfolio view. `undefined` while loading.
 */

/** Highest score first, then by title, so the riskiest lead the register. */
function byScore(a: Risk, b: Risk): number {
  return riskScore(b) - riskScore(a) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
}

/** The deal's risks not in the trash, highest score first. */
export function useDealRisks(dealId: DealId): Risk[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const risks = await db.risks.where('dealId').equals(dealId).toArray();
    return risks.filter((risk) => risk.deletedAt === null).sort(byScore);
  }, [db, dealId]);
}

export type RiskDeal = Pick<Deal, 'id' | 'code' | 'name'>;

export interface PortfolioRisks {
  /** Active risks (open, mitigating) of open deals not in the trash. */
  readonly risks: readonly Risk[];
  readonly dealOf: ReadonlyMap<string, RiskDeal>;
  /** Open deals not in the trash. */
  readonly openDeals: number;
}

/**
 * The active risks across the open deals. The open deals come from their range of the `status`
 * index; the risks are read whole (one primary-key range that Dexie observes cheaply; the large
 * portfolio has 8,000) and joined to those deals here, so the matrix and lists are computed by
 * `shared/risk` on exactly what the user should see.
 */
export function usePortfolioRisks(): PortfolioRisks | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [deals, risks] = await Promise.all([
      db.deals.where('status').equals('open').toArray(),
      db.risks.toArray(),
    ]);
    const dealOf = new Map<string, RiskDeal>();
    for (const deal of deals) {
      if (deal.deletedAt === null)
        dealOf.set(deal.id, { id: deal.id, code: deal.code, name: deal.name });
    }
    return {
      risks: risks.filter(
        (risk) => risk.deletedAt === null && isActiveRisk(risk) && dealOf.has(risk.dealId),
      ),
      dealOf,
      openDeals: dealOf.size,
    };
  }, [db]);
}

/** The names of the tasks risks are mitigated by (for exports), by task id. */
export function useMitigationTaskNames(
  risks: readonly Risk[] | undefined,
): ReadonlyMap<string, string> | undefined {
  const { db } = useDatabaseContext();
  const ids = [
    ...new Set(
      (risks ?? []).flatMap((risk) => (risk.mitigationTaskId ? [risk.mitigationTaskId] : [])),
    ),
  ].sort();
  const key = ids.join(',');
  return useLiveQuery(async () => {
    const tasks = await db.tasks.bulkGet(key === '' ? [] : key.split(','));
    const names = new Map<string, string>();
    for (const task of tasks) if (task && task.deletedAt === null) names.set(task.id, task.name);
    return names;
  }, [db, key]);
}
