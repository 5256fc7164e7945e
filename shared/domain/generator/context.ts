import type { Id } from '@shared/domain/ids';
import type { PlanDate } from '@shared/domain/dates';
import { planDateFromUtcMs, utcMsOfPlanDate } from '@shared/domain/dates';
import type { WorkingCalendar } from '@shared/domain/calendar';
import type { Locale } from '@shared/domain/settings';
import type { Random } from '@shared/domain/generator/random';
import type { Pair } from '@shared/domain/generator/vocabulary';

export const DAY_MS = 86_400_000;

/** What every part of the generator shares: the random stream, the language, "now" and the calendar. */
export interface GeneratorContext {
  readonly rng: Random;
  readonly locale: Locale;
  /** 0 for Chinese, 1 for English: the index into a vocabulary pair. */
  readonly lang: 0 | 1;
  readonly now: number;
  readonly today: PlanDate;
  readonly calendar: WorkingCalendar;
}

/**
 * A fresh id from the seeded stream. `uuidFromBytes` always yields a well-formed lower-case v4
 * UUID, which is exactly what the id schemas accept, so the brand is applied without re-parsing
 * hundreds of thousands of ids.
 */
export function newId<T extends Id<string>>(ctx: GeneratorContext): T {
  return ctx.rng.uuid() as T;
}

export function text(ctx: GeneratorContext, pair: Pair): string {
  return pair[ctx.lang];
}

export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}

/** A moment during office hours (in Beijing or the Americas alike: 01:00–10:59 UTC) of a day. */
export function msOnDate(ctx: GeneratorContext, date: PlanDate): number {
  const ms = utcMsOfPlanDate(date) + ctx.rng.int(1 * 3_600_000, 11 * 3_600_000 - 1);
  return Math.min(ms, ctx.now);
}

/** A whole-millisecond moment in [from, to]. */
export function msBetween(ctx: GeneratorContext, from: number, to: number): number {
  return to <= from ? from : ctx.rng.int(from, to);
}

export function dateOfMs(ms: number): PlanDate {
  return planDateFromUtcMs(ms);
}

const EDIT_WEIGHTS = [
  [0, 5],
  [1, 3],
  [2, 2],
  [4, 1],
] as const;

/** Audit fields for a record created at `createdAt` and possibly edited since (never after now). */
export function baseFields(ctx: GeneratorContext, createdAt: number, edited = true) {
  const edits = edited ? ctx.rng.weighted(EDIT_WEIGHTS) : 0;
  const updatedAt = edits === 0 ? createdAt : msBetween(ctx, createdAt, ctx.now);
  return { createdAt, updatedAt, rev: 1 + edits, deletedAt: null };
}

/**
 * Splits `total` into `weights.length` whole counts proportional to the weights (largest
 * remainder), so preset sizes are met exactly rather than approximately.
 */
export function allocateCounts(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (!(sum > 0)) return weights.map((_, i) => (i < total ? 1 : 0));
  const raw = weights.map((weight) => (total * weight) / sum);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = raw
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}
