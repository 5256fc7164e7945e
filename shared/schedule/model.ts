/**
 * The scheduling model: the conventions every caller of the scheduling engine relies on.
 *
 * **Time axis.** The engine works in working-day indices, never in calendar dates: day `k` is the
 * k-th working day of the deal's calendar (the calendar module converts `YYYY-MM-DD` plan dates to
 * and from indices). Weekends and holidays do not exist on this axis, so "three working days
 * later" is always `k + 3` and the difference of two indices is a number of working days. That is
 * what keeps the engine free of time zones, daylight-saving changes and holiday tables. Indices
 * are integers and may be negative (a plan can start before the calendar's day 0).
 *
 * **Tasks.** A task with start `s` and duration `d ≥ 1` occupies working days `s … s+d−1`; its
 * finish is the last day it occupies, `f = s+d−1` (a one-day task starts and finishes on the same
 * day, as in MS Project and every bid plan on paper).
 *
 * **Milestones.** A milestone has `d = 0`. It marks the *start* of its day `s`: it is shown on day
 * `s`, its finish is reported as `f = s`, and it must fall no later than the deadline day.
 *
 * **Links** (lag in working days; a negative lag is a lead). Internally every task is the
 * half-open run of days `[s, s+d)`, whose end boundary `e = s+d` is the moment its work is done:
 * the start of the next working day. A milestone is the single moment `s = e`. Links constrain the
 * successor:
 * - FS+lag: `succ.start ≥ pred.end + lag` — after a task, `succ.start ≥ pred.finish + 1 + lag`;
 *   after a milestone, `succ.start ≥ milestone day + lag`, so an FS successor of a milestone starts
 *   on the milestone's own day (as in MS Project). A milestone FS after a task that finishes on day
 *   `f` falls on day `f+1`: the moment that work is done.
 * - SS+lag: `succ.start ≥ pred.start + lag`.
 * - FF+lag: `succ.end ≥ pred.end + lag` — between two tasks, `succ.finish ≥ pred.finish + lag`.
 *
 * Every link therefore reads `succ.start ≥ pred.start + offset` (see {@link linkOffset}), a
 * difference constraint, which is why one forward and one backward pass in topological order
 * solve the whole plan in O(V+E).
 *
 * **Plan finish and deadline.** A plan finishes on the largest finish of its tasks and milestones.
 * A deadline `D` is met when every finish is `≤ D` (a task finishing on `D`, or a milestone on `D`,
 * meets it).
 *
 * **Progress** is a percentage, 0–100. A task with progress > 0 has started; 100 means done.
 */

/** Finish-to-start, start-to-start, finish-to-finish: the link types bid plans use. */
export type LinkType = 'FS' | 'SS' | 'FF';

/** The engine's view of a task or milestone: only what scheduling needs. */
export interface ScheduleTask {
  readonly id: string;
  /** Whole working days, `≥ 0`; `0` makes the task a milestone. */
  readonly durationDays: number;
  /**
   * A user-set or actual start (working-day index): the task starts no earlier than this. When
   * planning backward, a task with a fixed start stays where it is instead of moving to its late
   * start, because the user (or reality) put it there.
   */
  readonly fixedStart?: number;
  /** Percent complete, 0–100 (absent = 0). Work already done is not bound by `today`. */
  readonly progress?: number;
}

/** A dependency between two tasks. */
export interface ScheduleLink {
  readonly predecessorId: string;
  readonly successorId: string;
  readonly type: LinkType;
  /** Whole working days; negative = lead. */
  readonly lagDays: number;
}

/** Numeric inputs the engine validates, named so a message can point at the bad field. */
export type ScheduleField =
  | 'durationDays'
  | 'fixedStart'
  | 'progress'
  | 'lagDays'
  | 'start'
  | 'projectStart'
  | 'deadline'
  | 'today'
  | 'newStart'
  | 'newDuration';

/**
 * Why a plan cannot be scheduled. These are user errors (bad grid input, a link that closes a
 * loop), so they come back as values the UI can explain, never as exceptions.
 */
export type ScheduleError =
  /** Two tasks share an id. */
  | { readonly kind: 'duplicateTask'; readonly taskId: string }
  /** A task or a resize asks for fewer than zero days. */
  | { readonly kind: 'negativeDuration'; readonly taskId: string; readonly durationDays: number }
  /**
   * A number that must be a whole number is not (or progress is outside 0–100). `taskId` is set
   * when the value belongs to a task, `link` when it belongs to a link.
   */
  | {
      readonly kind: 'invalidValue';
      readonly field: ScheduleField;
      readonly value: number;
      readonly taskId?: string;
      readonly link?: ScheduleLink;
    }
  /** A link (or a move) names a task that is not in the plan. */
  | { readonly kind: 'unknownTask'; readonly taskId: string; readonly link?: ScheduleLink }
  /** A task linked to itself. */
  | { readonly kind: 'selfLink'; readonly taskId: string; readonly link: ScheduleLink }
  /** A second link between the same predecessor and successor (whatever its type). */
  | {
      readonly kind: 'duplicateLink';
      readonly predecessorId: string;
      readonly successorId: string;
      readonly link: ScheduleLink;
    }
  /**
   * Dependencies that loop back on themselves, in link order: `[A, B, C]` means A → B → C → A.
   * The first id is not repeated at the end; it is the cycle member listed first in the plan.
   */
  | { readonly kind: 'cycle'; readonly cycle: readonly string[] };

/** Success or a typed failure; user errors are values, not exceptions. */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/**
 * The last day a task occupies (`s+d−1`), or the milestone's own day. Milestones count as their
 * day so that a milestone on the deadline meets it and one after the deadline does not.
 */
export function finishOf(start: number, durationDays: number): number {
  return start + Math.max(durationDays, 1) - 1;
}

/** The start that puts a task's finish (as defined by {@link finishOf}) on `finish`. */
export function startForFinish(finish: number, durationDays: number): number {
  return finish - Math.max(durationDays, 1) + 1;
}

/**
 * The offset `c` such that a link requires `succ.start ≥ pred.start + c`. Writing every link
 * type as one difference constraint is what lets the passes treat FS, SS and FF alike.
 */
export function linkOffset(
  type: LinkType,
  lagDays: number,
  predecessorDuration: number,
  successorDuration: number,
): number {
  switch (type) {
    case 'FS':
      return predecessorDuration + lagDays;
    case 'SS':
      return lagDays;
    case 'FF':
      return predecessorDuration - successorDuration + lagDays;
  }
}
