import { describe, expect, it } from 'vitest';
import { planDateFromUtcMs } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { money } from '@shared/domain/money';
import type { DealHealth } from '@shared/health/health';
import type { HealthRecords } from '@shared/health/portfolio';
import { healthOfRecords } from '@shared/health/portfolio';
import type { ScenarioHealthInput } from '@shared/quote/scenario-health';
import { healthChange, healthWithFigures } from '@shared/quote/scenario-health';

const NOW = Date.UTC(2026, 10, 26, 9);
const sample = generatePortfolio({ seed: 11, locale: 'en', now: NOW, preset: 'sample' });
const settings = sample.settings[0]!;
const today = planDateFromUtcMs(NOW);
const records: HealthRecords = {
  ...sample,
  load: { people: null, assignments: sample.assignments, tasks: sample.tasks },
};
const input: ScenarioHealthInput = { records, settings, today, timeZone: 'UTC' };
const health = healthOfRecords(records, settings, today, 'UTC');

// An open deal with a pursuit cost forecast, well within the cost-of-sale limit today.
const deal = sample.deals.find((d) => {
  const h = health.get(d.id);
  return (
    h !== undefined &&
    d.value.amountMinor > 0 &&
    !h.reasons.some((r) => r.code === 'costOfSale') &&
    sample.costEntries.some((c) => c.dealId === d.id && c.deletedAt === null)
  );
})!;

describe('healthWithFigures', () => {
  it('with no figures is the deal’s health as it stands', () => {
    expect(deal).toBeDefined();
    expect(healthWithFigures(input, deal.id, null)).toEqual(health.get(deal.id));
  });

  it('with the deal’s own figures changes nothing', () => {
    const same = { value: deal.value, expectedMarginPct: deal.expectedMarginPct };
    expect(healthWithFigures(input, deal.id, same)).toEqual(health.get(deal.id));
  });

  it('a price cut to almost nothing raises the cost of sale and turns the deal amber', () => {
    const cut = healthWithFigures(input, deal.id, {
      value: money(1, deal.value.currency),
      expectedMarginPct: 10,
    })!;
    expect(cut.reasons.map((r) => r.code)).toContain('costOfSale');
    expect(cut.level).not.toBe('green');
    const before = health.get(deal.id)!;
    const change = healthChange(before, cut);
    expect(change.added).toEqual(['costOfSale']);
    expect(change.removed).toEqual([]);
    expect(change.direction).toBe(before.level === 'green' ? 'worse' : 'same');
    // Nothing was written: the records still rate as before.
    expect(healthOfRecords(records, settings, today, 'UTC').get(deal.id)).toEqual(before);
  });

  it('a figure in another currency is not substituted (the deal keeps its own)', () => {
    const other = deal.value.currency === 'EUR' ? 'USD' : 'EUR';
    expect(
      healthWithFigures(input, deal.id, { value: money(1, other), expectedMarginPct: 0 }),
    ).toEqual(health.get(deal.id));
  });

  it('is null for a deal that is not open', () => {
    const closed = sample.deals.find((d) => d.status !== 'open')!;
    expect(healthWithFigures(input, closed.id, null)).toBeNull();
  });
});

describe('healthChange', () => {
  const green: DealHealth = { level: 'green', reasons: [] };
  const amber: DealHealth = {
    level: 'amber',
    reasons: [{ code: 'overAllocated', severity: 'amber', people: 2 }],
  };
  const red: DealHealth = {
    level: 'red',
    reasons: [
      { code: 'submissionAtRisk', severity: 'red', slackDays: -1 },
      { code: 'overAllocated', severity: 'amber', people: 2 },
    ],
  };

  it('names the direction and the reasons added and cleared', () => {
    expect(healthChange(green, green)).toEqual({ direction: 'same', added: [], removed: [] });
    expect(healthChange(green, amber)).toEqual({
      direction: 'worse',
      added: ['overAllocated'],
      removed: [],
    });
    expect(healthChange(red, amber)).toEqual({
      direction: 'better',
      added: [],
      removed: ['submissionAtRisk'],
    });
    expect(healthChange(amber, red).direction).toBe('worse');
  });
});
