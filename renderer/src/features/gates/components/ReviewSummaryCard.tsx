import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReviewResult, ReviewSummary } from '@shared/pipeline/scoring';
import { useFormat } from '@renderer/i18n/useFormat';
import { DECISION_COLORS } from '@renderer/features/gates/components/DecisionSection';
import { BAND_COLORS } from '@renderer/features/gates/components/ReviewFields';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical style={{ minWidth: 120 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong>{children}</Typography.Text>
    </Flex>
  );
}

/**
 * The deal's colour-team reviews at a glance: the latest round of each, where the proposal is
 * weakest, whether it improved since the previous review, and which still wait for a decision.
 */
export function ReviewSummaryCard({ summary }: { summary: ReviewSummary }) {
  const { t } = useTranslation('gates');
  const fmt = useFormat();
  const pct = (value: number) => fmt.percent(value / 100);
  const kind = (value: ReviewResult['kind']) => t(`kinds.${value}`);

  const columns: TableColumnsType<ReviewResult> = [
    { key: 'kind', render: (_, review) => kind(review.kind) },
    {
      key: 'rounds',
      render: (_, review) => (
        <Typography.Text type="secondary">
          {t('reviews.rounds', { count: review.rounds })}
        </Typography.Text>
      ),
    },
    {
      key: 'score',
      align: 'right',
      render: (_, review) => (review.score === null ? '—' : pct(review.score)),
    },
    {
      key: 'band',
      render: (_, review) =>
        review.band === null ? null : (
          <Tag color={BAND_COLORS[review.band]}>{t(`review.bands.${review.band}`)}</Tag>
        ),
    },
    {
      key: 'decision',
      render: (_, review) =>
        review.decision === null ? (
          <Typography.Text type="secondary">{t('awaiting')}</Typography.Text>
        ) : (
          <Tag color={DECISION_COLORS[review.decision]}>{t(`decisions.${review.decision}`)}</Tag>
        ),
    },
  ];

  return (
    <Card size="small" title={t('reviews.title')}>
      <Flex vertical gap={12}>
        {summary.averageScore === null ? (
          <Typography.Text type="secondary">{t('reviews.notScored')}</Typography.Text>
        ) : (
          <Flex gap={32} wrap>
            <Figure label={t('reviews.average')}>{pct(summary.averageScore)}</Figure>
            {summary.lowest !== null && (
              <Figure label={t('reviews.lowest')}>
                {kind(summary.lowest.kind)} · {pct(summary.lowest.score)}
              </Figure>
            )}
            {summary.latest !== null && (
              <Figure label={t('reviews.latest')}>
                {kind(summary.latest.kind)} · {pct(summary.latest.score)}
              </Figure>
            )}
            {summary.trend !== null && (
              <Figure label={t('reviews.trend')}>
                <Typography.Text
                  type={summary.trend > 0 ? 'success' : summary.trend < 0 ? 'danger' : undefined}
                >
                  {t('reviews.points', {
                    value: `${summary.trend > 0 ? '+' : ''}${fmt.number(summary.trend)}`,
                  })}
                </Typography.Text>
              </Figure>
            )}
            <Figure label={t('reviews.outstanding')}>
              {summary.outstanding.length === 0
                ? t('reviews.none')
                : new Intl.ListFormat(fmt.locale, { type: 'conjunction' }).format(
                    summary.outstanding.map(kind),
                  )}
            </Figure>
          </Flex>
        )}
        <Table<ReviewResult>
          size="small"
          rowKey="kind"
          columns={columns}
          dataSource={summary.reviews}
          pagination={false}
          showHeader={false}
        />
      </Flex>
    </Card>
  );
}
