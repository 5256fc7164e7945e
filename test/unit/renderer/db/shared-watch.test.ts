import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePlanDate } from '@shared/domain/dates';
import type { PursuitDatabase } from '@renderer/db/database';
import { sharedWatch } from '@renderer/db/shared-watch';

const DAY = parsePlanDate('2026-11-27');
const OTHER_DAY = parsePlanDate('2026-11-28');
/** The watch only keys by the database object; it never touches it. */
const db = {} as PursuitDatabase;

/** A watch whose watchers count their starts and stops, and whose values the test sets. */
function counted(lingerMs: number) {
  const log: { starts: number; stops: number; set: (value: number) => void } = {
    starts: 0,
    stops: 0,
    set: () => undefined,
  };
  const watch = sharedWatch<number>((_db, _day, set) => {
    log.starts += 1;
    log.set = set;
    return () => {
      log.stops += 1;
    };
  }, lingerMs);
  return { watch, log };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a shared watch', () => {
  it('runs one watcher for every follower of a day, and stops with the last one', () => {
    const { watch, log } = counted(0);
    const seen: number[] = [];
    const stopA = watch.follow(db, DAY, () => seen.push(watch.current(db, DAY) ?? -1));
    const stopB = watch.follow(db, DAY, () => undefined);
    expect(log.starts).toBe(1);
    log.set(7);
    expect(seen).toEqual([7]);
    stopA();
    expect(log.stops).toBe(0);
    stopB();
    expect(log.stops).toBe(1);
    expect(watch.current(db, DAY)).toBeUndefined();
    watch.follow(db, OTHER_DAY, () => undefined);
    expect(log.starts).toBe(2);
  });

  it('lingers after its last follower, and a follower coming back finds the value', () => {
    const { watch, log } = counted(1_000);
    const stop = watch.follow(db, DAY, () => undefined);
    log.set(3);
    stop();
    vi.advanceTimersByTime(999);
    expect(log.stops).toBe(0);
    const again = watch.follow(db, DAY, () => undefined);
    expect(watch.current(db, DAY)).toBe(3);
    vi.advanceTimersByTime(5_000);
    expect(log.stops).toBe(0);
    again();
    vi.advanceTimersByTime(1_000);
    expect(log.stops).toBe(1);
    expect(log.starts).toBe(1);
  });

  it('a follower given no linger stops the watcher at once', () => {
    const { watch, log } = counted(60_000);
    watch.follow(db, DAY, () => undefined, 0)();
    expect(log.stops).toBe(1);
  });

  it('prepares ahead of its follower, and stops if none comes in time', () => {
    const { watch, log } = counted(0);
    watch.prepare(db, DAY, 2_000);
    expect(log.starts).toBe(1);
    log.set(5);
    vi.advanceTimersByTime(1_000);
    const stop = watch.follow(db, DAY, () => undefined);
    expect(watch.current(db, DAY)).toBe(5);
    vi.advanceTimersByTime(5_000);
    expect(log.stops).toBe(0);
    stop();
    expect(log.stops).toBe(1);

    watch.prepare(db, DAY, 2_000);
    vi.advanceTimersByTime(2_000);
    expect(log.stops).toBe(2);
    expect(log.starts).toBe(2);
  });
});
