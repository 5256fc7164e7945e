import type { CurrencyCode, Money, RoundingMode } from '@shared/domain/money';
import { divideRounded, money, zeroMoney } from '@shared/domain/money';
import type { Risk } from '@shared/domain/risk';
import type {
  Quote,
  QuoteLine,
  QuoteScenario,
  QuoteSection,
  QuoteStatus,
} from '@shared/domain/quote';
import { isQuoteEditable } from '@shared/domain/quote';
import { baseExposure } from '@shared/risk/register';
import type { QuoteFigures, QuoteRounding, Totals } from '@shared/quote/compute';
import { quoteFigures } from '@shared/quote/compute';

/**
 * Building blocks of a quote besides plain item lines (labor, contingency), scenarios and the
 * rules of versions. Pure: ids and the moment of a change come in as parameters.
 */

const BP = 10_000n;

/** A free line with nothing filled in but its currency. */
export function blankLine(id: string, currency: CurrencyCode): QuoteLine {
  return {
    id,
    kind: 'item',
    priceBookItemId: null,
    roleId: null,
    code: '',
    description: '',
    unit: '',
    quantity: 1,
    unitPrice: zeroMoney(currency),
    unitCost: zeroMoney(currency),
    discountBp: 0,
    taxRateBp: 0,
    contingencyShareBp: null,
  };
}

export interface LaborInput {
  readonly id: string;
  readonly roleId: QuoteLine['roleId'];
  readonly roleName: string;
  readonly hours: number;
  /** What the hour costs the company (the role's rate). */
  readonly costRate: Money;
  /** What the customer pays for the hour. */
  readonly sellRate: Money;
  readonly unit: string;
  readonly taxRateBp: number;
}

/** Delivery labor: a role × hours, priced at a sell rate and costed at the role's rate. */
export function laborLine(input: LaborInput): QuoteLine {
  return {
    ...blankLine(input.id, input.sellRate.currency),
    kind: 'labor',
    roleId: input.roleId,
    description: input.roleName,
    unit: input.unit,
    quantity: input.hours,
    unitPrice: input.sellRate,
    unitCost: input.costRate,
    taxRateBp: input.taxRateBp,
  };
}

/** The deal's open (and mitigating) risks' exposure in the quote's currency. */
export function openRiskExposure(
  risks: readonly Pick<Risk, 'status' | 'exposure' | 'deletedAt'>[],
  currency: CurrencyCode,
): Money {
  return baseExposure(
    risks.filter((risk) => risk.deletedAt === null),
    currency,
  );
}

/** `shareBp` of the exposure, rounded by the mode. */
export function contingencyAmount(exposure: Money, shareBp: number, mode: RoundingMode): Money {
  return money(
    Number(divideRounded(BigInt(exposure.amountMinor) * BigInt(shareBp), BP, mode)),
    exposure.currency,
  );
}

/**
 * A contingency line: a share of the open-risk exposure, priced and costed at the same amount
 * (a reserve expected to be spent), so it raises the price without inflating the margin, and
 * shown as its own line so reviewers see it.
 */
export function contingencyLine(
  id: string,
  description: string,
  exposure: Money,
  shareBp: number,
  mode: RoundingMode,
): QuoteLine {
  const amount = contingencyAmount(exposure, shareBp, mode);
  return {
    ...blankLine(id, exposure.currency),
    kind: 'contingency',
    description,
    unitPrice: amount,
    unitCost: amount,
    contingencyShareBp: shareBp,
  };
}

/**
 * The unit price that gives `marginTargetBp` of gross margin after `discountBp`:
 * cost ÷ ((1 − margin) × (1 − discount)), rounded by the mode. A line without cost keeps its
 * price (there is nothing to mark up).
 */
export function priceForMargin(
  unitCost: Money,
  unitPrice: Money,
  marginTargetBp: number,
  discountBp: number,
  mode: RoundingMode,
): Money {
  if (unitCost.amountMinor === 0 || discountBp >= 10_000) return unitPrice;
  const denominator = (BP - BigInt(marginTargetBp)) * (BP - BigInt(discountBp));
  return money(
    Number(divideRounded(BigInt(unitCost.amountMinor) * BP * BP, denominator, mode)),
    unitCost.currency,
  );
}

export interface ScenarioContext {
  readonly currency: CurrencyCode;
  readonly rounding: QuoteRounding;
  /** Open-risk exposure in the quote's currency. */
  readonly exposure: Money;
  /** Deal Pwin, whole percent. */
  readonly pwin: number;
  /** Makes ids for lines and sections the scenario adds. */
  readonly newId: () => string;
  /** Labels of what a scenario adds, in the user's language. */
  readonly contingencyLabel: string;
}

/**
 * The quote's sections as the scenario would make them: excluded sections dropped, item lines
 * given the scenario's discount and re-priced to its margin target, and the contingency lines
 * replaced by one at the scenario's share (added to the last section).
 */
export function applyScenario(
  sections: readonly QuoteSection[],
  scenario: QuoteScenario,
  context: ScenarioContext,
): QuoteSection[] {
  const excluded = new Set(scenario.excludedSectionIds);
  const mode = context.rounding.mode;
  const kept = sections
    .filter((section) => !excluded.has(section.id))
    .map((section) => ({
      ...section,
      lines: section.lines
        .filter((line) => scenario.contingencyShareBp === null || line.kind !== 'contingency')
        .map((line) => {
          if (line.kind !== 'item') return line;
          const discountBp = scenario.discountBp ?? line.discountBp;
          const unitPrice =
            scenario.marginTargetBp === null
              ? line.unitPrice
              : priceForMargin(
                  line.unitCost,
                  line.unitPrice,
                  scenario.marginTargetBp,
                  discountBp,
                  mode,
                );
          return { ...line, discountBp, unitPrice };
        }),
    }));
  if (scenario.contingencyShareBp !== null && scenario.contingencyShareBp > 0) {
    const line = contingencyLine(
      context.newId(),
      context.contingencyLabel,
      context.exposure,
      scenario.contingencyShareBp,
      mode,
    );
    const last = kept.at(-1);
    if (last === undefined) {
      kept.push({ id: context.newId(), name: context.contingencyLabel, lines: [line] });
    } else {
      kept[kept.length - 1] = { ...last, lines: [...last.lines, line] };
    }
  }
  return kept;
}

export interface ScenarioResult {
  readonly scenarioId: string | null;
  readonly totals: Totals;
  /** Pwin × margin, rounded by the mode. */
  readonly expectedValue: Money;
}

/** Price, margin and expected value of the sections as they stand (the baseline). */
export function outcomeOf(
  figures: QuoteFigures,
  pwin: number,
  mode: RoundingMode,
  scenarioId: string | null,
): ScenarioResult {
  const margin = figures.totals.margin;
  return {
    scenarioId,
    totals: figures.totals,
    expectedValue: money(
      Number(divideRounded(BigInt(margin.amountMinor) * BigInt(pwin), 100n, mode)),
      margin.currency,
    ),
  };
}

/** The baseline and each scenario side by side (the quote itself is untouched). */
export function compareScenarios(
  sections: readonly QuoteSection[],
  scenarios: readonly QuoteScenario[],
  context: ScenarioContext,
): { baseline: ScenarioResult; scenarios: ScenarioResult[] } {
  const { currency, rounding, pwin } = context;
  return {
    baseline: outcomeOf(quoteFigures(sections, currency, rounding), pwin, rounding.mode, null),
    scenarios: scenarios.map((scenario) =>
      outcomeOf(
        quoteFigures(applyScenario(sections, scenario, context), currency, rounding),
        pwin,
        rounding.mode,
        scenario.id,
      ),
    ),
  };
}

// ---- versions ----

/** The next version number of a deal's quotes (1 for the first). */
export function nextVersion(quotes: readonly Pick<Quote, 'version'>[]): number {
  return quotes.reduce((max, quote) => Math.max(max, quote.version), 0) + 1;
}

/**
 * The version the deal follows: the accepted one, else the newest that is not superseded, else
 * none. Deleted versions never count.
 */
export function currentQuote<T extends Pick<Quote, 'version' | 'status' | 'deletedAt'>>(
  quotes: readonly T[],
): T | null {
  const live = quotes.filter((quote) => quote.deletedAt === null);
  const accepted = live.find((quote) => quote.status === 'accepted');
  if (accepted !== undefined) return accepted;
  let best: T | null = null;
  for (const quote of live) {
    if (quote.status === 'superseded') continue;
    if (best === null || quote.version > best.version) best = quote;
  }
  return best;
}

/** Status changes a user may make (superseded is set only by accepting another version). */
const TRANSITIONS: Readonly<Record<QuoteStatus, readonly QuoteStatus[]>> = {
  draft: ['internal_review', 'sent'],
  internal_review: ['draft', 'sent'],
  sent: ['accepted', 'superseded'],
  accepted: [],
  superseded: [],
};

export function allowedTransitions(status: QuoteStatus): readonly QuoteStatus[] {
  return TRANSITIONS[status];
}

export function canTransition(from: QuoteStatus, to: QuoteStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export class QuoteLockedError extends Error {
  constructor(readonly status: QuoteStatus) {
    super(`A quote version that is ${status} cannot be changed; copy it to a new draft`);
    this.name = 'QuoteLockedError';
  }
}

export class QuoteTransitionError extends Error {
  constructor(
    readonly from: QuoteStatus,
    readonly to: QuoteStatus,
  ) {
    super(`A quote version cannot go from ${from} to ${to}`);
    this.name = 'QuoteTransitionError';
  }
}

/** Refuses any change of content to a version that is sent or later. */
export function assertEditable(quote: Pick<Quote, 'status'>): void {
  if (!isQuoteEditable(quote)) throw new QuoteLockedError(quote.status);
}

/**
 * Content edit of a draft: returns the quote with the new content, or throws `QuoteLockedError`
 * for a sent (or later) version. Status, version and deal never change through an edit.
 */
export function editQuote<T extends Quote>(
  quote: T,
  changes: Partial<Pick<Quote, 'name' | 'sections' | 'validUntil' | 'terms' | 'scenarios'>>,
): T {
  assertEditable(quote);
  return { ...quote, ...changes };
}

/** The fields of a new draft copied from `source` (any status), as version `version`. */
export function copyFields(
  source: Quote,
  version: number,
): Pick<
  Quote,
  | 'dealId'
  | 'version'
  | 'name'
  | 'status'
  | 'currency'
  | 'sections'
  | 'validUntil'
  | 'terms'
  | 'scenarios'
> {
  return {
    dealId: source.dealId,
    version,
    name: source.name,
    status: 'draft',
    currency: source.currency,
    sections: source.sections,
    validUntil: source.validUntil,
    terms: source.terms,
    scenarios: source.scenarios,
  };
}

/**
 * What the deal should show for a quote: its value is the quote's price excluding tax, its
 * expected margin the quote's margin % (two decimals dropped to the schema's number). Null when
 * the quote's currency is not the deal's (the deal keeps its figures).
 */
export function dealFiguresOf(figures: Pick<QuoteFigures, 'totals'>): {
  value: Money;
  expectedMarginPct: number;
} {
  const marginPct = figures.totals.marginBp === null ? 0 : figures.totals.marginBp / 100;
  return {
    value: figures.totals.net,
    expectedMarginPct: Math.max(-100, Math.min(100, marginPct)),
  };
}
