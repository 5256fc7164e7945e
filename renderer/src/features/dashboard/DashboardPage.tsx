import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { FilePdfOutlined, FlagOutlined } from '@ant-design/icons';
import type { PlanDate } from '@shared/domain/dates';
import { parsePlanDate } from '@shared/domain/dates';
import type { AccountId, PersonId, StageId } from '@shared/domain/ids';
import type { Period } from '@shared/domain/period';
import type { Risk } from '@shared/domain/risk';
import { riskScore } from '@shared/domain/risk';
import type { ForecastCategory } from '@shared/domain/sales-process';
import type { ReviewSnapshot } from '@shared/domain/review-snapshot';
import { fiscalYearOf, periodKey } from '@shared/compensation/periods';
import type { DashboardFilter, PipelineBucket } from '@shared/dashboard/figures';
import { NO_FILTER, computeDashboard } from '@shared/dashboard/figures';
import { diffSnapshot, snapshotDeals } from '@shared/dashboard/snapshot';
import type { SnapshotDiff } from '@shared/dashboard/snapshot';
import { dealSpend } from '@shared/dashboard/spend';
import { topRisksByExposure } from '@shared/risk/register';
import type { DealHealth, HealthReason } from '@shared/health/health';
import { compareHealthLevels } from '@shared/health/health';
import { exportFileName } from '@shared/export/milestone-calendar';
import { useSettings } from '@renderer/db/hooks/queries';
import { useDashboardRecords, useReviewSnapshots } from '@renderer/db/hooks/dashboard';
import { usePortfolioHealth } from '@renderer/db/hooks/health';
import { useDatabaseContext } from '@renderer/db/context';
import { startReview } from '@renderer/db/repositories/review-snapshots';
import { getPlatform } from '@renderer/platform/getPlatform';
import { useFormat } from '@renderer/i18n/useFormat';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { PeriodPicker } from '@renderer/features/compensation/components/PeriodPicker';
import { periodLabel } from '@renderer/features/compensation/utils/labels';
import { ChartCard } from '@renderer/features/dashboard/components/ChartCard';
import { EChart } from '@renderer/features/dashboard/components/EChart';
import type { ChartOption } from '@renderer/features/dashboard/components/EChart';
import { escapeHtml } from '@renderer/features/dashboard/utils/html';
import '@renderer/features/dashboard/dashboard.css';
import { describeReason } from '@renderer/features/health/utils/describe';
import { RenewalsCard } from '@renderer/features/commercial/components/RenewalsCard';

const TOP_RISKS = 10;
const OPEN_CATEGORIES: readonly ForecastCategory[] = ['pipeline', 'best_case', 'commit'];
const CATEGORY_COLORS: Readonly<Record<string, string>> = {
  pipeline: '#8c8c8c',
  best_case: '#1677ff',
  commit: '#52c41a',
};
type PageSize = 'A4' | 'Letter';

/** Runs a computation and records its duration (`dashboard.compute` in the bench sums them). */
function timed<T>(compute: () => T): T {
  const start = performance.now();
  const result = compute();
  performance.measure('pursuit:dashboard-compute', { start, end: performance.now() });
  return result;
}

/** A tooltip listing each series' exact figure (every text escaped: tooltips are HTML). */
function tooltip(title: string, lines: readonly (readonly [string, string])[]): string {
  return [
    `<strong>${escapeHtml(title)}</strong>`,
    ...lines.map(([name, value]) => `${escapeHtml(name)}: <b>${escapeHtml(value)}</b>`),
  ].join('<br/>');
}

function axisIndex(params: unknown): number {
  const first = Array.isArray(params) ? (params[0] as unknown) : params;
  return typeof first === 'object' && first !== null && 'dataIndex' in first
    ? Number((first as { dataIndex: number }).dataIndex)
    : 0;
}

export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { t: tc } = useTranslation('compensation');
  const { t: th } = useTranslation('health');
  const [language] = useLanguage();
  const format = useFormat();
  const { message } = App.useApp();
  const { db, env } = useDatabaseContext();
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  const records = useDashboardRecords();
  // Health is rated off the window's thread and fills in after the figures.
  const health = usePortfolioHealth(today, records !== undefined);
  const snapshots = useReviewSnapshots();
  const settings = useSettings();

  const [filter, setFilter] = useState<DashboardFilter>(NO_FILTER);
  const [bucketKind, setBucketKind] = useState<'month' | 'quarter'>('quarter');
  const [snapshotId, setSnapshotId] = useState<string | null>(null);
  const [reviewOpen, setReviewOpen] = useState(false);
  const [reviewName, setReviewName] = useState('');
  const [reviewError, setReviewError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [pageSize, setPageSize] = useState<PageSize>('A4');

  const spend = useMemo(
    () =>
      records && settings
        ? timed(() =>
            dealSpend({
              deals: records.deals,
              budgetLines: records.budgetLines,
              costEntries: records.costEntries,
              timeEntries: records.timeEntries,
              people: records.people,
              roles: records.roles,
              today,
              roundingMode: settings.roundingMode,
            }),
          )
        : null,
    [records, settings, today],
  );
  const figures = useMemo(
    () =>
      records && settings && spend
        ? timed(() =>
            computeDashboard({
              deals: records.deals,
              stages: records.stages,
              moves: records.moves,
              spend,
              baseCurrency: settings.baseCurrency,
              fiscalYearStartMonth: settings.fiscalYearStartMonth,
              filter,
            }),
          )
        : null,
    [records, settings, spend, filter],
  );
  const current = useMemo(
    () =>
      records && spend && health
        ? timed(() =>
            snapshotDeals({
              deals: records.deals,
              risks: records.risks,
              spend,
              health: new Map([...health].map(([id, h]) => [id, h.level])),
            }),
          )
        : null,
    [records, spend, health],
  );
  const snapshot: ReviewSnapshot | null =
    snapshots?.find((s) => s.id === snapshotId) ?? snapshots?.[0] ?? null;
  const diff = useMemo(
    () => (snapshot && current ? diffSnapshot(snapshot.deals, current) : null),
    [snapshot, current],
  );

  // Leaves the print layout once the browser's print dialog closes.
  useEffect(() => {
    const done = () => document.body.classList.remove('printing-dashboard');
    window.addEventListener('afterprint', done);
    return () => {
      window.removeEventListener('afterprint', done);
      done();
    };
  }, []);

  const ready = Boolean(records && settings && figures && snapshots);
  // Marks the first paint with figures (the `dashboard.render` bench waits for it).
  useEffect(() => {
    if (!ready) return;
    const frame = requestAnimationFrame(() => performance.mark('pursuit:dashboard-rendered'));
    return () => cancelAnimationFrame(frame);
  }, [ready]);

  if (!records || !settings || !figures || !snapshots) {
    return (
      <Flex flex={1} align="center" justify="center" aria-busy="true">
        <Spin />
      </Flex>
    );
  }

  const currency = settings.baseCurrency;
  const money = (minor: number) => format.money(minor, currency);
  const stageName = (id: string) => {
    const stage = records.stages.find((s) => s.id === id);
    return stage ? (language === 'en' ? stage.name.en : stage.name.zh) : id;
  };
  const people = new Map<string, string>(records.people.map((p) => [p.id, p.name]));
  const accounts = new Map<string, string>(records.accounts.map((a) => [a.id, a.name]));
  const dealOf = new Map(records.deals.map((deal) => [deal.id, deal]));
  const filteredIds = new Set<string>(figures.deals.map((deal) => deal.id));
  const riskById = new Map<string, Risk>(records.risks.map((risk) => [risk.id, risk]));
  const topRisks = topRisksByExposure(
    records.risks.filter(
      (risk) => filteredIds.has(risk.dealId) && dealOf.get(risk.dealId)?.status === 'open',
    ),
    TOP_RISKS,
  );
  const atRisk =
    health &&
    figures.deals
      .filter((deal) => deal.status === 'open')
      .map((deal) => ({ deal, health: health.get(deal.id) }))
      .filter(
        (row): row is { deal: (typeof figures.deals)[number]; health: DealHealth } =>
          row.health !== undefined && row.health.level !== 'green',
      )
      .sort(
        (a, b) =>
          compareHealthLevels(b.health.level, a.health.level) ||
          b.health.reasons.length - a.health.reasons.length ||
          (a.deal.code < b.deal.code ? -1 : 1),
      );
  const liveStages = records.stages
    .filter((s) => s.deletedAt === null)
    .sort((a, b) => a.order - b.order);
  const periodText = (period: Period) => periodLabel(tc, period);
  const filterSummary = [
    filter.period ? periodText(filter.period) : t('filters.allPeriods'),
    filter.ownerId ? `${t('filters.owner')} ${people.get(filter.ownerId) ?? ''}` : null,
    filter.accountId ? `${t('filters.account')} ${accounts.get(filter.accountId) ?? ''}` : null,
    filter.stageId ? `${t('filters.stage')} ${stageName(filter.stageId)}` : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');

  // ---- Weighted pipeline ---------------------------------------------------------------
  const buckets: readonly PipelineBucket[] =
    bucketKind === 'month' ? figures.pipeline.months : figures.pipeline.quarters;
  const bucketLabels = buckets.map((bucket) => periodText(bucket.period));
  const pipelineOption: ChartOption = {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: OPEN_CATEGORIES.map((c) => t(`pipeline.category.${c}`)) },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const bucket = buckets[axisIndex(params)];
        if (!bucket) return '';
        return tooltip(periodText(bucket.period), [
          ...OPEN_CATEGORIES.map(
            (c) => [t(`pipeline.category.${c}`), money(bucket.byCategory[c])] as const,
          ),
          [t('pipeline.total'), money(bucket.totalMinor)],
          [t('pipeline.deals'), format.number(bucket.deals)],
        ]);
      },
    },
    xAxis: { type: 'category', data: bucketLabels },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (value: number) => format.money(value, currency, { compact: true }) },
    },
    series: OPEN_CATEGORIES.map((c) => ({
      type: 'bar',
      stack: 'weighted',
      name: t(`pipeline.category.${c}`),
      itemStyle: { color: CATEGORY_COLORS[c] },
      data: buckets.map((bucket) => bucket.byCategory[c]),
    })),
  };

  // ---- Funnel and time in stage --------------------------------------------------------
  const funnelNames = figures.funnel.map((step) =>
    step.stageId === null ? t('funnel.won') : stageName(step.stageId),
  );
  const funnelOption: ChartOption = {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = axisIndex(params);
        const step = figures.funnel[i];
        if (!step) return '';
        return tooltip(funnelNames[i] ?? '', [
          [t('funnel.reached'), format.number(step.reached)],
          ...(step.conversion === null
            ? []
            : [[t('funnel.conversion'), format.percent(step.conversion, 1)] as const]),
        ]);
      },
    },
    yAxis: { type: 'category', inverse: true, data: funnelNames },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('funnel.reached'),
        itemStyle: { color: '#1677ff' },
        label: { show: true, position: 'right' },
        data: figures.funnel.map((step) => step.reached),
      },
    ],
  };
  const days = (value: number | null) =>
    value === null ? t('kpi.none') : format.number(value, { maximumFractionDigits: 1 });
  const timeNames = figures.timeInStage.map((row) => stageName(row.stage.id));
  const timeOption: ChartOption = {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = axisIndex(params);
        const row = figures.timeInStage[i];
        if (!row) return '';
        return tooltip(timeNames[i] ?? '', [
          [t('time.average'), days(row.averageDays)],
          [t('time.stays'), format.number(row.stays)],
        ]);
      },
    },
    yAxis: { type: 'category', inverse: true, data: timeNames },
    xAxis: { type: 'value' },
    series: [
      {
        type: 'bar',
        name: t('time.average'),
        itemStyle: { color: '#722ed1' },
        data: figures.timeInStage.map((row) =>
          row.averageDays === null ? 0 : Math.round(row.averageDays * 10) / 10,
        ),
      },
    ],
  };

  // ---- Cost ----------------------------------------------------------------------------
  const costNames = figures.cost.byStage.map((row) => stageName(row.stage.id));
  const costOption: ChartOption = {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: [t('cost.budget'), t('cost.spent')] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = axisIndex(params);
        const row = figures.cost.byStage[i];
        if (!row) return '';
        return tooltip(costNames[i] ?? '', [
          [t('cost.budget'), money(row.budgetMinor)],
          [t('cost.spent'), money(row.actualMinor)],
        ]);
      },
    },
    xAxis: { type: 'category', data: costNames, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (value: number) => format.money(value, currency, { compact: true }) },
    },
    series: [
      {
        type: 'bar',
        name: t('cost.budget'),
        itemStyle: { color: '#bfbfbf' },
        data: figures.cost.byStage.map((row) => row.budgetMinor),
      },
      {
        type: 'bar',
        name: t('cost.spent'),
        itemStyle: { color: '#fa8c16' },
        data: figures.cost.byStage.map((row) => row.actualMinor),
      },
    ],
  };

  const reasonText = (reason: HealthReason): string => describeReason(reason, th, format);

  // ---- Review --------------------------------------------------------------------------
  const openReview = () => {
    setReviewName(t('review.defaultName', { date: format.date(today) }));
    setReviewError(null);
    setReviewOpen(true);
  };
  const saveReview = async () => {
    if (reviewName.trim() === '') {
      setReviewError(t('review.nameRequired'));
      return;
    }
    if (current === null) return;
    setSaving(true);
    try {
      const saved = await startReview(db, env, {
        name: reviewName,
        takenOn: today,
        baseCurrency: currency,
        deals: current,
      });
      setSnapshotId(saved.id);
      setReviewOpen(false);
      message.success(t('review.started', { name: saved.name }));
    } catch (error) {
      message.error(
        t('review.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setSaving(false);
    }
  };

  const exportPack = async () => {
    document.body.classList.add('printing-dashboard');
    const style = document.createElement('style');
    style.dataset.dashboardPage = 'true';
    style.textContent = `@page { size: ${pageSize === 'A4' ? 'A4' : 'letter'}; margin: 12mm; }`;
    document.head.querySelectorAll('style[data-dashboard-page]').forEach((s) => s.remove());
    document.head.append(style);
    try {
      const outcome = await getPlatform().printToPdf({
        suggestedName: exportFileName('review-pack', 'dashboard', today, 'pdf'),
        pageSize,
        landscape: false,
      });
      if (outcome.status === 'saved') {
        message.success(t('pack.saved', { file: outcome.fileName }));
      }
      if (outcome.status !== 'printDialog') document.body.classList.remove('printing-dashboard');
    } catch (error) {
      document.body.classList.remove('printing-dashboard');
      message.error(
        t('pack.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  const ownerOptions = [...records.people]
    .filter((p) => p.deletedAt === null)
    .sort((a, b) => a.name.localeCompare(b.name, format.locale))
    .map((p) => ({ value: p.id, label: p.name }));
  const accountOptions = [...records.accounts]
    .sort((a, b) => a.name.localeCompare(b.name, format.locale))
    .map((a) => ({ value: a.id, label: a.name }));
  const fiscalYear = fiscalYearOf(today, settings.fiscalYearStartMonth);

  return (
    <Flex vertical gap={16} style={{ padding: 16 }} className="dashboard-page">
      <div className="dashboard-pack-header">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('pack.title')} · {settings.companyName}
        </Typography.Title>
        <Typography.Text>
          {t('pack.generated', { date: format.date(today) })} ·{' '}
          {t('pack.filters', { filters: filterSummary })}
        </Typography.Text>
      </div>
      <Flex align="baseline" gap={12} wrap className="dashboard-no-print">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
        <Flex flex={1} />
        <Button
          icon={<FlagOutlined />}
          onClick={openReview}
          disabled={current === null}
          loading={current === null}
        >
          {t('review.start')}
        </Button>
        <Select
          aria-label={t('pack.pageSize')}
          value={pageSize}
          onChange={setPageSize}
          style={{ width: 100 }}
          options={[
            { value: 'A4', label: 'A4' },
            { value: 'Letter', label: 'Letter' },
          ]}
        />
        <Button type="primary" icon={<FilePdfOutlined />} onClick={() => void exportPack()}>
          {t('pack.export')}
        </Button>
      </Flex>

      <Card size="small" className="dashboard-no-print" aria-label={t('filters.label')}>
        <Flex gap={12} wrap align="center">
          <Select
            aria-label={t('filters.period')}
            style={{ width: 140 }}
            value={filter.period === null ? 'all' : 'one'}
            onChange={(value) =>
              setFilter({
                ...filter,
                period: value === 'all' ? null : { kind: 'quarter', fiscalYear, index: 1 },
              })
            }
            options={[
              { value: 'all', label: t('filters.allPeriods') },
              { value: 'one', label: t('filters.choosePeriod') },
            ]}
          />
          {filter.period !== null && (
            <PeriodPicker
              value={filter.period}
              onChange={(period) => setFilter({ ...filter, period })}
              fiscalYearStartMonth={settings.fiscalYearStartMonth}
              currentYear={fiscalYear}
            />
          )}
          <Select
            aria-label={t('filters.owner')}
            placeholder={`${t('filters.owner')}: ${t('filters.any')}`}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 180 }}
            value={filter.ownerId ?? undefined}
            onChange={(value?: string) =>
              setFilter({ ...filter, ownerId: (value ?? null) as PersonId | null })
            }
            options={ownerOptions}
          />
          <Select
            aria-label={t('filters.account')}
            placeholder={`${t('filters.account')}: ${t('filters.any')}`}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            value={filter.accountId ?? undefined}
            onChange={(value?: string) =>
              setFilter({ ...filter, accountId: (value ?? null) as AccountId | null })
            }
            options={accountOptions}
          />
          <Select
            aria-label={t('filters.stage')}
            placeholder={`${t('filters.stage')}: ${t('filters.any')}`}
            allowClear
            style={{ width: 160 }}
            value={filter.stageId ?? undefined}
            onChange={(value?: string) =>
              setFilter({ ...filter, stageId: (value ?? null) as StageId | null })
            }
            options={liveStages.map((s) => ({ value: s.id, label: stageName(s.id) }))}
          />
          <Button onClick={() => setFilter(NO_FILTER)}>{t('filters.clear')}</Button>
        </Flex>
      </Card>

      <Flex gap={16} wrap data-testid="dashboard-kpis">
        <Card size="small" style={{ flex: '1 1 200px' }}>
          <Statistic
            title={t('kpi.weighted')}
            value={money(figures.pipeline.totalMinor)}
            data-testid="kpi-weighted"
          />
        </Card>
        <Card size="small" style={{ flex: '1 1 200px' }}>
          <Statistic
            title={t('kpi.winRate')}
            value={figures.winRate === null ? t('kpi.none') : format.percent(figures.winRate, 1)}
            data-testid="kpi-win-rate"
          />
          <Typography.Text type="secondary">
            {t('kpi.winRateHelp', { won: figures.won, lost: figures.lost })}
          </Typography.Text>
        </Card>
        <Card size="small" style={{ flex: '1 1 200px' }}>
          <Statistic
            title={t('kpi.cycle')}
            value={
              figures.averageCycleDays === null
                ? t('kpi.none')
                : t('kpi.cycleDays', { days: days(figures.averageCycleDays) })
            }
          />
          <Typography.Text type="secondary">{t('kpi.cycleHelp')}</Typography.Text>
        </Card>
        <Card size="small" style={{ flex: '1 1 200px' }}>
          <Statistic
            title={t('kpi.costOfSale')}
            value={
              figures.cost.costOfSalePct === null
                ? t('kpi.none')
                : format.percent(figures.cost.costOfSalePct / 100, 1)
            }
          />
          <Typography.Text type="secondary">{t('kpi.costOfSaleHelp')}</Typography.Text>
        </Card>
        <Card size="small" style={{ flex: '1 1 200px' }}>
          <Statistic title={t('kpi.spent')} value={money(figures.cost.actualMinor)} />
          <Typography.Text type="secondary">
            {t('kpi.spentOfBudget', { budget: money(figures.cost.budgetMinor) })}
          </Typography.Text>
        </Card>
      </Flex>

      <ChartCard
        title={t('pipeline.title')}
        testId="chart-pipeline"
        extra={
          <Select
            size="small"
            aria-label={t('pipeline.period')}
            value={bucketKind}
            onChange={setBucketKind}
            style={{ width: 110 }}
            options={[
              { value: 'quarter', label: t('pipeline.quarter') },
              { value: 'month', label: t('pipeline.month') },
            ]}
          />
        }
        chart={
          buckets.length === 0 ? (
            <Typography.Text type="secondary">{t('pipeline.empty')}</Typography.Text>
          ) : (
            <EChart option={pipelineOption} height={300} label={t('pipeline.title')} />
          )
        }
        table={
          <Table<PipelineBucket>
            size="small"
            rowKey={(bucket) => periodKey(bucket.period)}
            aria-label={t('pipeline.title')}
            pagination={false}
            dataSource={[...buckets]}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'period',
                title: t('pipeline.period'),
                render: (_: unknown, b: PipelineBucket) => periodText(b.period),
              },
              ...OPEN_CATEGORIES.map((c) => ({
                key: c,
                title: t(`pipeline.category.${c}`),
                align: 'right' as const,
                render: (_: unknown, b: PipelineBucket) => money(b.byCategory[c]),
              })),
              {
                key: 'total',
                title: t('pipeline.total'),
                align: 'right' as const,
                render: (_: unknown, b: PipelineBucket) => money(b.totalMinor),
              },
              {
                key: 'deals',
                title: t('pipeline.deals'),
                align: 'right' as const,
                render: (_: unknown, b: PipelineBucket) => format.number(b.deals),
              },
            ]}
          />
        }
        footer={
          <Typography.Text type="secondary">
            {[
              figures.pipeline.undated > 0
                ? t('pipeline.undated', { count: figures.pipeline.undated })
                : null,
              figures.pipeline.otherCurrency > 0
                ? t('pipeline.otherCurrency', {
                    count: figures.pipeline.otherCurrency,
                    currency,
                  })
                : null,
            ]
              .filter(Boolean)
              .join(' ')}
          </Typography.Text>
        }
      />

      <Flex gap={16} wrap align="stretch">
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <ChartCard
            title={t('funnel.title')}
            testId="chart-funnel"
            chart={<EChart option={funnelOption} height={260} label={t('funnel.title')} />}
            table={
              <Table
                size="small"
                rowKey={(row) => row.stageId ?? 'won'}
                aria-label={t('funnel.title')}
                pagination={false}
                dataSource={figures.funnel.map((step, i) => ({ ...step, name: funnelNames[i] }))}
                columns={[
                  { key: 'stage', title: t('funnel.stage'), dataIndex: 'name' },
                  {
                    key: 'reached',
                    title: t('funnel.reached'),
                    align: 'right',
                    render: (_: unknown, row) => format.number(row.reached),
                  },
                  {
                    key: 'conversion',
                    title: t('funnel.conversion'),
                    align: 'right',
                    render: (_: unknown, row) =>
                      row.conversion === null ? t('kpi.none') : format.percent(row.conversion, 1),
                  },
                ]}
              />
            }
            footer={<Typography.Text type="secondary">{t('funnel.help')}</Typography.Text>}
          />
        </div>
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <ChartCard
            title={t('time.title')}
            testId="chart-time"
            chart={<EChart option={timeOption} height={260} label={t('time.title')} />}
            table={
              <Table
                size="small"
                rowKey={(row) => row.stage.id}
                aria-label={t('time.title')}
                pagination={false}
                dataSource={figures.timeInStage.map((row, i) => ({ ...row, name: timeNames[i] }))}
                columns={[
                  { key: 'stage', title: t('time.stage'), dataIndex: 'name' },
                  {
                    key: 'average',
                    title: t('time.average'),
                    align: 'right',
                    render: (_: unknown, row) => days(row.averageDays),
                  },
                  {
                    key: 'stays',
                    title: t('time.stays'),
                    align: 'right',
                    render: (_: unknown, row) => format.number(row.stays),
                  },
                ]}
              />
            }
            footer={<Typography.Text type="secondary">{t('time.help')}</Typography.Text>}
          />
        </div>
      </Flex>

      <ChartCard
        title={t('cost.title')}
        testId="chart-cost"
        chart={
          figures.cost.byStage.length === 0 ? (
            <Typography.Text type="secondary">{t('cost.empty')}</Typography.Text>
          ) : (
            <EChart option={costOption} height={280} label={t('cost.title')} />
          )
        }
        table={
          <Table
            size="small"
            rowKey={(row) => row.stage.id}
            aria-label={t('cost.title')}
            pagination={false}
            dataSource={figures.cost.byStage.map((row, i) => ({ ...row, name: costNames[i] }))}
            columns={[
              { key: 'stage', title: t('cost.stage'), dataIndex: 'name' },
              {
                key: 'budget',
                title: t('cost.budget'),
                align: 'right',
                render: (_: unknown, row) => money(row.budgetMinor),
              },
              {
                key: 'spent',
                title: t('cost.spent'),
                align: 'right',
                render: (_: unknown, row) => money(row.actualMinor),
              },
            ]}
          />
        }
      />

      <RenewalsCard today={today} noticeDays={settings.thresholds.renewalNoticeDays} />

      <Card size="small" title={t('risks.title')} className="dashboard-card">
        {topRisks.length === 0 ? (
          <Typography.Text type="secondary">{t('risks.empty')}</Typography.Text>
        ) : (
          <Table<Risk>
            size="small"
            rowKey="id"
            aria-label={t('risks.title')}
            pagination={false}
            dataSource={topRisks}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'title',
                title: t('risks.risk'),
                render: (_: unknown, risk: Risk) => (
                  <span style={{ overflowWrap: 'anywhere' }}>{risk.title}</span>
                ),
              },
              {
                key: 'deal',
                title: t('risks.deal'),
                render: (_: unknown, risk: Risk) => {
                  const deal = dealOf.get(risk.dealId);
                  return deal ? (
                    <Link
                      to={`/deals/${deal.id}/risks`}
                      aria-label={t('risks.openDeal', { code: deal.code })}
                    >
                      <Typography.Text type="secondary">{deal.code}</Typography.Text> {deal.name}
                    </Link>
                  ) : null;
                },
              },
              {
                key: 'score',
                title: t('risks.score'),
                align: 'right',
                render: (_: unknown, risk: Risk) => format.number(riskScore(risk)),
              },
              {
                key: 'exposure',
                title: t('risks.exposure'),
                align: 'right',
                render: (_: unknown, risk: Risk) =>
                  format.money(risk.exposure.amountMinor, risk.exposure.currency),
              },
            ]}
          />
        )}
      </Card>

      <Card
        size="small"
        title={
          atRisk ? `${t('atRisk.title')} (${format.number(atRisk.length)})` : t('atRisk.title')
        }
        className="dashboard-card"
        data-testid="deals-at-risk"
      >
        {atRisk === undefined ? (
          <Flex justify="center" aria-busy="true">
            <Spin />
          </Flex>
        ) : atRisk.length === 0 ? (
          <Typography.Text type="secondary">{t('atRisk.empty')}</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey={(row) => row.deal.id}
            aria-label={t('atRisk.title')}
            dataSource={atRisk}
            pagination={atRisk.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
            columns={[
              {
                key: 'deal',
                title: t('atRisk.deal'),
                width: 320,
                render: (_: unknown, row) => (
                  <Link to={`/deals/${row.deal.id}`}>
                    <Typography.Text type="secondary">{row.deal.code}</Typography.Text>{' '}
                    {row.deal.name}
                  </Link>
                ),
              },
              {
                key: 'level',
                title: t('atRisk.level'),
                width: 90,
                render: (_: unknown, row) => (
                  <Tag color={row.health.level === 'red' ? 'error' : 'warning'}>
                    {t(`atRisk.levels.${row.health.level}`)}
                  </Tag>
                ),
              },
              {
                key: 'reasons',
                title: t('atRisk.reasons'),
                render: (_: unknown, row) => (
                  <Flex vertical gap={2}>
                    {row.health.reasons.map((reason) => (
                      <span key={reason.code} style={{ overflowWrap: 'anywhere' }}>
                        {reasonText(reason)}
                      </span>
                    ))}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>

      <ReviewCard
        snapshots={snapshots}
        snapshot={snapshot}
        diff={diff}
        pending={snapshot !== null && diff === null}
        onPick={setSnapshotId}
        stageName={stageName}
        riskTitle={(id) => riskById.get(id)?.title ?? id}
        today={today}
      />

      <Modal
        open={reviewOpen}
        title={t('review.startTitle')}
        okText={t('review.start')}
        confirmLoading={saving}
        onOk={() => void saveReview()}
        onCancel={() => setReviewOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('review.startHelp')}</Typography.Paragraph>
        <Form layout="vertical" onFinish={() => void saveReview()}>
          <Form.Item
            label={t('review.name')}
            htmlFor="review-name"
            validateStatus={reviewError ? 'error' : undefined}
            help={reviewError}
          >
            <Input
              id="review-name"
              autoFocus
              maxLength={200}
              value={reviewName}
              onChange={(event) => {
                setReviewName(event.target.value);
                setReviewError(null);
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

interface ChangeRow {
  readonly key: string;
  readonly kind: keyof SnapshotDiff;
  readonly dealId: string;
  readonly code: string;
  readonly name: string;
  readonly change: string;
}

interface ReviewCardProps {
  readonly snapshots: readonly ReviewSnapshot[];
  readonly snapshot: ReviewSnapshot | null;
  readonly diff: SnapshotDiff | null;
  /** The comparison waits for today's deal health. */
  readonly pending: boolean;
  readonly onPick: (id: string) => void;
  readonly stageName: (id: string) => string;
  readonly riskTitle: (id: string) => string;
  readonly today: PlanDate;
}

const KIND_COLORS: Partial<Record<keyof SnapshotDiff, string>> = {
  added: 'blue',
  won: 'success',
  lost: 'error',
  slipped: 'warning',
  newRisks: 'volcano',
  removed: 'default',
};

/** The snapshot picker and what changed since the chosen review. */
function ReviewCard({
  snapshots,
  snapshot,
  diff,
  pending,
  onPick,
  stageName,
  riskTitle,
}: ReviewCardProps) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const levelName = (level: string | null) =>
    level === 'green' || level === 'amber' || level === 'red'
      ? t(`atRisk.levels.${level}`)
      : (level ?? '');
  const rows: ChangeRow[] = [];
  if (diff !== null) {
    const push = (
      kind: keyof SnapshotDiff,
      deal: { dealId: string; code: string; name: string },
      change: string,
      suffix = '',
    ) =>
      rows.push({
        key: `${kind}-${deal.dealId}${suffix}`,
        kind,
        dealId: deal.dealId,
        code: deal.code,
        name: deal.name,
        change,
      });
    diff.added.forEach((d) => push('added', d, ''));
    diff.won.forEach((d) => push('won', d, ''));
    diff.lost.forEach((d) => push('lost', d, ''));
    diff.otherClosed.forEach((d) =>
      push('otherClosed', d, t(`review.status.${d.after as 'no_bid'}`)),
    );
    diff.slipped.forEach((d) =>
      push(
        'slipped',
        d,
        t('review.slip', {
          field: t(`review.slipField.${d.field}`),
          before: format.date(d.before),
          after: format.date(d.after),
        }),
        d.field,
      ),
    );
    diff.pwin.forEach((d) =>
      push('pwin', d, t('review.arrow', { before: `${d.before}%`, after: `${d.after}%` })),
    );
    diff.value.forEach((d) =>
      push(
        'value',
        d,
        t('review.arrow', {
          before: format.money(d.before.amountMinor, d.before.currency),
          after: format.money(d.after.amountMinor, d.after.currency),
        }),
      ),
    );
    diff.stage.forEach((d) =>
      push(
        'stage',
        d,
        t('review.arrow', { before: stageName(d.before), after: stageName(d.after) }),
      ),
    );
    diff.health.forEach((d) =>
      push(
        'health',
        d,
        t('review.arrow', { before: levelName(d.before), after: levelName(d.after) }),
      ),
    );
    diff.newRisks.forEach((d) => push('newRisks', d, riskTitle(d.riskId), d.riskId));
    diff.removed.forEach((d) => push('removed', d, ''));
  }
  return (
    <Card
      size="small"
      className="dashboard-card"
      data-testid="review-changes"
      title={
        snapshot
          ? t('review.since', { name: snapshot.name, date: format.date(snapshot.takenOn) })
          : t('review.title')
      }
      extra={
        snapshots.length > 0 && (
          <Select
            className="dashboard-no-print"
            aria-label={t('review.snapshot')}
            placeholder={t('review.chooseSnapshot')}
            style={{ width: 280 }}
            value={snapshot?.id}
            onChange={onPick}
            options={snapshots.map((s) => ({
              value: s.id,
              label: t('review.takenOn', { name: s.name, date: format.dateTime(s.takenAt) }),
            }))}
          />
        )
      }
    >
      {snapshot === null ? (
        <Typography.Text type="secondary">{t('review.none')}</Typography.Text>
      ) : pending ? (
        <Flex justify="center" aria-busy="true">
          <Spin />
        </Flex>
      ) : rows.length === 0 ? (
        <Typography.Text type="secondary">{t('review.nothing')}</Typography.Text>
      ) : (
        <Table<ChangeRow>
          size="small"
          rowKey="key"
          aria-label={t('review.since', {
            name: snapshot.name,
            date: format.date(snapshot.takenOn),
          })}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={[
            {
              key: 'kind',
              title: t('review.kind'),
              width: 110,
              render: (_: unknown, row: ChangeRow) => (
                <Tag color={KIND_COLORS[row.kind]}>{t(`review.kinds.${row.kind}`)}</Tag>
              ),
            },
            {
              key: 'deal',
              title: t('review.deal'),
              render: (_: unknown, row: ChangeRow) =>
                row.kind === 'removed' ? (
                  <span>
                    <Typography.Text type="secondary">{row.code}</Typography.Text> {row.name}
                  </span>
                ) : (
                  <Link to={`/deals/${row.dealId}`}>
                    <Typography.Text type="secondary">{row.code}</Typography.Text> {row.name}
                  </Link>
                ),
            },
            {
              key: 'change',
              title: t('review.change'),
              render: (_: unknown, row: ChangeRow) => (
                <span style={{ overflowWrap: 'anywhere' }}>{row.change}</span>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
