import { describe, expect, it } from 'vitest';
import {
  AUTO_BACKUP_INTERVAL_MS,
  BackupScheduler,
} from '@renderer/features/backup/utils/scheduler';

function setup(fail = false) {
  let now = 1_000_000_000;
  const saves: number[] = [];
  const errors: unknown[] = [];
  const scheduler = new BackupScheduler({
    now: () => now,
    save: () =>
      fail ? Promise.reject(new Error('disk full')) : (saves.push(now), Promise.resolve(now)),
    onError: (error) => errors.push(error),
  });
  return { scheduler, saves, errors, advance: (ms: number) => (now += ms) };
}

describe('BackupScheduler', () => {
  it('backs up only after a change, and then not again before the interval has passed', async () => {
    const { scheduler, saves, advance } = setup();
    expect(await scheduler.check()).toBe(false);
    scheduler.markChanged();
    expect(await scheduler.check()).toBe(true);
    expect(saves).toHaveLength(1);
    scheduler.markChanged();
    advance(AUTO_BACKUP_INTERVAL_MS - 1);
    expect(await scheduler.check()).toBe(false);
    advance(1);
    expect(await scheduler.check()).toBe(true);
    // No change since: nothing more, however long it waits.
    advance(10 * AUTO_BACKUP_INTERVAL_MS);
    expect(await scheduler.check()).toBe(false);
    expect(saves).toHaveLength(2);
  });

  it('counts a backup made elsewhere (before a restore) as the last one', async () => {
    const { scheduler, saves, advance } = setup();
    advance(AUTO_BACKUP_INTERVAL_MS);
    scheduler.backedUpAt(1_000_000_000 + AUTO_BACKUP_INTERVAL_MS);
    scheduler.markChanged();
    expect(await scheduler.check()).toBe(false);
    advance(AUTO_BACKUP_INTERVAL_MS);
    expect(await scheduler.check()).toBe(true);
    expect(saves).toHaveLength(1);
  });

  it('keeps the changes marked when a backup fails, and says so', async () => {
    const { scheduler, errors } = setup(true);
    scheduler.markChanged();
    expect(await scheduler.check()).toBe(false);
    expect(await scheduler.check()).toBe(false);
    expect(errors).toHaveLength(2);
  });

  it('runs one backup at a time', async () => {
    let release: (time: number) => void = () => {};
    let calls = 0;
    const scheduler = new BackupScheduler({
      now: () => 5e9,
      save: () => {
        calls += 1;
        return new Promise<number>((resolve) => (release = resolve));
      },
      onError: () => {},
    });
    scheduler.markChanged();
    const first = scheduler.check();
    scheduler.markChanged();
    expect(await scheduler.check()).toBe(false);
    release(5e9);
    expect(await first).toBe(true);
    expect(calls).toBe(1);
  });

  it('flushes changes on quit whatever the interval, with the save it is given', async () => {
    const saves: string[] = [];
    const scheduler = new BackupScheduler({
      now: () => 1000,
      save: async () => {
        saves.push('scheduled');
        return 1000;
      },
      onError: () => {},
    });
    const onQuit = async () => {
      saves.push('on_quit');
      return 1000;
    };
    expect(await scheduler.flush(onQuit)).toBe(false);
    scheduler.markChanged();
    expect(await scheduler.flush(onQuit)).toBe(true);
    expect(await scheduler.flush(onQuit)).toBe(false);
    expect(saves).toEqual(['on_quit']);
  });

  it('on quit, waits for a running backup, then backs up the changes made meanwhile', async () => {
    let release: (time: number) => void = () => {};
    const saves: string[] = [];
    const scheduler = new BackupScheduler({
      now: () => 5e9,
      save: () => {
        saves.push('scheduled');
        return new Promise<number>((resolve) => (release = resolve));
      },
      onError: () => {},
    });
    scheduler.markChanged();
    const running = scheduler.check();
    scheduler.markChanged();
    const flushed = scheduler.flush(async () => {
      saves.push('on_quit');
      return 5e9;
    });
    release(5e9);
    expect(await running).toBe(true);
    expect(await flushed).toBe(true);
    expect(saves).toEqual(['scheduled', 'on_quit']);
  });
});

describe('BackupScheduler waiting for a pause', () => {
  function quiet() {
    let now = 1_000_000_000;
    const saves: number[] = [];
    const scheduler = new BackupScheduler({
      now: () => now,
      save: () => (saves.push(now), Promise.resolve(now)),
      onError: () => undefined,
      quietMs: 20_000,
      maxWaitMs: 60_000,
    });
    return { scheduler, saves, advance: (ms: number) => (now += ms) };
  }

  it('waits until the user has paused, then backs up', async () => {
    const { scheduler, saves, advance } = quiet();
    scheduler.markChanged();
    expect(await scheduler.check()).toBe(false);
    advance(15_000);
    scheduler.userActive();
    advance(19_999);
    expect(await scheduler.check()).toBe(false);
    advance(1);
    expect(await scheduler.check()).toBe(true);
    expect(saves).toHaveLength(1);
  });

  it('runs anyway once it has waited the longest it may', async () => {
    const { scheduler, saves, advance } = quiet();
    scheduler.markChanged();
    for (let waited = 0; waited < 60_000; waited += 5_000) {
      scheduler.userActive();
      expect(await scheduler.check()).toBe(false);
      advance(5_000);
    }
    scheduler.userActive();
    expect(await scheduler.check()).toBe(true);
    expect(saves).toHaveLength(1);
  });
});
