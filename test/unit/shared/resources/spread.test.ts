import { describe, expect, it } from 'vitest';
import { calendarForPerson } from '@shared/domain/calendar';
import {
  dayShareOfHours,
  hoursForDayShare,
  minutesOfHours,
  spreadAssignment,
} from '@shared/resources/spread';
import { d, hours, person, settings } from './fixtures';

const company = settings({ holidays: ['2026-11-04'], extraWorkingDays: ['2026-11-08'] });

describe('spreading an assignment over the working days of its task', () => {
  it('skips a company holiday, the person’s leave and the weekend, front-loading the remainder', () => {
    // Mon 11-02 … Sun 11-08: Wed 11-04 is a holiday, Thu 11-05 is leave, Sun 11-08 is a make-up
    // working day but the task stops on Sat 11-07. Working days: Mon, Tue, Fri.
    const calendar = calendarForPerson(
      company,
      person('ana', ['writer'], { leaveDays: ['2026-11-05'] }),
    );
    const result = spreadAssignment({
      hours: 10,
      task: { start: d('2026-11-02'), finish: d('2026-11-07') },
      calendar,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        totalMinutes: hours(10),
        days: [
          // 10 h = 40 quarter-hours over 3 days: 14 + 13 + 13.
          { date: '2026-11-02', minutes: hours(3.5) },
          { date: '2026-11-03', minutes: hours(3.25) },
          { date: '2026-11-06', minutes: hours(3.25) },
        ],
      },
    });
  });

  it('splits in minutes when the hours are not whole quarter-hours, summing exactly', () => {
    const calendar = calendarForPerson(settings(), person('ana', ['writer']));
    const result = spreadAssignment({
      hours: 67 / 60,
      task: { start: d('2026-11-02'), finish: d('2026-11-03') },
      calendar,
    });
    expect(result.ok && result.value.days.map((day) => day.minutes)).toEqual([34, 33]);
  });

  it('works a make-up Sunday and follows the person’s own working week', () => {
    const calendar = calendarForPerson(company, person('ana', ['writer']));
    const friToMon = spreadAssignment({
      hours: 6,
      task: { start: d('2026-11-06'), finish: d('2026-11-09') },
      calendar,
    });
    expect(friToMon.ok && friToMon.value.days).toEqual([
      { date: '2026-11-06', minutes: hours(2) },
      { date: '2026-11-08', minutes: hours(2) },
      { date: '2026-11-09', minutes: hours(2) },
    ]);

    const fourDays = calendarForPerson(
      settings(),
      person('ben', ['writer'], { weeklyCapacityHours: 32, workingWeek: [1, 2, 3, 4] }),
    );
    const week = spreadAssignment({
      hours: 32,
      task: { start: d('2026-11-02'), finish: d('2026-11-08') },
      calendar: fourDays,
    });
    expect(week.ok && week.value.days.map((day) => [day.date, day.minutes])).toEqual([
      ['2026-11-02', hours(8)],
      ['2026-11-03', hours(8)],
      ['2026-11-04', hours(8)],
      ['2026-11-05', hours(8)],
    ]);
  });

  it('reports a task with no working day for the person instead of dropping its hours', () => {
    const calendar = calendarForPerson(
      settings(),
      person('ana', ['writer'], { leaveDays: ['2026-11-09', '2026-11-10'] }),
    );
    const weekend = spreadAssignment({
      hours: 5,
      task: { start: d('2026-11-07'), finish: d('2026-11-08') },
      calendar,
    });
    expect(weekend).toEqual({ ok: false, error: { kind: 'noWorkingDay', totalMinutes: hours(5) } });
    const onLeave = spreadAssignment({
      hours: 12,
      task: { start: d('2026-11-09'), finish: d('2026-11-10') },
      calendar,
    });
    expect(onLeave).toEqual({
      ok: false,
      error: { kind: 'noWorkingDay', totalMinutes: hours(12) },
    });
  });

  it('refuses hours that are not a number of hours', () => {
    expect(() => minutesOfHours(-1)).toThrow(RangeError);
    expect(() => minutesOfHours(Number.NaN)).toThrow(RangeError);
  });
});

describe('assignments as a share of the person’s day', () => {
  const task = { start: d('2026-11-02'), finish: d('2026-11-06') };

  it('turns 50 % of an 8 h day into hours over the days the person actually works', () => {
    const ana = person('ana', ['writer'], { leaveDays: ['2026-11-05'] });
    const calendar = calendarForPerson(settings(), ana);
    // Four working days (Thursday is leave) × 4 h.
    expect(hoursForDayShare({ percentOfDay: 50, person: ana, task, calendar })).toEqual({
      ok: true,
      value: 16,
    });
    expect(dayShareOfHours({ hours: 16, person: ana, task, calendar })).toEqual({
      ok: true,
      value: 50,
    });
  });

  it('uses the person’s own day length (32 h over four days is an 8 h day)', () => {
    const ben = person('ben', ['writer'], { weeklyCapacityHours: 30, workingWeek: [1, 2, 3, 4] });
    const calendar = calendarForPerson(settings(), ben);
    // 30 h / 4 days = 7.5 h a day; 25 % of it on four days = 7.5 h.
    expect(hoursForDayShare({ percentOfDay: 25, person: ben, task, calendar })).toEqual({
      ok: true,
      value: 7.5,
    });
  });

  it('says why no share can be computed', () => {
    const idle = person('cai', ['writer'], { weeklyCapacityHours: 0 });
    const calendar = calendarForPerson(settings(), idle);
    expect(hoursForDayShare({ percentOfDay: 50, person: idle, task, calendar })).toEqual({
      ok: false,
      error: { kind: 'noCapacity' },
    });
    const weekend = { start: d('2026-11-07'), finish: d('2026-11-08') };
    const ana = person('ana', ['writer']);
    expect(
      hoursForDayShare({
        percentOfDay: 50,
        person: ana,
        task: weekend,
        calendar: calendarForPerson(settings(), ana),
      }),
    ).toEqual({ ok: false, error: { kind: 'noWorkingDay' } });
  });
});
