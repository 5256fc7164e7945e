import { useTranslation } from 'react-i18next';
import { Flex, Typography } from 'antd';
import type { ExposureTotal } from '@shared/risk/register';
import { useFormat } from '@renderer/i18n/useFormat';

/** The money at stake in active risks, one figure per currency (never added across currencies). */
export function ExposureTotals({ totals }: { totals: readonly ExposureTotal[] }) {
  const { t } = useTranslation('risks');
  const format = useFormat();
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary">{t('summary.exposure')}</Typography.Text>
      {totals.length === 0 ? (
        <Typography.Text>{t('summary.noExposure')}</Typography.Text>
      ) : (
        totals.map((total) => (
          <Typography.Text
            key={total.currency}
            strong
            style={{ fontSize: 20 }}
            data-testid={`exposure-${total.currency}`}
          >
            {format.money(total.amountMinor, total.currency)}
          </Typography.Text>
        ))
      )}
    </Flex>
  );
}
