import { describe, expect, it } from 'vitest';
import type { Activity } from '@shared/domain/activity';
import { calendarFromSettings } from '@shared/domain/calendar';
import { planDateFromUtcMs } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { CostEntryId, DealId, PersonId, RiskId, TaskId } from '@shared/domain/ids';
import type { Portfolio } from '@shared/domain/tables';
import type { HealthSources } from '@shared/health/facts';
import { healthFacts, pwinReference } from '@shared/health/facts';
import { dealHealth } from '@shared/health/health';

const NOW = Date.UTC(2026, 10, 26, 9);
const sample = generatePortfolio({ seed: 11, locale: 'en', now: NOW, preset: 'sample' });
const settings = sample.settings[0]!;
const today = planDateFromUtcMs(NOW);

function sources(portfolio: Portfolio, over: Partial<HealthSources> = {}): HealthSources {
  return {
    ...portfolio,
    overAllocations: [],
    calendar: calendarFromSettings(settings),
    baseCurrency: settings.baseCurrency,
    roundingMode: settings.roundingMode,
    today,
    timeZone: 'UTC',
    ...over,
  };
}

const open = sample.deals.filter((d) => d.status === 'open' && d.deletedAt === null);

function pwinChange(at: number, from: number, to: number): Activity {
  return {
    id: `a-${at}`,
    dealId: 'd',
    type: 'system',
    at,
    system: {
      table: 'deals',
      entityId: 'd',
      action: 'update',
      changes: [{ field: 'pwin', old: from, new: to }],
    },
  } as unknown as Activity;
}

describe('healthFacts', () => {
  it('gives facts for exactly the open deals, deterministically', () => {
    const facts = healthFacts(sources(sample));
    expect([...facts.keys()].sort()).toEqual(open.map((d) => d.id).sort());
    expect(healthFacts(sources(sample))).toEqual(facts);
  });

  it('picks up a new high risk and its exposure', () => {
    const deal = open[0]!;
    const before = healthFacts(sources(sample)).get(deal.id)!;
    const template = sample.risks.find((r) => r.dealId === deal.id) ?? sample.risks[0]!;
    const risk = {
      ...template,
      id: 'new-risk' as RiskId,
      dealId: deal.id,
      status: 'open' as const,
      deletedAt: null,
      title: 'Key engineer leaves',
      probability: 5,
      impact: 5,
      exposure: { amountMinor: 900_000_000, currency: settings.baseCurrency },
    };
    const after = healthFacts(sources({ ...sample, risks: [...sample.risks, risk] })).get(deal.id)!;
    expect(after.exposure.amountMinor).toBe(before.exposure.amountMinor + 900_000_000);
    expect(after.risks).toContainEqual({ title: 'Key engineer leaves', score: 25 });
    const reasons = dealHealth(after, settings.thresholds, today).reasons.map((r) => r.code);
    expect(reasons).toContain('highRisks');
    expect(reasons).toContain('riskExposure');
  });

  it('picks up costs logged past the budget', () => {
    const deal = open.find((d) => sample.budgetLines.some((b) => b.dealId === d.id))!;
    const budget = sample.budgetLines
      .filter((b) => b.dealId === deal.id && b.deletedAt === null)
      .reduce((sum, b) => sum + b.amount.amountMinor, 0);
    const template = sample.costEntries[0]!;
    const entry = {
      ...template,
      id: 'big-cost' as CostEntryId,
      dealId: deal.id,
      date: today,
      deletedAt: null,
      amount: { amountMinor: budget + 1, currency: deal.value.currency },
    };
    const facts = healthFacts(sources({ ...sample, costEntries: [...sample.costEntries, entry] }));
    const health = dealHealth(facts.get(deal.id)!, settings.thresholds, today);
    expect(health.level).toBe('red');
    expect(health.reasons[0]?.code).toBe('overBudget');
  });

  it('counts the distinct over-allocated people on a deal', () => {
    const deal = open[0]!;
    const task = (dealId: string) => ({
      taskId: 't' as TaskId,
      dealId: dealId as DealId,
      minutes: 60,
      weekStarts: [],
      tentative: false,
    });
    const facts = healthFacts(
      sources(sample, {
        overAllocations: [
          { personId: 'p1' as PersonId, tasks: [task(deal.id), task(deal.id)] },
          { personId: 'p2' as PersonId, tasks: [task(deal.id)] },
          { personId: 'p3' as PersonId, tasks: [task('elsewhere')] },
        ],
      }),
    );
    expect(facts.get(deal.id)?.overAllocatedPeople).toBe(2);
  });

  it('never dates the last activity after today', () => {
    for (const f of healthFacts(sources(sample)).values())
      expect(f.lastActivity <= today).toBe(true);
  });
});

describe('pwinReference', () => {
  it('is the first recorded value without a review, null without any change', () => {
    expect(pwinReference(40, [], null)).toBeNull();
    expect(pwinReference(40, [pwinChange(20, 60, 40), pwinChange(10, 70, 60)], null)).toBe(70);
  });

  it('is the value at the last review: the old side of the first change after it', () => {
    const trail = [pwinChange(10, 70, 60), pwinChange(30, 55, 40), pwinChange(20, 60, 55)];
    expect(pwinReference(40, trail, 15)).toBe(60);
    expect(pwinReference(40, trail, 35)).toBe(40);
  });
});
