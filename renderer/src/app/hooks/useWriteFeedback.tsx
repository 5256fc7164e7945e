import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button } from 'antd';
import {
  NotFoundError,
  RecordValidationError,
  StaleRevisionError,
  UndoConflictError,
} from '@renderer/db/errors';
import { noticeStorageFull } from '@renderer/db/storage-full';

/**
 * A feature's own wording for the refusals only it knows (a person who is inactive, a cost in
 * another currency…): the message, `''` when the form already shows it, or null for the common
 * cases below.
 */
export type SpecificMessage = (error: unknown) => string | null;

/**
 * What every feature says about its writes, in one place and the same words everywhere: why a
 * write failed — changed in another window (with Reload), storage full, the record gone, a value
 * the schema refused, an undo overtaken by a later edit, anything else with its message — and a
 * success message with an Undo link. A failed write changed nothing.
 */
export function useWriteFeedback() {
  const { t } = useTranslation('app');
  const { message, modal } = App.useApp();

  return useMemo(() => {
    const show = (error: unknown, specific?: SpecificMessage): void => {
      const own = specific?.(error) ?? null;
      if (own === '') return;
      if (own !== null) {
        message.error({ content: own, duration: 6 });
      } else if (error instanceof StaleRevisionError) {
        modal.warning({
          title: t('write.stale'),
          okText: t('write.reload'),
          onOk: () => window.location.reload(),
        });
      } else if (noticeStorageFull(error)) {
        message.error({ content: t('write.quota'), duration: 10 });
      } else if (error instanceof NotFoundError) {
        message.error(t('write.notFound'));
      } else if (error instanceof UndoConflictError) {
        message.warning(t('write.undoConflict', { subject: error.subject }));
      } else if (error instanceof RecordValidationError) {
        message.error(t('write.rejected', { details: error.issues.join('; ') }));
      } else {
        message.error(
          t('write.generic', { message: error instanceof Error ? error.message : String(error) }),
        );
      }
    };

    return {
      show,
      /** Shows why the write failed and rethrows it, so a form stays open with its values. */
      fail: (error: unknown, specific?: SpecificMessage): never => {
        show(error, specific);
        throw error;
      },
      /** A success message with an Undo link, for a change the user may regret at once. */
      withUndo: (key: string, content: string, undo: () => unknown) => {
        message.success({
          key,
          content: (
            <span>
              {content}{' '}
              <Button
                type="link"
                size="small"
                onClick={() => {
                  message.destroy(key);
                  void undo();
                }}
              >
                {t('write.undo')}
              </Button>
            </span>
          ),
          duration: 8,
        });
      },
    };
  }, [message, modal, t]);
}
