import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarForPerson } from '@shared/domain/calendar';
import { addDays, type PlanDate, type Weekday } from '@shared/domain/dates';
import { weeklyLoad } from '@shared/resources/load';
import { minutesOfHours, spreadAssignment } from '@shared/resources/spread';
import { assign, d, person, settings, task } from './fixtures';

const ORIGIN = d('2026-11-02'); // a Monday
const WEEKS = 6;

const dayArb = fc.integer({ min: -14, max: 7 * WEEKS + 14 });
const datesArb = fc
  .uniqueArray(dayArb, { maxLength: 15 })
  .map((offsets) => offsets.map((n) => addDays(ORIGIN, n)));

/** Hours as the UI enters them (quarter-hours) or any whole number of minutes. */
const hoursArb = fc.oneof(
  fc.integer({ min: 0, max: 800 }).map((q) => q / 4),
  fc.integer({ min: 0, max: 6_000 }).map((m) => m / 60),
);

/** A person's calendar: any working week, company holidays and make-up days, personal leave. */
const calendarCaseArb = fc.record({
  workingWeek: fc.uniqueArray(fc.constantFrom<Weekday>(0, 1, 2, 3, 4, 5, 6), { maxLength: 7 }),
  holidays: datesArb,
  extraWorkingDays: datesArb,
  leaveDays: datesArb,
  weeklyCapacityHours: fc.integer({ min: 0, max: 60 }),
});

const taskArb = fc
  .record({ start: dayArb, length: fc.integer({ min: 0, max: 25 }), hours: hoursArb })
  .map(({ start, length, hours }) => ({
    start: addDays(ORIGIN, start),
    finish: addDays(ORIGIN, start + length),
    hours,
  }));

type CalendarCase = typeof calendarCaseArb extends fc.Arbitrary<infer T> ? T : never;

function setup(c: CalendarCase) {
  const company = settings({
    holidays: c.holidays,
    extraWorkingDays: c.extraWorkingDays.filter((day) => !c.holidays.includes(day)),
  });
  const ana = person('ana', ['writer'], {
    workingWeek: c.workingWeek,
    leaveDays: c.leaveDays,
    weeklyCapacityHours: c.workingWeek.length === 0 ? 0 : c.weeklyCapacityHours,
  });
  return { company, ana, calendar: calendarForPerson(company, ana) };
}

describe('resource load properties', () => {
  it('spread hours add up exactly to the assigned hours, on working days only, evenly', () => {
    fc.assert(
      fc.property(calendarCaseArb, taskArb, (c, t) => {
        const { calendar } = setup(c);
        const result = spreadAssignment({ hours: t.hours, task: t, calendar });
        const working = calendar.listWorkingDays(t.start, t.finish);
        if (!result.ok) {
          expect(working).toEqual([]);
          expect(result.error.totalMinutes).toBe(minutesOfHours(t.hours));
          return;
        }
        const { days } = result.value;
        expect(days.reduce((sum, day) => sum + day.minutes, 0)).toBe(minutesOfHours(t.hours));
        expect(days.map((day) => day.date)).toEqual(working);
        for (const day of days) expect(calendar.isWorkingDay(day.date)).toBe(true);
        const shares = days.map((day) => day.minutes);
        const unit = minutesOfHours(t.hours) % 15 === 0 ? 15 : 1;
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(unit);
      }),
      { numRuns: 300 },
    );
  });

  it('weekly load never counts a non-working day and equals the days it is made of', () => {
    fc.assert(
      fc.property(calendarCaseArb, fc.array(taskArb, { maxLength: 8 }), (c, specs) => {
        const { company, ana, calendar } = setup(c);
        const tasks = specs.map((s, i) => task(`t${i}`, 'harbour', s.start, s.finish));
        const assignments = specs.map((s, i) => assign('ana', tasks[i]!, s.hours));
        const load = weeklyLoad({
          people: [ana],
          assignments,
          tasks,
          settings: company,
          weeks: { start: ORIGIN, count: WEEKS },
          weekStartsOn: 1,
        });

        // The minutes each working day receives, from the per-day spread.
        const byDay = new Map<PlanDate, number>();
        const unplacedInRange = new Set<string>();
        const rangeEnd = addDays(ORIGIN, 7 * WEEKS);
        specs.forEach((s, i) => {
          const result = spreadAssignment({ hours: s.hours, task: s, calendar });
          if (!result.ok) {
            if (s.finish >= ORIGIN && s.start < rangeEnd) unplacedInRange.add(assignments[i]!.id);
            return;
          }
          for (const day of result.value.days) {
            expect(calendar.isWorkingDay(day.date)).toBe(true);
            byDay.set(day.date, (byDay.get(day.date) ?? 0) + day.minutes);
          }
        });

        const cells = load.people[0]!.cells;
        cells.forEach((cell, w) => {
          const weekDays = Array.from({ length: 7 }, (_, k) => addDays(cell.weekStart, k));
          const expected = weekDays.reduce((sum, day) => sum + (byDay.get(day) ?? 0), 0);
          expect(cell.assignedMinutes).toBe(expected);
          expect(cell.contributions.reduce((sum, x) => sum + x.minutes, 0)).toBe(expected);
          if (!weekDays.some((day) => calendar.isWorkingDay(day))) {
            expect(cell.assignedMinutes).toBe(0);
            expect(cell.capacityMinutes).toBe(0);
          }
          expect(w).toBe(load.weeks.indexOf(cell.weekStart));
        });
        expect(new Set(load.unplaced.map((u) => u.assignmentId))).toEqual(unplacedInRange);
      }),
      { numRuns: 200 },
    );
  });
});
