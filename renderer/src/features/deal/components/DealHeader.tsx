import { useState } from 'react';
import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Flex, Space, Tag, Typography, theme } from 'antd';
import { ArrowLeftOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons';
import type { Deal, DealStatus } from '@shared/domain/deal';
import { weightedValue } from '@shared/domain/deal';
import type { Stage } from '@shared/domain/sales-process';
import { parsePlanDate } from '@shared/domain/dates';
import { useDealHealth } from '@renderer/db/hooks/health';
import { HealthTag } from '@renderer/features/health/components/HealthBadge';
import { ReviewPackDialog } from '@renderer/features/health/components/ReviewPack';
import { DealQuoteDocumentActions } from '@renderer/features/quote-document/components/QuoteDocumentActions';
import { useAccount } from '@renderer/db/hooks/queries';
import { useFormat } from '@renderer/i18n/useFormat';
import { useNow } from '@renderer/features/deal/hooks/useNow';
import { StagePath } from '@renderer/features/deal/components/StagePath';
import { daysInStage } from '@renderer/features/deal/utils/stagePath';

const STATUS_COLORS: Record<DealStatus, string> = {
  open: 'processing',
  won: 'success',
  lost: 'error',
  no_bid: 'default',
  cancelled: 'default',
};

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 96 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
        {children}
      </Typography.Text>
    </Flex>
  );
}

interface DealHeaderProps {
  deal: Deal;
  stages: readonly Stage[];
  /** Actions on the right of the title (log activity, edit). */
  actions?: ReactNode;
  /** Whether to show the current quote version's document buttons (Quote PDF, Quote XLSX). */
  quoteDocument?: boolean;
  onEdit: () => void;
}

/** The deal at a glance: who, how much, how likely, where in the process and for how long. */
export function DealHeader({
  deal,
  stages,
  actions,
  quoteDocument = true,
  onEdit,
}: DealHeaderProps) {
  const { t } = useTranslation(['deal', 'deals', 'health']);
  const { token } = theme.useToken();
  const format = useFormat();
  const navigate = useNavigate();
  const account = useAccount(deal.accountId);
  const now = useNow();
  const weighted = weightedValue(deal);
  const days = daysInStage(deal.stageEnteredAt, now);
  const today = parsePlanDate(dayjs(now).format('YYYY-MM-DD'));
  const health = useDealHealth(deal.id, today);
  const [reviewOpen, setReviewOpen] = useState(false);

  return (
    <Flex
      vertical
      gap={12}
      style={{
        padding: '12px 24px 4px',
        background: token.colorBgContainer,
      }}
    >
      <Flex align="flex-start" justify="space-between" gap={16}>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Space size={8} wrap>
            <Button
              type="link"
              size="small"
              icon={<ArrowLeftOutlined aria-hidden />}
              aria-label={t('deal:backLabel')}
              onClick={() => void navigate('/deals')}
              style={{ paddingInline: 0 }}
            >
              {t('deal:back')}
            </Button>
            <Typography.Text type="secondary">/</Typography.Text>
            <Typography.Text strong copyable={{ text: deal.code }}>
              {deal.code}
            </Typography.Text>
            <Tag color={STATUS_COLORS[deal.status]}>{t(`deals:status.${deal.status}`)}</Tag>
            {health && <HealthTag health={health} />}
          </Space>
          <Typography.Title
            level={2}
            style={{ margin: 0, fontSize: 22, lineHeight: 1.35 }}
            ellipsis={{ tooltip: deal.name }}
          >
            {deal.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('deal:header.account', { name: account?.name ?? '' })}
          </Typography.Text>
        </Flex>
        <Space wrap style={{ flexShrink: 0 }}>
          {actions}
          <Button icon={<FileTextOutlined aria-hidden />} onClick={() => setReviewOpen(true)}>
            {t('health:pack.action')}
          </Button>
          {quoteDocument && <DealQuoteDocumentActions dealId={deal.id} />}
          <Button icon={<EditOutlined aria-hidden />} onClick={onEdit}>
            {t('deal:edit')}
          </Button>
        </Space>
      </Flex>
      <Flex gap={40} wrap>
        <Figure label={t('deal:header.value')}>
          {format.money(deal.value.amountMinor, deal.value.currency)}
        </Figure>
        <Figure label={t('deal:header.pwin')}>{format.percent(deal.pwin / 100)}</Figure>
        <Figure label={t('deal:header.weighted')}>
          {format.money(weighted.amountMinor, weighted.currency)}
        </Figure>
        <Figure label={t('deal:header.daysInStage')}>
          {t('deal:header.days', { count: days })}
        </Figure>
      </Flex>
      <StagePath deal={deal} stages={stages} />
      <ReviewPackDialog
        deal={deal}
        stages={stages}
        health={health}
        open={reviewOpen}
        onClose={() => setReviewOpen(false)}
      />
    </Flex>
  );
}
