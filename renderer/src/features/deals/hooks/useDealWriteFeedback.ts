import { useMemo } from 'react';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import type { SpecificMessage } from '@renderer/app/hooks/useWriteFeedback';
import { DealInTrashError } from '@renderer/db/repositories/deliverables';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/** How a feature reports the writes of a deal's records. */
export interface DealWriteFeedback {
  /** Shows why the write failed and rethrows it, so a form stays open with its values. */
  readonly report: (error: unknown) => never;
  /** A success message with an Undo link (the deal's undo stack). */
  readonly withUndo: (key: string, content: string) => void;
}

/**
 * The write feedback of a feature that changes a deal's records (risks, deliverables, quotes…):
 * the common messages of `useWriteFeedback`, the feature's own refusals (`specific`), a deal in
 * the trash in the feature's words (`inTrash`), and Undo through the deal's undo stack. The
 * returned function is stable, for the feature's `useMemo`.
 */
export function useDealWriteFeedback(): (
  specific: SpecificMessage,
  inTrash: (code: string) => string,
) => DealWriteFeedback {
  const feedback = useWriteFeedback();
  const { undo } = useDealActions();
  return useMemo(
    () => (specific, inTrash) => ({
      report: (error) =>
        feedback.fail(error, (e) =>
          e instanceof DealInTrashError ? inTrash(e.code) : specific(e),
        ),
      withUndo: (key, content) => feedback.withUndo(key, content, undo),
    }),
    [feedback, undo],
  );
}
