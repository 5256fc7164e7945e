import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOCATION_METHODS } from '@shared/domain/target';
import type { AllocationMethod } from '@shared/domain/target';
import type { PersonId } from '@shared/domain/ids';
import { CurrencyMismatchError, money } from '@shared/domain/money';
import type { Money } from '@shared/domain/money';
import { allocateTarget, compareAllocations, fairnessView } from '@shared/compensation/allocation';
import type { Allocation, AllocationCandidate } from '@shared/compensation/allocation';
import { ALICE, BOB, CAROL, cny, personId } from './fixtures';

function candidate(
  id: PersonId,
  figures: Partial<Omit<AllocationCandidate, 'personId'>> = {},
): AllocationCandidate {
  return {
    personId: id,
    potential: cny(0),
    lastPeriodBookings: cny(0),
    lastPeriodTarget: null,
    weightedPipeline: cny(0),
    manual: null,
    ...figures,
  };
}

function amounts(allocation: Allocation): Record<string, number> {
  return Object.fromEntries(
    allocation.shares.map((share) => [share.personId, share.amount.amountMinor]),
  );
}

function total(allocation: Allocation): number {
  return allocation.shares.reduce((sum, share) => sum + share.amount.amountMinor, 0);
}

describe('quota allocation', () => {
  it('splits equally, the odd minor units going to the lowest person ids whatever the order', () => {
    // 1 000 000.01 ÷ 3 = 333 333.336…: 33 333 333 fen each, 2 fen left over; all remainders tie,
    // so Alice and Bob (the lower ids) get one fen more than Carol.
    const people = [candidate(CAROL), candidate(ALICE), candidate(BOB)];
    const split = allocateTarget(cny(100_000_001), people, 'equal');
    expect(amounts(split)).toEqual({
      [ALICE]: 33_333_334,
      [BOB]: 33_333_334,
      [CAROL]: 33_333_333,
    });
    expect(split.shares.map((share) => share.personId)).toEqual([CAROL, ALICE, BOB]);
    expect(split.fellBackToEqual).toBe(false);
  });

  it('weights by potential, last period bookings or weighted pipeline', () => {
    const people = [
      candidate(ALICE, {
        potential: cny(6_000),
        lastPeriodBookings: cny(1),
        weightedPipeline: cny(0),
      }),
      candidate(BOB, {
        potential: cny(3_000),
        lastPeriodBookings: cny(1),
        weightedPipeline: cny(250),
      }),
      candidate(CAROL, {
        potential: cny(1_000),
        lastPeriodBookings: cny(2),
        weightedPipeline: cny(750),
      }),
    ];
    const target = cny(100_000_000);
    // 6 : 3 : 1 of 1 000 000.00.
    expect(amounts(allocateTarget(target, people, 'potential'))).toEqual({
      [ALICE]: 60_000_000,
      [BOB]: 30_000_000,
      [CAROL]: 10_000_000,
    });
    // 1 : 1 : 2.
    expect(amounts(allocateTarget(target, people, 'last_period'))).toEqual({
      [ALICE]: 25_000_000,
      [BOB]: 25_000_000,
      [CAROL]: 50_000_000,
    });
    // Alice has no pipeline, so no pipeline-weighted quota; 250 : 750 between the others.
    const byPipeline = allocateTarget(target, people, 'pipeline');
    expect(amounts(byPipeline)).toEqual({ [ALICE]: 0, [BOB]: 25_000_000, [CAROL]: 75_000_000 });
    expect(byPipeline.shares[1]?.basis).toEqual(cny(250));
  });

  it('falls back to equal shares when nobody has any basis, and says so', () => {
    const people = [
      candidate(ALICE, { lastPeriodBookings: cny(-5_000) }),
      candidate(BOB),
      candidate(CAROL),
    ];
    const split = allocateTarget(cny(300), people, 'last_period');
    expect(amounts(split)).toEqual({ [ALICE]: 100, [BOB]: 100, [CAROL]: 100 });
    expect(split.fellBackToEqual).toBe(true);
  });

  it('treats negative bookings (net of clawbacks) as no basis', () => {
    const people = [
      candidate(ALICE, { lastPeriodBookings: cny(-5_000) }),
      candidate(BOB, { lastPeriodBookings: cny(100) }),
    ];
    expect(amounts(allocateTarget(cny(999), people, 'last_period'))).toEqual({
      [ALICE]: 0,
      [BOB]: 999,
    });
  });

  it('keeps hand-set amounts and shares the rest equally among people without one', () => {
    // 1 000.00 target; Alice set to 500.00; Bob and Carol share 500.00.
    const split = allocateTarget(
      cny(100_000),
      [candidate(ALICE, { manual: cny(50_000) }), candidate(BOB), candidate(CAROL)],
      'manual',
    );
    expect(amounts(split)).toEqual({ [ALICE]: 50_000, [BOB]: 25_000, [CAROL]: 25_000 });
    expect(split.manualScaled).toBe(false);
    expect(split.manualEnteredTotal).toEqual(cny(50_000));
  });

  it('keeps hand-set amounts that add up exactly', () => {
    const split = allocateTarget(
      cny(1_000),
      [candidate(ALICE, { manual: cny(700) }), candidate(BOB, { manual: cny(300) })],
      'manual',
    );
    expect(amounts(split)).toEqual({ [ALICE]: 700, [BOB]: 300 });
    expect(split.manualScaled).toBe(false);
  });

  it('scales hand-set amounts that overshoot or fall short so the target still reconciles', () => {
    // Typed 600 + 600 = 1 200 for a 1 000 target: scaled 1 : 1 to 500 each; Carol (no amount) 0.
    const over = allocateTarget(
      cny(1_000),
      [
        candidate(ALICE, { manual: cny(600) }),
        candidate(BOB, { manual: cny(600) }),
        candidate(CAROL),
      ],
      'manual',
    );
    expect(amounts(over)).toEqual({ [ALICE]: 500, [BOB]: 500, [CAROL]: 0 });
    expect(over.manualScaled).toBe(true);
    expect(over.manualEnteredTotal).toEqual(cny(1_200));
    // Everyone typed an amount, 300 + 100 = 400 for 1 000: scaled 3 : 1.
    const short = allocateTarget(
      cny(1_000),
      [candidate(ALICE, { manual: cny(300) }), candidate(BOB, { manual: cny(100) })],
      'manual',
    );
    expect(amounts(short)).toEqual({ [ALICE]: 750, [BOB]: 250 });
    expect(short.manualScaled).toBe(true);
  });

  it('refuses a basis in another currency and a person listed twice', () => {
    expect(() =>
      allocateTarget(
        cny(100),
        [candidate(ALICE, { potential: money(5, 'USD') }), candidate(BOB)],
        'potential',
      ),
    ).toThrow(CurrencyMismatchError);
    expect(() => allocateTarget(cny(100), [candidate(ALICE), candidate(ALICE)], 'equal')).toThrow(
      RangeError,
    );
  });

  it('shows every method side by side', () => {
    const people = [
      candidate(ALICE, { potential: cny(1), weightedPipeline: cny(3), manual: cny(10) }),
      candidate(BOB, { potential: cny(3), lastPeriodBookings: cny(5), weightedPipeline: cny(1) }),
    ];
    const comparison = compareAllocations(cny(400), people);
    expect(comparison.rows.map((row) => row.personId)).toEqual([ALICE, BOB]);
    expect(
      Object.fromEntries(
        ALLOCATION_METHODS.map((method) => [
          method,
          comparison.rows.map((row) => row.amounts[method].amountMinor),
        ]),
      ),
    ).toEqual({
      equal: [200, 200],
      potential: [100, 300],
      last_period: [0, 400],
      pipeline: [300, 100],
      manual: [10, 390],
    });
  });
});

describe('allocation properties', () => {
  const basis = fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000_000_000 }) },
  );
  const peopleArb = fc
    .uniqueArray(
      fc.record({
        n: fc.integer({ min: 1, max: 9_999 }),
        potential: basis,
        bookings: fc.integer({ min: -1_000_000, max: 10_000_000_000 }),
        pipeline: basis,
        manual: fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 25, selector: (p) => p.n },
    )
    .map((rows) =>
      rows.map((row) =>
        candidate(personId(row.n), {
          potential: cny(row.potential),
          lastPeriodBookings: cny(row.bookings),
          weightedPipeline: cny(row.pipeline),
          manual: row.manual === null ? null : cny(row.manual),
        }),
      ),
    );
  const targetArb = fc.integer({ min: 0, max: 9_000_000_000_000 });

  it('always sums to the team target exactly, with no negative share', () => {
    fc.assert(
      fc.property(targetArb, peopleArb, (target, people) => {
        for (const method of ALLOCATION_METHODS) {
          const split = allocateTarget(cny(target), people, method);
          expect(total(split)).toBe(target);
          for (const share of split.shares)
            expect(share.amount.amountMinor).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('gives nothing to a person with no basis unless nobody has one', () => {
    const weighted: { method: AllocationMethod; basisOf: (c: AllocationCandidate) => Money }[] = [
      { method: 'potential', basisOf: (c) => c.potential },
      { method: 'last_period', basisOf: (c) => c.lastPeriodBookings },
      { method: 'pipeline', basisOf: (c) => c.weightedPipeline },
    ];
    fc.assert(
      fc.property(targetArb, peopleArb, (target, people) => {
        for (const { method, basisOf } of weighted) {
          const split = allocateTarget(cny(target), people, method);
          const anyBasis = people.some((person) => basisOf(person).amountMinor > 0);
          expect(split.fellBackToEqual).toBe(!anyBasis);
          if (!anyBasis) continue;
          people.forEach((person, index) => {
            if (basisOf(person).amountMinor <= 0) {
              expect(split.shares[index]?.amount.amountMinor).toBe(0);
            }
          });
        }
      }),
    );
  });

  it('gives each person the same share whatever order the team is listed in', () => {
    fc.assert(
      fc.property(
        targetArb,
        peopleArb.chain((people) =>
          fc.tuple(
            fc.constant(people),
            fc.shuffledSubarray(people, { minLength: people.length, maxLength: people.length }),
          ),
        ),
        (target, [people, shuffled]) => {
          for (const method of ALLOCATION_METHODS) {
            expect(amounts(allocateTarget(cny(target), shuffled, method))).toEqual(
              amounts(allocateTarget(cny(target), people, method)),
            );
          }
        },
      ),
    );
  });

  it('stays within one minor unit of the exact proportional share', () => {
    fc.assert(
      fc.property(targetArb, peopleArb, (target, people) => {
        const split = allocateTarget(cny(target), people, 'pipeline');
        if (split.fellBackToEqual) return;
        const sum = people.reduce((s, p) => s + BigInt(p.weightedPipeline.amountMinor), 0n);
        people.forEach((person, index) => {
          const exactTimesSum = BigInt(target) * BigInt(person.weightedPipeline.amountMinor);
          const share = BigInt(split.shares[index]?.amount.amountMinor ?? 0);
          const gap = share * sum - exactTimesSum;
          expect(gap > -sum && gap < sum).toBe(true);
        });
      }),
    );
  });
});

describe('fairness view', () => {
  it('sets each target beside pipeline coverage and last period’s attainment', () => {
    const people = [
      candidate(ALICE, {
        weightedPipeline: cny(250_000_000),
        lastPeriodBookings: cny(90_000_000),
        lastPeriodTarget: cny(100_000_000),
      }),
      candidate(BOB, {
        weightedPipeline: cny(50_000_000),
        lastPeriodBookings: cny(120_000_000),
        lastPeriodTarget: cny(100_000_000),
      }),
      candidate(CAROL, { weightedPipeline: cny(0) }),
    ];
    const split = allocateTarget(
      cny(200_000_000),
      people.map((person, index) => ({
        ...person,
        manual: cny([100_000_000, 100_000_000, 0][index] ?? 0),
      })),
      'manual',
    );
    const view = fairnessView(split, people);
    // Team: 300 000 000 pipeline ÷ 200 000 000 target = 1.5× (15 000 bp).
    expect(view.teamCoverageBp).toBe(15_000);
    const [alice, bob, carol] = view.rows;
    // Alice: 250 ÷ 100 = 2.5×, which is 2.5 ÷ 1.5 = 166.67 % of the team's coverage.
    expect(alice).toMatchObject({
      targetShareBp: 5_000,
      coverageBp: 25_000,
      coverageVsTeamBp: 16_667,
      pipelineShareBp: 8_333,
      lastPeriodAttainmentBp: 9_000,
    });
    // Bob: 50 ÷ 100 = 0.5×, a third of the team's: the same quota on a much thinner book.
    expect(bob).toMatchObject({
      coverageBp: 5_000,
      coverageVsTeamBp: 3_333,
      lastPeriodAttainmentBp: 12_000,
    });
    // Carol has no target this period and had none last period.
    expect(carol).toMatchObject({ coverageBp: null, lastPeriodAttainmentBp: null });
    expect(view.medianCoverageBp).toBe(15_000);
    expect(view.medianLastPeriodAttainmentBp).toBe(10_500);
  });
});
