import type { Contract } from '@shared/domain/commercial';
import type { PlanDate } from '@shared/domain/dates';
import { addDays, diffDays } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';

export interface RenewalDue {
  readonly contract: Contract;
  readonly deal: Pick<Deal, 'id' | 'code' | 'name'>;
  readonly renewalDate: PlanDate;
  /** Days from today to the renewal date (0: today). */
  readonly daysLeft: number;
}

/**
 * Contracts whose renewal date falls from today to `noticeDays` days ahead (both ends included),
 * soonest first, for deals not in the trash. Deleted contracts and those without a renewal date
 * never count.
 */
export function renewalsDue(
  contracts: readonly Contract[],
  deals: ReadonlyMap<string, Pick<Deal, 'id' | 'code' | 'name' | 'deletedAt'>>,
  today: PlanDate,
  noticeDays: number,
): RenewalDue[] {
  const last = addDays(today, noticeDays);
  const due: RenewalDue[] = [];
  for (const contract of contracts) {
    const date = contract.renewalDate;
    if (contract.deletedAt !== null || date === null || date < today || date > last) continue;
    const deal = deals.get(contract.dealId);
    if (deal === undefined || deal.deletedAt !== null) continue;
    due.push({
      contract,
      deal: { id: deal.id, code: deal.code, name: deal.name },
      renewalDate: date,
      daysLeft: diffDays(today, date),
    });
  }
  return due.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft ||
      (a.deal.code < b.deal.code ? -1 : a.deal.code > b.deal.code ? 1 : 0),
  );
}
