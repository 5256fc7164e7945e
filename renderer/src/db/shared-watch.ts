import type { PlanDate } from '@shared/domain/dates';
import type { PursuitDatabase } from '@renderer/db/database';

/**
 * One watcher per database and day (or other key), shared by every view that follows it: the portfolio's rows
 * and its deal health are each read once however many views show them. A watcher can start before
 * its first follower (`prepare`: the rows are read while the shell is still drawn) and can outlive
 * its last one for a while (`lingerMs`: going to a deal and back finds the health current instead
 * of starting over). Either way it stops when no one has followed it for that long.
 */
export interface SharedWatch<V, K extends string = PlanDate> {
  /**
   * Follows the value as of `day`; returns the function that stops following. The watcher outlives
   * its last follower by `lingerMs` (by default the watch's own).
   */
  follow(db: PursuitDatabase, day: K, listener: () => void, lingerMs?: number): () => void;
  /** Starts watching now for a follower expected within `waitMs`; stops if none comes. */
  prepare(db: PursuitDatabase, day: K, waitMs: number): void;
  /** The latest value (undefined until the first arrives or when nothing watches). */
  current(db: PursuitDatabase, day: K): V | undefined;
}

interface Watcher<V> {
  value: V | undefined;
  readonly listeners: Set<() => void>;
  stop: () => void;
  idle: ReturnType<typeof setTimeout> | null;
}

/**
 * A shared watch whose watchers run `start` (which reports each new value through `set` and
 * returns the function that stops it), and outlive their last follower by `lingerMs` (0: stop
 * with it).
 */
export function sharedWatch<V, K extends string = PlanDate>(
  start: (db: PursuitDatabase, day: K, set: (value: V) => void) => () => void,
  lingerMs: number,
): SharedWatch<V, K> {
  const watchers = new WeakMap<PursuitDatabase, Map<K, Watcher<V>>>();

  function watcherFor(db: PursuitDatabase, day: K): Watcher<V> {
    let byDay = watchers.get(db);
    if (byDay === undefined) {
      byDay = new Map();
      watchers.set(db, byDay);
    }
    const found = byDay.get(day);
    if (found) return found;
    const watcher: Watcher<V> = {
      value: undefined,
      listeners: new Set(),
      stop: () => undefined,
      idle: null,
    };
    byDay.set(day, watcher);
    watcher.stop = start(db, day, (value) => {
      watcher.value = value;
      watcher.listeners.forEach((listener) => listener());
    });
    return watcher;
  }

  function end(db: PursuitDatabase, day: K, watcher: Watcher<V>): void {
    if (watcher.idle !== null) clearTimeout(watcher.idle);
    watcher.idle = null;
    watcher.stop();
    if (watchers.get(db)?.get(day) === watcher) watchers.get(db)?.delete(day);
  }

  /** Stops `watcher` after `ms` unless someone follows it by then. */
  function endWhenIdle(db: PursuitDatabase, day: K, watcher: Watcher<V>, ms: number) {
    if (ms <= 0) {
      end(db, day, watcher);
      return;
    }
    watcher.idle = setTimeout(() => {
      watcher.idle = null;
      if (watcher.listeners.size === 0) end(db, day, watcher);
    }, ms);
  }

  return {
    follow(db, day, listener, lingerFor = lingerMs) {
      const watcher = watcherFor(db, day);
      if (watcher.idle !== null) {
        clearTimeout(watcher.idle);
        watcher.idle = null;
      }
      watcher.listeners.add(listener);
      return () => {
        watcher.listeners.delete(listener);
        if (watcher.listeners.size === 0) endWhenIdle(db, day, watcher, lingerFor);
      };
    },
    prepare(db, day, waitMs) {
      const watcher = watcherFor(db, day);
      if (watcher.listeners.size > 0 || watcher.idle !== null) return;
      endWhenIdle(db, day, watcher, waitMs);
    },
    current(db, day) {
      return watchers.get(db)?.get(day)?.value;
    },
  };
}
