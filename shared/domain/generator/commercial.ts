import type { Contract, ContractStatus, PriceToWin } from '@shared/domain/commercial';
import { addDays, addMonths, maxDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import { money } from '@shared/domain/money';
import type { GeneratorContext } from '@shared/domain/generator/context';
import { baseFields, msOnDate, newId } from '@shared/domain/generator/context';

/** At most this many deals get a price-to-win record, and this many won deals a contract. */
const MAX_PRICE_TO_WIN = 12;
const MAX_CONTRACTS = 16;

/** `pct` % of `amountMinor`, rounded to whole thousands of the currency (as prices are guessed). */
function share(amountMinor: number, pct: number): number {
  return Math.round((amountMinor * pct) / 10_000_000) * 100_000;
}

/**
 * The sample's commercial records: price-to-win on some open deals (their own competitors'
 * likely prices around the deal's value, and often the customer's budget), and contracts on won
 * deals (most signed, the latest ones still in legal review or out for signature), with renewal
 * dates spread so some fall inside the dashboard's notice window. Few records whatever the size
 * of the portfolio, so the large presets stay as they were in size and time.
 */
export function generateCommercial(
  ctx: GeneratorContext,
  deals: readonly Deal[],
): { priceToWin: PriceToWin[]; contracts: Contract[] } {
  const { rng, today } = ctx;
  const priceToWin: PriceToWin[] = [];
  const open = deals.filter(
    (deal) => deal.status === 'open' && deal.competitors.length > 0 && deal.value.amountMinor > 0,
  );
  for (const deal of open.slice(0, MAX_PRICE_TO_WIN)) {
    const value = deal.value.amountMinor;
    const currency = deal.value.currency;
    const competitors = deal.competitors.slice(0, 4).map((competitor, index) => {
      const likely = share(value, rng.int(82, 112));
      return {
        key: `c${index + 1}`,
        name: competitor.name,
        low: money(share(likely, rng.int(86, 96)), currency),
        likely: money(likely, currency),
        high: money(share(likely, rng.int(104, 118)), currency),
        note: competitor.weaknesses,
      };
    });
    priceToWin.push({
      id: newId<PriceToWin['id']>(ctx),
      ...baseFields(
        ctx,
        msOnDate(ctx, maxDate(addDays(today, -60), deal.keyDates.rfpRelease ?? today)),
      ),
      dealId: deal.id,
      // Most customers disclose a budget; it sits a little above or below the likely prices.
      budget: rng.chance(0.75) ? money(share(value, rng.int(95, 130)), currency) : null,
      competitors,
    });
  }

  const contracts: Contract[] = [];
  const won = deals.filter((deal) => deal.status === 'won' && deal.outcomeDate !== null);
  won.slice(0, MAX_CONTRACTS).forEach((deal, index) => {
    const awarded = deal.outcomeDate ?? today;
    // The most recently won are still being contracted; the others are signed.
    const status: ContractStatus =
      index % 5 === 4 ? rng.pick(['legal_review', 'sent_for_signature'] as const) : 'signed';
    const signedDate = status === 'signed' ? addDays(awarded, rng.int(10, 40)) : null;
    const startDate = addDays(signedDate ?? awarded, rng.int(14, 30));
    const years = rng.int(1, 3);
    const endDate = addDays(addMonths(startDate, years * 12), -1);
    // A quarter renew soon (inside the dashboard's notice window), the rest a term's end ahead.
    const renewalDate =
      index % 4 === 0 && status === 'signed'
        ? addDays(today, rng.int(7, 80))
        : addDays(endDate, -rng.int(30, 90));
    const created = msOnDate(ctx, signedDate !== null && signedDate < today ? signedDate : awarded);
    contracts.push({
      id: newId<Contract['id']>(ctx),
      ...baseFields(ctx, created),
      dealId: deal.id,
      number: `HT-${awarded.slice(0, 4)}-${String(index + 1).padStart(4, '0')}`,
      status,
      signedDate: signedDate !== null && signedDate > today ? today : signedDate,
      startDate,
      endDate: endDate < renewalDate ? addDays(renewalDate, 30) : endDate,
      value: deal.value,
      renewalDate,
      fileId: null,
    });
  });
  return { priceToWin, contracts };
}
