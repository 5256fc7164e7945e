import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { Button, Card, Flex, Spin, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { PlanDate } from '@shared/domain/dates';
import { parsePlanDate } from '@shared/domain/dates';
import type { Risk } from '@shared/domain/risk';
import { riskScore } from '@shared/domain/risk';
import {
  exposureTotals,
  overdueReviews,
  riskMatrix,
  scoreBand,
  topRisksByExposure,
} from '@shared/risk/register';
import type { RiskDeal } from '@renderer/db/hooks/risks';
import { usePortfolioRisks } from '@renderer/db/hooks/risks';
import { usePeople, useSettings } from '@renderer/db/hooks/queries';
import { useFormat } from '@renderer/i18n/useFormat';
import { ExposureTotals } from '@renderer/features/risks/components/ExposureTotals';
import { ReviewDate } from '@renderer/features/risks/components/ReviewDate';
import { sharedRiskColumns } from '@renderer/features/risks/components/columns';
import type { MatrixSelection } from '@renderer/features/risks/components/RiskMatrix';
import { RiskMatrixGrid } from '@renderer/features/risks/components/RiskMatrix';
import { RiskSheetExport } from '@renderer/features/risks/components/RiskSheetExport';
import { BAND_TAG_COLORS, STATUS_TAG_COLORS } from '@renderer/features/risks/utils/colors';

/** How many risks the "top risks" list shows. */
const TOP_COUNT = 20;

interface PortfolioRiskTableProps {
  risks: readonly Risk[];
  dealOf: ReadonlyMap<string, RiskDeal>;
  names: ReadonlyMap<string, string>;
  highRiskScore: number;
  today: PlanDate;
  label: string;
  /** Rows per page, or none for one page. */
  pageSize?: number;
}

/** Risks with their deals (each linking to that deal's Risks tab), score, exposure and review. */
function PortfolioRiskTable({
  risks,
  dealOf,
  names,
  highRiskScore,
  today,
  label,
  pageSize,
}: PortfolioRiskTableProps) {
  const { t } = useTranslation('risks');
  const format = useFormat();
  const shared = sharedRiskColumns(t, format, names);
  return (
    <Table<Risk>
      rowKey="id"
      size="small"
      aria-label={label}
      dataSource={[...risks]}
      scroll={{ x: 'max-content' }}
      pagination={
        pageSize !== undefined && risks.length > pageSize
          ? { pageSize, showSizeChanger: false, size: 'small' }
          : false
      }
      columns={[
        shared.title,
        {
          key: 'deal',
          title: t('columns.deal'),
          width: 260,
          render: (_: unknown, risk: Risk) => {
            const deal = dealOf.get(risk.dealId);
            if (!deal) return null;
            return (
              <Link
                to={`/deals/${deal.id}/risks`}
                aria-label={t('portfolio.openDeal', { code: deal.code })}
                style={{ overflowWrap: 'break-word' }}
              >
                <Typography.Text type="secondary">{deal.code}</Typography.Text> {deal.name}
              </Link>
            );
          },
        },
        {
          key: 'score',
          title: t('columns.score'),
          width: 96,
          render: (_: unknown, risk: Risk) => {
            const score = riskScore(risk);
            return (
              <Tag
                color={BAND_TAG_COLORS[scoreBand(score, highRiskScore)]}
                title={`${t('columns.probabilityFull')} ${risk.probability} × ${t('columns.impactFull')} ${risk.impact}`}
              >
                {`${risk.probability}×${risk.impact} = ${score}`}
              </Tag>
            );
          },
        },
        shared.exposure,
        shared.owner,
        {
          key: 'status',
          title: t('columns.status'),
          width: 100,
          render: (_: unknown, risk: Risk) => (
            <Tag color={STATUS_TAG_COLORS[risk.status]}>{t(`status.${risk.status}`)}</Tag>
          ),
        },
        {
          key: 'review',
          title: t('columns.review'),
          width: 170,
          render: (_: unknown, risk: Risk) => <ReviewDate risk={risk} today={today} />,
        },
      ]}
    />
  );
}

/**
 * Risk across the portfolio, for the executive's review: the matrix of the open deals' active
 * risks (a cell lists its risks with their deals), the largest exposures and the reviews that
 * are overdue. Everything is computed by `shared/risk` from one read of the risks.
 */
export default function RisksPage() {
  const { t } = useTranslation('risks');
  const data = usePortfolioRisks();
  const people = usePeople();
  const settings = useSettings();
  const [selected, setSelected] = useState<MatrixSelection | null>(null);
  const [exporting, setExporting] = useState(false);
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));

  const names = useMemo(
    () => new Map<string, string>((people ?? []).map((person) => [person.id, person.name])),
    [people],
  );
  const figures = useMemo(() => {
    if (!data) return null;
    const byId = new Map<string, Risk>(data.risks.map((risk) => [risk.id, risk]));
    return {
      matrix: riskMatrix(data.risks),
      top: topRisksByExposure(data.risks, TOP_COUNT),
      overdue: overdueReviews(data.risks, today),
      byId,
    };
  }, [data, today]);

  if (!data || !people || !settings || !figures) {
    return (
      <Flex flex={1} align="center" justify="center" aria-busy="true">
        <Spin />
      </Flex>
    );
  }

  const highRiskScore = settings.thresholds.highRiskScore;
  const totals = exposureTotals(data.risks, settings.baseCurrency);
  const cell =
    selected === null
      ? null
      : figures.matrix.rows
          .flat()
          .find((c) => c.probability === selected.probability && c.impact === selected.impact);
  const cellRisks = (cell?.ids ?? [])
    .map((id) => figures.byId.get(id))
    .filter((risk): risk is Risk => risk !== undefined)
    .sort((a, b) => b.exposure.amountMinor - a.exposure.amountMinor);
  const tableProps = { dealOf: data.dealOf, names, highRiskScore, today };

  return (
    <Flex vertical gap={16} style={{ padding: 16 }}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {[
            t('portfolio.subtitle'),
            t('portfolio.deals', { count: data.openDeals }),
            t('summary.active', { count: data.risks.length }),
          ].join(' · ')}
        </Typography.Text>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          style={{ marginInlineStart: 'auto' }}
          onClick={() => setExporting(true)}
        >
          {t('sheet.button')}
        </Button>
      </Flex>
      {exporting && (
        <RiskSheetExport
          title={t('sheet.portfolioTitle')}
          fileStem="pursuit-risks"
          risks={data.risks}
          names={names}
          dealOf={data.dealOf}
          onClose={() => setExporting(false)}
        />
      )}
      <Flex gap={16} wrap align="stretch">
        <Card size="small" title={t('matrix.title')}>
          <Flex vertical gap={12}>
            <RiskMatrixGrid
              matrix={figures.matrix}
              highRiskScore={highRiskScore}
              selected={selected}
              onSelect={setSelected}
            />
            <ExposureTotals totals={totals} />
          </Flex>
        </Card>
        <Card
          size="small"
          style={{ flex: '1 1 520px', minWidth: 0 }}
          title={
            selected === null
              ? t('matrix.hint')
              : t('portfolio.cellTitle', {
                  probability: selected.probability,
                  impact: selected.impact,
                })
          }
        >
          {selected === null ? (
            <Typography.Text type="secondary">{t('portfolio.pickCell')}</Typography.Text>
          ) : (
            <PortfolioRiskTable
              {...tableProps}
              risks={cellRisks}
              label={t('portfolio.cellTitle', {
                probability: selected.probability,
                impact: selected.impact,
              })}
              pageSize={8}
            />
          )}
        </Card>
      </Flex>
      <Card size="small" title={t('portfolio.top', { count: TOP_COUNT })}>
        {figures.top.length === 0 ? (
          <Typography.Text type="secondary">{t('portfolio.noRisks')}</Typography.Text>
        ) : (
          <PortfolioRiskTable
            {...tableProps}
            risks={figures.top}
            label={t('portfolio.top', { count: TOP_COUNT })}
          />
        )}
      </Card>
      <Card
        size="small"
        title={
          <Flex gap={8} align="center">
            {t('portfolio.overdue')}
            {figures.overdue.length > 0 && <Tag color="error">{figures.overdue.length}</Tag>}
          </Flex>
        }
      >
        {figures.overdue.length === 0 ? (
          <Typography.Text type="secondary">{t('portfolio.noOverdue')}</Typography.Text>
        ) : (
          <PortfolioRiskTable
            {...tableProps}
            risks={figures.overdue}
            label={t('portfolio.overdue')}
            pageSize={10}
          />
        )}
      </Card>
    </Flex>
  );
}
