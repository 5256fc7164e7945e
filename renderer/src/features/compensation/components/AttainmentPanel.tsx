import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Empty, Flex, Progress, Table, Typography } from 'antd';
import type { Period } from '@shared/domain/period';
import type { CreditResult } from '@shared/compensation/credit';
import { attainmentRows } from '@shared/compensation/workspace';
import type { CompensationRecords } from '@renderer/db/hooks/compensation';
import { useFormat } from '@renderer/i18n/useFormat';
import { bpRatio } from '@renderer/features/compensation/utils/labels';

interface Props {
  readonly records: CompensationRecords;
  readonly credit: CreditResult;
  readonly period: Period;
}

/** Each person's credit in the period against their target (revenue basis), and deals not credited. */
export function AttainmentPanel({ records, credit, period }: Props) {
  const { t } = useTranslation('compensation');
  const format = useFormat();
  const currency = records.settings.baseCurrency;
  const rows = useMemo(
    () =>
      attainmentRows({
        people: records.people,
        targets: records.targets,
        credit,
        period,
        basis: 'revenue',
        currency,
      }).filter((row) => row.target !== null || row.credited.amountMinor !== 0),
    [records, credit, period, currency],
  );
  const teamName = new Map(records.teams.map((x) => [x.id, x.name]));
  const personById = new Map(records.people.map((p) => [p.id, p]));
  const dealCode = new Map(records.deals.map((d) => [d.id, d.code]));
  const skipped = credit.skipped.map((s) => dealCode.get(s.dealId) ?? s.dealId);

  return (
    <Flex vertical gap={12}>
      {skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('attainment.skipped', { count: skipped.length, codes: skipped.join(', ') })}
        />
      )}
      {rows.length === 0 ? (
        <Empty description={t('attainment.empty')} />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="personId"
          dataSource={rows}
          columns={[
            {
              key: 'person',
              title: t('attainment.person'),
              render: (_: unknown, row) => personById.get(row.personId)?.name ?? '—',
            },
            {
              key: 'team',
              title: t('attainment.team'),
              render: (_: unknown, row) => {
                const teamId = personById.get(row.personId)?.teamId ?? null;
                return teamId === null ? '—' : (teamName.get(teamId) ?? '—');
              },
            },
            {
              key: 'target',
              title: t('attainment.target'),
              align: 'right',
              render: (_: unknown, row) =>
                row.target === null ? (
                  <Typography.Text type="secondary">{t('attainment.noTarget')}</Typography.Text>
                ) : (
                  format.money(row.target.amountMinor, row.target.currency)
                ),
            },
            {
              key: 'credited',
              title: t('attainment.credited'),
              align: 'right',
              render: (_: unknown, row) =>
                format.money(row.credited.amountMinor, row.credited.currency),
            },
            {
              key: 'attainment',
              title: t('attainment.attainment'),
              width: 260,
              render: (_: unknown, row) =>
                row.attainmentBp === null ? (
                  '—'
                ) : (
                  <Flex gap={8} align="center">
                    <Progress
                      style={{ flex: 1, margin: 0 }}
                      percent={Math.min(100, row.attainmentBp / 100)}
                      showInfo={false}
                      status={row.attainmentBp >= 10_000 ? 'success' : 'normal'}
                      aria-hidden
                    />
                    <span data-testid="attainment-value">
                      {format.percent(bpRatio(row.attainmentBp), 1)}
                    </span>
                  </Flex>
                ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
