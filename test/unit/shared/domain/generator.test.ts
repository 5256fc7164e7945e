import { describe, expect, it } from 'vitest';
import { generatePortfolio, PORTFOLIO_PRESETS } from '@shared/domain/generator/portfolio';
import { ENTITY_SCHEMAS, portfolioSchema, TABLE_NAMES } from '@shared/domain/tables';
import type { Portfolio } from '@shared/domain/tables';
import { formatIssues } from '@shared/domain/issues';
import { checkReferences, formatReferenceIssues } from '@shared/domain/references';
import { calendarFromSettings } from '@shared/domain/calendar';
import { planDateFromUtcMs } from '@shared/domain/dates';
import { createRandom } from '@shared/domain/generator/random';
import type { Task } from '@shared/domain/task';
import type { Milestone } from '@shared/domain/milestone';
import { renewalsDue } from '@shared/quote/renewals';

const NOW = Date.UTC(2026, 10, 26, 9, 30);
const TODAY = planDateFromUtcMs(NOW);

function sample(seed: number, locale: 'zh-CN' | 'en' = 'zh-CN'): Portfolio {
  return generatePortfolio({ seed, locale, now: NOW, preset: 'sample' });
}

/** The plan items of one deal that sit on a dependency cycle (empty when the plan is a DAG). */
function cyclicItems(portfolio: Portfolio): string[] {
  const successors = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const dependency of portfolio.dependencies) {
    successors.set(dependency.predecessorId, [
      ...(successors.get(dependency.predecessorId) ?? []),
      dependency.successorId,
    ]);
    indegree.set(dependency.successorId, (indegree.get(dependency.successorId) ?? 0) + 1);
    if (!indegree.has(dependency.predecessorId)) indegree.set(dependency.predecessorId, 0);
  }
  const queue = [...indegree].filter(([, count]) => count === 0).map(([id]) => id);
  while (queue.length > 0) {
    const id = queue.pop() ?? '';
    for (const next of successors.get(id) ?? []) {
      const left = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  return [...indegree].filter(([, count]) => count > 0).map(([id]) => id);
}

function expectValidAndConsistent(portfolio: Portfolio): void {
  const result = portfolioSchema.safeParse(portfolio);
  expect(result.success ? [] : formatIssues(result.error).slice(0, 10)).toEqual([]);
  expect(formatReferenceIssues(checkReferences(portfolio)).slice(0, 10)).toEqual([]);
  expect(cyclicItems(portfolio)).toEqual([]);
}

describe('the seeded random stream', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const draws = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.uuid());
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
    expect(
      first.every((id) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
      ),
    ).toBe(true);
  });
});

describe('generatePortfolio: sample', () => {
  const zh = sample(1);
  const en = sample(1, 'en');

  it('is the same byte for byte for the same seed, and differs for another', () => {
    expect(JSON.stringify(sample(1))).toBe(JSON.stringify(zh));
    expect(JSON.stringify(sample(1, 'en'))).toBe(JSON.stringify(en));
    expect(JSON.stringify(sample(2))).not.toBe(JSON.stringify(zh));
  });

  it('validates against every schema, with every reference resolving and no dependency cycle', () => {
    expectValidAndConsistent(zh);
    expectValidAndConsistent(en);
    expectValidAndConsistent(sample(99));
  });

  it('has about 25 deals over every stage and every status', () => {
    expect(zh.deals).toHaveLength(PORTFOLIO_PRESETS.sample.deals);
    const stageKeys = new Set(
      zh.deals.map((deal) => zh.stages.find((stage) => stage.id === deal.stageId)?.key),
    );
    for (const key of [
      'identify',
      'qualify',
      'capture',
      'proposal',
      'submitted',
      'negotiation',
      'won',
      'lost',
      'no_bid',
    ]) {
      expect(stageKeys).toContain(key);
    }
    expect(new Set(zh.deals.map((deal) => deal.status))).toEqual(
      new Set(['open', 'won', 'lost', 'no_bid', 'cancelled']),
    );
  });

  it('speaks the chosen language', () => {
    const cjk = /[\u4e00-\u9fff]/;
    expect(zh.deals.every((deal) => cjk.test(deal.name))).toBe(true);
    expect(zh.people.every((person) => cjk.test(person.name))).toBe(true);
    expect(en.deals.some((deal) => cjk.test(deal.name))).toBe(false);
    expect(en.tasks.some((task) => cjk.test(task.name))).toBe(false);
    expect(zh.settings[0]?.baseCurrency).toBe('CNY');
    expect(en.settings[0]?.baseCurrency).toBe('USD');
  });

  it('keeps accounts in several industries, with contacts in buying-centre roles', () => {
    expect(new Set(zh.accounts.map((account) => account.industry)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(zh.contacts.map((contact) => contact.buyingRole))).toContain('economic_buyer');
    expect(new Set(zh.accounts.map((account) => account.name)).size).toBe(zh.accounts.length);
  });

  it('sets Pwin and key dates the way the stage implies', () => {
    for (const deal of [...zh.deals, ...en.deals]) {
      const stage = zh.stages.find((s) => s.id === deal.stageId);
      const submission = deal.keyDates.submissionDue;
      expect(stage).toBeDefined();
      if (stage === undefined || submission === null)
        throw new Error('deal without stage or submission');
      if (deal.status === 'won') expect(deal.pwin).toBe(100);
      else if (deal.status !== 'open') expect(deal.pwin).toBe(0);
      else {
        expect(Math.abs(deal.pwin - stage.defaultPwin)).toBeLessThanOrEqual(15);
        if (['identify', 'qualify', 'capture', 'proposal'].includes(stage.key))
          expect(submission >= TODAY).toBe(true);
        else expect(submission < TODAY).toBe(true);
      }
      if (deal.status !== 'open')
        expect(deal.outcomeDate !== null && deal.outcomeDate <= TODAY).toBe(true);
      if (deal.status === 'won' || deal.status === 'lost')
        expect(deal.keyDates.expectedAward).toBe(deal.outcomeDate);
    }
  });

  it('lays each plan out on the working-day calendar, respecting its dependencies and finishing before submission', () => {
    for (const portfolio of [zh, en]) {
      const calendar = calendarFromSettings(
        portfolio.settings[0] ?? {
          workingWeek: [1, 2, 3, 4, 5],
          holidays: [],
          extraWorkingDays: [],
        },
      );
      const tasks = new Map<string, Task>(portfolio.tasks.map((task) => [task.id, task]));
      const milestones = new Map<string, Milestone>(
        portfolio.milestones.map((milestone) => [milestone.id, milestone]),
      );
      const parents = new Set(portfolio.tasks.map((task) => task.parentId));
      for (const task of portfolio.tasks) {
        if (!parents.has(task.id)) {
          expect(calendar.countWorkingDaysInclusive(task.start, task.finish)).toBe(
            task.durationDays,
          );
          expect(calendar.isWorkingDay(task.start) && calendar.isWorkingDay(task.finish)).toBe(
            true,
          );
        } else {
          const children = portfolio.tasks.filter((child) => child.parentId === task.id);
          expect(
            children.every((child) => child.start >= task.start && child.finish <= task.finish),
          ).toBe(true);
        }
        const deal = portfolio.deals.find((d) => d.id === task.dealId);
        expect(task.finish < (deal?.keyDates.submissionDue ?? '')).toBe(true);
      }
      for (const dependency of portfolio.dependencies) {
        const from = tasks.get(dependency.predecessorId);
        const toTask = tasks.get(dependency.successorId);
        const toStart = toTask?.start ?? milestones.get(dependency.successorId)?.date;
        const toFinish = toTask?.finish ?? toStart;
        if (from === undefined || toStart === undefined || toFinish === undefined)
          throw new Error('dangling link');
        const lag = dependency.lagDays;
        if (dependency.type === 'FS')
          expect(calendar.countWorkingDays(from.finish, toStart)).toBeGreaterThanOrEqual(1 + lag);
        if (dependency.type === 'SS')
          expect(calendar.countWorkingDays(from.start, toStart)).toBeGreaterThanOrEqual(lag);
        if (dependency.type === 'FF')
          expect(calendar.countWorkingDays(from.finish, toFinish)).toBeGreaterThanOrEqual(lag);
      }
    }
  });

  it('records every stage move of a deal in its activity trail', () => {
    for (const deal of zh.deals) {
      const moves = zh.activities.filter(
        (a) => a.dealId === deal.id && a.system?.action === 'stage_move',
      );
      const last = moves.reduce<(typeof moves)[number] | undefined>(
        (latest, move) => (latest === undefined || move.at >= latest.at ? move : latest),
        undefined,
      );
      const stage = zh.stages.find((s) => s.id === deal.stageId);
      if (stage?.key === 'identify') expect(moves).toHaveLength(0);
      else if (deal.status !== 'cancelled') {
        expect(last?.system?.changes.find((change) => change.field === 'stageId')?.new).toBe(
          deal.stageId,
        );
        expect(last?.at).toBe(deal.stageEnteredAt);
      }
    }
  });

  it('staffs tasks with people who hold the role the task needs', () => {
    const people = new Map(zh.people.map((person) => [person.id, person]));
    const tasks = new Map(zh.tasks.map((task) => [task.id, task]));
    for (const assignment of zh.assignments) {
      const task = tasks.get(assignment.taskId);
      expect(task?.requiredRoleId).not.toBeNull();
      expect(people.get(assignment.personId)?.roleIds).toContain(task?.requiredRoleId);
    }
    // Some open work is left unassigned, as the resource views expect.
    const assigned = new Set(zh.assignments.map((a) => a.taskId));
    expect(zh.tasks.some((task) => task.requiredRoleId !== null && !assigned.has(task.id))).toBe(
      true,
    );
  });

  it('never dates a record after now', () => {
    for (const table of TABLE_NAMES) {
      for (const row of zh[table] as readonly { createdAt: number; updatedAt: number }[]) {
        expect(row.updatedAt).toBeLessThanOrEqual(NOW);
        expect(row.createdAt).toBeLessThanOrEqual(row.updatedAt);
      }
    }
    expect(zh.activities.every((activity) => activity.at <= NOW)).toBe(true);
  });

  it('has price-to-win on open deals and contracts on won deals, some renewing soon', () => {
    const deals = new Map(zh.deals.map((deal) => [deal.id, deal]));
    expect(zh.priceToWin.length).toBeGreaterThanOrEqual(3);
    expect(new Set(zh.priceToWin.map((p) => p.dealId)).size).toBe(zh.priceToWin.length);
    for (const record of zh.priceToWin) {
      const deal = deals.get(record.dealId)!;
      expect(deal.status).toBe('open');
      expect(record.competitors.length).toBeGreaterThan(0);
      // Competitors are the deal's own, priced in its currency around its value.
      for (const competitor of record.competitors) {
        expect(deal.competitors.map((c) => c.name)).toContain(competitor.name);
        expect(competitor.likely.currency).toBe(deal.value.currency);
        expect(competitor.low.amountMinor).toBeLessThanOrEqual(competitor.likely.amountMinor);
        expect(competitor.likely.amountMinor).toBeLessThanOrEqual(competitor.high.amountMinor);
      }
    }
    expect(zh.priceToWin.some((p) => p.budget !== null)).toBe(true);

    // Every won deal has its contract (the sample has few), signed on a day already past.
    const won = zh.deals.filter((deal) => deal.status === 'won');
    expect(won.length).toBeGreaterThan(0);
    expect(zh.contracts.map((c) => c.dealId).sort()).toEqual(won.map((d) => d.id).sort());
    for (const contract of zh.contracts) {
      expect(contract.signedDate === null || contract.signedDate <= TODAY).toBe(true);
      expect(contract.value).toEqual(deals.get(contract.dealId)?.value);
    }
    expect(zh.contracts[0]?.status).toBe('signed');
    const notice = zh.settings[0]!.thresholds.renewalNoticeDays;
    const due = renewalsDue(zh.contracts, deals, TODAY, notice);
    expect(due.length).toBeGreaterThan(0);
  });

  it('allocates team targets to people exactly', () => {
    for (const teamTarget of zh.targets.filter((t) => t.teamId !== null)) {
      const shares = zh.targets.filter((t) => t.parentTargetId === teamTarget.id);
      expect(shares.reduce((sum, t) => sum + t.amount.amountMinor, 0)).toBe(
        teamTarget.amount.amountMinor,
      );
    }
  });
});

describe('generatePortfolio: any size', () => {
  it('scales people and accounts with the number of deals', () => {
    const portfolio = generatePortfolio({ seed: 3, locale: 'en', now: NOW, deals: 120 });
    expect(portfolio.deals).toHaveLength(120);
    expect(portfolio.tasks.length).toBeGreaterThan(120 * 19);
    expect(portfolio.tasks.length).toBeLessThanOrEqual(120 * 20 + 120);
    expect(portfolio.people.length).toBe(12);
    expectValidAndConsistent(portfolio);
    expect(JSON.stringify(generatePortfolio({ seed: 3, locale: 'en', now: NOW, deals: 120 }))).toBe(
      JSON.stringify(portfolio),
    );
  });

  it('makes an organisation without deals', () => {
    const portfolio = generatePortfolio({ seed: 3, locale: 'zh-CN', now: NOW, deals: 0 });
    expect(portfolio.deals).toEqual([]);
    expect(portfolio.people.length).toBeGreaterThan(0);
    expectValidAndConsistent(portfolio);
  });

  it('refuses sizes that cannot staff a plan', () => {
    expect(() =>
      generatePortfolio({ seed: 1, locale: 'en', now: NOW, deals: 5, people: 3 }),
    ).toThrow(RangeError);
    expect(() => generatePortfolio({ seed: 1, locale: 'en', now: NOW, deals: -1 })).toThrow(
      RangeError,
    );
  });
});

describe('generatePortfolio: large', () => {
  it('has the benchmark sizes, valid records and resolving references', () => {
    const portfolio = generatePortfolio({ seed: 2026, locale: 'zh-CN', now: NOW, preset: 'large' });
    const within = (actual: number, expected: number, tolerance = 0.03) =>
      expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(tolerance);
    expect(portfolio.deals).toHaveLength(2_000);
    expect(portfolio.people).toHaveLength(150);
    within(portfolio.tasks.length, 40_000);
    expect(portfolio.risks).toHaveLength(8_000);
    expect(portfolio.costEntries).toHaveLength(30_000);
    within(portfolio.activities.length, 50_000);
    expect(formatReferenceIssues(checkReferences(portfolio)).slice(0, 10)).toEqual([]);
    expect(cyclicItems(portfolio)).toEqual([]);
    // A few commercial records whatever the size: price to win on 12 deals, 16 contracts.
    expect(portfolio.priceToWin).toHaveLength(12);
    expect(portfolio.contracts).toHaveLength(16);
    expect(new Set(portfolio.contracts.map((c) => c.status)).size).toBeGreaterThan(1);
    // Every record of the sample portfolios is validated above; here every 7th of each table.
    for (const table of TABLE_NAMES) {
      const rows: readonly unknown[] = portfolio[table];
      for (let i = 0; i < rows.length; i += 7) {
        const result = ENTITY_SCHEMAS[table].safeParse(rows[i]);
        expect(result.success ? [] : formatIssues(result.error, `${table}[${i}]`)).toEqual([]);
      }
    }
  }, 180_000);
});
