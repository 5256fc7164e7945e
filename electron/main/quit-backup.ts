/** How long a closing window waits for the renderer's backup before it closes anyway. */
export const QUIT_BACKUP_TIMEOUT_MS = 10_000;

export interface QuitBackupDeps {
  /**
   * Asks the window's page to back up changes not yet in a backup, with a request number it
   * must answer with; false when there is no page to ask (it crashed or is gone).
   */
  readonly ask: (requestId: number) => boolean;
  /** Closes the window (or quits the app) for real, once the backup is done or given up. */
  readonly proceed: () => void;
  readonly timeoutMs?: number;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

export interface QuitBackup {
  /**
   * For the window's `close` event: the first close is held (returns true: prevent it) while the
   * page makes its backup; once that is done or the timeout passed, `proceed` runs and every
   * later close goes through (returns false).
   */
  onClose(): boolean;
  /** The page answered request `requestId`; answers to other requests are ignored. */
  answered(requestId: number): void;
}

let nextRequestId = 1;

/**
 * The backup on quit: a short round trip with the page before its window closes, bounded by a
 * timeout so that a page that never answers (busy, crashed, an old build) cannot keep the app
 * from quitting.
 */
export function createQuitBackup(deps: QuitBackupDeps): QuitBackup {
  const setTimer = deps.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  let phase: 'open' | 'asking' | 'done' = 'open';
  let pending = 0;
  let timer: unknown = null;

  function finish(): void {
    if (phase === 'done') return;
    phase = 'done';
    if (timer !== null) clearTimer(timer);
    timer = null;
    deps.proceed();
  }

  return {
    onClose() {
      if (phase === 'done') return false;
      if (phase === 'asking') return true;
      phase = 'asking';
      pending = nextRequestId++;
      let asked: boolean;
      try {
        asked = deps.ask(pending);
      } catch {
        asked = false;
      }
      if (!asked) {
        // Closing is already under way: proceed after this event, not inside it.
        timer = setTimer(finish, 0);
        return true;
      }
      timer = setTimer(finish, deps.timeoutMs ?? QUIT_BACKUP_TIMEOUT_MS);
      return true;
    },
    answered(requestId) {
      if (phase === 'asking' && requestId === pending) finish();
    },
  };
}
