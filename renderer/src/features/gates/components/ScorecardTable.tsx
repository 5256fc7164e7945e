import { useTranslation } from 'react-i18next';
import { Button, Flex, Radio, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { Gate, ScorecardItem } from '@shared/domain/gate';
import { inLocale } from '@shared/pipeline/labels';
import type { ScorecardScore } from '@shared/pipeline/scoring';
import { useFormat } from '@renderer/i18n/useFormat';
import { BlurSaveText } from '@renderer/features/gates/components/BlurSaveText';
import { useGateActions } from '@renderer/features/gates/hooks/useGateActions';

const SCORES = [1, 2, 3, 4, 5] as const;

/** The bid/no-bid scorecard: each criterion with its weight, a 1–5 score and a note. */
export function ScorecardTable({ gate, score }: { gate: Gate; score: ScorecardScore }) {
  const { t } = useTranslation('gates');
  const fmt = useFormat();
  const actions = useGateActions();
  const pct = (value: number) => fmt.percent(value / 100);

  const columns: TableColumnsType<ScorecardItem> = [
    {
      key: 'criterion',
      title: t('scorecard.criterion'),
      render: (_, item) => inLocale(item.label, fmt.locale),
    },
    {
      key: 'weight',
      title: t('scorecard.weight'),
      align: 'right',
      width: 72,
      render: (_, item) => fmt.number(item.weight),
    },
    {
      key: 'score',
      title: (
        <Tooltip title={t('scorecard.scale')}>
          <span>{t('scorecard.score')}</span>
        </Tooltip>
      ),
      width: 210,
      render: (_, item) => {
        const criterion = inLocale(item.label, fmt.locale);
        return (
          <Flex gap={4} align="center">
            <Radio.Group
              size="small"
              optionType="button"
              aria-label={t('scorecard.scoreOf', { criterion })}
              value={item.score}
              onChange={(event) =>
                void actions
                  .scoreCriterion(gate, { key: item.key, score: Number(event.target.value) })
                  .catch(() => undefined)
              }
              options={SCORES.map((value) => ({ value, label: String(value) }))}
            />
            {item.score !== null && (
              <Button
                size="small"
                type="text"
                icon={<CloseOutlined />}
                aria-label={t('scorecard.clear', { criterion })}
                onClick={() =>
                  void actions
                    .scoreCriterion(gate, { key: item.key, score: null })
                    .catch(() => undefined)
                }
              />
            )}
          </Flex>
        );
      },
    },
    {
      key: 'note',
      title: t('scorecard.note'),
      render: (_, item) => (
        <BlurSaveText
          value={item.note}
          maxLength={2_000}
          ariaLabel={t('scorecard.noteOf', { criterion: inLocale(item.label, fmt.locale) })}
          placeholder={t('scorecard.notePlaceholder')}
          onSave={(note) =>
            void actions.scoreCriterion(gate, { key: item.key, note }).catch(() => undefined)
          }
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Table<ScorecardItem>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={gate.scorecard}
        pagination={false}
        locale={{ emptyText: t('scorecard.empty') }}
      />
      <Flex gap={12} align="baseline" wrap>
        <Typography.Text strong>{t('scorecard.weighted')}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 18 }} data-testid="weighted-score">
          {score.scorePct === null ? t('scorecard.notScored') : pct(score.scorePct)}
        </Typography.Text>
        {!score.complete && score.scorePct !== null && score.rangePct !== null && (
          <Typography.Text type="secondary">
            {t('scorecard.partial', {
              assessed: fmt.number(score.assessedWeight),
              total: fmt.number(score.totalWeight),
              min: pct(score.rangePct.min),
              max: pct(score.rangePct.max),
            })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
