/**
 * Pursuit cost (bid & proposal budget) of one deal: what was budgeted, what is planned, what was
 * spent, and what the pursuit will cost at completion, all in the deal's currency.
 *
 * Definitions (per cost category c; "today" is a parameter, entries dated after it are scheduled,
 * not yet spent):
 * - **budget_c**: the sum of the deal's budget lines in c. **Budget** is the sum over categories.
 * - **actual_c**: cost entries in c dated on or before today (negative entries are refunds and
 *   reduce it); for labour, plus hours logged on or before today × the person's rate.
 * - **planned labour**: the hours of the deal's assignments (`dealTeam`) × the person's cost rate,
 *   or the role's default rate when the person's rate is zero.
 * - **plan_c**: for labour, the planned labour when the deal has assignments, otherwise the labour
 *   budget; for every other category, its budget.
 * - **remaining_c** = max(plan_c − actual_c, scheduled_c, 0), where scheduled_c is the sum of
 *   entries in c dated after today: what is still to spend on the plan, and at least what is
 *   already booked for a later date. It is never negative: an overspend does not give money back.
 * - **committed** = planned labour + the non-labour budget still to spend (Σ remaining_c, c ≠
 *   labour): the spend the plan and budget commit the pursuit to from here, plus the labour plan.
 * - **EAC** (estimate at completion) = actual + Σ remaining_c: the bottom-up "actual cost plus
 *   estimate to complete" with the estimate to complete taken from the remaining plan (PMI's
 *   EAC = AC + ETC). So EAC ≥ actual, and EAC is the budget when everything goes to plan.
 * - **variance** = budget − EAC (negative: expected overrun).
 * - **burn** = actual ÷ budget, compared with **progress**, the plan's percent complete weighted by
 *   task duration (leaf tasks; a zero-day task weighs one day, as in the plan's roll-up).
 * - **cost of sale** = EAC ÷ deal value, in percent.
 * - **expected value** = Pwin × (value × expected margin) − (EAC − actual), the margin the deal is
 *   expected to bring less the pursuit cost still to spend (what is spent is sunk).
 *
 * - **warnings**: the budget warning fires when actual reaches `budgetWarnPct` % of the budget (the
 *   money is nearly spent), or when EAC is over the budget and reaches that percentage too (an
 *   overrun is forecast; above 100 % the threshold is a tolerance). EAC alone reaching 90 % is no
 *   warning: a pursuit on plan has EAC = budget. Cost of sale warns from `costOfSaleWarnPct` %.
 *
 * Amounts in another currency than the deal's are never added: they are left out and listed in
 * `excluded`, so the view can say which. Money is integer minor units; each labour amount is
 * rounded once (per time entry, per team member) with the settings' rounding mode, and the
 * expected value once, so every total is an exact sum of the figures shown.
 */
import type { BudgetLine, CostCategory, CostEntry } from '@shared/domain/cost';
import { COST_CATEGORIES } from '@shared/domain/cost';
import type { PlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { PersonId, RoleId } from '@shared/domain/ids';
import type { CurrencyCode, Money, RoundingMode } from '@shared/domain/money';
import { decimalToFraction, divideRounded, money, multiplyMoney } from '@shared/domain/money';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { Thresholds } from '@shared/domain/settings';
import type { Task } from '@shared/domain/task';
import type { TimeEntry } from '@shared/domain/time-entry';
import type { TeamAssignment, TeamTask } from '@shared/resources/team';
import { dealTeam } from '@shared/resources/team';
import { MINUTES_PER_HOUR, minutesOfHours } from '@shared/resources/spread';

export type CostPerson = Pick<Person, 'id' | 'roleIds' | 'costRate' | 'deletedAt'>;
export type CostRole = Pick<Role, 'id' | 'defaultRate'>;
export type CostTask = TeamTask & Pick<Task, 'parentId' | 'durationDays' | 'progress'>;

/** Something left out of the figures because it is not in the deal's currency. */
export interface ExcludedAmount {
  readonly kind: 'budget' | 'cost' | 'time' | 'labor';
  readonly id: string;
  readonly currency: CurrencyCode;
}

export interface CategoryFigures {
  readonly category: CostCategory;
  readonly budget: Money;
  readonly plan: Money;
  readonly actual: Money;
  readonly scheduled: Money;
  readonly remaining: Money;
}

export interface CostWarnings {
  /** Either budget warning below (a non-zero budget). */
  readonly overBudget: boolean;
  /** Actual reached `budgetWarnPct` % of the budget. */
  readonly budgetSpent: boolean;
  /** EAC is over the budget and reached `budgetWarnPct` % of it. */
  readonly eacOverBudget: boolean;
  /** Cost of sale reached `costOfSaleWarnPct` % (deal value above zero). */
  readonly costOfSale: boolean;
}

export interface DealCostFigures {
  readonly currency: CurrencyCode;
  readonly byCategory: readonly CategoryFigures[];
  readonly budget: Money;
  readonly plannedLabor: Money;
  readonly committed: Money;
  readonly actual: Money;
  readonly actualLabor: Money;
  readonly remaining: Money;
  readonly eac: Money;
  readonly variance: Money;
  /** Actual ÷ budget in percent (null: no budget). */
  readonly burnPct: number | null;
  /** The plan's duration-weighted percent complete (null: no tasks). */
  readonly progressPct: number | null;
  /** EAC ÷ deal value in percent (null: the deal has no value). */
  readonly costOfSalePct: number | null;
  readonly expectedValue: Money;
  readonly warnings: CostWarnings;
  readonly excluded: readonly ExcludedAmount[];
}

/**
 * The hourly rate labour is costed at: the person's own cost rate, or when that is zero, the
 * default rate of the role (the one named, else the person's primary role). Null: nobody known.
 */
export function laborRate(
  person: CostPerson | undefined,
  roleId: RoleId | null,
  roles: ReadonlyMap<RoleId, CostRole>,
): Money | null {
  if (person === undefined) return null;
  if (person.costRate.amountMinor > 0) return person.costRate;
  const role = roles.get(roleId ?? person.roleIds[0] ?? ('' as RoleId));
  return role?.defaultRate ?? person.costRate;
}

/** Hours × rate, rounded once to the minor unit (hours are taken in whole minutes). */
export function costOfHours(rate: Money, hours: number, mode: RoundingMode): Money {
  return multiplyMoney(
    rate,
    { numerator: minutesOfHours(hours), denominator: MINUTES_PER_HOUR },
    mode,
  );
}

/** The cost of one time entry at its person's rate (null: person unknown). */
export function timeEntryCost(
  entry: Pick<TimeEntry, 'personId' | 'hours'>,
  people: ReadonlyMap<PersonId, CostPerson>,
  roles: ReadonlyMap<RoleId, CostRole>,
  mode: RoundingMode,
): Money | null {
  const rate = laborRate(people.get(entry.personId), null, roles);
  return rate === null ? null : costOfHours(rate, entry.hours, mode);
}

/** Duration-weighted percent complete of the plan's leaf tasks (null: no live tasks). */
export function planProgressPct(tasks: readonly CostTask[]): number | null {
  const live = tasks.filter((task) => task.deletedAt === null);
  const parents = new Set<string>();
  for (const task of live) if (task.parentId !== null) parents.add(task.parentId);
  let weight = 0;
  let done = 0;
  for (const task of live) {
    if (parents.has(task.id)) continue;
    const days = Math.max(task.durationDays, 1);
    weight += days;
    done += days * task.progress;
  }
  return weight === 0 ? null : done / weight;
}

/** a ÷ b in percent, or null when b is not above zero. */
function percentOfTotal(part: number, whole: number): number | null {
  return whole > 0 ? (part * 100) / whole : null;
}

/** amount × 100 ≥ pct × whole, exactly (pct may have decimals). */
function reaches(amountMinor: number, wholeMinor: number, pct: number): boolean {
  const { numerator, denominator } = decimalToFraction(pct);
  return BigInt(amountMinor) * 100n * denominator >= numerator * BigInt(wholeMinor);
}

export interface DealCostInput {
  readonly deal: Pick<Deal, 'value' | 'pwin' | 'expectedMarginPct'>;
  readonly budgetLines: readonly Pick<BudgetLine, 'id' | 'category' | 'amount' | 'deletedAt'>[];
  readonly costEntries: readonly Pick<
    CostEntry,
    'id' | 'category' | 'amount' | 'date' | 'deletedAt'
  >[];
  readonly timeEntries: readonly Pick<
    TimeEntry,
    'id' | 'personId' | 'hours' | 'date' | 'deletedAt'
  >[];
  readonly assignments: readonly TeamAssignment[];
  readonly tasks: readonly CostTask[];
  readonly people: readonly CostPerson[];
  readonly roles: readonly CostRole[];
  readonly today: PlanDate;
  readonly thresholds: Pick<Thresholds, 'budgetWarnPct' | 'costOfSaleWarnPct'>;
  readonly roundingMode: RoundingMode;
}

/** The pursuit cost figures of one deal (see the definitions at the top of this module). */
export function dealCostFigures(input: DealCostInput): DealCostFigures {
  const currency = input.deal.value.currency;
  const mode = input.roundingMode;
  const excluded: ExcludedAmount[] = [];
  const people = new Map<PersonId, CostPerson>(input.people.map((p) => [p.id, p]));
  const roles = new Map<RoleId, CostRole>(input.roles.map((r) => [r.id, r]));
  const zeroes = () =>
    new Map<CostCategory, number>(COST_CATEGORIES.map((category) => [category, 0]));
  const budget = zeroes();
  const actual = zeroes();
  const scheduled = zeroes();
  const add = (map: Map<CostCategory, number>, category: CostCategory, amountMinor: number) =>
    map.set(category, (map.get(category) ?? 0) + amountMinor);

  for (const line of input.budgetLines) {
    if (line.deletedAt !== null) continue;
    if (line.amount.currency !== currency) {
      excluded.push({ kind: 'budget', id: line.id, currency: line.amount.currency });
      continue;
    }
    add(budget, line.category, line.amount.amountMinor);
  }
  for (const entry of input.costEntries) {
    if (entry.deletedAt !== null) continue;
    if (entry.amount.currency !== currency) {
      excluded.push({ kind: 'cost', id: entry.id, currency: entry.amount.currency });
      continue;
    }
    add(entry.date <= input.today ? actual : scheduled, entry.category, entry.amount.amountMinor);
  }
  let actualLabor = 0;
  for (const entry of input.timeEntries) {
    if (entry.deletedAt !== null || entry.date > input.today) continue;
    const cost = timeEntryCost(entry, people, roles, mode);
    if (cost === null) continue;
    if (cost.currency !== currency) {
      excluded.push({ kind: 'time', id: entry.id, currency: cost.currency });
      continue;
    }
    actualLabor += cost.amountMinor;
  }
  add(actual, 'labor', actualLabor);

  const team = dealTeam({
    assignments: input.assignments,
    tasks: input.tasks,
    people: input.people,
    roundingMode: mode,
  });
  let plannedLabor = 0;
  for (const member of team.members) {
    const rate = laborRate(people.get(member.personId), member.roleId, roles);
    if (rate === null) continue;
    if (rate.currency !== currency) {
      excluded.push({ kind: 'labor', id: member.personId, currency: rate.currency });
      continue;
    }
    plannedLabor += multiplyMoney(
      rate,
      { numerator: member.minutes, denominator: MINUTES_PER_HOUR },
      mode,
    ).amountMinor;
  }

  const m = (amountMinor: number) => money(amountMinor, currency);
  const byCategory = COST_CATEGORIES.map((category): CategoryFigures => {
    const b = budget.get(category) ?? 0;
    const a = actual.get(category) ?? 0;
    const s = scheduled.get(category) ?? 0;
    const plan = category === 'labor' && team.members.length > 0 ? plannedLabor : b;
    return {
      category,
      budget: m(b),
      plan: m(plan),
      actual: m(a),
      scheduled: m(s),
      remaining: m(Math.max(plan - a, s, 0)),
    };
  });
  const sum = (pick: (row: CategoryFigures) => Money, rows = byCategory) =>
    rows.reduce((total, row) => total + pick(row).amountMinor, 0);
  const budgetTotal = sum((row) => row.budget);
  const actualTotal = sum((row) => row.actual);
  const remaining = sum((row) => row.remaining);
  const eac = actualTotal + remaining;
  const nonLaborRemaining = sum(
    (row) => row.remaining,
    byCategory.filter((row) => row.category !== 'labor'),
  );

  const value = input.deal.value.amountMinor;
  const budgetWarnPct = input.thresholds.budgetWarnPct;
  const budgetSpent = budgetTotal > 0 && reaches(actualTotal, budgetTotal, budgetWarnPct);
  const eacOverBudget =
    budgetTotal > 0 && eac > budgetTotal && reaches(eac, budgetTotal, budgetWarnPct);
  const margin = decimalToFraction(input.deal.expectedMarginPct);
  // value × pwin/100 × margin/100, rounded once.
  const expectedMargin = divideRounded(
    BigInt(value) * BigInt(input.deal.pwin) * margin.numerator,
    10_000n * margin.denominator,
    mode,
  );

  return {
    currency,
    byCategory,
    budget: m(budgetTotal),
    plannedLabor: m(plannedLabor),
    committed: m(plannedLabor + nonLaborRemaining),
    actual: m(actualTotal),
    actualLabor: m(actual.get('labor') ?? 0),
    remaining: m(remaining),
    eac: m(eac),
    variance: m(budgetTotal - eac),
    burnPct: percentOfTotal(actualTotal, budgetTotal),
    progressPct: planProgressPct(input.tasks),
    costOfSalePct: percentOfTotal(eac, value),
    expectedValue: m(Number(expectedMargin) - remaining),
    warnings: {
      overBudget: budgetSpent || eacOverBudget,
      budgetSpent,
      eacOverBudget,
      costOfSale: value > 0 && reaches(eac, value, input.thresholds.costOfSaleWarnPct),
    },
    excluded,
  };
}
