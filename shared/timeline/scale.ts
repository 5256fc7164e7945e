import type { PlanDate } from '@shared/domain/dates';
import { datePartsOf, dayNumberFromParts, fromDayNumber, toDayNumber } from '@shared/domain/dates';

/**
 * The portfolio timeline's time axis: plan dates to pixels and back, and the month or quarter
 * ticks drawn above the bars. Everything counts whole calendar days (day numbers), so a bar never
 * shifts with the viewer's time zone or a DST change.
 */

export const TIMELINE_ZOOMS = ['month', 'quarter'] as const;
/** The axis unit: months for a closer look, quarters to see a year or two at once. */
export type TimelineZoom = (typeof TIMELINE_ZOOMS)[number];

/** Horizontal resolution of each zoom: about 120 px per month, about 135 px per quarter. */
export const PX_PER_DAY: Readonly<Record<TimelineZoom, number>> = { month: 4, quarter: 1.5 };

export interface TimeScale {
  readonly zoom: TimelineZoom;
  /** First day drawn (the start of a month or quarter). */
  readonly start: PlanDate;
  /** Day after the last day drawn (the start of a month or quarter). */
  readonly end: PlanDate;
  readonly pxPerDay: number;
  /** Total width of the drawing, px. */
  readonly width: number;
  /** Left edge of a day, px from the start of the drawing. */
  x(date: PlanDate): number;
  /** The day under a horizontal position (clamped to the drawing). */
  dateAt(x: number): PlanDate;
}

/** Months in one unit of the zoom. */
const MONTHS_PER_UNIT: Readonly<Record<TimelineZoom, number>> = { month: 1, quarter: 3 };

/** The first day of the month or quarter containing `date`. */
export function startOfUnit(date: PlanDate, zoom: TimelineZoom): PlanDate {
  const { year, month } = datePartsOf(date);
  const size = MONTHS_PER_UNIT[zoom];
  const first = Math.floor((month - 1) / size) * size + 1;
  return fromDayNumber(dayNumberFromParts(year, first, 1));
}

/** The first day of the unit `count` units after the one starting on `unitStart`. */
function addUnits(unitStart: PlanDate, zoom: TimelineZoom, count: number): PlanDate {
  const { year, month } = datePartsOf(unitStart);
  const index = year * 12 + (month - 1) + count * MONTHS_PER_UNIT[zoom];
  return fromDayNumber(dayNumberFromParts(Math.floor(index / 12), (index % 12) + 1, 1));
}

/**
 * A scale covering `from`…`to` (inclusive), widened to whole units with one unit of margin on each
 * side, so the first and last bars never touch the edge, and then by whole units at the end until
 * it is at least `minWidth` px wide (the drawing fills the window rather than stopping short).
 */
export function createTimeScale(
  from: PlanDate,
  to: PlanDate,
  zoom: TimelineZoom,
  minWidth = 0,
): TimeScale {
  const [first, last] = from <= to ? [from, to] : [to, from];
  const pxPerDay = PX_PER_DAY[zoom];
  const start = addUnits(startOfUnit(first, zoom), zoom, -1);
  let end = addUnits(startOfUnit(last, zoom), zoom, 2);
  const startDay = toDayNumber(start);
  while ((toDayNumber(end) - startDay) * pxPerDay < minWidth) end = addUnits(end, zoom, 1);
  const days = toDayNumber(end) - startDay;
  return {
    zoom,
    start,
    end,
    pxPerDay,
    width: days * pxPerDay,
    x: (date) => (toDayNumber(date) - startDay) * pxPerDay,
    dateAt: (x) =>
      fromDayNumber(startDay + Math.min(days - 1, Math.max(0, Math.floor(x / pxPerDay)))),
  };
}

/** One cell of the axis: a month (1–12) or a quarter (1–4) of a year. */
export interface AxisTick {
  readonly start: PlanDate;
  readonly year: number;
  /** Month number (1–12) at month zoom, quarter number (1–4) at quarter zoom. */
  readonly unit: number;
  readonly x: number;
  readonly width: number;
}

/** A year across the axis's upper row, cut to the drawing. */
export interface AxisYear {
  readonly year: number;
  readonly x: number;
  readonly width: number;
}

/** The month or quarter cells across the scale, left to right. */
export function axisTicks(scale: TimeScale): AxisTick[] {
  const ticks: AxisTick[] = [];
  for (let unit = scale.start; unit < scale.end; unit = addUnits(unit, scale.zoom, 1)) {
    const next = addUnits(unit, scale.zoom, 1);
    const { year, month } = datePartsOf(unit);
    const x = scale.x(unit);
    ticks.push({
      start: unit,
      year,
      unit: scale.zoom === 'month' ? month : Math.floor((month - 1) / 3) + 1,
      x,
      width: scale.x(next) - x,
    });
  }
  return ticks;
}

/** The years the scale spans, each as wide as its part of the drawing. */
export function axisYears(scale: TimeScale): AxisYear[] {
  const years: AxisYear[] = [];
  for (const tick of axisTicks(scale)) {
    const last = years.at(-1);
    if (last && last.year === tick.year) {
      years[years.length - 1] = { ...last, width: last.width + tick.width };
    } else {
      years.push({ year: tick.year, x: tick.x, width: tick.width });
    }
  }
  return years;
}

/**
 * Where a bar from `start` to `finish` (both inclusive) is drawn. A bar is at least `minWidth`
 * wide so a one-day deal stays visible and clickable; a finish before the start draws one day.
 */
export function barBox(
  scale: TimeScale,
  start: PlanDate,
  finish: PlanDate,
  minWidth = 6,
): { left: number; width: number } {
  const left = scale.x(start);
  const right = scale.x(finish < start ? start : finish) + scale.pxPerDay;
  return { left, width: Math.max(minWidth, right - left) };
}
