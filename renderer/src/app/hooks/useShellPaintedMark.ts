import { useEffect } from 'react';

/** Performance mark the startup benchmark reads: time from navigation to the shell on screen. */
export const SHELL_PAINTED_MARK = 'pursuit:shell-painted';

/**
 * Sets {@link SHELL_PAINTED_MARK} once, after the shell's first frame has been painted: an
 * animation frame callback runs just before paint, and a task queued from it runs after.
 */
export function useShellPaintedMark(): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      setTimeout(() => {
        if (performance.getEntriesByName(SHELL_PAINTED_MARK, 'mark').length === 0) {
          performance.mark(SHELL_PAINTED_MARK);
        }
      }, 0);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
}
