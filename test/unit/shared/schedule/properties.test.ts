import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSchedule, type Schedule } from '@shared/schedule/cpm';
import { findCycle } from '@shared/schedule/graph';
import type { LinkType, ScheduleLink, ScheduleTask } from '@shared/schedule/model';
import { applyMove, type PlannedTask } from '@shared/schedule/move';
import { unwrap } from './fixtures';

interface RandomPlan {
  readonly tasks: readonly ScheduleTask[];
  readonly links: readonly ScheduleLink[];
}

/**
 * Random acyclic plans: up to 18 tasks (milestones included), FS/SS/FF links with lags and leads,
 * some fixed starts and progress. Links always run from a lower to a higher rank in a random
 * permutation, so the input order is not a topological order.
 */
const planArb: fc.Arbitrary<RandomPlan> = fc.integer({ min: 1, max: 18 }).chain((n) =>
  fc
    .record({
      durations: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      fixed: fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.integer({ min: -2, max: 20 }) },
        ),
        { minLength: n, maxLength: n },
      ),
      progress: fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom(0, 25, 50, 100) },
        ),
        { minLength: n, maxLength: n },
      ),
      rank: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      pairs: fc.uniqueArray(
        fc.record({
          a: fc.nat(n - 1),
          b: fc.nat(n - 1),
          type: fc.constantFrom<LinkType>('FS', 'SS', 'FF'),
          lag: fc.integer({ min: -3, max: 4 }),
        }),
        { maxLength: 3 * n, selector: (p) => (p.a < p.b ? `${p.a}:${p.b}` : `${p.b}:${p.a}`) },
      ),
    })
    .map(({ durations, fixed, progress, rank, pairs }) => ({
      tasks: durations.map((durationDays, i) => {
        const fixedStart = fixed[i];
        const done = progress[i];
        return {
          id: `T${i}`,
          durationDays,
          ...(fixedStart === undefined ? {} : { fixedStart }),
          ...(done === undefined ? {} : { progress: done }),
        };
      }),
      links: pairs
        .filter((p) => p.a !== p.b)
        .map((p) => {
          const [from, to] = (rank[p.a] ?? 0) < (rank[p.b] ?? 0) ? [p.a, p.b] : [p.b, p.a];
          return { predecessorId: `T${from}`, successorId: `T${to}`, type: p.type, lagDays: p.lag };
        }),
    })),
);

/**
 * The earliest start a link allows its successor, written from the definitions (a task's end is
 * start + duration, the moment its work is done): FS from the end, SS from the start, FF between
 * ends.
 */
function earliestAllowed(
  link: ScheduleLink,
  predecessorStart: number,
  predecessorDuration: number,
  successorDuration: number,
): number {
  const predecessorEnd = predecessorStart + predecessorDuration;
  switch (link.type) {
    case 'FS':
      return predecessorEnd + link.lagDays;
    case 'SS':
      return predecessorStart + link.lagDays;
    case 'FF':
      return predecessorEnd + link.lagDays - successorDuration;
  }
}

function durationOf(plan: RandomPlan): Map<string, number> {
  return new Map(plan.tasks.map((t) => [t.id, t.durationDays]));
}

/** Links whose successor starts before the predecessor allows, for the given starts. */
function violations(
  plan: RandomPlan,
  startOf: ReadonlyMap<string, number>,
  durations = durationOf(plan),
): ScheduleLink[] {
  return plan.links.filter((link) => {
    const allowed = earliestAllowed(
      link,
      startOf.get(link.predecessorId) ?? 0,
      durations.get(link.predecessorId) ?? 0,
      durations.get(link.successorId) ?? 0,
    );
    return (startOf.get(link.successorId) ?? 0) < allowed;
  });
}

/** The task and every task that (transitively) depends on it. */
function downstreamOf(links: readonly ScheduleLink[], id: string): Set<string> {
  const found = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const l of links) {
      if (found.has(l.predecessorId) && !found.has(l.successorId)) {
        found.add(l.successorId);
        grew = true;
      }
    }
  }
  return found;
}

function startsOf(schedule: Schedule, field: 'earlyStart' | 'lateStart' | 'start') {
  return new Map(schedule.tasks.map((t) => [t.id, t[field]]));
}

function isTight(
  link: ScheduleLink,
  startOf: ReadonlyMap<string, number>,
  durations: ReadonlyMap<string, number>,
) {
  return (
    earliestAllowed(
      link,
      startOf.get(link.predecessorId) ?? 0,
      durations.get(link.predecessorId) ?? 0,
      durations.get(link.successorId) ?? 0,
    ) === startOf.get(link.successorId)
  );
}

describe('scheduling properties over random plans', () => {
  it('forward: no task starts before its predecessors, kickoff or fixed start allow', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const schedule = unwrap(
          computeSchedule({ ...plan, direction: 'forward', projectStart: 0 }),
        );
        expect(violations(plan, startsOf(schedule, 'earlyStart'))).toEqual([]);
        expect(violations(plan, startsOf(schedule, 'lateStart'))).toEqual([]);
        plan.tasks.forEach((task, i) => {
          const t = schedule.tasks[i];
          expect(t?.start).toBe(t?.earlyStart);
          expect(t?.earlyStart).toBeGreaterThanOrEqual(Math.max(0, task.fixedStart ?? 0));
        });
      }),
    );
  });

  it('forward: slack is never negative, the critical tasks have none, free ≤ total slack', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const schedule = unwrap(
          computeSchedule({ ...plan, direction: 'forward', projectStart: 0 }),
        );
        const finishes = schedule.tasks.map((t) => t.earlyFinish);
        expect(schedule.earliestFinish).toBe(Math.max(...finishes));
        for (const t of schedule.tasks) {
          expect(t.totalSlack).toBeGreaterThanOrEqual(0);
          expect(t.freeSlack).toBeGreaterThanOrEqual(0);
          expect(t.freeSlack).toBeLessThanOrEqual(t.totalSlack);
          expect(t.lateFinish).toBeLessThanOrEqual(schedule.earliestFinish);
          expect(t.critical).toBe(t.totalSlack === 0);
        }
      }),
    );
  });

  it('forward: a chain of critical tasks runs from a start to the end of the plan', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const schedule = unwrap(
          computeSchedule({ ...plan, direction: 'forward', projectStart: 0 }),
        );
        const byId = new Map(schedule.tasks.map((t) => [t.id, t]));
        const early = startsOf(schedule, 'earlyStart');
        const durations = durationOf(plan);
        const chain = schedule.criticalPath;
        expect(chain.length).toBeGreaterThan(0);
        for (const id of chain) expect(byId.get(id)?.critical).toBe(true);
        // It ends with a task that finishes last…
        expect(byId.get(chain.at(-1) ?? '')?.earlyFinish).toBe(schedule.earliestFinish);
        // …each step is a link that holds the next task exactly where it is…
        for (let k = 1; k < chain.length; k++) {
          const link = plan.links.find(
            (l) => l.predecessorId === chain[k - 1] && l.successorId === chain[k],
          );
          expect(link && isTight(link, early, durations)).toBe(true);
        }
        // …and it starts with a task that sits at its own earliest bound.
        const first = plan.tasks.find((t) => t.id === chain[0]);
        expect(early.get(chain[0] ?? '')).toBe(Math.max(0, first?.fixedStart ?? 0));
      }),
    );
  });

  it('backward: the plan respects every link and bound, and meets a feasible deadline', () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: -6, max: 10 }), (plan, margin) => {
        const forward = unwrap(computeSchedule({ ...plan, direction: 'forward', today: 0 }));
        const deadline = forward.earliestFinish + margin;
        const schedule = unwrap(
          computeSchedule({ ...plan, direction: 'backward', deadline, today: 0 }),
        );
        expect(violations(plan, startsOf(schedule, 'start'))).toEqual([]);
        expect(violations(plan, startsOf(schedule, 'lateStart'))).toEqual([]);
        const minSlack = deadline - schedule.earliestFinish;
        const anchored = plan.tasks
          .filter((t) => t.fixedStart !== undefined || (t.progress ?? 0) > 0)
          .map((t) => t.id);
        for (const t of schedule.tasks) {
          // Nothing is planned before its predecessors, fixed start or today allow.
          expect(t.start).toBeGreaterThanOrEqual(t.earlyStart);
          expect(t.lateFinish).toBeLessThanOrEqual(deadline);
          expect(t.totalSlack).toBeGreaterThanOrEqual(minSlack);
          expect(t.critical).toBe(t.totalSlack === minSlack);
          if (margin < 0) continue;
          // On a feasible plan a task is planned at its late start, or earlier when a task after
          // it is anchored (fixed start or progress) and needs it done sooner.
          expect(t.start).toBeLessThanOrEqual(t.lateStart);
          const anchoredAfter = anchored.some((id) => downstreamOf(plan.links, t.id).has(id));
          if (!anchoredAfter) expect(t.start).toBe(t.lateStart);
        }
        if (schedule.earliestFinish <= deadline) {
          expect(schedule.overrun).toBeNull();
          expect(schedule.finish).toBeLessThanOrEqual(deadline);
        } else {
          const days = schedule.earliestFinish - deadline;
          expect(schedule.overrun?.days).toBe(days);
          expect(schedule.finish).toBe(schedule.earliestFinish);
          const chainSlack = schedule.overrun?.chain.map(
            (id) => schedule.tasks.find((t) => t.id === id)?.totalSlack,
          );
          expect(new Set(chainSlack)).toEqual(new Set([-days]));
          expect(schedule.overrun?.tasks.map((t) => t.id).sort()).toEqual(
            schedule.tasks
              .filter((t) => t.totalSlack < 0)
              .map((t) => t.id)
              .sort(),
          );
        }
      }),
    );
  });

  it('applying no move to a forward plan changes nothing', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const schedule = unwrap(
          computeSchedule({ ...plan, direction: 'forward', projectStart: 0 }),
        );
        const planned = plan.tasks.map((task, i) => ({
          ...task,
          start: schedule.tasks[i]?.start ?? 0,
        }));
        for (const task of planned) {
          const outcome = unwrap(
            applyMove({ tasks: planned, links: plan.links, taskId: task.id, newStart: task.start }),
          );
          expect(outcome).toEqual({ changes: [], clamped: null });
        }
      }),
    );
  });

  it('a move keeps every link satisfied, pushes only successors and only as far as needed', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.nat(),
        fc.integer({ min: -6, max: 8 }),
        fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
        (plan, pick, delta, newDuration) => {
          const schedule = unwrap(
            computeSchedule({ ...plan, direction: 'backward', deadline: 40, today: 0 }),
          );
          const planned: PlannedTask[] = plan.tasks.map((task, i) => ({
            ...task,
            start: schedule.tasks[i]?.start ?? 0,
          }));
          const moved = planned[pick % planned.length];
          if (moved === undefined) return;
          const requested = moved.start + delta;
          const outcome = unwrap(
            applyMove({
              tasks: planned,
              links: plan.links,
              taskId: moved.id,
              newStart: requested,
              ...(newDuration === undefined ? {} : { newDuration }),
            }),
          );
          const before = new Map(planned.map((t) => [t.id, t.start]));
          const after = new Map(before);
          for (const c of outcome.changes) after.set(c.id, c.newStart);
          const durations = durationOf(plan);
          if (newDuration !== undefined) durations.set(moved.id, newDuration);

          expect(violations(plan, after, durations)).toEqual([]);

          // The moved task lands where dropped unless its predecessors forbid it.
          const incoming = plan.links.filter((l) => l.successorId === moved.id);
          const required = Math.max(
            requested,
            ...incoming.map((l) =>
              earliestAllowed(
                l,
                after.get(l.predecessorId) ?? 0,
                durations.get(l.predecessorId) ?? 0,
                durations.get(moved.id) ?? 0,
              ),
            ),
          );
          expect(after.get(moved.id)).toBe(required);
          expect(outcome.clamped !== null).toBe(required > requested);

          // Only successors of the moved task move, only later, and each just far enough.
          const downstream = downstreamOf(plan.links, moved.id);
          for (const c of outcome.changes) {
            expect(downstream.has(c.id)).toBe(true);
            if (c.id === moved.id) continue;
            expect(c.newStart).toBeGreaterThan(c.oldStart);
            const tight = plan.links.some(
              (l) => l.successorId === c.id && isTight(l, after, durations),
            );
            expect(tight).toBe(true);
          }
        },
      ),
    );
  });

  it('a link back against the flow is refused with a real cycle named', () => {
    fc.assert(
      fc.property(
        planArb.filter((plan) => plan.links.length > 0),
        fc.nat(),
        (plan, pick) => {
          expect(findCycle(plan.tasks, plan.links)).toBeNull();
          const forward = plan.links[pick % plan.links.length];
          if (forward === undefined) return;
          const back: ScheduleLink = {
            predecessorId: forward.successorId,
            successorId: forward.predecessorId,
            type: 'FS',
            lagDays: 0,
          };
          const links = [...plan.links, back];
          const result = computeSchedule({ tasks: plan.tasks, links, direction: 'forward' });
          if (result.ok) expect.fail('a cycle was accepted');
          if (result.error.kind !== 'cycle') expect.fail(`wrong error ${result.error.kind}`);
          const cycle = result.error.cycle;
          expect(new Set(cycle).size).toBe(cycle.length);
          cycle.forEach((id, k) => {
            const next = cycle[(k + 1) % cycle.length];
            expect(links.some((l) => l.predecessorId === id && l.successorId === next)).toBe(true);
          });
          expect(findCycle(plan.tasks, links)).toEqual(cycle);
        },
      ),
    );
  });
});
