import { useTranslation } from 'react-i18next';
import { Flex, Tag, Typography } from 'antd';
import type { PlanDate } from '@shared/domain/dates';
import type { Risk } from '@shared/domain/risk';
import { reviewOverdueDays } from '@shared/risk/register';
import { useFormat } from '@renderer/i18n/useFormat';

/** A risk's next review date, tagged "Overdue" when an active risk's review has passed. */
export function ReviewDate({
  risk,
  today,
}: {
  risk: Pick<Risk, 'status' | 'nextReviewDate'>;
  today: PlanDate;
}) {
  const { t } = useTranslation('risks');
  const format = useFormat();
  if (risk.nextReviewDate === null) {
    return <Typography.Text type="secondary">{t('noReview')}</Typography.Text>;
  }
  const days = reviewOverdueDays(risk, today);
  return (
    <Flex gap={6} align="center" wrap>
      <Typography.Text type={days > 0 ? 'danger' : undefined}>
        {format.date(risk.nextReviewDate)}
      </Typography.Text>
      {days > 0 && (
        <Tag color="error" variant="filled" title={t('overdueDays', { count: days })}>
          {t('overdue')}
        </Tag>
      )}
    </Flex>
  );
}
