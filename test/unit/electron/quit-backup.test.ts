import { describe, expect, it, vi } from 'vitest';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import { createQuitBackup, QUIT_BACKUP_TIMEOUT_MS } from '../../../electron/main/quit-backup';
/* eslint-enable no-restricted-imports */

function setup(ask: (requestId: number) => boolean = () => true) {
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const proceed = vi.fn();
  const asked: number[] = [];
  const quit = createQuitBackup({
    ask: (requestId) => {
      asked.push(requestId);
      return ask(requestId);
    },
    proceed,
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  return { quit, proceed, asked, timers };
}

describe('backup on quit', () => {
  it('holds the close, asks the page once, and proceeds when it answers', () => {
    const { quit, proceed, asked, timers } = setup();
    expect(quit.onClose()).toBe(true);
    expect(quit.onClose()).toBe(true);
    expect(asked).toHaveLength(1);
    expect(proceed).not.toHaveBeenCalled();
    quit.answered(asked[0] ?? 0);
    expect(proceed).toHaveBeenCalledOnce();
    expect(timers[0]?.cleared).toBe(true);
    // The close that proceed triggers goes through.
    expect(quit.onClose()).toBe(false);
    quit.answered(asked[0] ?? 0);
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('ignores answers to other requests', () => {
    const { quit, proceed, asked } = setup();
    quit.onClose();
    quit.answered((asked[0] ?? 0) + 1);
    expect(proceed).not.toHaveBeenCalled();
  });

  it('closes anyway after the timeout when the page never answers', () => {
    const { quit, proceed, timers } = setup();
    quit.onClose();
    expect(timers[0]?.ms).toBe(QUIT_BACKUP_TIMEOUT_MS);
    timers[0]?.callback();
    expect(proceed).toHaveBeenCalledOnce();
    expect(quit.onClose()).toBe(false);
  });

  it('does not wait when there is no page to ask', () => {
    const { quit, proceed, timers } = setup(() => false);
    expect(quit.onClose()).toBe(true);
    expect(timers[0]?.ms).toBe(0);
    timers[0]?.callback();
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('does not wait when asking throws (the page is gone)', () => {
    const { quit, proceed, timers } = setup(() => {
      throw new Error('Object has been destroyed');
    });
    expect(quit.onClose()).toBe(true);
    timers[0]?.callback();
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('uses real timers by default and never hangs', async () => {
    vi.useFakeTimers();
    try {
      const proceed = vi.fn();
      const quit = createQuitBackup({ ask: () => true, proceed, timeoutMs: 50 });
      quit.onClose();
      await vi.advanceTimersByTimeAsync(49);
      expect(proceed).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(proceed).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
