import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarForPerson, createCalendar, NoWorkingDaysError } from '@shared/domain/calendar';
import type { PlanDate, Weekday } from '@shared/domain/dates';
import {
  addDays,
  fromDayNumber,
  parsePlanDate,
  toDayNumber,
  weekdayOf,
} from '@shared/domain/dates';
import { CHINA_MAKE_UP_WORKING_DAYS, CHINA_PUBLIC_HOLIDAYS } from '@shared/domain/holidays-cn';

const d = parsePlanDate;
const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
const china = createCalendar({
  workingWeek: MON_FRI,
  holidays: CHINA_PUBLIC_HOLIDAYS,
  extraWorkingDays: CHINA_MAKE_UP_WORKING_DAYS,
});
const plain = createCalendar({ workingWeek: MON_FRI, holidays: [] });

describe('working-day calendar: hand-checked examples', () => {
  it('skips the weekend', () => {
    // 2026-11-27 is a Friday.
    expect(plain.addWorkingDays(d('2026-11-27'), 1)).toBe('2026-11-30');
    expect(plain.addWorkingDays(d('2026-11-30'), -1)).toBe('2026-11-27');
    expect(plain.nextWorkingDay(d('2026-11-27'))).toBe('2026-11-30');
    expect(plain.previousWorkingDay(d('2026-11-30'))).toBe('2026-11-27');
    expect(plain.countWorkingDays(d('2026-11-23'), d('2026-11-30'))).toBe(5);
    expect(plain.countWorkingDaysInclusive(d('2026-11-23'), d('2026-11-29'))).toBe(5);
  });

  it('rolls a non-working date forward: +0 is Monday, +1 Tuesday, −1 the Friday before', () => {
    expect(plain.addWorkingDays(d('2026-11-28'), 0)).toBe('2026-11-30');
    expect(plain.addWorkingDays(d('2026-11-28'), 1)).toBe('2026-12-01');
    expect(plain.addWorkingDays(d('2026-11-28'), -1)).toBe('2026-11-27');
    expect(plain.addWorkingDays(d('2026-11-26'), 0)).toBe('2026-11-26');
    expect(plain.workingDayOnOrBefore(d('2026-11-29'))).toBe('2026-11-27');
    expect(plain.workingDayOnOrAfter(d('2026-11-29'))).toBe('2026-11-30');
  });

  it('closes for the 2025 Spring Festival and works the make-up Sundays and Saturdays', () => {
    // Break 2025-01-28 (Tue) … 2025-02-04 (Tue); make-up working days Sun 01-26 and Sat 02-08.
    expect(china.isWorkingDay(d('2025-01-26'))).toBe(true);
    expect(china.isWorkingDay(d('2025-01-27'))).toBe(true);
    expect(china.isWorkingDay(d('2025-01-28'))).toBe(false);
    expect(china.isWorkingDay(d('2025-02-04'))).toBe(false);
    expect(china.isWorkingDay(d('2025-02-08'))).toBe(true);
    expect(china.nextWorkingDay(d('2025-01-27'))).toBe('2025-02-05');
    // Fri 01-24, Sun 01-26, Mon 01-27, then Wed 02-05.
    expect(china.addWorkingDays(d('2025-01-24'), 3)).toBe('2025-02-05');
    // 02-05 (Wed) … 02-08 (Sat, make-up) are four working days.
    expect(china.countWorkingDaysInclusive(d('2025-02-05'), d('2025-02-09'))).toBe(4);
  });

  it('counts National Day 2025 (8 days off, Sat 10-11 worked)', () => {
    // Mon 09-29 and Tue 09-30 are worked; back on Thu 10-09.
    expect(china.addWorkingDays(d('2025-09-30'), 1)).toBe('2025-10-09');
    expect(china.countWorkingDaysInclusive(d('2025-09-28'), d('2025-10-12'))).toBe(
      // 09-28 (Sun make-up), 09-29, 09-30, 10-09, 10-10, 10-11 (Sat make-up)
      6,
    );
  });

  it('makes a milestone 10 working days before a submission skip the May Day break', () => {
    // Submission Fri 2026-05-15; break 05-01 … 05-05, make-up Sat 05-09.
    const submission = d('2026-05-15');
    // Back: 14,13,12,11,9(Sat),8,7,6,30 Apr,29 Apr → 10 working days.
    expect(china.addWorkingDays(submission, -10)).toBe('2026-04-29');
  });

  it('gives task finish and start for a duration, both ends inclusive', () => {
    expect(plain.finishForDuration(d('2026-11-26'), 1)).toBe('2026-11-26');
    expect(plain.finishForDuration(d('2026-11-26'), 3)).toBe('2026-11-30');
    expect(plain.finishForDuration(d('2026-11-28'), 0)).toBe('2026-11-30');
    expect(plain.startForDuration(d('2026-11-30'), 3)).toBe('2026-11-26');
    expect(plain.startForDuration(d('2026-11-29'), 1)).toBe('2026-11-27');
    expect(plain.listWorkingDays(d('2026-11-26'), d('2026-12-01'))).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
    ]);
  });

  it("treats a person's leave as days off but keeps the company's make-up days", () => {
    const person = calendarForPerson(
      { holidays: CHINA_PUBLIC_HOLIDAYS, extraWorkingDays: CHINA_MAKE_UP_WORKING_DAYS },
      { workingWeek: MON_FRI, leaveDays: [d('2026-03-02')] },
    );
    expect(person.isWorkingDay(d('2026-03-02'))).toBe(false);
    expect(person.isWorkingDay(d('2026-02-28'))).toBe(true);
    expect(person.isWorkingDay(d('2026-02-16'))).toBe(false);
  });

  it('prefers the holiday when a day is both a holiday and an extra working day', () => {
    const cal = createCalendar({
      workingWeek: MON_FRI,
      holidays: [d('2026-11-28')],
      extraWorkingDays: [d('2026-11-28')],
    });
    expect(cal.isWorkingDay(d('2026-11-28'))).toBe(false);
  });

  it('supports a calendar with only extra working days, and refuses to go past them', () => {
    const cal = createCalendar({
      workingWeek: [],
      holidays: [],
      extraWorkingDays: [d('2026-01-10'), d('2026-01-03')],
    });
    expect(cal.addWorkingDays(d('2026-01-01'), 1)).toBe('2026-01-10');
    expect(() => cal.addWorkingDays(d('2026-01-01'), 2)).toThrow(NoWorkingDaysError);
    expect(() =>
      createCalendar({ workingWeek: [], holidays: [] }).nextWorkingDay(d('2026-01-01')),
    ).toThrow(NoWorkingDaysError);
  });

  it('handles six-day and Sunday–Thursday weeks', () => {
    const sunThu = createCalendar({ workingWeek: [0, 1, 2, 3, 4], holidays: [] });
    // 2026-11-26 is a Thursday; next is Sunday 11-29.
    expect(sunThu.nextWorkingDay(d('2026-11-26'))).toBe('2026-11-29');
    const sixDays = createCalendar({ workingWeek: [1, 2, 3, 4, 5, 6], holidays: [] });
    expect(sixDays.countWorkingDays(d('2026-11-23'), d('2026-11-30'))).toBe(6);
  });

  it('is fast for years of dates', () => {
    const start = toDayNumber(d('2020-01-01'));
    let date = fromDayNumber(start);
    for (let i = 0; i < 20_000; i += 1) date = china.addWorkingDays(date, (i % 7) - 2);
    expect(china.isWorkingDay(date)).toBe(true);
  });
});

const weekdaySet = fc
  .uniqueArray(fc.constantFrom<Weekday>(0, 1, 2, 3, 4, 5, 6), { minLength: 1, maxLength: 7 })
  .map((days) => days.sort());
const dayArb = fc.integer({ min: toDayNumber(d('1999-01-01')), max: toDayNumber(d('2040-12-31')) });
const dateArb = dayArb.map(fromDayNumber);
const calendarArb = fc
  .record({
    workingWeek: weekdaySet,
    holidays: fc.array(dateArb, { maxLength: 200 }),
    extraWorkingDays: fc.array(dateArb, { maxLength: 50 }),
  })
  .filter(({ workingWeek }) => workingWeek.length > 0);
// Calendars whose holidays are clustered near the dates being tested, so the laws see them.
const clusteredArb = fc
  .record({
    anchor: fc.integer({ min: toDayNumber(d('2020-01-01')), max: toDayNumber(d('2030-12-31')) }),
    workingWeek: weekdaySet,
    holidayOffsets: fc.array(fc.integer({ min: -60, max: 60 }), { maxLength: 40 }),
    extraOffsets: fc.array(fc.integer({ min: -60, max: 60 }), { maxLength: 10 }),
    offset: fc.integer({ min: -30, max: 30 }),
  })
  .map(({ anchor, workingWeek, holidayOffsets, extraOffsets, offset }) => ({
    calendar: createCalendar({
      workingWeek,
      holidays: holidayOffsets.map((o) => fromDayNumber(anchor + o)),
      extraWorkingDays: extraOffsets.map((o) => fromDayNumber(anchor + o)),
    }),
    date: fromDayNumber(anchor + offset),
  }));

describe('working-day calendar: laws', () => {
  it('adding n working days then counting gives n back', () => {
    fc.assert(
      fc.property(clusteredArb, fc.integer({ min: -400, max: 400 }), ({ calendar, date }, n) => {
        expect(calendar.countWorkingDays(date, calendar.addWorkingDays(date, n))).toBe(n);
      }),
    );
  });

  it('never lands on a non-working day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: -300, max: 300 }), (config, date, n) => {
        const calendar = createCalendar(config);
        expect(calendar.isWorkingDay(calendar.addWorkingDays(date, n))).toBe(true);
        expect(calendar.isWorkingDay(calendar.nextWorkingDay(date))).toBe(true);
        expect(calendar.isWorkingDay(calendar.previousWorkingDay(date))).toBe(true);
      }),
    );
  });

  it('is monotonic in the date and in n', () => {
    fc.assert(
      fc.property(
        clusteredArb,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 0, max: 50 }),
        ({ calendar, date }, laterBy, n, more) => {
          const later = addDays(date, laterBy);
          expect(calendar.addWorkingDays(date, n) <= calendar.addWorkingDays(later, n)).toBe(true);
          expect(calendar.addWorkingDays(date, n) <= calendar.addWorkingDays(date, n + more)).toBe(
            true,
          );
          if (more > 0) {
            expect(calendar.addWorkingDays(date, n) < calendar.addWorkingDays(date, n + more)).toBe(
              true,
            );
          }
        },
      ),
    );
  });

  it('next and previous working day have nothing working in between', () => {
    fc.assert(
      fc.property(clusteredArb, ({ calendar, date }) => {
        const next = calendar.nextWorkingDay(date);
        const previous = calendar.previousWorkingDay(date);
        expect(next > date && previous < date).toBe(true);
        for (let day = addDays(date, 1); day < next; day = addDays(day, 1)) {
          expect(calendar.isWorkingDay(day)).toBe(false);
        }
        for (let day = addDays(previous, 1); day < date; day = addDays(day, 1)) {
          expect(calendar.isWorkingDay(day)).toBe(false);
        }
      }),
    );
  });

  it('counts the same as walking day by day', () => {
    fc.assert(
      fc.property(clusteredArb, fc.integer({ min: 0, max: 120 }), ({ calendar, date }, span) => {
        const to = addDays(date, span);
        let walked = 0;
        for (let day: PlanDate = date; day < to; day = addDays(day, 1)) {
          if (calendar.isWorkingDay(day)) walked += 1;
        }
        expect(calendar.countWorkingDays(date, to)).toBe(walked);
        expect(calendar.countWorkingDays(to, date) + walked).toBe(0);
        expect(calendar.listWorkingDays(date, to)).toHaveLength(
          walked + (calendar.isWorkingDay(to) ? 1 : 0),
        );
      }),
    );
  });

  it('round-trips working days through their index', () => {
    fc.assert(
      fc.property(clusteredArb, ({ calendar, date }) => {
        const working = calendar.workingDayOnOrAfter(date);
        expect(calendar.dateOfWorkingIndex(calendar.workingIndex(working))).toBe(working);
        expect(weekdayOf(working)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('finishForDuration and startForDuration are inverse for working days', () => {
    fc.assert(
      fc.property(
        clusteredArb,
        fc.integer({ min: 1, max: 200 }),
        ({ calendar, date }, duration) => {
          const start = calendar.workingDayOnOrAfter(date);
          const finish = calendar.finishForDuration(start, duration);
          expect(calendar.countWorkingDaysInclusive(start, finish)).toBe(duration);
          expect(calendar.startForDuration(finish, duration)).toBe(start);
        },
      ),
    );
  });
});
