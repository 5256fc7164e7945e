import { describe, expect, it } from 'vitest';
import { loadBand, weeklyLoad, type WeeklyLoad } from '@shared/resources/load';
import type { LoadAssignment, LoadTask } from '@shared/resources/load';
import type { SuggestionPerson } from '@shared/resources/over-allocation';
import {
  assign,
  assignmentId,
  d,
  dealId,
  hours,
  person,
  personId,
  roleId,
  settings,
  task,
  taskId,
  weekOf,
} from './fixtures';

/** Four weeks from Mon 2026-09-28; Thu 10-01 and Fri 10-02 are public holidays. */
function load(
  people: readonly SuggestionPerson[],
  assignments: readonly LoadAssignment[],
  tasks: readonly LoadTask[],
  options: { overAllocationPct?: number; extraWorkingDays?: string[]; count?: number } = {},
): WeeklyLoad {
  return weeklyLoad({
    people,
    assignments,
    tasks,
    settings: settings({
      holidays: ['2026-10-01', '2026-10-02'],
      extraWorkingDays: options.extraWorkingDays ?? [],
      ...(options.overAllocationPct === undefined
        ? {}
        : { overAllocationPct: options.overAllocationPct }),
    }),
    weeks: { start: d('2026-09-28'), count: options.count ?? 4 },
    weekStartsOn: 1,
  });
}

function cell(result: WeeklyLoad, who: string, week: string) {
  const row = result.people.find((p) => p.personId === personId(who));
  const found = row?.cells[weekOf(result, week)];
  if (found === undefined) throw new Error(`no cell for ${who} in ${week}`);
  return found;
}

describe('weekly load', () => {
  const ana = person('ana', ['writer']);
  const draft = task('draft', 'harbour', '2026-09-28', '2026-10-09');
  const pricing = task('pricing', 'metro', '2026-09-29', '2026-09-30');

  it('spreads over working days and lowers capacity in a week with a public holiday', () => {
    // draft: 8 working days (Mon–Wed, then the full next week) × 5 h.
    const result = load([ana], [assign('ana', draft, 40, 'writer')], [draft]);
    expect(result.weeks).toEqual(['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19']);
    const holidayWeek = cell(result, 'ana', '2026-09-28');
    expect(holidayWeek).toMatchObject({
      assignedMinutes: hours(15),
      capacityMinutes: hours(24), // 3 of 5 days
      utilization: 0.625,
      band: 'under',
    });
    expect(cell(result, 'ana', '2026-10-05')).toMatchObject({
      assignedMinutes: hours(25),
      capacityMinutes: hours(40),
      band: 'under',
    });
    expect(cell(result, 'ana', '2026-10-12')).toMatchObject({
      assignedMinutes: 0,
      capacityMinutes: hours(40),
      utilization: 0,
      band: 'under',
    });
  });

  it('drills a cell down to the deals, tasks and assignments that fill it', () => {
    const result = load(
      [ana],
      [assign('ana', draft, 40, 'writer'), assign('ana', pricing, 3)],
      [draft, pricing],
    );
    const holidayWeek = cell(result, 'ana', '2026-09-28');
    expect(holidayWeek.assignedMinutes).toBe(hours(18));
    expect(holidayWeek.band).toBe('ok'); // 18 of 24 h = 75 %
    expect(holidayWeek.contributions).toEqual([
      {
        assignmentId: assignmentId(`ana@${taskId('draft')}`),
        dealId: dealId('harbour'),
        taskId: taskId('draft'),
        roleId: roleId('writer'),
        minutes: hours(15),
        totalMinutes: hours(40),
      },
      {
        assignmentId: assignmentId(`ana@${taskId('pricing')}`),
        dealId: dealId('metro'),
        taskId: taskId('pricing'),
        roleId: null,
        minutes: hours(3),
        totalMinutes: hours(3),
      },
    ]);
    expect(cell(result, 'ana', '2026-10-05').contributions.map((c) => c.taskId)).toEqual([
      taskId('draft'),
    ]);
  });

  it('puts exactly 70 % and exactly 100 % in the "ok" band', () => {
    const week = task('week', 'harbour', '2026-10-05', '2026-10-09');
    const bandFor = (h: number, overAllocationPct?: number) =>
      cell(
        load([ana], [assign('ana', week, h)], [week], {
          ...(overAllocationPct === undefined ? {} : { overAllocationPct }),
        }),
        'ana',
        '2026-10-05',
      ).band;
    expect(bandFor(27.75)).toBe('under');
    expect(bandFor(28)).toBe('ok');
    expect(bandFor(40)).toBe('ok');
    expect(bandFor(40.25)).toBe('over');
    // A company that tolerates 110 % before calling it over-allocation.
    expect(bandFor(44, 110)).toBe('ok');
    expect(bandFor(44.25, 110)).toBe('over');
    expect(loadBand(0, 0, 100)).toBe('none');
    expect(loadBand(1, 0, 100)).toBe('over');
  });

  it('adds a make-up working day to the week’s capacity', () => {
    const result = load([ana], [], [], { extraWorkingDays: ['2026-10-10'] });
    expect(cell(result, 'ana', '2026-10-05').capacityMinutes).toBe(hours(48));
  });

  it('follows the person’s own working week and leave', () => {
    const ben = person('ben', ['writer'], {
      weeklyCapacityHours: 32,
      workingWeek: [1, 2, 3, 4],
      leaveDays: ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15'],
    });
    const onLeave = task('on-leave', 'harbour', '2026-10-12', '2026-10-16');
    const result = load([ben], [assign('ben', onLeave, 10)], [onLeave]);
    expect(cell(result, 'ben', '2026-10-05').capacityMinutes).toBe(hours(32));
    expect(cell(result, 'ben', '2026-09-28').capacityMinutes).toBe(hours(24)); // Thu is a holiday
    // A week of leave: no capacity, no work, and the work planned then is reported.
    expect(cell(result, 'ben', '2026-10-12')).toMatchObject({
      assignedMinutes: 0,
      capacityMinutes: 0,
      utilization: null,
      band: 'none',
    });
    expect(result.unplaced).toEqual([
      {
        assignmentId: assignmentId(`ben@${taskId('on-leave')}`),
        dealId: dealId('harbour'),
        taskId: taskId('on-leave'),
        personId: personId('ben'),
        minutes: hours(10),
        reason: 'noWorkingDay',
      },
    ]);
  });

  it('counts only the part of a task inside the range', () => {
    // 8 working days (Mon 09-21 … Wed 09-30) × 2 h; 3 of them in range.
    const early = task('early', 'harbour', '2026-09-21', '2026-09-30');
    const later = task('later', 'harbour', '2026-11-02', '2026-11-06');
    const result = load(
      [ana],
      [assign('ana', early, 16), assign('ana', later, 40)],
      [early, later],
    );
    expect(cell(result, 'ana', '2026-09-28').assignedMinutes).toBe(hours(6));
    const total = result.people[0]?.cells.reduce((sum, c) => sum + c.assignedMinutes, 0);
    expect(total).toBe(hours(6));
    expect(result.unplaced).toEqual([]);
  });

  it('leaves out deleted records and reports work that has lost its task or person', () => {
    const gone = task('gone', 'harbour', '2026-10-05', '2026-10-09', true);
    const dan = person('dan', ['writer'], { deleted: true });
    const result = load(
      [ana, dan],
      [
        assign('ana', draft, 40, 'writer', true),
        assign('ana', gone, 8),
        assign('dan', draft, 16),
        assign('zoe', draft, 4),
      ],
      [draft, gone],
    );
    expect(result.people.map((p) => p.personId)).toEqual([personId('ana')]);
    expect(cell(result, 'ana', '2026-10-05').assignedMinutes).toBe(0);
    expect(result.unplaced.map((u) => [u.personId, u.reason])).toEqual([
      [personId('ana'), 'taskMissing'],
      [personId('dan'), 'personMissing'],
      [personId('zoe'), 'personMissing'],
    ]);
  });

  it('rolls people up into their primary role', () => {
    const ben = person('ben', ['writer', 'architect']);
    const eve = person('eve', ['architect']);
    const result = load(
      [ana, eve, ben],
      [assign('ana', draft, 40), assign('ben', draft, 8), assign('eve', pricing, 6)],
      [draft, pricing],
    );
    expect(result.roles.map((r) => [r.roleId, r.personIds])).toEqual([
      [roleId('writer'), [personId('ana'), personId('ben')]],
      [roleId('architect'), [personId('eve')]],
    ]);
    const writers = result.roles[0]?.cells[0];
    expect(writers).toMatchObject({
      assignedMinutes: hours(15 + 3),
      capacityMinutes: hours(48),
      band: 'under',
    });
    expect(result.roles[1]?.cells[0]).toMatchObject({
      assignedMinutes: hours(6),
      capacityMinutes: hours(24),
    });
  });

  it('accepts 4 to 52 weeks starting on the first day of a week', () => {
    expect(() => load([ana], [], [], { count: 3 })).toThrow(RangeError);
    expect(() => load([ana], [], [], { count: 53 })).toThrow(RangeError);
    expect(load([ana], [], [], { count: 52 }).weeks).toHaveLength(52);
    expect(() =>
      weeklyLoad({
        people: [ana],
        assignments: [],
        tasks: [],
        settings: settings(),
        weeks: { start: d('2026-09-29'), count: 4 },
        weekStartsOn: 1,
      }),
    ).toThrow(RangeError);
    const sundayWeeks = weeklyLoad({
      people: [ana],
      assignments: [],
      tasks: [],
      settings: settings(),
      weeks: { start: d('2026-09-27'), count: 4 },
      weekStartsOn: 0,
    });
    expect(sundayWeeks.people[0]?.cells[0]?.capacityMinutes).toBe(hours(40));
  });
});
