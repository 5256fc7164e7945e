import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button } from 'antd';
import type { SalesProcessId, StageId } from '@shared/domain/ids';
import type { Stage } from '@shared/domain/sales-process';
import { inLocale } from '@shared/pipeline/labels';
import type { StageInput } from '@shared/pipeline/process-edit';
import { useDatabaseContext } from '@renderer/db/context';
import { RecordValidationError, StaleRevisionError, isQuotaError } from '@renderer/db/errors';
import { useStages } from '@renderer/db/hooks/queries';
import {
  createStage,
  deleteStage,
  ProcessEditError,
  reorderStages,
  StageDeletionRefusedError,
  updateStage,
} from '@renderer/db/repositories/process';
import type { StageVersion } from '@renderer/db/repositories/process';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';
import { processIssueMessage } from '@renderer/features/process/utils/issues';

/**
 * The sales-process commands, bound to the database. Each says what happened, or why it could not
 * happen, in the user's language and rethrows, so an editor stays open with what was typed.
 */
export function useProcessActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('process');
  const [language] = useLanguage();
  const { message, modal } = App.useApp();
  const stages = useStages();
  const { undo } = useDealActions();

  return useMemo(() => {
    const name = (stage: Pick<Stage, 'name'>) => inLocale(stage.name, language);
    const stageName = (id: string) => {
      const stage = stages?.find((s) => s.id === id);
      return stage ? name(stage) : id;
    };

    const report = (error: unknown, draftName = ''): never => {
      if (error instanceof StaleRevisionError) {
        modal.warning({
          title: t('errors.stale'),
          okText: t('errors.reload'),
          onOk: () => window.location.reload(),
        });
      } else if (isQuotaError(error)) {
        message.error({ content: t('errors.quota'), duration: 10 });
      } else if (error instanceof ProcessEditError) {
        const details = error.issues
          .map((issue) =>
            processIssueMessage(issue, t, language, (id) =>
              stages?.some((s) => s.id === id) ? stageName(id) : draftName,
            ),
          )
          .join(' ');
        message.error({ content: t('validation.refused', { details }), duration: 8 });
      } else if (error instanceof StageDeletionRefusedError) {
        message.error(t(`refusal.${error.reason}`));
      } else if (error instanceof RecordValidationError) {
        message.error(t('validation.refused', { details: error.issues.join('; ') }));
      } else {
        message.error(
          t('errors.generic', { message: error instanceof Error ? error.message : String(error) }),
        );
      }
      throw error;
    };

    /** A success message with an Undo button, for the changes that are easiest to regret. */
    const withUndo = (key: string, content: string) =>
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
              {t('actions.undo')}
            </Button>
          </span>
        ),
        duration: 8,
      });

    return {
      async create(processId: SalesProcessId, input: StageInput): Promise<Stage> {
        const draftName = inLocale(input.name, language);
        const stage = await createStage(db, env, processId, input).catch((error: unknown) =>
          report(error, draftName),
        );
        message.success(t('actions.created', { name: name(stage) }));
        return stage;
      },
      async update(version: StageVersion, input: StageInput): Promise<Stage> {
        const stage = await updateStage(db, env, version, input).catch((error: unknown) =>
          report(error),
        );
        message.success(t('actions.saved', { name: name(stage) }));
        return stage;
      },
      async reorder(sequence: readonly StageVersion[]): Promise<void> {
        await reorderStages(db, env, sequence).catch((error: unknown) => report(error));
      },
      async remove(stage: Stage, targetStageId: StageId | null): Promise<void> {
        const plan = await deleteStage(db, env, {
          stage: { id: stage.id, rev: stage.rev },
          targetStageId,
        }).catch((error: unknown) => report(error));
        const moved = plan.relocations.length;
        withUndo(
          `stage-deleted-${stage.id}`,
          moved === 0
            ? t('actions.deleted', { name: name(stage) })
            : t('actions.deletedMoved', {
                name: name(stage),
                count: moved,
                target: targetStageId ? stageName(targetStageId) : '',
              }),
        );
      },
    };
  }, [db, env, t, language, message, modal, stages, undo]);
}
