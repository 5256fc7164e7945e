import { describe, expect, it } from 'vitest';
import type { WeeklyLoad } from '@shared/resources/load';
import { overAllocations } from '@shared/resources/over-allocation';
import { layerTentative } from '@shared/resources/what-if';
import { assign, deepFreeze, hours, milestoneId, personId, task, taskId } from './fixtures';
import {
  allTasks,
  baseLoad,
  bidSolution,
  committed,
  company,
  milestones,
  people,
  tentative,
} from './scenario';

function cellOf(load: WeeklyLoad, who: string, week: number) {
  const found = load.people.find((p) => p.personId === personId(who))?.cells[week];
  if (found === undefined) throw new Error(`no cell for ${who}`);
  return found;
}

function layer(load: WeeklyLoad, assignments = tentative, tasks = allTasks) {
  return layerTentative(load, {
    assignments,
    tasks,
    people,
    settings: company,
    milestones,
  });
}

describe('what-if: a tentative deal layered on the load', () => {
  it('keeps the tentative hours apart and lists who it pushes over capacity', () => {
    const result = layer(baseLoad());
    const ben = cellOf(result.load, 'ben', 1);
    expect(ben).toMatchObject({
      assignedMinutes: hours(32),
      tentativeMinutes: hours(16),
      band: 'ok',
      bandWithTentative: 'over',
      utilizationWithTentative: 1.2,
    });
    expect(ben.tentativeContributions.map((c) => [c.taskId, c.minutes])).toEqual([
      [taskId('bid-writing'), hours(16)],
    ]);
    expect(ben.contributions.map((c) => c.taskId)).toEqual([taskId('review')]);
    expect(result.overloads).toEqual([
      {
        personId: personId('ana'),
        week: 1,
        weekStart: '2026-11-09',
        assignedMinutes: hours(50),
        tentativeMinutes: hours(4),
        capacityMinutes: hours(40),
        newlyOver: false,
      },
      {
        personId: personId('ben'),
        week: 1,
        weekStart: '2026-11-09',
        assignedMinutes: hours(32),
        tentativeMinutes: hours(16),
        capacityMinutes: hours(40),
        newlyOver: true,
      },
    ]);
    // dan gets 10 h of tentative work in a week with room for it: layered, not an overload.
    expect(cellOf(result.load, 'dan', 2)).toMatchObject({
      tentativeMinutes: hours(10),
      bandWithTentative: 'under',
    });
    // The writers' role row carries the tentative hours too.
    expect(result.load.roles[0]?.cells[1]).toMatchObject({
      assignedMinutes: hours(50 + 32),
      tentativeMinutes: hours(20),
    });
  });

  it('lists the other deals’ milestones fed by work in the overloaded weeks', () => {
    const result = layer(baseLoad());
    // ana's and ben's harbour tasks finish 11-13, before the pink team on 11-16; ana's metro
    // narrative feeds the red team on 11-20. The kickoff is already met, the submission is not
    // the next milestone, and the tentative deal's own gate is not another deal's.
    expect(
      result.milestonesAtRisk.map((m) => [
        m.milestoneId,
        m.date,
        m.causes.map((c) => [c.personId, c.taskId]),
      ]),
    ).toEqual([
      [
        milestoneId('harbour pink team'),
        '2026-11-16',
        [
          [personId('ana'), taskId('outline')],
          [personId('ben'), taskId('review')],
        ],
      ],
      [milestoneId('metro red team'), '2026-11-20', [[personId('ana'), taskId('narrative')]]],
    ]);
  });

  it('leaves the load and every input unchanged (deep-frozen inputs)', () => {
    const load = deepFreeze(baseLoad());
    const before = JSON.stringify(load);
    const inputs = deepFreeze({
      assignments: [...tentative],
      tasks: [...allTasks],
      people: [...people],
      settings: company,
      milestones: [...milestones],
    });
    const inputsBefore = JSON.stringify(inputs);
    const result = layerTentative(load, inputs);
    expect(result.load).not.toBe(load);
    expect(JSON.stringify(load)).toBe(before);
    expect(JSON.stringify(inputs)).toBe(inputsBefore);
    expect(cellOf(load, 'ben', 1).tentativeMinutes).toBe(0);
    // Rows the scenario does not touch are shared, not copied.
    expect(result.load.people.find((p) => p.personId === personId('eve'))).toBe(
      load.people.find((p) => p.personId === personId('eve')),
    );
  });

  it('moves a stored deal marked tentative out of the committed load instead of counting it twice', () => {
    const harbour = committed.filter(
      (a) => a.taskId === taskId('outline') || a.taskId === taskId('review'),
    );
    const result = layer(baseLoad(), harbour);
    expect(cellOf(result.load, 'ana', 1)).toMatchObject({
      assignedMinutes: hours(20),
      tentativeMinutes: hours(30),
      band: 'under',
      bandWithTentative: 'over',
    });
    expect(cellOf(result.load, 'ben', 1)).toMatchObject({
      assignedMinutes: 0,
      tentativeMinutes: hours(32),
    });
    expect(result.overloads.map((o) => [o.personId, o.newlyOver])).toEqual([
      [personId('ana'), true],
    ]);
    // Only metro's milestone: harbour is the tentative deal itself.
    expect(result.milestonesAtRisk.map((m) => m.milestoneId)).toEqual([
      milestoneId('metro red team'),
    ]);
  });

  it('adds to an existing layer, and reports tentative work it cannot place', () => {
    const first = layer(baseLoad());
    const extra = task('bid-pricing', 'lighthouse', '2026-11-07', '2026-11-08');
    const second = layerTentative(first.load, {
      assignments: [
        assign('ben', bidSolution, 5),
        assign('ben', extra, 6),
        assign('ben', task('nowhere', 'lighthouse', '2026-11-09', '2026-11-09'), 2),
      ],
      tasks: [...allTasks, extra],
      people,
      settings: company,
      milestones,
    });
    expect(cellOf(second.load, 'ben', 1).tentativeMinutes).toBe(hours(16));
    expect(cellOf(second.load, 'ben', 2).tentativeMinutes).toBe(hours(5));
    expect(second.unplaced.map((u) => [u.taskId, u.reason])).toEqual([
      [taskId('bid-pricing'), 'noWorkingDay'],
      [taskId('nowhere'), 'taskMissing'],
    ]);
  });

  it('lets the tentative deal’s own over-allocations be listed', () => {
    const result = layer(baseLoad());
    const withTentative = overAllocations(result.load, { includeTentative: true });
    const ben = withTentative.find((o) => o.personId === personId('ben'));
    expect(ben?.excessMinutes).toBe(hours(8));
    expect(ben?.tasks.map((t) => [t.taskId, t.tentative])).toEqual([
      [taskId('review'), false],
      [taskId('bid-writing'), true],
    ]);
    expect(overAllocations(result.load).map((o) => o.personId)).not.toContain(personId('ben'));
  });
});
