import { useTranslation } from 'react-i18next';
import { Alert } from 'antd';
import type { DeadlineReadout as Readout } from '@shared/plan/analysis';
import { useFormat } from '@renderer/i18n/useFormat';
import type { RowLookup } from '@renderer/features/plan/utils/planText';
import { rowLabel } from '@renderer/features/plan/utils/planText';

/**
 * The backward-scheduling readout above the plan: the slack left before the submission deadline,
 * or — in red — that the deadline cannot be met from today, by how much, and which tasks cause it.
 */
export function DeadlineReadout({
  readout,
  lookup,
  warnDays,
}: {
  readout: Readout | null;
  lookup: RowLookup;
  /** At or below this slack the readout warns (the settings' submission slack threshold). */
  warnDays: number;
}) {
  const { t } = useTranslation('plan');
  const format = useFormat();
  if (readout === null) return <Alert type="info" showIcon message={t('deadline.none')} />;
  const date = format.date(readout.date);
  if (readout.done) return <Alert type="success" showIcon message={t('deadline.done', { date })} />;
  if (readout.overrun !== null) {
    const { overrun } = readout;
    return (
      <Alert
        type="error"
        showIcon
        banner
        role="alert"
        message={t('deadline.overrun', {
          date,
          count: overrun.days,
          finish: format.date(readout.earliestFinish),
        })}
        description={
          <>
            {t('deadline.responsible')}
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {overrun.rows.map(({ id, days }) => {
                const row = lookup(id);
                return row === undefined ? null : (
                  <li key={id}>
                    {t('deadline.responsibleRow', { row: rowLabel(row), count: days })}
                  </li>
                );
              })}
            </ul>
          </>
        }
      />
    );
  }
  if (readout.plannedLate !== null) {
    const { plannedLate } = readout;
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={t('deadline.plannedLate', { date, count: plannedLate.days })}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {plannedLate.rows.map((id) => {
              const row = lookup(id);
              return row === undefined ? null : <li key={id}>{rowLabel(row)}</li>;
            })}
          </ul>
        }
      />
    );
  }
  if (readout.slackDays === 0) {
    return <Alert type="warning" showIcon message={t('deadline.zero', { date })} />;
  }
  const tight = readout.slackDays <= warnDays;
  return (
    <Alert
      type={tight ? 'warning' : 'success'}
      showIcon
      message={t(tight ? 'deadline.tight' : 'deadline.ok', { date, count: readout.slackDays })}
    />
  );
}
