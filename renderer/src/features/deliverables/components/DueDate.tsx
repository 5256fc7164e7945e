import { useTranslation } from 'react-i18next';
import { Flex, Tag, Typography } from 'antd';
import type { Deliverable } from '@shared/domain/deliverable';
import type { PlanDate } from '@shared/domain/dates';
import { dueState } from '@shared/deliverables/progress';
import { useFormat } from '@renderer/i18n/useFormat';

/** Due dates this many days ahead or fewer are flagged, so the week ahead stands out. */
const SOON_DAYS = 7;

/** A due date with a warning when the deliverable is overdue or due within a week. */
export function DueDate({
  deliverable,
  today,
}: {
  deliverable: Pick<Deliverable, 'dueDate' | 'status'>;
  today: PlanDate;
}) {
  const { t } = useTranslation('deliverables');
  const format = useFormat();
  const due = dueState(deliverable, today);
  return (
    <Flex gap={6} align="center" wrap>
      <Typography.Text type={due.state === 'overdue' ? 'danger' : undefined}>
        {format.date(deliverable.dueDate)}
      </Typography.Text>
      {due.state === 'overdue' && (
        <Tag color="error" variant="filled">
          {t('due.overdue', { count: due.days })}
        </Tag>
      )}
      {due.state === 'due' && due.days === 0 && <Tag color="warning">{t('due.today')}</Tag>}
      {due.state === 'due' && due.days > 0 && due.days <= SOON_DAYS && (
        <Tag color="warning">{t('due.soon', { count: due.days })}</Tag>
      )}
    </Flex>
  );
}
