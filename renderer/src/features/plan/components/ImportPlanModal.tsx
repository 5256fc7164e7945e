import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Alert, Modal, Typography } from 'antd';
import type { MsProjectWarning } from '@shared/exchange/msproject-read';
import type { ImportedPlan } from '@shared/exchange/msproject-read';
import type { PendingImport, RefusedImport } from '@renderer/features/plan/hooks/useMsProjectFile';

/** Warnings listed before the rest are summarised as "and N more". */
const SHOWN_WARNINGS = 50;

function warningText(t: TFunction<'plan'>, w: MsProjectWarning): string {
  switch (w.kind) {
    case 'unnamed':
      return t('msp.warnings.unnamed', { task: w.task });
    case 'linkStartToFinish':
      return t('msp.warnings.linkStartToFinish', { from: w.from, to: w.to });
    case 'linkSummary':
      return t('msp.warnings.linkSummary', { from: w.from, to: w.to });
    case 'linkUnknown':
      return t('msp.warnings.linkUnknown', { to: w.to, uid: w.uid });
    case 'lagApproximated':
      return t('msp.warnings.lagApproximated', { from: w.from, to: w.to });
    case 'lagDropped':
      return t('msp.warnings.lagDropped', { from: w.from, to: w.to });
    case 'lagLimited':
      return t('msp.warnings.lagLimited', { from: w.from, to: w.to });
    case 'datesAdjusted':
      return t('msp.warnings.datesAdjusted', { task: w.task });
    case 'milestoneNested':
      return t('msp.warnings.milestoneNested', { task: w.task });
    case 'resourceUnmatched':
      return t('msp.warnings.resourceUnmatched', { resource: w.resource, count: w.count });
    case 'assignmentSkipped':
      return t('msp.warnings.assignmentSkipped', { task: w.task, resource: w.resource });
  }
}

function refusalText(t: TFunction<'plan'>, { error }: RefusedImport): string {
  switch (error.kind) {
    case 'notXml':
      return t('msp.errors.notXml', { detail: error.detail });
    case 'notProject':
      return t('msp.errors.notProject', { root: error.root });
    case 'noTasks':
      return t('msp.errors.noTasks');
    case 'tooManyTasks':
      return t('msp.errors.tooManyTasks', { count: error.count, max: error.max });
    case 'duplicateUid':
      return t('msp.errors.duplicateUid', { uid: error.uid });
    case 'badValue':
      return t('msp.errors.badValue', { task: error.task, field: error.field, value: error.value });
    case 'tooLong':
      return t('msp.errors.tooLong', { task: error.task, field: error.field, max: error.max });
    case 'cycle':
      return t('msp.errors.cycle', { tasks: error.tasks.join(' → ') });
  }
}

/** Counts of what an import adds, for the confirmation. */
export function importCounts(plan: ImportedPlan) {
  return {
    tasks: plan.items.filter((item) => item.kind === 'task').length,
    milestones: plan.items.filter((item) => item.kind === 'milestone').length,
    links: plan.links.length,
    assignments: plan.assignments.length,
  };
}

/**
 * The second step of an import from Microsoft Project: what the file will add and what it holds
 * that the plan cannot, with Import and Cancel; or, for a file that cannot be imported, what is
 * wrong with it. Every name from the file is shown as text.
 */
export function ImportPlanModal({
  pending,
  refused,
  onImport,
  onClose,
}: {
  pending: PendingImport | null;
  refused: RefusedImport | null;
  onImport: (plan: ImportedPlan) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation('plan');
  const [importing, setImporting] = useState(false);

  if (refused !== null) {
    return (
      <Modal
        open
        title={t('msp.refusedTitle', { file: refused.fileName })}
        onCancel={onClose}
        onOk={onClose}
        okText={t('msp.close')}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert
          type="error"
          showIcon
          message={t('msp.refused')}
          description={refusalText(t, refused)}
        />
      </Modal>
    );
  }
  if (pending === null) return null;
  const counts = importCounts(pending.plan);
  const { warnings } = pending;
  return (
    <Modal
      open
      title={t('msp.confirmTitle', { file: pending.fileName })}
      okText={t('msp.confirm')}
      cancelText={t('msp.cancel')}
      confirmLoading={importing}
      onCancel={onClose}
      onOk={async () => {
        setImporting(true);
        // A refused import (a full disk, a plan filled meanwhile) was explained by `onImport`;
        // the dialog stays open with the file, so the user can try again or cancel.
        const imported = await onImport(pending.plan).finally(() => setImporting(false));
        if (imported !== null) onClose();
      }}
      width={640}
    >
      <Typography.Paragraph>{t('msp.summary', counts)}</Typography.Paragraph>
      {warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={t('msp.warningsTitle', { count: warnings.length })}
          description={
            <ul
              aria-label={t('msp.warningsTitle', { count: warnings.length })}
              style={{ margin: 0, paddingInlineStart: 20, maxHeight: 280, overflow: 'auto' }}
            >
              {warnings.slice(0, SHOWN_WARNINGS).map((warning, i) => (
                <li key={i}>{warningText(t, warning)}</li>
              ))}
              {warnings.length > SHOWN_WARNINGS ? (
                <li>{t('msp.moreWarnings', { count: warnings.length - SHOWN_WARNINGS })}</li>
              ) : null}
            </ul>
          }
        />
      ) : null}
    </Modal>
  );
}
