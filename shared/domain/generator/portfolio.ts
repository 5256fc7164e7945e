import { generateCommercial } from '@shared/domain/generator/commercial';
import { generateQuotes } from '@shared/domain/generator/quotes';
import { createCalendar } from '@shared/domain/calendar';
import { planDateFromUtcMs } from '@shared/domain/dates';
import {
  createDefaultRoles,
  createDefaultSalesProcess,
  createDefaultSettings,
} from '@shared/domain/defaults';
import type { Locale } from '@shared/domain/settings';
import type { Portfolio } from '@shared/domain/tables';
import type { GeneratorContext } from '@shared/domain/generator/context';
import { DAY_MS, text } from '@shared/domain/generator/context';
import { createRandom } from '@shared/domain/generator/random';
import {
  generateAccounts,
  generateCommissionAdjustments,
  generateCommissions,
  generateOrganisation,
  generateTargets,
} from '@shared/domain/generator/organisation';
import { generatePursuits } from '@shared/domain/generator/pursuits';
import { COMPANY_ADDRESS, COMPANY_NAME } from '@shared/domain/generator/vocabulary';

/** How big a generated portfolio is. Per-deal figures are averages; totals are met exactly. */
export interface PortfolioSize {
  readonly deals: number;
  readonly people: number;
  readonly accounts: number;
  readonly tasksPerDeal: number;
  readonly risksPerDeal: number;
  readonly costEntriesPerDeal: number;
  readonly activitiesPerDeal: number;
  readonly timeEntriesPerDeal: number;
}

export type PresetName = 'sample' | 'large';

/**
 * `sample`: a small company a new user can explore (about 25 deals). `large`: the benchmark
 * portfolio — 2,000 deals, 40,000 tasks, 150 people, 8,000 risks, 30,000 cost entries and
 * 50,000 activities.
 */
export const PORTFOLIO_PRESETS: Readonly<Record<PresetName, PortfolioSize>> = {
  sample: {
    deals: 25,
    people: 18,
    accounts: 12,
    tasksPerDeal: 14,
    risksPerDeal: 3,
    costEntriesPerDeal: 6,
    activitiesPerDeal: 12,
    timeEntriesPerDeal: 6,
  },
  large: {
    deals: 2_000,
    people: 150,
    accounts: 300,
    tasksPerDeal: 20,
    risksPerDeal: 4,
    costEntriesPerDeal: 15,
    activitiesPerDeal: 25,
    timeEntriesPerDeal: 10,
  },
};

export interface GenerateOptions extends Partial<PortfolioSize> {
  /** Any whole number; the same seed gives the same portfolio, byte for byte. */
  readonly seed: number;
  readonly locale: Locale;
  /** "Now" in epoch ms: dates are laid out around it (open deals ahead, closed ones behind). */
  readonly now: number;
  /** Starting sizes; individual sizes override it. Without a preset, sizes scale with `deals`. */
  readonly preset?: PresetName;
}

/** Resolves the sizes: a preset, or people and accounts in proportion to the number of deals. */
export function resolveSize(
  options: Partial<PortfolioSize> & { preset?: PresetName },
): PortfolioSize {
  const preset = options.preset === undefined ? undefined : PORTFOLIO_PRESETS[options.preset];
  const deals = options.deals ?? preset?.deals ?? PORTFOLIO_PRESETS.sample.deals;
  const perDeal = preset ?? PORTFOLIO_PRESETS.large;
  const size: PortfolioSize = {
    deals,
    people: options.people ?? preset?.people ?? Math.max(12, Math.round(deals * 0.075)),
    accounts: options.accounts ?? preset?.accounts ?? Math.max(8, Math.round(deals * 0.15)),
    tasksPerDeal: options.tasksPerDeal ?? perDeal.tasksPerDeal,
    risksPerDeal: options.risksPerDeal ?? perDeal.risksPerDeal,
    costEntriesPerDeal: options.costEntriesPerDeal ?? perDeal.costEntriesPerDeal,
    activitiesPerDeal: options.activitiesPerDeal ?? perDeal.activitiesPerDeal,
    timeEntriesPerDeal: options.timeEntriesPerDeal ?? perDeal.timeEntriesPerDeal,
  };
  for (const [key, value] of Object.entries(size)) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`${key} must be a whole number ≥ 0`);
  }
  if (size.deals > 0 && (size.people < 9 || size.accounts < 1)) {
    throw new RangeError(
      'A portfolio with deals needs at least 9 people (one per role) and 1 account',
    );
  }
  return size;
}

/**
 * Generates a realistic, internally consistent portfolio: the default sales process, roles and
 * settings; people in teams; accounts with contacts; deals in every stage and status with plans
 * (a WBS of bid work with dependencies, laid out on the working-day calendar to finish before
 * submission), milestones from the stage templates, gates, baselines, deliverables and review
 * rounds, assignments, risks, budgets and costs, time logged, the activity trail (including the
 * system records of stage moves), targets and commission plans.
 *
 * Deterministic: everything comes from a seeded generator and `now`; the same options give the
 * same JSON byte for byte. Every record satisfies its schema and every reference resolves.
 */
export function generatePortfolio(options: GenerateOptions): Portfolio {
  const size = resolveSize(options);
  const rng = createRandom(options.seed);
  const now = Math.floor(options.now);
  const setupAt = Math.max(0, now - 730 * DAY_MS);
  const baseSettings = createDefaultSettings(setupAt, options.locale);
  const calendar = createCalendar(baseSettings);
  const ctx: GeneratorContext = {
    rng,
    locale: options.locale,
    lang: options.locale === 'zh-CN' ? 0 : 1,
    now,
    today: planDateFromUtcMs(now),
    calendar,
  };
  const settings = {
    ...baseSettings,
    companyName: text(ctx, COMPANY_NAME),
    companyAddress: text(ctx, COMPANY_ADDRESS),
  };
  const roles = createDefaultRoles(setupAt, settings.baseCurrency);
  const { process, stages } = createDefaultSalesProcess(setupAt);
  const organisation = generateOrganisation(ctx, size.people, roles, setupAt);
  const book = generateAccounts(ctx, size.accounts, organisation, settings.baseCurrency, setupAt);
  const pursuits =
    size.deals === 0
      ? null
      : generatePursuits(
          ctx,
          {
            deals: size.deals,
            tasks: size.deals * size.tasksPerDeal,
            risks: size.deals * size.risksPerDeal,
            costEntries: size.deals * size.costEntriesPerDeal,
            activities: size.deals * size.activitiesPerDeal,
            timeEntries: size.deals * size.timeEntriesPerDeal,
          },
          organisation,
          book,
          stages,
          settings,
        );
  const targets = generateTargets(ctx, organisation, settings, setupAt);
  const commissions = generateCommissions(ctx, organisation, settings, setupAt);
  const quoting = generateQuotes(ctx, settings, pursuits?.deals ?? [], setupAt);
  // The quoted deal's value and margin follow its quote, as the app keeps them.
  const deals = (pursuits?.deals ?? []).map((deal) =>
    deal.id === quoting.follows?.dealId
      ? {
          ...deal,
          value: quoting.follows.value,
          expectedMarginPct: quoting.follows.expectedMarginPct,
        }
      : deal,
  );
  const commercial = generateCommercial(ctx, deals);
  return {
    settings: [settings],
    roles,
    teams: organisation.teams,
    people: organisation.people,
    accounts: book.accounts,
    contacts: book.contacts,
    salesProcesses: [process],
    stages,
    deals,
    gates: pursuits?.gates ?? [],
    tasks: pursuits?.tasks ?? [],
    milestones: pursuits?.milestones ?? [],
    dependencies: pursuits?.dependencies ?? [],
    baselines: pursuits?.baselines ?? [],
    deliverables: pursuits?.deliverables ?? [],
    reviewRounds: pursuits?.reviewRounds ?? [],
    assignments: pursuits?.assignments ?? [],
    risks: pursuits?.risks ?? [],
    budgetLines: pursuits?.budgetLines ?? [],
    costEntries: pursuits?.costEntries ?? [],
    timeEntries: pursuits?.timeEntries ?? [],
    activities: pursuits?.activities ?? [],
    targets,
    commissionPlans: commissions.plans,
    commissionAssignments: commissions.assignments,
    reviewSnapshots: [],
    commissionAdjustments: generateCommissionAdjustments(ctx, organisation, settings, setupAt),
    priceBookItems: quoting.priceBookItems,
    quotes: quoting.quotes,
    priceToWin: commercial.priceToWin,
    contracts: commercial.contracts,
    contractFiles: [],
  };
}
