import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { databaseWith, testEnv } from './helpers';

/** A fresh copy of the gate: its writes in progress are module state. */
async function freshGate() {
  vi.resetModules();
  return import('@renderer/db/write-gate');
}

/** Whether `promise` has settled by the time queued tasks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('the write gate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets reads go at once when no write is in progress', async () => {
    const gate = await freshGate();
    expect(await settled(gate.writesSettled())).toBe(true);
  });

  it('holds reads while a write is in progress, and for AFTER_MS past its end', async () => {
    const gate = await freshGate();
    const end = gate.announceWrite();
    const waiting = gate.writesSettled();
    await vi.advanceTimersByTimeAsync(500);
    expect(await settled(waiting)).toBe(false);
    end();
    await vi.advanceTimersByTimeAsync(gate.AFTER_MS - 10);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(await settled(waiting)).toBe(true);
  });

  it('waits for every write in progress, not the first to end', async () => {
    const gate = await freshGate();
    const first = gate.announceWrite();
    const second = gate.announceWrite();
    const waiting = gate.writesSettled();
    first();
    await vi.advanceTimersByTimeAsync(gate.AFTER_MS + 10);
    expect(await settled(waiting)).toBe(false);
    second();
    await vi.advanceTimersByTimeAsync(gate.AFTER_MS + 10);
    expect(await settled(waiting)).toBe(true);
  });

  it('stops waiting for a write whose end is never heard of after STALE_MS', async () => {
    const gate = await freshGate();
    gate.announceWrite();
    const waiting = gate.writesSettled();
    await vi.advanceTimersByTimeAsync(gate.STALE_MS - 10);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(await settled(waiting)).toBe(true);
  });
});

describe('the write gate across contexts', () => {
  it('holds reads while another context (a window, a worker) announces a write', async () => {
    const gate = await freshGate();
    // Opens this context's end of the channel.
    await gate.writesSettled();
    const other = new BroadcastChannel('pursuit:writes');
    try {
      other.postMessage({ id: 'elsewhere', writing: true });
      // Delivered in a later task.
      await new Promise((resolve) => setTimeout(resolve, 50));
      let done = false;
      void gate.writesSettled().then(() => (done = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(done).toBe(false);
      const waiting = gate.writesSettled();
      other.postMessage({ id: 'elsewhere', writing: false });
      const started = Date.now();
      await waiting;
      expect(Date.now() - started).toBeGreaterThanOrEqual(gate.AFTER_MS - 20);
    } finally {
      other.close();
    }
  });
});

describe('a table mirror’s whole read', () => {
  it('waits between chunks while a write is in progress', async () => {
    const gate = await freshGate();
    const { watchTables } = await import('@renderer/db/mirror');
    const portfolio = generatePortfolio({
      seed: 5,
      locale: 'en',
      now: Date.UTC(2026, 10, 26, 9),
      deals: 4,
      people: 10,
      accounts: 3,
    });
    const db = await databaseWith(portfolio);
    const end = gate.announceWrite();
    let read: number | null = null;
    const stop = watchTables(
      db,
      ['tasks'],
      (records) => (read = records.list('tasks').length),
      (error) => {
        throw error;
      },
      5,
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(read).toBeNull();
      end();
      await vi.waitFor(() => expect(read).toBe(portfolio.tasks.length), { timeout: 5_000 });
    } finally {
      stop();
      db.close();
    }
  });
});

describe('a user’s write', () => {
  it('is announced to the app’s other contexts while it runs', async () => {
    const { runWrite } = await import('@renderer/db/write');
    const { PursuitDatabase } = await import('@renderer/db/database');
    const db = new PursuitDatabase(`gate-${Math.random()}`);
    await db.open();
    const heard: boolean[] = [];
    const other = new BroadcastChannel('pursuit:writes');
    other.onmessage = (event: MessageEvent<{ writing: boolean }>) => heard.push(event.data.writing);
    try {
      await runWrite(db, testEnv(), ['deals'], () => Promise.resolve());
      await vi.waitFor(() => expect(heard).toEqual([true, false]));
    } finally {
      other.close();
      db.close();
    }
  });
});
