import { describe, expect, it } from 'vitest';
import { computeSchedule } from '@shared/schedule/cpm';
import type { ScheduleTask } from '@shared/schedule/model';
import { bidPlanLinks, bidPlanTasks, byId, column, fs, ss, unwrap } from './fixtures';

/*
 * Example 1: the classic Milwaukee Paper Manufacturing network (Heizer & Render, Operations
 * Management), finish-to-start links only, durations in days:
 *
 *   A 2 | B 3 | C 2 (after A) | D 4 (after A, B) | E 4 (after C) | F 3 (after C)
 *   G 5 (after D, E) | H 2 (after F, G)
 *
 * Textbook answer, in its "ES = end of day" notation: ES A0 B0 C2 D3 E4 F4 G8 H13; EF A2 B3 C4 D7
 * E8 F7 G13 H15; LS A0 B1 C2 D4 E4 F10 G8 H13; slack B1 D1 F6, all others 0; critical path
 * A-C-E-G-H; the project takes 15 days. In working-day indices the start is the same number and
 * the finish is the last day worked, EF − 1, so the project runs from day 0 to day 14.
 *
 * Free slack by hand: B → D: 3 − 3 = 0; D → G: 8 − 7 = 1; F → H: 13 − 7 = 6; A → C, C → E/F,
 * E → G, G → H: 0.
 */
const milwaukee: readonly ScheduleTask[] = [
  { id: 'A', durationDays: 2 },
  { id: 'B', durationDays: 3 },
  { id: 'C', durationDays: 2 },
  { id: 'D', durationDays: 4 },
  { id: 'E', durationDays: 4 },
  { id: 'F', durationDays: 3 },
  { id: 'G', durationDays: 5 },
  { id: 'H', durationDays: 2 },
];
const milwaukeeLinks = [
  fs('A', 'C'),
  fs('A', 'D'),
  fs('B', 'D'),
  fs('C', 'E'),
  fs('C', 'F'),
  fs('D', 'G'),
  fs('E', 'G'),
  fs('F', 'H'),
  fs('G', 'H'),
];

describe('computeSchedule: textbook CPM, finish-to-start (Milwaukee Paper)', () => {
  const schedule = unwrap(
    computeSchedule({ tasks: milwaukee, links: milwaukeeLinks, direction: 'forward' }),
  );

  it('computes early and late dates as the textbook does', () => {
    expect(column(schedule, 'earlyStart')).toEqual({
      A: 0,
      B: 0,
      C: 2,
      D: 3,
      E: 4,
      F: 4,
      G: 8,
      H: 13,
    });
    expect(column(schedule, 'earlyFinish')).toEqual({
      A: 1,
      B: 2,
      C: 3,
      D: 6,
      E: 7,
      F: 6,
      G: 12,
      H: 14,
    });
    expect(column(schedule, 'lateStart')).toEqual({
      A: 0,
      B: 1,
      C: 2,
      D: 4,
      E: 4,
      F: 10,
      G: 8,
      H: 13,
    });
    expect(column(schedule, 'lateFinish')).toEqual({
      A: 1,
      B: 3,
      C: 3,
      D: 7,
      E: 7,
      F: 12,
      G: 12,
      H: 14,
    });
    expect(schedule.earliestFinish).toBe(14);
    expect(schedule.finish - schedule.start + 1).toBe(15);
  });

  it('finds the slack and the critical path A-C-E-G-H', () => {
    expect(column(schedule, 'totalSlack')).toEqual({
      A: 0,
      B: 1,
      C: 0,
      D: 1,
      E: 0,
      F: 6,
      G: 0,
      H: 0,
    });
    expect(column(schedule, 'freeSlack')).toEqual({
      A: 0,
      B: 0,
      C: 0,
      D: 1,
      E: 0,
      F: 6,
      G: 0,
      H: 0,
    });
    expect(schedule.tasks.filter((t) => t.critical).map((t) => t.id)).toEqual([
      'A',
      'C',
      'E',
      'G',
      'H',
    ]);
    expect(schedule.criticalPath).toEqual(['A', 'C', 'E', 'G', 'H']);
  });

  it('plans forward at the early dates, from kickoff', () => {
    const fromKickoff = unwrap(
      computeSchedule({
        tasks: milwaukee,
        links: milwaukeeLinks,
        direction: 'forward',
        projectStart: 100,
      }),
    );
    expect(fromKickoff.tasks.map((t) => t.start)).toEqual([100, 100, 102, 103, 104, 104, 108, 113]);
    expect(fromKickoff.start).toBe(100);
    expect(fromKickoff.finish).toBe(114);
    expect(fromKickoff.overrun).toBeNull();
    expect(fromKickoff.deadlineSlack).toBeNull();
  });
});

/*
 * Example 2: a bid plan in precedence-diagram form with SS, FF, lags, a lead and milestones
 * (see fixtures.ts). Conventions: a task occupies days s…s+d−1; FS needs succ ≥ pred end + lag
 * (end = s+d, so after a milestone that is its own day); SS: succ ≥ pred start + lag;
 * FF: succ end ≥ pred end + lag.
 *
 * Forward pass (ES; finish f in brackets):
 *   S = 0 (milestone, f 0)           A: FS from S → 0 + 0 = 0 (f 3)
 *   I: SS+1 from A → 1 (f 3)          B: FS from A → 0 + 4 = 4 (milestone, f 4)
 *   C: FS from B → 4 + 0 = 4 (f 9)    D: SS+2 from C → 6 (f 10)
 *   E: SS+1 from C → 5; FF+2 from D → end ≥ 11 + 2 = 13 → start 13 − 6 = 7 (f 12)
 *   J: FS−2 from C → 10 − 2 = 8; FS from I → 4 → 8 (f 9)
 *   F: FS from E → 13; FS from J → 10 → 13 (f 14)
 *   G: FS+2 from F → 15 + 2 = 17; FS from I → 4 → 17 (f 19)
 *   H: FF+3 from G → end ≥ 20 + 3 = 23 → 19; FS from D → 11 → 19 (f 22)
 *   M: FS from H → 23 (milestone, f 23)            → the plan finishes on day 23.
 *
 * Backward pass from day 23 (LS; a task may finish no later than 23):
 *   M 23 | H: 23 − 4 = 19 | G: H.end 23 − 3 = 20 → 17 | F: 17 − 2 − 2 = 13 | J: 13 − 2 = 11
 *   E: 13 − 6 = 7 | D: E.end 13 − 2 = 11 → 6 (FS to H allows 14) | C: min(6−2, 7−1, 11+2−6) = 4
 *   B: 4 | I: min(J 11 − 3, G 17 − 3) = 8 | A: min(B 4 − 4, I 8 − 1) = 0 | S: 0
 *
 * Slack = LS − ES: I 7, J 3, everything else 0, so the critical path is
 * S → A → B → C → D → E → F → G → H → M (through the SS and FF links).
 * Free slack: I = min(J 8 − 4, G 17 − 4) = 4; J = F 13 − 10 = 3; critical tasks 0.
 */
describe('computeSchedule: precedence diagram with SS, FF, lags, a lead and milestones', () => {
  const schedule = unwrap(
    computeSchedule({ tasks: bidPlanTasks, links: bidPlanLinks, direction: 'forward' }),
  );

  it('computes early and late dates worked by hand', () => {
    expect(column(schedule, 'earlyStart')).toEqual({
      S: 0,
      A: 0,
      I: 1,
      B: 4,
      C: 4,
      D: 6,
      E: 7,
      J: 8,
      F: 13,
      G: 17,
      H: 19,
      M: 23,
    });
    expect(column(schedule, 'earlyFinish')).toEqual({
      S: 0,
      A: 3,
      I: 3,
      B: 4,
      C: 9,
      D: 10,
      E: 12,
      J: 9,
      F: 14,
      G: 19,
      H: 22,
      M: 23,
    });
    expect(column(schedule, 'lateStart')).toEqual({
      S: 0,
      A: 0,
      I: 8,
      B: 4,
      C: 4,
      D: 6,
      E: 7,
      J: 11,
      F: 13,
      G: 17,
      H: 19,
      M: 23,
    });
    expect(schedule.earliestFinish).toBe(23);
  });

  it('finds total and free slack and the critical path through SS and FF links', () => {
    expect(column(schedule, 'totalSlack')).toEqual({
      S: 0,
      A: 0,
      I: 7,
      B: 0,
      C: 0,
      D: 0,
      E: 0,
      J: 3,
      F: 0,
      G: 0,
      H: 0,
      M: 0,
    });
    expect(column(schedule, 'freeSlack')).toMatchObject({ I: 4, J: 3, C: 0, M: 0 });
    expect(schedule.criticalPath).toEqual(['S', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'M']);
    expect(schedule.tasks.filter((t) => !t.critical).map((t) => t.id)).toEqual(['I', 'J']);
  });

  it('treats milestones as moments: FS after a milestone starts on its day', () => {
    const t = byId(schedule);
    // A follows the kickoff milestone S (day 0) and starts on day 0.
    expect(t.get('A')?.earlyStart).toBe(t.get('S')?.earlyStart);
    // The bid/no-bid milestone falls when RFP analysis is done (A finishes day 3 → day 4),
    // and solution design starts that same day.
    expect(t.get('B')).toMatchObject({ earlyStart: 4, earlyFinish: 4 });
    expect(t.get('C')?.earlyStart).toBe(4);
  });
});

describe('computeSchedule: backward from the submission deadline', () => {
  it('plans every task as late as possible and reports the slack left before the deadline', () => {
    const schedule = unwrap(
      computeSchedule({
        tasks: bidPlanTasks,
        links: bidPlanLinks,
        direction: 'backward',
        deadline: 30,
        today: 0,
      }),
    );
    // From today (day 0) the plan could finish on day 23: 7 working days to spare.
    expect(schedule.earliestFinish).toBe(23);
    expect(schedule.deadlineSlack).toBe(7);
    expect(schedule.overrun).toBeNull();
    // Planned = late start against day 30: the hand-worked late starts, 7 days later.
    expect(column(schedule, 'start')).toEqual({
      S: 7,
      A: 7,
      I: 15,
      B: 11,
      C: 11,
      D: 13,
      E: 14,
      J: 18,
      F: 20,
      G: 24,
      H: 26,
      M: 30,
    });
    expect(schedule.tasks.every((t) => t.start === t.lateStart)).toBe(true);
    expect(byId(schedule).get('M')?.finish).toBe(30);
    expect(schedule.finish).toBe(30);
    // Slack is counted against the deadline; the critical chain is the one with the least.
    expect(column(schedule, 'totalSlack')).toMatchObject({ A: 7, I: 14, J: 10, M: 7 });
    expect(schedule.criticalPath).toEqual(['S', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'M']);
    expect(schedule.tasks.filter((t) => !t.critical).map((t) => t.id)).toEqual(['I', 'J']);
  });

  it('without a status date, the plan starts at its own first late start with no slack', () => {
    const schedule = unwrap(
      computeSchedule({
        tasks: bidPlanTasks,
        links: bidPlanLinks,
        direction: 'backward',
        deadline: 30,
      }),
    );
    expect(schedule.start).toBe(7);
    expect(schedule.deadlineSlack).toBe(0);
    expect(byId(schedule).get('C')).toMatchObject({ start: 11, totalSlack: 0, critical: true });
  });

  it('keeps a task with a fixed start where it is and plans its predecessors before it', () => {
    const tasks = bidPlanTasks.map((t) => (t.id === 'J' ? { ...t, fixedStart: 14 } : t));
    const schedule = unwrap(
      computeSchedule({
        tasks,
        links: bidPlanLinks,
        direction: 'backward',
        deadline: 30,
        today: 0,
      }),
    );
    const t = byId(schedule);
    expect(t.get('J')?.start).toBe(14);
    // I must finish in time for J (FS): by day 13, so it starts no later than day 11.
    expect(t.get('I')?.start).toBe(11);
    // C → J is FS−2: J may start 2 days before C's end, so C must start by 14 + 2 − 6 = 10,
    // a day earlier than its late start without the fixed J (11).
    expect(t.get('C')?.start).toBe(10);
    // J pushed its successors too: pink team now starts after J (day 16) instead of day 13.
    expect(t.get('F')?.earlyStart).toBe(16);
  });

  it('flags a deadline that cannot be met from today, with the tasks responsible', () => {
    // Kickoff is done; RFP analysis started on day 0 and is half done (2 of 4 days); today is
    // day 5, so its last 2 days run on days 5–6 as if it had started on day 3.
    const tasks = bidPlanTasks.map((t) => {
      if (t.id === 'S') return { ...t, fixedStart: 0, progress: 100 };
      if (t.id === 'A') return { ...t, fixedStart: 0, progress: 50 };
      return t;
    });
    const schedule = unwrap(
      computeSchedule({
        tasks,
        links: bidPlanLinks,
        direction: 'backward',
        deadline: 24,
        today: 5,
      }),
    );
    // Forward from today the critical chain shifts 3 days: submission on day 26, not 24.
    expect(schedule.earliestFinish).toBe(26);
    expect(schedule.deadlineSlack).toBe(-2);
    expect(schedule.overrun).toEqual({
      days: 2,
      chain: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'M'],
      tasks: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'M'].map((id) => ({ id, days: 2 })),
    });
    // Tasks off the critical chain still have room: I (starts today) 4 days, J 1 day.
    expect(column(schedule, 'totalSlack')).toMatchObject({ S: 1, I: 4, J: 1, A: -2, M: -2 });
    // The plan itself never puts work before today or before its predecessors allow: the done
    // and started tasks stay put, the rest is as late as the (lost) deadline still permits.
    expect(column(schedule, 'start')).toEqual({
      S: 0,
      A: 3,
      I: 11,
      B: 7,
      C: 7,
      D: 9,
      E: 10,
      J: 14,
      F: 16,
      G: 20,
      H: 22,
      M: 26,
    });
  });

  it('also checks a deadline when planning forward', () => {
    const schedule = unwrap(
      computeSchedule({
        tasks: bidPlanTasks,
        links: bidPlanLinks,
        direction: 'forward',
        projectStart: 0,
        deadline: 20,
      }),
    );
    expect(schedule.overrun?.days).toBe(3);
    expect(schedule.overrun?.chain).toEqual(schedule.criticalPath);
    expect(byId(schedule).get('I')?.totalSlack).toBe(4);
    // The forward plan is still the early plan; only the verdict changes.
    expect(byId(schedule).get('M')?.start).toBe(23);
  });
});

describe('computeSchedule: bounds and edge cases', () => {
  it('does not start unstarted work before today, nor anything before kickoff', () => {
    const schedule = unwrap(
      computeSchedule({
        tasks: [
          { id: 'done', durationDays: 3, fixedStart: 0, progress: 100 },
          { id: 'next', durationDays: 2 },
          { id: 'later', durationDays: 1, fixedStart: 12 },
        ],
        links: [fs('done', 'next'), ss('done', 'later')],
        direction: 'forward',
        projectStart: 0,
        today: 10,
      }),
    );
    expect(column(schedule, 'start')).toEqual({ done: 0, next: 10, later: 12 });
  });

  it('counts a task finishing on the deadline, or a milestone on it, as on time', () => {
    const onTime = unwrap(
      computeSchedule({
        tasks: [
          { id: 'write', durationDays: 5 },
          { id: 'submit', durationDays: 0 },
        ],
        links: [ss('write', 'submit', 4)],
        direction: 'forward',
        deadline: 4,
      }),
    );
    expect(onTime.tasks.map((t) => t.finish)).toEqual([4, 4]);
    expect(onTime.overrun).toBeNull();
    expect(onTime.deadlineSlack).toBe(0);
  });

  it('schedules an empty plan', () => {
    const schedule = unwrap(computeSchedule({ tasks: [], links: [], direction: 'forward' }));
    expect(schedule.tasks).toEqual([]);
    expect(schedule.criticalPath).toEqual([]);
  });

  it('refuses a plan whose dates are not whole working days', () => {
    expect(computeSchedule({ tasks: [], links: [], direction: 'backward', deadline: 3.5 })).toEqual(
      { ok: false, error: { kind: 'invalidValue', field: 'deadline', value: 3.5 } },
    );
  });
});
