import type { BudgetLine, CostEntry } from '@shared/domain/cost';
import type { PlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { PersonId, RoleId } from '@shared/domain/ids';
import type { RoundingMode } from '@shared/domain/money';
import type { TimeEntry } from '@shared/domain/time-entry';
import type { CostPerson, CostRole } from '@shared/cost/rollup';
import { timeEntryCost } from '@shared/cost/rollup';
import type { DealSpend } from '@shared/dashboard/figures';

export interface SpendSources {
  readonly deals: readonly Pick<Deal, 'id' | 'value'>[];
  readonly budgetLines: readonly Pick<BudgetLine, 'dealId' | 'amount' | 'deletedAt'>[];
  readonly costEntries: readonly Pick<CostEntry, 'dealId' | 'amount' | 'date' | 'deletedAt'>[];
  readonly timeEntries: readonly Pick<
    TimeEntry,
    'dealId' | 'personId' | 'hours' | 'date' | 'deletedAt'
  >[];
  readonly people: readonly CostPerson[];
  readonly roles: readonly CostRole[];
  readonly today: PlanDate;
  readonly roundingMode: RoundingMode;
}

/**
 * Every deal's pursuit budget and spend to date, with the Costs tab's rules
 * (`shared/cost/rollup.ts`): budget lines; cost entries dated on or before today; hours logged on
 * or before today at the person's rate. Amounts in another currency than the deal's are left out.
 */
export function dealSpend(sources: SpendSources): Map<string, DealSpend> {
  const currency = new Map<string, string>(sources.deals.map((d) => [d.id, d.value.currency]));
  const totals = new Map<string, { budgetMinor: number; actualMinor: number }>();
  const entry = (dealId: string) => {
    let total = totals.get(dealId);
    if (total === undefined) {
      total = { budgetMinor: 0, actualMinor: 0 };
      totals.set(dealId, total);
    }
    return total;
  };
  for (const line of sources.budgetLines) {
    if (line.deletedAt !== null || currency.get(line.dealId) !== line.amount.currency) continue;
    entry(line.dealId).budgetMinor += line.amount.amountMinor;
  }
  for (const cost of sources.costEntries) {
    if (cost.deletedAt !== null || cost.date > sources.today) continue;
    if (currency.get(cost.dealId) !== cost.amount.currency) continue;
    entry(cost.dealId).actualMinor += cost.amount.amountMinor;
  }
  const people = new Map<PersonId, CostPerson>(sources.people.map((p) => [p.id, p]));
  const roles = new Map<RoleId, CostRole>(sources.roles.map((r) => [r.id, r]));
  for (const time of sources.timeEntries) {
    if (time.deletedAt !== null || time.date > sources.today) continue;
    const cost = timeEntryCost(time, people, roles, sources.roundingMode);
    if (cost === null || currency.get(time.dealId) !== cost.currency) continue;
    entry(time.dealId).actualMinor += cost.amountMinor;
  }
  return totals;
}
