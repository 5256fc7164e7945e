import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Card, Table, Typography } from 'antd';
import type { PlanDate } from '@shared/domain/dates';
import type { RenewalDue } from '@shared/quote/renewals';
import { useRenewalsDue } from '@renderer/db/hooks/commercial';
import { useFormat } from '@renderer/i18n/useFormat';

/**
 * The dashboard's list of contracts renewing within the notice period (Settings → thresholds),
 * soonest first, each linking to its deal's Commercial tab.
 */
export function RenewalsCard({ today, noticeDays }: { today: PlanDate; noticeDays: number }) {
  const { t } = useTranslation('commercial');
  const format = useFormat();
  const due = useRenewalsDue(today, noticeDays);
  return (
    <Card
      size="small"
      title={t('renewals.title')}
      extra={
        <Typography.Text type="secondary">
          {t('renewals.subtitle', { days: noticeDays })}
        </Typography.Text>
      }
      className="dashboard-card"
      data-testid="renewals-due"
      loading={due === undefined}
    >
      {due !== undefined && due.length === 0 ? (
        <Typography.Text type="secondary">
          {t('renewals.empty', { days: noticeDays })}
        </Typography.Text>
      ) : (
        <Table<RenewalDue>
          size="small"
          rowKey={(row) => row.contract.id}
          aria-label={t('renewals.title')}
          pagination={false}
          dataSource={due ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'deal',
              title: t('renewals.deal'),
              render: (_: unknown, row) => (
                <Link to={`/deals/${row.deal.id}/commercial`}>
                  <Typography.Text type="secondary">{row.deal.code}</Typography.Text>{' '}
                  {row.deal.name}
                </Link>
              ),
            },
            {
              key: 'contract',
              title: t('renewals.contract'),
              render: (_: unknown, row) => (
                <span style={{ overflowWrap: 'anywhere' }}>{row.contract.number}</span>
              ),
            },
            {
              key: 'date',
              title: t('renewals.date'),
              render: (_: unknown, row) =>
                `${format.date(row.renewalDate)} · ${
                  row.daysLeft === 0
                    ? t('renewals.today')
                    : t('renewals.inDays', { count: row.daysLeft })
                }`,
            },
          ]}
        />
      )}
    </Card>
  );
}
