import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Collapse, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Gate } from '@shared/domain/gate';
import type { GateId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import { assessBidGate, reviewBand, summarizeReviews } from '@shared/pipeline/scoring';
import { useDealGates } from '@renderer/db/hooks/gates';
import { usePeople } from '@renderer/db/hooks/queries';
import type { DealTabProps } from '@renderer/features/deal/tabs';
import { useFormat } from '@renderer/i18n/useFormat';
import { AddGateDialog } from '@renderer/features/gates/components/AddGateDialog';
import { DECISION_COLORS } from '@renderer/features/gates/components/DecisionSection';
import { GatePanel } from '@renderer/features/gates/components/GatePanel';
import { BAND_COLORS } from '@renderer/features/gates/components/ReviewFields';
import { ReviewSummaryCard } from '@renderer/features/gates/components/ReviewSummaryCard';

/** What a closed panel shows of its gate: the score so far and the decision (or that one is due). */
function GateStatus({ gate }: { gate: Gate }) {
  const { t } = useTranslation('gates');
  const fmt = useFormat();
  const score =
    gate.kind === 'bid_no_bid' ? assessBidGate(gate).scorecard.scorePct : gate.reviewScore;
  return (
    <Flex gap={8} align="center">
      {score !== null && (
        <Typography.Text>
          {fmt.percent(score / 100)}
          {gate.kind !== 'bid_no_bid' && (
            <Tag color={BAND_COLORS[reviewBand(score)]} style={{ marginInlineStart: 8 }}>
              {t(`review.bands.${reviewBand(score)}`)}
            </Tag>
          )}
        </Typography.Text>
      )}
      {gate.decision === null ? (
        <Tag>{t('awaiting')}</Tag>
      ) : (
        <Tag color={DECISION_COLORS[gate.decision]}>{t(`decisions.${gate.decision}`)}</Tag>
      )}
    </Flex>
  );
}

interface GateListProps {
  gates: readonly Gate[];
  people: readonly Person[];
  /** A gate just added, to open. */
  added: GateId | null;
}

/**
 * The gates as panels. Those waiting for a decision when the tab opened start open and stay so
 * after being decided (the user sees the decision land); the user opens and closes the rest.
 */
function GateList({ gates, people, added }: GateListProps) {
  const { t } = useTranslation('gates');
  const fmt = useFormat();
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    gates.filter((gate) => gate.decision === null).map((gate) => gate.id),
  );
  const [openedAdded, setOpenedAdded] = useState<GateId | null>(null);
  if (added !== null && added !== openedAdded) {
    setOpenedAdded(added);
    setOpenKeys([...openKeys, added]);
  }
  return (
    <Collapse
      activeKey={openKeys}
      onChange={(keys) => setOpenKeys(Array.isArray(keys) ? keys : [keys])}
      items={gates.map((gate) => ({
        key: gate.id,
        label: (
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{gate.name}</Typography.Text>
            <Tag variant="outlined">{t(`kinds.${gate.kind}`)}</Tag>
            <Typography.Text type="secondary">
              {gate.scheduledDate === null
                ? t('unscheduled')
                : t('scheduled', { date: fmt.date(gate.scheduledDate) })}
            </Typography.Text>
          </Flex>
        ),
        extra: <GateStatus gate={gate} />,
        children: <GatePanel gate={gate} people={people} />,
      }))}
    />
  );
}

/**
 * The deal's Gates tab: every decision gate and colour-team review, in the order the pursuit
 * meets them, each in a panel that opens to score and decide it; the reviews summed up on top.
 */
export default function GatesTab({ deal }: DealTabProps) {
  const { t } = useTranslation('gates');
  const gates = useDealGates(deal.id);
  const people = usePeople();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<GateId | null>(null);

  if (gates === undefined || people === undefined) return <Skeleton active />;

  const reviews = summarizeReviews(gates);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={16}>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('add.button')}
        </Button>
      </Flex>
      {reviews.reviews.length > 0 && <ReviewSummaryCard summary={reviews} />}
      {gates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      ) : (
        <GateList gates={gates} people={people} added={added} />
      )}
      <AddGateDialog
        open={adding}
        dealId={deal.id}
        gates={gates}
        onClose={() => setAdding(false)}
        onAdded={(gate) => {
          setAdding(false);
          setAdded(gate.id);
        }}
      />
    </Flex>
  );
}
