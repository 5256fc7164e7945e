import { describe, expect, it } from 'vitest';
import {
  overAllocations,
  suggestions,
  tasksCausingOverAllocation,
  type OverAllocation,
} from '@shared/resources/over-allocation';
import { weeklyLoad } from '@shared/resources/load';
import { assign, d, dealId, hours, personId, roleId, settings, task, taskId } from './fixtures';
import { allTasks, baseLoad, committed, company, people, roles, slack } from './scenario';

function overOf(overs: readonly OverAllocation[], who: string): OverAllocation {
  const found = overs.find((o) => o.personId === personId(who));
  if (found === undefined) throw new Error(`${who} is not over-allocated`);
  return found;
}

describe('over-allocation', () => {
  it('finds the weeks over capacity, worst person first, with the tasks causing them', () => {
    const overs = overAllocations(baseLoad());
    expect(overs.map((o) => [o.personId, o.excessMinutes])).toEqual([
      [personId('eve'), hours(20)],
      [personId('ana'), hours(10)],
    ]);
    const ana = overOf(overs, 'ana');
    expect(ana.weeks).toHaveLength(1);
    expect(ana.weeks[0]).toMatchObject({
      week: 1,
      weekStart: '2026-11-09',
      loadMinutes: hours(50),
      capacityMinutes: hours(40),
      excessMinutes: hours(10),
    });
    expect(ana.weeks[0]?.contributions.map((c) => [c.taskId, c.minutes])).toEqual([
      [taskId('outline'), hours(30)],
      [taskId('narrative'), hours(20)],
    ]);
    expect(ana.tasks).toEqual([
      {
        taskId: taskId('outline'),
        dealId: dealId('harbour'),
        minutes: hours(30),
        weekStarts: ['2026-11-09'],
        tentative: false,
      },
      {
        taskId: taskId('narrative'),
        dealId: dealId('metro'),
        minutes: hours(20),
        weekStarts: ['2026-11-09'],
        tentative: false,
      },
    ]);
  });

  it('flags the tasks themselves, for the plan grid', () => {
    const byTask = tasksCausingOverAllocation(overAllocations(baseLoad()));
    expect(byTask.get(taskId('narrative'))).toEqual([
      { personId: personId('ana'), weekStarts: ['2026-11-09'], minutes: hours(20) },
    ]);
    expect(byTask.get(taskId('design'))?.map((w) => w.personId)).toEqual([personId('eve')]);
    expect(byTask.has(taskId('review'))).toBe(false);
  });

  it('finds nobody over when everyone is within capacity', () => {
    const within = committed.filter((a) => a.personId === personId('ben'));
    expect(overAllocations(baseLoad(within))).toEqual([]);
  });
});

describe('suggestions for an over-allocation', () => {
  const load = baseLoad();
  const ana = overOf(overAllocations(load), 'ana');
  const suggest = (slackDays: Record<string, number>, overAllocation = ana, currentLoad = load) =>
    suggestions({
      overAllocation,
      load: currentLoad,
      people,
      roles,
      slackByTask: slack(slackDays),
      tasks: allTasks,
      settings: company,
    });

  it('proposes other active people with the same role and free time, most free first', () => {
    const { reassign } = suggest({});
    // dan (architect and writer) has 20 h free that week, ben 8 h; cai is inactive and eve is
    // not a writer.
    expect(reassign).toEqual([
      {
        roleId: roleId('writer'),
        minutes: hours(50),
        candidates: [
          {
            personId: personId('dan'),
            freeMinutes: hours(20),
            freeByWeek: [hours(20)],
            coversExcess: true,
          },
          {
            personId: personId('ben'),
            freeMinutes: hours(8),
            freeByWeek: [hours(8)],
            coversExcess: false,
          },
        ],
      },
    ]);
  });

  it('skips roles that were deleted', () => {
    const { reassign } = suggestions({
      overAllocation: ana,
      load,
      people,
      roles: [{ id: roleId('writer'), deletedAt: 5 }],
      slackByTask: slack({}),
      tasks: allTasks,
      settings: company,
    });
    expect(reassign).toEqual([]);
  });

  it('moves a task with slack later by just enough, within its slack', () => {
    // 3 days of slack: narrative moves to Thu 11-12 … Wed 11-18, leaving 8 of its 20 h in the
    // week, which drops to 38 h. outline has no slack.
    expect(suggest({ outline: 0, narrative: 3 }).moveLater).toEqual([
      {
        taskId: taskId('narrative'),
        dealId: dealId('metro'),
        slackDays: 3,
        moveDays: 3,
        newStart: '2026-11-12',
        newFinish: '2026-11-18',
        excessReducedMinutes: hours(10),
        remainingExcessMinutes: 0,
      },
    ]);
    // With more slack the smallest move that clears the week wins: 5 days, into the next week.
    expect(suggest({ narrative: 12 }).moveLater).toMatchObject([
      { moveDays: 5, newStart: '2026-11-16', newFinish: '2026-11-20', remainingExcessMinutes: 0 },
    ]);
  });

  it('does not propose a move that only pushes the excess into the next week', () => {
    const steady = task('steady', 'harbour', '2026-11-16', '2026-11-20');
    const busier = baseLoad(
      [...committed, assign('ana', steady, 40, 'writer')],
      [...allTasks, steady],
    );
    expect(busier.people[0]?.cells[2]?.band).toBe('ok');
    const over = overOf(overAllocations(busier), 'ana');
    const moves = suggestions({
      overAllocation: over,
      load: busier,
      people,
      roles,
      slackByTask: slack({ narrative: 5 }),
      tasks: [...allTasks, steady],
      settings: company,
    }).moveLater;
    expect(moves).toEqual([]);
  });

  it('counts the move in working days, skipping holidays', () => {
    // A holiday on Mon 11-16: moving narrative past its week takes 5 working days and lands on
    // Tue 11-17 … Mon 11-23.
    const withHoliday = settings({ holidays: ['2026-11-16'] });
    const holidayLoad = weeklyLoad({
      people,
      assignments: committed,
      tasks: allTasks,
      settings: withHoliday,
      weeks: { start: d('2026-11-02'), count: 4 },
      weekStartsOn: 1,
    });
    const moves = suggestions({
      overAllocation: overOf(overAllocations(holidayLoad), 'ana'),
      load: holidayLoad,
      people,
      roles,
      slackByTask: slack({ narrative: 6 }),
      tasks: allTasks,
      settings: withHoliday,
    }).moveLater;
    expect(moves).toMatchObject([
      { moveDays: 5, newStart: '2026-11-17', newFinish: '2026-11-23', remainingExcessMinutes: 0 },
    ]);
  });
});
