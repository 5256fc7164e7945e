import { describe, expect, it } from 'vitest';
import { planDateFromUtcMs } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { HealthRecords } from '@shared/health/portfolio';
import { healthOfRecords } from '@shared/health/portfolio';

const NOW = Date.UTC(2026, 10, 26, 9);
const large = generatePortfolio({
  seed: 5,
  locale: 'en',
  now: NOW,
  preset: 'large',
  deals: 120,
  people: 9,
  accounts: 12,
});
const settings = large.settings[0]!;
const today = planDateFromUtcMs(NOW);

function records(load: HealthRecords['load']): HealthRecords {
  return { ...large, load };
}

const overAllocatedDeals = (health: ReturnType<typeof healthOfRecords>) =>
  [...health].filter(([, h]) => h.reasons.some((r) => r.code === 'overAllocated')).length;

describe('healthOfRecords', () => {
  const everyone = healthOfRecords(
    records({ people: null, assignments: large.assignments, tasks: large.tasks }),
    settings,
    today,
    'UTC',
  );

  it('rates every open deal not in the trash', () => {
    const open = large.deals.filter((d) => d.status === 'open' && d.deletedAt === null);
    expect([...everyone.keys()].sort()).toEqual(open.map((d) => d.id).sort());
  });

  it('judges over-allocation on the workload it is given', () => {
    // A small team on 120 deals: someone is over capacity in the next quarter.
    expect(overAllocatedDeals(everyone)).toBeGreaterThan(0);
    const nobody = healthOfRecords(
      records({ people: [], assignments: large.assignments, tasks: large.tasks }),
      settings,
      today,
      'UTC',
    );
    expect(overAllocatedDeals(nobody)).toBe(0);
    const noWork = healthOfRecords(
      records({ people: null, assignments: [], tasks: [] }),
      settings,
      today,
      'UTC',
    );
    expect(overAllocatedDeals(noWork)).toBe(0);
  });

  it('is the same for the same records (no clock, no randomness)', () => {
    const again = healthOfRecords(
      records({ people: null, assignments: large.assignments, tasks: large.tasks }),
      settings,
      today,
      'UTC',
    );
    expect(again).toEqual(everyone);
  });
});
