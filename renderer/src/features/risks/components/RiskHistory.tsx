import { useTranslation } from 'react-i18next';
import { Flex, Table, Tag, Typography } from 'antd';
import type { Risk } from '@shared/domain/risk';
import type { HistoryStep } from '@shared/risk/register';
import { historySteps, scoreBand } from '@shared/risk/register';
import { useFormat } from '@renderer/i18n/useFormat';
import { BAND_TAG_COLORS, STATUS_TAG_COLORS } from '@renderer/features/risks/utils/colors';

interface RiskHistoryProps {
  risk: Risk;
  names: ReadonlyMap<string, string>;
  highRiskScore: number;
}

/** Every reassessment of a risk, newest first: its scores, status, who changed it and why. */
export function RiskHistory({ risk, names, highRiskScore }: RiskHistoryProps) {
  const { t } = useTranslation('risks');
  const format = useFormat();
  const steps = historySteps(risk.history);
  return (
    <Flex vertical gap={8} style={{ paddingInline: 8 }}>
      <Typography.Text strong>{t('history.title')}</Typography.Text>
      <Table<HistoryStep>
        size="small"
        pagination={false}
        rowKey={(step) => `${step.entry.at}-${risk.history.indexOf(step.entry)}`}
        aria-label={t('actions.historyOf', { name: risk.title })}
        dataSource={steps}
        columns={[
          {
            key: 'at',
            title: t('history.at'),
            width: 180,
            render: (_: unknown, step: HistoryStep) => format.dateTime(step.entry.at),
          },
          {
            key: 'by',
            title: t('history.by'),
            width: 140,
            render: (_: unknown, step: HistoryStep) =>
              step.entry.byId !== null ? (
                (names.get(step.entry.byId) ?? t('history.unknown'))
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            key: 'assessment',
            title: t('history.assessment'),
            width: 120,
            render: (_: unknown, step: HistoryStep) => {
              const { previous, entry } = step;
              const changed =
                previous !== null &&
                (previous.probability !== entry.probability || previous.impact !== entry.impact);
              return changed
                ? `${previous.probability} × ${previous.impact} → ${entry.probability} × ${entry.impact}`
                : `${entry.probability} × ${entry.impact}`;
            },
          },
          {
            key: 'score',
            title: t('history.score'),
            width: 110,
            render: (_: unknown, step: HistoryStep) => (
              <Flex gap={6} align="center">
                <Tag
                  color={BAND_TAG_COLORS[scoreBand(step.score, highRiskScore)]}
                  style={{ marginInlineEnd: 0 }}
                >
                  {step.score}
                </Tag>
                {step.scoreDelta !== 0 && (
                  <Typography.Text type={step.scoreDelta > 0 ? 'danger' : 'success'}>
                    {step.scoreDelta > 0 ? `+${step.scoreDelta}` : step.scoreDelta}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            key: 'status',
            title: t('history.status'),
            width: 110,
            render: (_: unknown, step: HistoryStep) => (
              <Tag color={STATUS_TAG_COLORS[step.entry.status]}>
                {t(`status.${step.entry.status}`)}
              </Tag>
            ),
          },
          {
            key: 'note',
            title: t('history.note'),
            render: (_: unknown, step: HistoryStep) =>
              step.entry.note !== '' ? (
                <Typography.Text style={{ overflowWrap: 'break-word' }}>
                  {step.entry.note}
                </Typography.Text>
              ) : step.previous === null ? (
                <Typography.Text type="secondary">{t('history.first')}</Typography.Text>
              ) : null,
          },
        ]}
      />
    </Flex>
  );
}
