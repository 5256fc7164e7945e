import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDateFromUtcMs } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { HealthRecords } from '@shared/health/portfolio';
import { createHealthRater, healthOfRecords } from '@shared/health/portfolio';
import type { CostEntryId } from '@shared/domain/ids';

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

describe('createHealthRater', () => {
  const everyone = records({ people: null, assignments: large.assignments, tasks: large.tasks });
  const open = large.deals.filter((d) => d.status === 'open' && d.deletedAt === null);
  const rate = (r: HealthRecords, rater = createHealthRater()) =>
    rater.rate(r, settings, today, 'UTC');

  /** One write to the records of one open deal, as the repositories make it. */
  type Edit = (r: HealthRecords, dealIndex: number, step: number) => HealthRecords;
  const at = NOW + 60_000;
  const edits: Record<string, Edit> = {
    pwin: (r, i, step) => {
      const id = open[i % open.length]!.id;
      return {
        ...r,
        deals: r.deals.map((d) =>
          d.id === id
            ? { ...d, pwin: (d.pwin + 37) % 100, rev: d.rev + 1, updatedAt: at + step }
            : d,
        ),
      };
    },
    cost: (r, i, step) => {
      const deal = open[i % open.length]!;
      const template = large.costEntries[0]!;
      const entry = {
        ...template,
        id: `cost-${step}` as CostEntryId,
        dealId: deal.id,
        date: today,
        deletedAt: null,
        amount: { amountMinor: 500_000_000, currency: deal.value.currency },
      };
      return { ...r, costEntries: [...r.costEntries, entry] };
    },
    closeRisk: (r, i, step) => {
      const deal = open[i % open.length]!;
      const risk = r.risks.find((k) => k.dealId === deal.id && k.deletedAt === null);
      if (risk === undefined) return r;
      return {
        ...r,
        risks: r.risks.map((k) =>
          k.id === risk.id
            ? { ...k, deletedAt: at + step, rev: k.rev + 1, updatedAt: at + step }
            : k,
        ),
      };
    },
    dropAssignment: (r, i, step) => {
      const deal = open[i % open.length]!;
      const assignment = r.assignments.find((a) => a.dealId === deal.id && a.deletedAt === null);
      if (assignment === undefined) return r;
      const assignments = r.assignments.map((a) =>
        a.id === assignment.id
          ? { ...a, deletedAt: at + step, rev: a.rev + 1, updatedAt: at + step }
          : a,
      );
      return { ...r, assignments, load: { ...r.load, assignments } };
    },
    slipMilestone: (r, i, step) => {
      const deal = open[i % open.length]!;
      const milestone = r.milestones.find((m) => m.dealId === deal.id && m.deletedAt === null);
      if (milestone === undefined) return r;
      return {
        ...r,
        milestones: r.milestones.map((m) =>
          m.id === milestone.id
            ? { ...m, date: today, baselineDate: null, rev: m.rev + 1, updatedAt: at + step }
            : m,
        ),
      };
    },
  };

  it('works out the load again when an assignment changes', () => {
    const rater = createHealthRater();
    rate(everyone, rater);
    const deal = open.findIndex((d) => everyone.assignments.some((a) => a.dealId === d.id));
    const changed = edits['dropAssignment']!(everyone, deal, 1);
    expect(changed).not.toBe(everyone);
    expect(rate(changed, rater)).toEqual(healthOfRecords(changed, settings, today, 'UTC'));
    expect(rater.last.computed).toBeGreaterThanOrEqual(1);
  });

  it('rates as healthOfRecords does, cold', () => {
    const rater = createHealthRater();
    expect(rate(everyone, rater)).toEqual(healthOfRecords(everyone, settings, today, 'UTC'));
    expect(rater.last).toEqual({ computed: open.length, reused: 0 });
  });

  it('works out again only the deal whose records changed', () => {
    const rater = createHealthRater();
    rate(everyone, rater);
    expect(rate(everyone, rater).size).toBe(open.length);
    expect(rater.last.computed).toBe(0);
    const changed = edits['cost']!(everyone, 3, 1);
    const health = rate(changed, rater);
    expect(rater.last.computed).toBe(1);
    expect(health).toEqual(healthOfRecords(changed, settings, today, 'UTC'));
    expect(health.get(open[3]!.id)?.reasons.some((r) => r.code === 'overBudget')).toBe(true);
  });

  it('works everything out again when a person, the settings or the day change', () => {
    const rater = createHealthRater();
    rate(everyone, rater);
    const person = everyone.people[0]!;
    const people = everyone.people.map((p) =>
      p.id === person.id ? { ...p, rev: p.rev + 1, updatedAt: at } : p,
    );
    rate({ ...everyone, people }, rater);
    expect(rater.last.computed).toBe(open.length);
    rater.rate(everyone, { ...settings, rev: settings.rev + 1 }, today, 'UTC');
    expect(rater.last.computed).toBe(open.length);
    rater.rate(everyone, settings, today, 'Asia/Shanghai');
    expect(rater.last.computed).toBe(open.length);
  });

  it('always gives what healthOfRecords gives after any sequence of writes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...Object.keys(edits)),
            deal: fc.nat(open.length - 1),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (steps) => {
          const rater = createHealthRater();
          let current = everyone;
          rate(current, rater);
          steps.forEach((step, n) => {
            current = edits[step.kind]!(current, step.deal, n);
            expect(rate(current, rater)).toEqual(healthOfRecords(current, settings, today, 'UTC'));
          });
        },
      ),
      { numRuns: 10 },
    );
  });
});
