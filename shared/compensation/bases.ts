/**
 * The per-person figures quota allocation is weighted by (potential, weighted pipeline) and the
 * lookup of a person's target, computed from stored records. Bookings per person come from the
 * credit ledger (`creditTotalsByPerson`), so last period's bookings and attainment use the same
 * splits as commission.
 */
import type { Account } from '@shared/domain/account';
import type { Deal } from '@shared/domain/deal';
import { weightedValue } from '@shared/domain/deal';
import type { DealId, PersonId } from '@shared/domain/ids';
import { allocateMoney } from '@shared/domain/money';
import type { CurrencyCode, Money } from '@shared/domain/money';
import type { Period } from '@shared/domain/period';
import type { Target, TargetBasis } from '@shared/domain/target';
import { samePeriod } from '@shared/compensation/periods';

function add(totals: Map<PersonId, Money>, personId: PersonId, amount: Money): void {
  const before = totals.get(personId)?.amountMinor ?? 0;
  totals.set(personId, { amountMinor: before + amount.amountMinor, currency: amount.currency });
}

/**
 * Each person's share of the open weighted pipeline (value × Pwin per deal, as the pipeline view
 * shows it). A deal with revenue splits is shared by them, exactly to the minor unit; without
 * splits it counts for its owner — the same rule credit follows once the deal is won, so a
 * pipeline-weighted quota lands on the people who will be credited. Deals in another currency are
 * listed in `excluded` (they cannot be added without a rate).
 */
export function weightedPipelineByPerson(
  deals: readonly Deal[],
  currency: CurrencyCode,
): { readonly byPerson: Map<PersonId, Money>; readonly excluded: readonly DealId[] } {
  const byPerson = new Map<PersonId, Money>();
  const excluded: DealId[] = [];
  for (const deal of deals) {
    if (deal.status !== 'open' || deal.deletedAt !== null) continue;
    if (deal.value.currency !== currency) {
      excluded.push(deal.id);
      continue;
    }
    const weighted = weightedValue(deal);
    const splits = deal.creditSplits
      .filter((split) => split.kind === 'revenue' && split.shareBp > 0)
      .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
    if (splits.length === 0) {
      add(byPerson, deal.ownerId, weighted);
      continue;
    }
    const parts = allocateMoney(
      weighted,
      splits.map((split) => split.shareBp),
    );
    splits.forEach((split, index) => {
      const part = parts[index];
      if (part !== undefined) add(byPerson, split.personId, part);
    });
  }
  return { byPerson, excluded };
}

/**
 * Territory potential per person: the estimated spend of the accounts each person owns. Accounts
 * without an owner or an estimate, in the trash or in another currency add nothing.
 */
export function potentialByPerson(
  accounts: readonly Account[],
  currency: CurrencyCode,
): Map<PersonId, Money> {
  const byPerson = new Map<PersonId, Money>();
  for (const account of accounts) {
    if (account.deletedAt !== null || account.ownerId === null || account.potential === null) {
      continue;
    }
    if (account.potential.currency !== currency) continue;
    add(byPerson, account.ownerId, account.potential);
  }
  return byPerson;
}

/**
 * A person's target for exactly this period and basis (a quarter's target is not derived from the
 * year's: quotas are often back-loaded, so only a stored target counts). Targets in the trash are
 * ignored; if several match, the most recently updated wins.
 */
export function findPersonTarget(
  targets: readonly Target[],
  personId: PersonId,
  period: Period,
  basis: TargetBasis,
): Target | null {
  let found: Target | null = null;
  for (const target of targets) {
    if (
      target.deletedAt === null &&
      target.personId === personId &&
      target.basis === basis &&
      samePeriod(target.period, period) &&
      (found === null || target.updatedAt > found.updatedAt)
    ) {
      found = target;
    }
  }
  return found;
}
