import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { SalesProcessId, StageId } from '@shared/domain/ids';
import type { Stage } from '@shared/domain/sales-process';
import { inLocale } from '@shared/pipeline/labels';
import type { StageInput } from '@shared/pipeline/process-edit';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import { useDatabaseContext } from '@renderer/db/context';
import { RecordValidationError } from '@renderer/db/errors';
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
  const { message } = App.useApp();
  const feedback = useWriteFeedback();
  const stages = useStages();
  const { undo } = useDealActions();

  return useMemo(() => {
    const name = (stage: Pick<Stage, 'name'>) => inLocale(stage.name, language);
    const stageName = (id: string) => {
      const stage = stages?.find((s) => s.id === id);
      return stage ? name(stage) : id;
    };

    /** Says why a write was refused (the process's own rules first) and rethrows it. */
    const report = (error: unknown, draftName = ''): never =>
      feedback.fail(error, (e) => {
        if (e instanceof ProcessEditError) {
          const details = e.issues
            .map((issue) =>
              processIssueMessage(issue, t, language, (id) =>
                stages?.some((s) => s.id === id) ? stageName(id) : draftName,
              ),
            )
            .join(' ');
          return t('validation.refused', { details });
        }
        if (e instanceof StageDeletionRefusedError) return t(`refusal.${e.reason}`);
        if (e instanceof RecordValidationError) {
          return t('validation.refused', { details: e.issues.join('; ') });
        }
        return null;
      });

    /** A success message with an Undo button, for the changes that are easiest to regret. */
    const withUndo = (key: string, content: string) => feedback.withUndo(key, content, undo);

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
  }, [db, env, t, language, message, feedback, stages, undo]);
}
