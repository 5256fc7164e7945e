import type { Baseline } from '@shared/domain/baseline';
import type { WorkingCalendar } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import type { PlanItemId } from '@shared/domain/ids';
import { baselineVariance, detectSlips } from '@shared/schedule/baseline';
import type { DatedItem, MilestoneDates } from '@shared/schedule/baseline';
import type { PlanRow } from '@shared/plan/rows';
import { isMilestoneRow } from '@shared/plan/rows';

/** A row's dates in the chosen baseline, for the thin bar drawn beside the current one. */
export interface BaselineDates {
  readonly start: PlanDate;
  readonly finish: PlanDate;
}

/** Baseline dates by row id: tasks by their start and finish, milestones by their date. */
export function baselineDatesOf(baseline: Baseline): Map<PlanItemId, BaselineDates> {
  const out = new Map<PlanItemId, BaselineDates>();
  for (const task of baseline.tasks)
    out.set(task.taskId, { start: task.start, finish: task.finish });
  for (const m of baseline.milestones) out.set(m.milestoneId, { start: m.date, finish: m.date });
  return out;
}

/**
 * Finish variance against a baseline, in working days (positive = later than the baseline, a
 * slip), per row; rows added since the baseline are marked `added`.
 */
export function planVariance(
  rows: readonly PlanRow[],
  baseline: Baseline,
  calendar: WorkingCalendar,
): Map<PlanItemId, { readonly days: number } | 'added'> {
  const index = (date: PlanDate) => calendar.workingIndex(date);
  const current: DatedItem[] = rows.map((row) => ({
    id: row.id,
    start: index(row.start),
    finish: index(row.finish),
  }));
  const then: DatedItem[] = [...baselineDatesOf(baseline)].map(([id, dates]) => ({
    id,
    start: index(dates.start),
    finish: index(dates.finish),
  }));
  const out = new Map<PlanItemId, { readonly days: number } | 'added'>();
  const idOf = new Map<string, PlanItemId>(rows.map((row) => [row.id, row.id]));
  for (const row of baselineVariance(current, then)) {
    const id = idOf.get(row.id);
    if (id === undefined) continue;
    if (row.status === 'compared') out.set(id, { days: row.finishVarianceDays });
    else if (row.status === 'added') out.set(id, 'added');
  }
  return out;
}

/** Why a milestone is flagged: later than its baseline beyond the tolerance, and/or overdue. */
export interface MilestoneSlip {
  readonly lateDays: number | null;
  readonly overdueDays: number | null;
}

/**
 * The milestones (milestone records and zero-day tasks) a capture manager must explain: late
 * against the baseline by more than `toleranceDays` working days, or not reached and already
 * past. The baseline date comes from the chosen baseline, else from the milestone's own
 * baseline date (set when a baseline was last captured).
 */
export function milestoneSlips(input: {
  readonly rows: readonly PlanRow[];
  readonly baseline: Baseline | null;
  readonly calendar: WorkingCalendar;
  readonly today: PlanDate;
  readonly toleranceDays: number;
}): Map<PlanItemId, MilestoneSlip> {
  const { calendar } = input;
  const chosen = input.baseline === null ? null : baselineDatesOf(input.baseline);
  const milestones: MilestoneDates[] = [];
  const ids = new Map<string, PlanItemId>();
  for (const row of input.rows) {
    if (!isMilestoneRow(row)) continue;
    ids.set(row.id, row.id);
    const baselineDate = chosen === null ? row.baselineDate : (chosen.get(row.id)?.start ?? null);
    const done = row.actualDate ?? (row.kind === 'task' && row.progress >= 100 ? row.start : null);
    milestones.push({
      id: row.id,
      date: calendar.workingIndex(row.start),
      ...(baselineDate === null ? {} : { baselineDate: calendar.workingIndex(baselineDate) }),
      ...(done === null ? {} : { actualDate: calendar.workingIndex(done) }),
    });
  }
  const report = detectSlips({ milestones, today: calendar.workingIndex(input.today) });
  const out = new Map<PlanItemId, MilestoneSlip>();
  const entry = (id: string) => {
    const key = ids.get(id);
    if (key === undefined) return null;
    const existing = out.get(key) ?? { lateDays: null, overdueDays: null };
    return { key, existing };
  };
  for (const late of report.late) {
    const found = entry(late.id);
    if (found === null || late.days <= input.toleranceDays) continue;
    out.set(found.key, { ...found.existing, lateDays: late.days });
  }
  for (const overdue of report.overdue) {
    const found = entry(overdue.id);
    if (found === null) continue;
    out.set(found.key, { ...found.existing, overdueDays: overdue.days });
  }
  return out;
}
