import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Button, Card, Empty, Flex, Popconfirm, Select, Spin, Table, Tag, Typography } from 'antd';
import {
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  DownloadOutlined,
  PlusOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { parsePlanDate } from '@shared/domain/dates';
import { fileStemOf } from '@shared/exchange/sheet';
import type { Risk } from '@shared/domain/risk';
import { isActiveRisk, RISK_STATUSES, riskScore } from '@shared/domain/risk';
import {
  exposureTotals,
  isReviewOverdue,
  riskLevel,
  riskMatrix,
  scoreBand,
} from '@shared/risk/register';
import type { DealTabProps } from '@renderer/features/deal/tabs';
import { usePeople, useSettings } from '@renderer/db/hooks/queries';
import { useDealRisks } from '@renderer/db/hooks/risks';
import { useFormat } from '@renderer/i18n/useFormat';
import { ExposureTotals } from '@renderer/features/risks/components/ExposureTotals';
import { ReviewDate } from '@renderer/features/risks/components/ReviewDate';
import { sharedRiskColumns } from '@renderer/features/risks/components/columns';
import { RiskFormDrawer } from '@renderer/features/risks/components/RiskFormDrawer';
import { RiskSheetExport } from '@renderer/features/risks/components/RiskSheetExport';
import { RiskHistory } from '@renderer/features/risks/components/RiskHistory';
import type { MatrixSelection } from '@renderer/features/risks/components/RiskMatrix';
import { RiskMatrixGrid } from '@renderer/features/risks/components/RiskMatrix';
import type { PendingStatus } from '@renderer/features/risks/components/StatusChangeModal';
import { StatusChangeModal } from '@renderer/features/risks/components/StatusChangeModal';
import { useRiskActions } from '@renderer/features/risks/hooks/useRiskActions';
import { BAND_TAG_COLORS } from '@renderer/features/risks/utils/colors';

type Editing = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; risk: Risk };

/**
 * The deal's risk register: the 5 × 5 matrix of its active risks (click a cell to list only its
 * risks), the exposure at stake, and the register with owner, status, next review and the
 * history of each risk's score (expand a row).
 */
export default function RisksTab({ deal }: DealTabProps) {
  const { t } = useTranslation('risks');
  const format = useFormat();
  const risks = useDealRisks(deal.id);
  const people = usePeople();
  const settings = useSettings();
  const actions = useRiskActions();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [selected, setSelected] = useState<MatrixSelection | null>(null);
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const [pending, setPending] = useState<PendingStatus | null>(null);
  const [exporting, setExporting] = useState(false);
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));

  const names = useMemo(
    () => new Map<string, string>((people ?? []).map((person) => [person.id, person.name])),
    [people],
  );
  const matrix = useMemo(() => riskMatrix(risks ?? []), [risks]);

  if (!risks || !people || !settings) {
    return (
      <Flex justify="center" style={{ padding: 48 }} aria-busy="true">
        <Spin />
      </Flex>
    );
  }

  const highRiskScore = settings.thresholds.highRiskScore;
  const shared = sharedRiskColumns(t, format, names);
  const totals = exposureTotals(risks, settings.baseCurrency);
  const active = risks.filter(isActiveRisk).length;
  const overdue = risks.filter((risk) => isReviewOverdue(risk, today)).length;
  const shown =
    selected === null
      ? risks
      : risks.filter(
          (risk) =>
            isActiveRisk(risk) &&
            risk.probability === selected.probability &&
            risk.impact === selected.impact,
        );
  const toggle = (id: string) =>
    setExpanded((keys) => (keys.includes(id) ? keys.filter((key) => key !== id) : [...keys, id]));

  const drawer = (
    <RiskFormDrawer
      open={editing.mode !== 'closed'}
      deal={deal}
      risk={editing.mode === 'edit' ? editing.risk : null}
      people={people}
      highRiskScore={highRiskScore}
      onClose={() => setEditing({ mode: 'closed' })}
    />
  );

  const addButton = (
    <Button
      type="primary"
      icon={<PlusOutlined aria-hidden />}
      onClick={() => setEditing({ mode: 'create' })}
    >
      {t('add')}
    </Button>
  );

  if (risks.length === 0) {
    return (
      <Flex vertical gap={12}>
        <Flex justify="flex-end">{addButton}</Flex>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Flex vertical gap={4} align="center">
              <Typography.Text strong>{t('empty.title')}</Typography.Text>
              <Typography.Text type="secondary" style={{ maxWidth: 520 }}>
                {t('empty.body')}
              </Typography.Text>
            </Flex>
          }
        />
        {drawer}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap align="stretch">
        <Card size="small" title={t('matrix.title')}>
          <RiskMatrixGrid
            matrix={matrix}
            highRiskScore={highRiskScore}
            selected={selected}
            onSelect={setSelected}
          />
        </Card>
        <Card size="small" style={{ flex: '1 1 260px', minWidth: 260 }}>
          <Flex vertical gap={16}>
            <Typography.Text aria-live="polite">
              {[
                t('summary.count', { count: risks.length }),
                t('summary.active', { count: active }),
              ].join(' · ')}
            </Typography.Text>
            <ExposureTotals totals={totals} />
            {overdue > 0 && (
              <Typography.Text type="danger">
                {t('summary.overdue', { count: overdue })}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('matrix.hint')}
            </Typography.Text>
          </Flex>
        </Card>
      </Flex>
      <Flex align="center" gap={12} wrap>
        {selected !== null && (
          <Tag
            closable
            color="blue"
            onClose={() => setSelected(null)}
            closeIcon={<span aria-label={t('matrix.clear')}>×</span>}
          >
            {t('matrix.filtered', { probability: selected.probability, impact: selected.impact })}
          </Tag>
        )}
        {selected !== null && (
          <Button size="small" type="link" onClick={() => setSelected(null)}>
            {t('matrix.clear')}
          </Button>
        )}
        <Flex style={{ marginInlineStart: 'auto' }} gap={8}>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => setExporting(true)}>
            {t('sheet.button')}
          </Button>
          {addButton}
        </Flex>
      </Flex>
      {exporting && (
        <RiskSheetExport
          title={t('sheet.title', { code: deal.code })}
          fileStem={`${fileStemOf(deal.code)}-risks`}
          risks={risks}
          names={names}
          onClose={() => setExporting(false)}
        />
      )}
      <Table<Risk>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={shown}
        locale={{ emptyText: t('empty.filtered') }}
        expandable={{
          showExpandColumn: false,
          expandedRowKeys: [...expanded],
          expandedRowRender: (risk) => (
            <RiskHistory risk={risk} names={names} highRiskScore={highRiskScore} />
          ),
        }}
        columns={[
          shared.title,
          {
            key: 'probability',
            title: <span title={t('columns.probabilityFull')}>{t('columns.probability')}</span>,
            width: 56,
            align: 'center',
            render: (_: unknown, risk: Risk) => (
              <span title={t(`probability.${riskLevel(risk.probability)}`)}>
                {risk.probability}
              </span>
            ),
          },
          {
            key: 'impact',
            title: <span title={t('columns.impactFull')}>{t('columns.impact')}</span>,
            width: 56,
            align: 'center',
            render: (_: unknown, risk: Risk) => (
              <span title={t(`impact.${riskLevel(risk.impact)}`)}>{risk.impact}</span>
            ),
          },
          {
            key: 'score',
            title: t('columns.score'),
            width: 72,
            render: (_: unknown, risk: Risk) => {
              const score = riskScore(risk);
              return <Tag color={BAND_TAG_COLORS[scoreBand(score, highRiskScore)]}>{score}</Tag>;
            },
          },
          shared.exposure,
          shared.owner,
          {
            key: 'status',
            title: t('columns.status'),
            width: 130,
            render: (_: unknown, risk: Risk) => (
              <Select
                size="small"
                value={risk.status}
                aria-label={t('actions.statusOf', { name: risk.title })}
                style={{ width: 112 }}
                popupMatchSelectWidth={false}
                onChange={(status) => {
                  if (status !== risk.status) setPending({ risk, status });
                }}
                options={RISK_STATUSES.map((status) => ({
                  value: status,
                  label: t(`status.${status}`),
                }))}
              />
            ),
          },
          {
            key: 'review',
            title: t('columns.review'),
            width: 170,
            render: (_: unknown, risk: Risk) => <ReviewDate risk={risk} today={today} />,
          },
          {
            key: 'actions',
            title: t('columns.actions'),
            width: 190,
            render: (_: unknown, risk: Risk) => {
              const isOpen = expanded.includes(risk.id);
              return (
                <Flex gap={4} align="center">
                  <Button
                    type="text"
                    size="small"
                    aria-expanded={isOpen}
                    aria-label={t('actions.historyOf', { name: risk.title })}
                    icon={isOpen ? <DownOutlined aria-hidden /> : <RightOutlined aria-hidden />}
                    onClick={() => toggle(risk.id)}
                  >
                    {t('history.show', { count: risk.history.length })}
                  </Button>
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined aria-hidden />}
                    aria-label={t('actions.editNamed', { name: risk.title })}
                    onClick={() => setEditing({ mode: 'edit', risk })}
                  />
                  <Popconfirm
                    title={t('actions.deleteConfirm', { name: risk.title })}
                    okButtonProps={{ danger: true }}
                    okText={t('actions.delete')}
                    cancelText={t('form.cancel')}
                    onConfirm={() => void actions.remove(risk).catch(() => {})}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('actions.deleteNamed', { name: risk.title })}
                    />
                  </Popconfirm>
                </Flex>
              );
            },
          },
        ]}
      />
      {drawer}
      <StatusChangeModal
        key={pending === null ? 'none' : `${pending.risk.id}-${pending.status}`}
        pending={pending}
        onClose={() => setPending(null)}
      />
    </Flex>
  );
}
