import type { TFunction } from 'i18next';
import { Flex, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Risk } from '@shared/domain/risk';
import type { Formatters } from '@renderer/i18n/useFormat';

/** The register's columns the deal tab and the portfolio lists share. */
export function sharedRiskColumns(
  t: TFunction<'risks'>,
  format: Formatters,
  names: ReadonlyMap<string, string>,
): { title: ColumnType<Risk>; exposure: ColumnType<Risk>; owner: ColumnType<Risk> } {
  return {
    title: {
      key: 'title',
      title: t('columns.title'),
      render: (_: unknown, risk: Risk) => (
        <Flex vertical style={{ minWidth: 180 }}>
          <Typography.Text strong style={{ overflowWrap: 'break-word' }}>
            {risk.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`category.${risk.category}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    exposure: {
      key: 'exposure',
      title: t('columns.exposure'),
      width: 150,
      align: 'end',
      render: (_: unknown, risk: Risk) =>
        format.money(risk.exposure.amountMinor, risk.exposure.currency),
    },
    owner: {
      key: 'owner',
      title: t('columns.owner'),
      width: 110,
      render: (_: unknown, risk: Risk) =>
        risk.ownerId ? (
          (names.get(risk.ownerId) ?? '')
        ) : (
          <Typography.Text type="secondary">{t('noOwner')}</Typography.Text>
        ),
    },
  };
}
