/**
 * Baseline variance and slip detection. Dates are working-day indices (see
 * `@shared/schedule/model`), so every difference here is a number of working days: a slip over a
 * weekend counts the working days lost, not the calendar days.
 */

/** A task or milestone's dates, current or as captured in a baseline. */
export interface DatedItem {
  readonly id: string;
  readonly start: number;
  /** Last day occupied; a milestone's own day. */
  readonly finish: number;
}

/**
 * One row of a variance report. Positive variance means later than the baseline (a slip),
 * negative means earlier. Items added since the baseline, or removed from the plan, are listed
 * as such so the report accounts for every row of either plan.
 */
export type VarianceRow =
  | {
      readonly id: string;
      readonly status: 'compared';
      readonly startVarianceDays: number;
      readonly finishVarianceDays: number;
    }
  | { readonly id: string; readonly status: 'added' }
  | { readonly id: string; readonly status: 'removed' };

/**
 * Compares the current plan with a chosen baseline (e.g. the one captured at bid/no-bid), row by
 * row: current items in plan order, then items only the baseline has, in baseline order.
 */
export function baselineVariance(
  current: readonly DatedItem[],
  baseline: readonly DatedItem[],
): VarianceRow[] {
  const base = new Map<string, DatedItem>();
  for (const item of baseline) base.set(item.id, item);
  const rows: VarianceRow[] = [];
  const seen = new Set<string>();
  for (const item of current) {
    seen.add(item.id);
    const then = base.get(item.id);
    rows.push(
      then === undefined
        ? { id: item.id, status: 'added' }
        : {
            id: item.id,
            status: 'compared',
            startVarianceDays: item.start - then.start,
            finishVarianceDays: item.finish - then.finish,
          },
    );
  }
  for (const item of baseline) {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      rows.push({ id: item.id, status: 'removed' });
    }
  }
  return rows;
}

/** A milestone's dates as working-day indices. */
export interface MilestoneDates {
  readonly id: string;
  /** The planned (forecast) date. */
  readonly date: number;
  /** Its date in the chosen baseline, if it existed then. */
  readonly baselineDate?: number;
  /** When it was actually reached; absent while it is not done. */
  readonly actualDate?: number;
}

export interface MilestoneLate {
  readonly id: string;
  /** Actual date if reached, else the planned date. */
  readonly date: number;
  readonly baselineDate: number;
  /** Working days later than the baseline (> 0). */
  readonly days: number;
}

export interface MilestoneOverdue {
  readonly id: string;
  readonly date: number;
  /** Working days since the planned date passed (> 0). */
  readonly days: number;
}

export interface SlipReport {
  /** Reached, or forecast, later than the baseline. */
  readonly late: readonly MilestoneLate[];
  /** Not reached and its date is already past. */
  readonly overdue: readonly MilestoneOverdue[];
}

/**
 * Finds the milestones a capture manager must explain: those late against the baseline (the
 * actual date if reached, otherwise the current forecast, is after the baseline date) and those
 * overdue against today (not reached, and the planned date is before today). A milestone can be
 * both. Both lists keep the input order; `today` is a parameter so this stays a pure function.
 */
export function detectSlips(input: {
  readonly milestones: readonly MilestoneDates[];
  readonly today: number;
}): SlipReport {
  const late: MilestoneLate[] = [];
  const overdue: MilestoneOverdue[] = [];
  for (const m of input.milestones) {
    const effective = m.actualDate ?? m.date;
    if (m.baselineDate !== undefined && effective > m.baselineDate) {
      late.push({
        id: m.id,
        date: effective,
        baselineDate: m.baselineDate,
        days: effective - m.baselineDate,
      });
    }
    if (m.actualDate === undefined && m.date < input.today) {
      overdue.push({ id: m.id, date: m.date, days: input.today - m.date });
    }
  }
  return { late, overdue };
}
