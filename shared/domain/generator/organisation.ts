import type { Account, Industry, AccountTier } from '@shared/domain/account';
import type { Contact, BuyingRole } from '@shared/domain/contact';
import type { CommissionAssignment, CommissionPlan } from '@shared/domain/commission';
import type { CommissionAdjustmentRecord } from '@shared/domain/commission-adjustment';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { Settings } from '@shared/domain/settings';
import type { Target } from '@shared/domain/target';
import type { Team } from '@shared/domain/team';
import type { PersonId, RoleId, TargetId, TeamId } from '@shared/domain/ids';
import { allocateMoney, money, moneyFromMajor, multiplyMoney } from '@shared/domain/money';
import { addDays, datePartsOf, planDateFromParts, utcMsOfPlanDate } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import { DEFAULT_ROLE_IDS } from '@shared/domain/defaults';
import type { DefaultRoleKey } from '@shared/domain/defaults';
import type { GeneratorContext } from '@shared/domain/generator/context';
import { baseFields, DAY_MS, fill, msBetween, newId, text } from '@shared/domain/generator/context';
import {
  ACCOUNT_TEMPLATES,
  CONTACT_TITLES,
  EN_FIRST_NAMES,
  EN_LAST_NAMES,
  PLACES,
  SUPPORT_TEAM_NAMES,
  TEAM_NAMES,
  ZH_GIVEN_NAMES,
  ZH_SURNAMES,
} from '@shared/domain/generator/vocabulary';

/** The people side of a portfolio, with lookups the deal generator needs. */
export interface Organisation {
  readonly teams: Team[];
  readonly people: Person[];
  readonly peopleByRole: ReadonlyMap<RoleId, readonly Person[]>;
  /** Active account executives and capture managers: who owns deals. */
  readonly sellers: readonly Person[];
}

const NAME_COMBINATIONS = 1_200;

/** A person's name and e-mail from a combination index, the same index in both languages. */
function personName(
  ctx: GeneratorContext,
  combination: number,
  suffix: number,
): { name: string; email: string } {
  const c = combination % NAME_COMBINATIONS;
  const number = suffix > 0 ? String(suffix + 1) : '';
  if (ctx.lang === 0) {
    const surname = ZH_SURNAMES[c % ZH_SURNAMES.length] ?? ['王', 'wang'];
    const given = ZH_GIVEN_NAMES[Math.floor(c / ZH_SURNAMES.length) % ZH_GIVEN_NAMES.length] ?? [
      '伟',
      'wei',
    ];
    return {
      name: `${surname[0]}${given[0]}${number}`,
      email: `${given[1]}.${surname[1]}${number}@example.cn`,
    };
  }
  const first = EN_FIRST_NAMES[c % EN_FIRST_NAMES.length] ?? 'Alex';
  const last = EN_LAST_NAMES[Math.floor(c / EN_FIRST_NAMES.length) % EN_LAST_NAMES.length] ?? 'Lee';
  return {
    name: `${first} ${last}${number ? ` ${number}` : ''}`,
    email: `${first}.${last}${number}@example.com`.toLowerCase(),
  };
}

const ROLE_WEIGHTS: readonly (readonly [DefaultRoleKey, number])[] = [
  ['account_executive', 20],
  ['capture_manager', 10],
  ['proposal_manager', 12],
  ['solution_architect', 15],
  ['pricing_analyst', 7],
  ['proposal_writer', 16],
  ['subject_matter_expert', 9],
  ['contracts_manager', 5],
  ['production_designer', 6],
];

/** A second role some people also fill. */
const SECOND_ROLE: Partial<Record<DefaultRoleKey, DefaultRoleKey>> = {
  proposal_manager: 'proposal_writer',
  solution_architect: 'subject_matter_expert',
  capture_manager: 'account_executive',
  pricing_analyst: 'contracts_manager',
};

const SELLING_ROLES: readonly DefaultRoleKey[] = ['account_executive', 'capture_manager'];

export function generateOrganisation(
  ctx: GeneratorContext,
  count: number,
  roles: readonly Role[],
  setupAt: number,
): Organisation {
  const { rng } = ctx;
  const roleByKey = new Map(roles.map((role) => [role.key, role]));
  const combos = rng.shuffle(Array.from({ length: NAME_COMBINATIONS }, (_, i) => i));

  const salesTeamCount = Math.min(TEAM_NAMES.length, Math.max(2, Math.round(count / 25)));
  const supportTeamCount = Math.min(SUPPORT_TEAM_NAMES.length, Math.max(1, Math.round(count / 50)));
  const teamCreatedAt = setupAt;
  const teamIds = {
    sales: Array.from({ length: salesTeamCount }, () => newId<TeamId>(ctx)),
    support: Array.from({ length: supportTeamCount }, () => newId<TeamId>(ctx)),
  };

  const people: Person[] = [];
  const roleKeys = ROLE_WEIGHTS.map(([key]) => key);
  let salesIndex = 0;
  let supportIndex = 0;
  for (let i = 0; i < count; i += 1) {
    // The first people cover every role once, so even a small portfolio can staff a plan.
    const primary =
      i < roleKeys.length ? (roleKeys[i] ?? 'proposal_writer') : rng.weighted(ROLE_WEIGHTS);
    const second = SECOND_ROLE[primary];
    const roleKeysOfPerson =
      second !== undefined && rng.chance(0.25) ? [primary, second] : [primary];
    const primaryRole = roleByKey.get(primary);
    const rate = primaryRole?.defaultRate ?? moneyFromMajor(300, 'CNY');
    const { name, email } = personName(
      ctx,
      combos[i % NAME_COMBINATIONS] ?? i,
      Math.floor(i / NAME_COMBINATIONS),
    );
    const selling = SELLING_ROLES.includes(primary);
    const teamId = selling
      ? (teamIds.sales[salesIndex++ % salesTeamCount] ?? null)
      : (teamIds.support[supportIndex++ % supportTeamCount] ?? null);
    const leaveCount = rng.weighted([
      [0, 4],
      [2, 3],
      [5, 2],
      [10, 1],
    ] as const);
    const leaveStart = addDays(ctx.today, -60);
    const leave = new Set<PlanDate>();
    for (let k = 0; k < leaveCount; k += 1) {
      const first = ctx.calendar.workingDayOnOrAfter(addDays(leaveStart, rng.int(0, 150)));
      const length = rng.int(1, 3);
      for (let d = 0; d < length; d += 1) leave.add(ctx.calendar.addWorkingDays(first, d));
    }
    const createdAt = msBetween(ctx, setupAt, setupAt + 300 * DAY_MS);
    people.push({
      id: newId<PersonId>(ctx),
      ...baseFields(ctx, createdAt),
      name,
      email,
      roleIds: roleKeysOfPerson.map((key) => DEFAULT_ROLE_IDS[key]),
      teamId,
      costRate: multiplyMoney(rate, { numerator: rng.int(85, 120), denominator: 100 }, 'half_up'),
      weeklyCapacityHours: rng.weighted([
        [40, 8],
        [32, 1],
        [20, 1],
      ] as const),
      workingWeek: [1, 2, 3, 4, 5],
      leaveDays: [...leave].sort(),
      active: i < roleKeys.length || rng.chance(0.96),
    });
  }

  const teams: Team[] = [
    ...teamIds.sales.map((id, index) => ({
      id,
      pair: TEAM_NAMES[index] ?? ['销售团队', 'Sales team'],
    })),
    ...teamIds.support.map((id, index) => ({
      id,
      pair: SUPPORT_TEAM_NAMES[index] ?? ['支持团队', 'Support team'],
    })),
  ].map(({ id, pair }) => ({
    id,
    ...baseFields(ctx, teamCreatedAt),
    name: text(ctx, pair),
    managerId: people.find((person) => person.teamId === id && person.active)?.id ?? null,
  }));

  const peopleByRole = new Map<RoleId, Person[]>();
  for (const person of people) {
    if (!person.active) continue;
    for (const roleId of person.roleIds) {
      const list = peopleByRole.get(roleId) ?? [];
      list.push(person);
      peopleByRole.set(roleId, list);
    }
  }
  const sellers = people.filter(
    (person) =>
      person.active &&
      (person.roleIds.includes(DEFAULT_ROLE_IDS.account_executive) ||
        person.roleIds.includes(DEFAULT_ROLE_IDS.capture_manager)),
  );
  return { teams, people, peopleByRole, sellers };
}

const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = [
  ['government', 18],
  ['energy', 12],
  ['utilities', 6],
  ['telecom', 10],
  ['banking', 12],
  ['insurance', 5],
  ['manufacturing', 12],
  ['healthcare', 9],
  ['transport', 9],
  ['education', 4],
  ['retail', 2],
  ['technology', 3],
];

const BUYING_ROLE_ORDER: readonly BuyingRole[] = [
  'economic_buyer',
  'champion',
  'technical_buyer',
  'user',
  'influencer',
  'coach',
  'gatekeeper',
  'blocker',
];

export interface AccountBook {
  readonly accounts: Account[];
  readonly contacts: Contact[];
  readonly contactsByAccount: ReadonlyMap<Account['id'], readonly Contact[]>;
}

export function generateAccounts(
  ctx: GeneratorContext,
  count: number,
  organisation: Organisation,
  baseCurrency: string,
  setupAt: number,
): AccountBook {
  const { rng } = ctx;
  const industries = INDUSTRY_WEIGHTS.map(([industry]) => industry);
  const used = new Set<string>();
  const accounts: Account[] = [];
  const contacts: Contact[] = [];
  const contactsByAccount = new Map<Account['id'], Contact[]>();
  const nameCombos = rng.shuffle(Array.from({ length: NAME_COMBINATIONS }, (_, i) => i));
  let contactIndex = 0;
  const majorScale = baseCurrency === 'CNY' ? 1 : 0.15;

  for (let i = 0; i < count; i += 1) {
    // Every industry appears before any repeats, so a small portfolio still spans the market.
    const industry =
      i < industries.length ? (industries[i] ?? 'other') : rng.weighted(INDUSTRY_WEIGHTS);
    const templates = ACCOUNT_TEMPLATES[industry] ?? [['{p}集团', '{p} Group']];
    let name = '';
    let placeIndex = 0;
    for (let attempt = 0; attempt < 40; attempt += 1) {
      placeIndex = rng.int(0, PLACES.length - 1);
      const candidate = fill(text(ctx, rng.pick(templates)), {
        p: text(ctx, PLACES[placeIndex] ?? ['', '']),
      });
      if (!used.has(candidate)) {
        name = candidate;
        break;
      }
    }
    if (name === '')
      name = `${fill(text(ctx, templates[0] ?? ['{p}', '{p}']), { p: text(ctx, PLACES[0] ?? ['', '']) })} ${i + 1}`;
    used.add(name);
    const tier = rng.weighted<AccountTier>([
      ['strategic', 15],
      ['key', 35],
      ['standard', 50],
    ]);
    const createdAt = msBetween(ctx, setupAt, ctx.now - 30 * DAY_MS);
    const seller = rng.pick(organisation.sellers);
    const potentialMajor =
      Math.round(
        (rng.int(2, 150) *
          1_000_000 *
          majorScale *
          (tier === 'strategic' ? 3 : tier === 'key' ? 1.5 : 1)) /
          100_000,
      ) * 100_000;
    const account: Account = {
      id: newId<Account['id']>(ctx),
      ...baseFields(ctx, createdAt),
      name,
      shortName: '',
      industry,
      tier,
      region: text(ctx, PLACES[placeIndex] ?? ['', '']),
      website: `https://account-${i + 1}.example.com`,
      ownerId: seller.id,
      potential: moneyFromMajor(potentialMajor, baseCurrency),
      notes: '',
      tags: [],
    };
    accounts.push(account);

    const roles = [
      BUYING_ROLE_ORDER[0] ?? 'economic_buyer',
      ...rng.shuffle(BUYING_ROLE_ORDER.slice(1)),
    ];
    const contactCount = rng.int(2, 5);
    const list: Contact[] = [];
    for (let k = 0; k < contactCount; k += 1) {
      const buyingRole = roles[k] ?? 'user';
      const { name: contactName } = personName(
        ctx,
        nameCombos[contactIndex % NAME_COMBINATIONS] ?? contactIndex,
        Math.floor(contactIndex / NAME_COMBINATIONS),
      );
      contactIndex += 1;
      const contact: Contact = {
        id: newId<Contact['id']>(ctx),
        ...baseFields(ctx, msBetween(ctx, createdAt, ctx.now)),
        accountId: account.id,
        name: contactName,
        title: text(ctx, rng.pick(CONTACT_TITLES[buyingRole])),
        department: '',
        email: `contact${k + 1}@account-${i + 1}.example.com`,
        phone:
          ctx.lang === 0
            ? `1${rng.int(30, 99)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`
            : `+1 555 01${String(rng.int(0, 99)).padStart(2, '0')}`,
        buyingRole,
        notes: '',
      };
      list.push(contact);
      contacts.push(contact);
    }
    contactsByAccount.set(account.id, list);
  }
  return { accounts, contacts, contactsByAccount };
}

/**
 * This fiscal year's quotas: a revenue target per sales team, allocated to its sellers (their
 * year targets sum to the team's to the minor unit), and each seller's year split into quarters.
 */
export function generateTargets(
  ctx: GeneratorContext,
  organisation: Organisation,
  settings: Settings,
  setupAt: number,
): Target[] {
  const { rng } = ctx;
  const fiscalYear = fiscalYearOf(ctx.today, settings.fiscalYearStartMonth);
  const targets: Target[] = [];
  const createdAt = Math.min(
    ctx.now,
    Math.max(setupAt, utcMsOfPlanDate(fiscalStart(fiscalYear, settings.fiscalYearStartMonth))),
  );
  const perSellerMajor = settings.baseCurrency === 'CNY' ? 30_000_000 : 4_500_000;
  for (const team of organisation.teams) {
    const sellers = organisation.sellers.filter((person) => person.teamId === team.id);
    if (sellers.length === 0) continue;
    const teamAmount = moneyFromMajor(
      Math.round((sellers.length * perSellerMajor * rng.int(80, 130)) / 100 / 1_000_000) *
        1_000_000,
      settings.baseCurrency,
    );
    const teamTarget: Target = {
      id: newId<TargetId>(ctx),
      ...baseFields(ctx, createdAt),
      personId: null,
      teamId: team.id,
      period: { kind: 'year', fiscalYear, index: 1 },
      basis: 'revenue',
      amount: teamAmount,
      parentTargetId: null,
      allocationMethod: null,
      note: '',
    };
    targets.push(teamTarget);
    const equal = rng.chance(0.5);
    const shares = allocateMoney(
      teamAmount,
      sellers.map(() => (equal ? 1 : rng.int(6, 14))),
    );
    sellers.forEach((seller, index) => {
      const amount = shares[index] ?? money(0, settings.baseCurrency);
      const yearTarget: Target = {
        id: newId<TargetId>(ctx),
        ...baseFields(ctx, createdAt),
        personId: seller.id,
        teamId: null,
        period: { kind: 'year', fiscalYear, index: 1 },
        basis: 'revenue',
        amount,
        parentTargetId: teamTarget.id,
        allocationMethod: equal ? 'equal' : 'pipeline',
        note: '',
      };
      targets.push(yearTarget);
      allocateMoney(amount, [22, 24, 26, 28]).forEach((quarterAmount, quarter) => {
        targets.push({
          id: newId<TargetId>(ctx),
          ...baseFields(ctx, createdAt),
          personId: seller.id,
          teamId: null,
          period: { kind: 'quarter', fiscalYear, index: quarter + 1 },
          basis: 'revenue',
          amount: quarterAmount,
          parentTargetId: yearTarget.id,
          allocationMethod: 'manual',
          note: '',
        });
      });
    });
  }
  return targets;
}

/** The fiscal year (named by the calendar year it starts in) containing a date. */
export function fiscalYearOf(date: PlanDate, startMonth: number): number {
  const { year, month } = datePartsOf(date);
  return month >= startMonth ? year : year - 1;
}

function fiscalStart(fiscalYear: number, startMonth: number): PlanDate {
  return planDateFromParts(fiscalYear, startMonth, 1);
}

export function generateCommissions(
  ctx: GeneratorContext,
  organisation: Organisation,
  settings: Settings,
  setupAt: number,
): { plans: CommissionPlan[]; assignments: CommissionAssignment[] } {
  const currency = settings.baseCurrency;
  const scale = currency === 'CNY' ? 1 : 0.15;
  const base = (name: [string, string]) => ({
    id: newId<CommissionPlan['id']>(ctx),
    ...baseFields(ctx, setupAt),
    name: text(ctx, name),
    currency,
    notes: '',
  });
  const flat: CommissionPlan = {
    ...base(['标准提成方案', 'Standard flat plan']),
    kind: 'flat',
    basis: 'revenue',
    periodKind: 'quarter',
    flatRateBp: 150,
    tiers: [],
    tierMode: 'marginal',
    accelerators: [],
    cap: null,
    draw: null,
  };
  const tiered: CommissionPlan = {
    ...base(['累进提成方案', 'Tiered revenue plan']),
    kind: 'tiered',
    basis: 'revenue',
    periodKind: 'quarter',
    flatRateBp: null,
    tiers: [
      { fromAttainmentPct: 0, rateBp: 100 },
      { fromAttainmentPct: 50, rateBp: 200 },
      { fromAttainmentPct: 100, rateBp: 350 },
    ],
    tierMode: 'marginal',
    accelerators: [{ aboveAttainmentPct: 120, multiplierPct: 150 }],
    cap: moneyFromMajor(Math.round(800_000 * scale), currency),
    draw: null,
  };
  const margin: CommissionPlan = {
    ...base(['方案型销售毛利激励', 'Solution margin plan']),
    kind: 'tiered',
    basis: 'margin',
    periodKind: 'year',
    flatRateBp: null,
    tiers: [
      { fromAttainmentPct: 0, rateBp: 300 },
      { fromAttainmentPct: 80, rateBp: 500 },
      { fromAttainmentPct: 110, rateBp: 700 },
    ],
    tierMode: 'retroactive',
    accelerators: [],
    cap: null,
    draw: {
      kind: 'recoverable',
      amountPerPeriod: moneyFromMajor(Math.round(60_000 * scale), currency),
    },
  };
  const fiscalYear = fiscalYearOf(ctx.today, settings.fiscalYearStartMonth);
  const assignments: CommissionAssignment[] = organisation.sellers.map((seller) => {
    const plan =
      seller.roleIds[0] === DEFAULT_ROLE_IDS.capture_manager
        ? margin
        : ctx.rng.chance(0.7)
          ? tiered
          : flat;
    return {
      id: newId<CommissionAssignment['id']>(ctx),
      ...baseFields(ctx, setupAt),
      personId: seller.id,
      planId: plan.id,
      fiscalYear,
    };
  });
  return { plans: [flat, tiered, margin], assignments };
}

/**
 * A couple of commission adjustments of the current fiscal quarter: a one-off payout correction
 * for the first seller and a credit correction for the second, so the sample shows both kinds.
 */
export function generateCommissionAdjustments(
  ctx: GeneratorContext,
  organisation: Organisation,
  settings: Settings,
  setupAt: number,
): CommissionAdjustmentRecord[] {
  const currency = settings.baseCurrency;
  const scale = currency === 'CNY' ? 1 : 0.15;
  const fiscalYear = fiscalYearOf(ctx.today, settings.fiscalYearStartMonth);
  const { month } = datePartsOf(ctx.today);
  const quarter = Math.floor(((month - settings.fiscalYearStartMonth + 12) % 12) / 3) + 1;
  const period = { kind: 'quarter' as const, fiscalYear, index: quarter };
  const rows: CommissionAdjustmentRecord[] = [];
  const [first, second] = organisation.sellers;
  if (first !== undefined) {
    rows.push({
      id: newId<CommissionAdjustmentRecord['id']>(ctx),
      ...baseFields(ctx, setupAt),
      personId: first.id,
      period,
      kind: 'payout',
      amount: moneyFromMajor(Math.round(5_000 * scale), currency),
      reason: text(ctx, ['上季度提成少算补发', 'Last quarter underpaid: correction']),
      dealId: null,
    });
  }
  if (second !== undefined) {
    rows.push({
      id: newId<CommissionAdjustmentRecord['id']>(ctx),
      ...baseFields(ctx, setupAt),
      personId: second.id,
      period,
      kind: 'credit',
      amount: moneyFromMajor(-Math.round(100_000 * scale), currency),
      reason: text(ctx, ['框架协议金额核减', 'Framework agreement value reduced']),
      dealId: null,
    });
  }
  return rows;
}
