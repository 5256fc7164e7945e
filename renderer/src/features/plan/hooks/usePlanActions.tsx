import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { Baseline } from '@shared/domain/baseline';
import type { PlanDate } from '@shared/domain/dates';
import type { DealId, PlanItemId } from '@shared/domain/ids';
import type { PlanTemplate } from '@shared/domain/plan-template';
import type { Locale } from '@shared/domain/settings';
import type { ImportedPlan } from '@shared/exchange/msproject-read';
import type { IncomingLink } from '@shared/plan/links';
import type { PlanRow } from '@shared/plan/rows';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import { runAutoBackup } from '@renderer/features/backup/utils/runAutoBackup';
import { useDatabaseContext } from '@renderer/db/context';
import {
  addPlanItem,
  captureBaseline,
  createPlanFromTemplate,
  deletePlanItem,
  importPlan,
  indentPlanItem,
  outdentPlanItem,
  PlanRuleError,
  renamePlanItem,
  schedulePlanItem,
  setPlanItemProgress,
  setPredecessors,
} from '@renderer/db/repositories/plan';
import type { ScheduleChange, ScheduleResult } from '@renderer/db/repositories/plan';
import { undoLast } from '@renderer/db/repositories/undo';
import { useFormat } from '@renderer/i18n/useFormat';
import type { RowLookup } from '@renderer/features/plan/utils/planText';
import { problemMessage, rowLabel } from '@renderer/features/plan/utils/planText';

/**
 * The plan's commands, bound to the database. Each resolves to what it did, or to `null` when the
 * write was refused — after saying why in the user's language (naming the rows involved). Nothing
 * was written then, and the grid keeps what the user typed.
 */
export function usePlanActions(dealId: DealId, lookup: RowLookup) {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('plan');
  const { message } = App.useApp();
  const feedback = useWriteFeedback();
  const format = useFormat();

  return useMemo(() => {
    const report = (error: unknown): null => {
      feedback.show(error, (e) =>
        e instanceof PlanRuleError ? problemMessage(t, e.problem, lookup) : null,
      );
      return null;
    };

    /** Runs a write; `null` (after the message) when it was refused. */
    const attempt = <R,>(write: () => Promise<R>): Promise<R | null> =>
      write().then(
        (value) => value,
        (error: unknown) => report(error),
      );

    const undo = () => void attempt(() => undoLast(db, env));

    /** Says what a date change did: the row moved, later tasks followed, or a link held it. */
    const announce = (row: PlanRow, result: ScheduleResult) => {
      const clamped = result.clamped;
      if (clamped !== null) {
        const { limit, start } = clamped;
        message.info({
          content:
            limit.kind === 'predecessor'
              ? t('moved.clamped', {
                  row: rowLabel(row),
                  predecessor: lookup(limit.predecessorId)?.name ?? limit.predecessorId,
                  link: `${limit.type}${limit.lagDays > 0 ? `+${limit.lagDays}` : limit.lagDays < 0 ? limit.lagDays : ''}`,
                  date: format.date(start),
                })
              : t('moved.kickoff', { row: rowLabel(row), date: format.date(start) }),
          duration: 6,
        });
        return;
      }
      if (result.changed.length === 0) return;
      const followers = result.changed.length - 1;
      feedback.withUndo(
        `plan-moved-${row.id}`,
        followers > 0
          ? t('moved.cascade', { row: rowLabel(row), count: followers })
          : t('moved.one', { row: rowLabel(row) }),
        undo,
      );
    };

    return {
      report,
      undo,
      /** Starts the plan from the standard bid plan (`template` null) or a saved template. */
      createFromTemplate: async (
        today: PlanDate,
        locale: Locale,
        template: PlanTemplate | null = null,
      ) => {
        const done = await attempt(() =>
          createPlanFromTemplate(db, env, {
            dealId,
            today,
            locale,
            templateId: template?.id ?? null,
          }).then(() => true),
        );
        if (done !== null) {
          message.success(
            template === null
              ? t('empty.created')
              : t('templates.createdFrom', { name: template.name }),
          );
        }
        return done;
      },
      add: (
        kind: 'task' | 'milestone',
        afterId: PlanItemId | null,
        name: string,
        today: PlanDate,
      ) => attempt(() => addPlanItem(db, env, { dealId, afterId, kind, name, today })),
      rename: (row: PlanRow, name: string) =>
        attempt(() => renamePlanItem(db, env, { dealId, id: row.id, expectedRev: row.rev, name })),
      schedule: async (
        row: PlanRow,
        change: Omit<ScheduleChange, 'dealId' | 'id' | 'expectedRev'>,
      ) => {
        const result = await attempt(() =>
          schedulePlanItem(db, env, { dealId, id: row.id, expectedRev: row.rev, ...change }),
        );
        if (result !== null) announce(row, result);
        return result;
      },
      setProgress: (row: PlanRow, progress: number) =>
        attempt(() =>
          setPlanItemProgress(db, env, { dealId, id: row.id, expectedRev: row.rev, progress }),
        ),
      setPredecessors: async (row: PlanRow, links: readonly IncomingLink[]) => {
        const result = await attempt(() => setPredecessors(db, env, { dealId, id: row.id, links }));
        if (result !== null && result.changed.length > 0)
          announce(row, { ...result, clamped: null });
        return result;
      },
      indent: (row: PlanRow) => attempt(() => indentPlanItem(db, env, { dealId, id: row.id })),
      outdent: (row: PlanRow) => attempt(() => outdentPlanItem(db, env, { dealId, id: row.id })),
      remove: async (row: PlanRow) => {
        const done = await attempt(() =>
          deletePlanItem(db, env, { dealId, id: row.id, expectedRev: row.rev }),
        );
        if (done !== null) message.success(t('deleteConfirm.done', { row: rowLabel(row) }));
        return done;
      },
      /** Fills the (empty) plan from a Microsoft Project file already read and confirmed. */
      importPlan: async (plan: ImportedPlan) => {
        // The data as it is before the import is kept among the automatic backups; if that
        // backup cannot be made, nothing is imported.
        const counts = await attempt(() =>
          runAutoBackup(db, env, 'before_import').then(() => importPlan(db, env, { dealId, plan })),
        );
        if (counts !== null) {
          feedback.withUndo('plan-imported', t('msp.imported', { ...counts }), undo);
        }
        return counts;
      },
      captureBaseline: async (name: string): Promise<Baseline | null> => {
        const baseline = await attempt(() => captureBaseline(db, env, { dealId, name }));
        if (baseline !== null) message.success(t('baseline.captured', { name: baseline.name }));
        return baseline;
      },
    };
  }, [db, env, t, message, feedback, format, dealId, lookup]);
}
