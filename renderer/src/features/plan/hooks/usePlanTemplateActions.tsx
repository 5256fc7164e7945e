import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealId } from '@shared/domain/ids';
import type { PlanTemplate } from '@shared/domain/plan-template';
import type { Settings } from '@shared/domain/settings';
import { useDatabaseContext } from '@renderer/db/context';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import {
  deletePlanTemplate,
  PlanTemplateError,
  renamePlanTemplate,
  savePlanAsTemplate,
} from '@renderer/db/repositories/plan-templates';
import type { TemplateProblem } from '@renderer/db/repositories/plan-templates';
import { undoLast } from '@renderer/db/repositories/undo';

/**
 * Saving, renaming and deleting plan templates. Each resolves to what it wrote, or to `null`
 * after saying why it was refused, in the user's language; nothing was written then.
 */
export function usePlanTemplateActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('plan');
  const feedback = useWriteFeedback();

  return useMemo(() => {
    /** The reason a template change was refused. */
    const problemText = (problem: TemplateProblem): string => {
      switch (problem.kind) {
        case 'duplicateName':
          return t('templates.problems.duplicateName', { name: problem.name });
        case 'nameTooLong':
        case 'tooManyTemplates':
        case 'tooManySteps':
          return t(`templates.problems.${problem.kind}`, { max: problem.max });
        default:
          return t(`templates.problems.${problem.kind}`);
      }
    };

    const report = (error: unknown): null => {
      feedback.show(error, (refused) =>
        refused instanceof PlanTemplateError ? problemText(refused.problem) : null,
      );
      return null;
    };

    const attempt = <R,>(write: () => Promise<R>): Promise<R | null> =>
      write().then(
        (value) => value,
        (error: unknown) => report(error),
      );

    /** A success message with an Undo link. */
    const withUndo = (key: string, text: string) =>
      feedback.withUndo(key, text, () => attempt(() => undoLast(db, env)));

    return {
      problemText,
      save: async (dealId: DealId, name: string): Promise<PlanTemplate | null> => {
        const saved = await attempt(() => savePlanAsTemplate(db, env, { dealId, name }));
        if (saved !== null)
          withUndo(`template-${saved.id}`, t('templates.saved', { name: saved.name }));
        return saved;
      },
      rename: async (
        settings: Settings,
        template: PlanTemplate,
        name: string,
      ): Promise<Settings | null> => {
        const done = await attempt(() =>
          renamePlanTemplate(db, env, { id: template.id, expectedRev: settings.rev, name }),
        );
        const renamed = done?.planTemplates.find((item) => item.id === template.id);
        if (renamed !== undefined) {
          withUndo(`template-${template.id}`, t('templates.renamed', { name: renamed.name }));
        }
        return done;
      },
      remove: async (settings: Settings, template: PlanTemplate): Promise<Settings | null> => {
        const done = await attempt(() =>
          deletePlanTemplate(db, env, { id: template.id, expectedRev: settings.rev }),
        );
        if (done !== null) {
          withUndo(`template-${template.id}`, t('templates.deleted', { name: template.name }));
        }
        return done;
      },
    };
  }, [db, env, t, feedback]);
}
