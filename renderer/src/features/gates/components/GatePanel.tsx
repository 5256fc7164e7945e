import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Button, DatePicker, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { parsePlanDate } from '@shared/domain/dates';
import type { Gate } from '@shared/domain/gate';
import type { Person } from '@shared/domain/person';
import { assessBidGate } from '@shared/pipeline/scoring';
import { BidRecommendation } from '@renderer/features/gates/components/BidRecommendation';
import { DecisionSection } from '@renderer/features/gates/components/DecisionSection';
import { MeddpiccTable } from '@renderer/features/gates/components/MeddpiccTable';
import { ReviewFields } from '@renderer/features/gates/components/ReviewFields';
import { ScorecardTable } from '@renderer/features/gates/components/ScorecardTable';
import { useGateActions } from '@renderer/features/gates/hooks/useGateActions';

function Heading({ children }: { children: string }) {
  return (
    <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
      {children}
    </Typography.Title>
  );
}

/**
 * One gate opened up: its date, then for bid/no-bid the scorecard, the recommendation and
 * MEDDPICC, for a review its score and comments, and for every gate the decision.
 */
export function GatePanel({ gate, people }: { gate: Gate; people: readonly Person[] }) {
  const { t } = useTranslation('gates');
  const actions = useGateActions();
  const assessment = gate.kind === 'bid_no_bid' ? assessBidGate(gate) : null;

  return (
    <section aria-label={gate.name}>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('add.scheduledDate')}</Typography.Text>
            <DatePicker
              aria-label={t('add.scheduledDate')}
              value={gate.scheduledDate === null ? null : dayjs(gate.scheduledDate)}
              placeholder={t('unscheduled')}
              onChange={(date: dayjs.Dayjs | null) =>
                void actions
                  .editFields(gate, {
                    scheduledDate: date ? parsePlanDate(date.format('YYYY-MM-DD')) : null,
                  })
                  .catch(() => undefined)
              }
            />
          </Flex>
          {gate.decision === null ? (
            <Popconfirm
              title={t('remove.confirm')}
              okText={t('remove.button')}
              cancelText={t('decision.cancel')}
              onConfirm={() => actions.remove(gate).catch(() => undefined)}
            >
              <Button type="text" danger icon={<DeleteOutlined />}>
                {t('remove.button')}
              </Button>
            </Popconfirm>
          ) : (
            <Tooltip title={t('remove.decidedHint')}>
              <Button type="text" icon={<DeleteOutlined />} disabled>
                {t('remove.button')}
              </Button>
            </Tooltip>
          )}
        </Flex>
        {assessment !== null ? (
          <>
            <Heading>{t('scorecard.title')}</Heading>
            <ScorecardTable gate={gate} score={assessment.scorecard} />
            <BidRecommendation assessment={assessment} />
            <Heading>{t('meddpicc.title')}</Heading>
            <MeddpiccTable gate={gate} summary={assessment.qualification} />
          </>
        ) : (
          <ReviewFields gate={gate} />
        )}
        <Heading>{t('decision.title')}</Heading>
        <DecisionSection gate={gate} people={people} recommendation={assessment?.recommendation} />
      </Flex>
    </section>
  );
}
