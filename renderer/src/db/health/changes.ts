import type { DealId } from '@shared/domain/ids';
import type { DealHealth } from '@shared/health/health';

/** The ratings that changed since the last report, and the deals no longer rated. */
export interface HealthChanges {
  readonly changed: readonly [DealId, DealHealth][];
  readonly removed: readonly DealId[];
}

/**
 * Remembers what was last reported for each deal, so that each report carries only the ratings
 * that changed. The rater builds every rating afresh, and a rating that crosses to the window is
 * a new object anyway: sent whole, every board card and portfolio row would be drawn again after
 * any write, for the one or two deals whose health it changed.
 */
export function createHealthDiff(): (health: ReadonlyMap<DealId, DealHealth>) => HealthChanges {
  let sent = new Map<DealId, string>();
  return (health) => {
    const next = new Map<DealId, string>();
    const changed: [DealId, DealHealth][] = [];
    for (const [id, rating] of health) {
      const key = JSON.stringify(rating);
      next.set(id, key);
      if (sent.get(id) !== key) changed.push([id, rating]);
    }
    const removed = [...sent.keys()].filter((id) => !next.has(id));
    sent = next;
    return { changed, removed };
  };
}

/**
 * The ratings after `changes`: `previous` itself when nothing changed, else a new map in which
 * every deal whose rating did not change keeps its object.
 */
export function applyHealthChanges(
  previous: ReadonlyMap<DealId, DealHealth>,
  { changed, removed }: HealthChanges,
): ReadonlyMap<DealId, DealHealth> {
  if (changed.length === 0 && removed.length === 0) return previous;
  const next = new Map(previous);
  for (const id of removed) next.delete(id);
  for (const [id, rating] of changed) next.set(id, rating);
  return next;
}
