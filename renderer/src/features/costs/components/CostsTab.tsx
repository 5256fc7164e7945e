import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Popconfirm,
  Row,
  Spin,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { CostCategory, CostEntry } from '@shared/domain/cost';
import { parsePlanDate } from '@shared/domain/dates';
import type { PersonId, RoleId, TaskId } from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import type { TimeEntry } from '@shared/domain/time-entry';
import type { CategoryFigures } from '@shared/cost/rollup';
import { dealCostFigures, timeEntryCost } from '@shared/cost/rollup';
import type { DealTabProps } from '@renderer/features/deal/tabs';
import { useDealCostRecords } from '@renderer/db/hooks/costs';
import { useSettings } from '@renderer/db/hooks/queries';
import { useDealStaffing } from '@renderer/db/hooks/resources';
import { useFormat } from '@renderer/i18n/useFormat';
import {
  BudgetDialog,
  CostEntryDialog,
  TimeEntryDialog,
} from '@renderer/features/costs/components/CostDialogs';
import { CostSheetExport } from '@renderer/features/costs/components/CostSheetExport';
import { useCostActions } from '@renderer/features/costs/hooks/useCostActions';

type EntryDialog<T> = { readonly open: false } | { readonly open: true; readonly entry: T | null };

/**
 * A deal's pursuit cost: the figures (budget, committed, actual, EAC, variance, burn against the
 * plan's progress, cost of sale, expected value) with warnings from the Settings thresholds, the
 * budget per category, the cost entries and the time log.
 */
export default function CostsTab({ deal }: DealTabProps) {
  const { t } = useTranslation('costs');
  const format = useFormat();
  const records = useDealCostRecords(deal.id);
  const staffing = useDealStaffing(deal.id);
  const settings = useSettings();
  const actions = useCostActions();
  const [budgetCategory, setBudgetCategory] = useState<CostCategory | null>(null);
  const [costDialog, setCostDialog] = useState<EntryDialog<CostEntry>>({ open: false });
  const [timeDialog, setTimeDialog] = useState<EntryDialog<TimeEntry>>({ open: false });
  const [exporting, setExporting] = useState(false);
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  const currency = deal.value.currency;

  const figures = useMemo(
    () =>
      records && staffing && settings
        ? dealCostFigures({
            deal,
            budgetLines: records.budgetLines,
            costEntries: records.costEntries,
            timeEntries: records.timeEntries,
            assignments: staffing.assignments,
            tasks: staffing.tasks,
            people: records.people,
            roles: records.roles,
            today,
            thresholds: settings.thresholds,
            roundingMode: settings.roundingMode,
          })
        : null,
    [records, staffing, settings, deal, today],
  );

  if (!records || !staffing || !settings || !figures) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }

  const money = (amount: Money) => format.money(amount.amountMinor, amount.currency);
  const pct = (value: number | null, digits = 1) =>
    value === null ? t('figures.none') : format.percent(value / 100, digits);
  const personById = new Map<PersonId, (typeof records.people)[number]>(
    records.people.map((p) => [p.id, p]),
  );
  const roleById = new Map<RoleId, (typeof records.roles)[number]>(
    records.roles.map((r) => [r.id, r]),
  );
  const taskById = new Map<TaskId, string>(staffing.tasks.map((task) => [task.id, task.name]));
  const excluded = new Set(figures.excluded.map((item) => item.id));
  const thresholds = settings.thresholds;
  const lineNotes = (category: CostCategory) =>
    records.budgetLines
      .filter((line) => line.category === category && line.note !== '')
      .map((line) => line.note)
      .join('; ');

  const figure = (
    key: string,
    title: string,
    help: string,
    value: string,
    tone?: 'danger' | 'success',
  ) => (
    <Col xs={12} md={8} xl={6} key={key}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic
          title={
            <Tooltip title={help}>
              <span>{title}</span>
            </Tooltip>
          }
          valueRender={() => (
            <Typography.Text
              strong
              type={tone}
              style={{ fontSize: 18 }}
              data-testid={`cost-figure-${key}`}
            >
              {value}
            </Typography.Text>
          )}
        />
      </Card>
    </Col>
  );

  return (
    <Flex vertical gap={16} style={{ padding: 16 }}>
      {figures.warnings.overBudget && (
        <Alert
          type="error"
          showIcon
          data-testid="cost-warning-over-budget"
          title={
            figures.warnings.eacOverBudget
              ? t('warnings.overBudget', {
                  eac: money(figures.eac),
                  budget: money(figures.budget),
                  pct: pct(percentOf(figures.eac, figures.budget)),
                  threshold: format.number(thresholds.budgetWarnPct),
                })
              : t('warnings.budgetSpent', {
                  actual: money(figures.actual),
                  budget: money(figures.budget),
                  pct: pct(percentOf(figures.actual, figures.budget)),
                  threshold: format.number(thresholds.budgetWarnPct),
                })
          }
        />
      )}
      {figures.warnings.costOfSale && (
        <Alert
          type="warning"
          showIcon
          data-testid="cost-warning-cost-of-sale"
          title={t('warnings.costOfSale', {
            pct: pct(figures.costOfSalePct, 2),
            threshold: format.number(thresholds.costOfSaleWarnPct),
          })}
        />
      )}
      {figures.excluded.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('warnings.excluded', {
            count: figures.excluded.length,
            currency,
            list: [...new Set(figures.excluded.map((item) => item.currency))].join(', '),
          })}
        />
      )}
      {figures.budget.amountMinor === 0 && (
        <Alert type="info" showIcon title={t('warnings.noBudget')} />
      )}

      <Flex justify="flex-end">
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => setExporting(true)}>
          {t('sheet.button')}
        </Button>
      </Flex>
      {exporting && (
        <CostSheetExport
          deal={deal}
          byCategory={figures.byCategory}
          costEntries={records.costEntries}
          timeEntries={records.timeEntries}
          people={records.people}
          roles={records.roles}
          taskNames={taskById}
          roundingMode={settings.roundingMode}
          onClose={() => setExporting(false)}
        />
      )}
      <Row gutter={[12, 12]} aria-label={t('figures.title')}>
        {figure('budget', t('figures.budget'), t('figures.budgetHelp'), money(figures.budget))}
        {figure(
          'committed',
          t('figures.committed'),
          t('figures.committedHelp'),
          money(figures.committed),
        )}
        {figure('actual', t('figures.actual'), t('figures.actualHelp'), money(figures.actual))}
        {figure(
          'eac',
          t('figures.eac'),
          t('figures.eacHelp'),
          money(figures.eac),
          figures.warnings.overBudget ? 'danger' : undefined,
        )}
        {figure(
          'variance',
          t('figures.variance'),
          t('figures.varianceHelp'),
          money(figures.variance),
          figures.variance.amountMinor < 0 ? 'danger' : undefined,
        )}
        {figure(
          'burn',
          t('figures.burn'),
          t('figures.burnHelp'),
          figures.progressPct === null
            ? t('figures.burnOnly', { burn: pct(figures.burnPct, 0) })
            : t('figures.burnValue', {
                burn: pct(figures.burnPct, 0),
                progress: pct(figures.progressPct, 0),
              }),
          figures.burnPct !== null &&
            figures.progressPct !== null &&
            figures.burnPct > figures.progressPct
            ? 'danger'
            : undefined,
        )}
        {figure(
          'cost-of-sale',
          t('figures.costOfSale'),
          t('figures.costOfSaleHelp'),
          pct(figures.costOfSalePct, 2),
          figures.warnings.costOfSale ? 'danger' : undefined,
        )}
        {figure(
          'expected-value',
          t('figures.expectedValue'),
          t('figures.expectedValueHelp'),
          money(figures.expectedValue),
          figures.expectedValue.amountMinor < 0 ? 'danger' : undefined,
        )}
      </Row>

      <Card size="small" title={t('budget.title')}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('budget.planLaborHelp')}
        </Typography.Paragraph>
        <Table<CategoryFigures>
          size="small"
          pagination={false}
          rowKey="category"
          aria-label={t('budget.title')}
          dataSource={[...figures.byCategory]}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'category',
              title: t('budget.columns.category'),
              render: (_, row) => t(`category.${row.category}`),
            },
            {
              key: 'budget',
              title: t('budget.columns.budget'),
              align: 'right',
              render: (_, row) => money(row.budget),
            },
            {
              key: 'plan',
              title: t('budget.columns.plan'),
              align: 'right',
              render: (_, row) => money(row.plan),
            },
            {
              key: 'actual',
              title: t('budget.columns.actual'),
              align: 'right',
              render: (_, row) => (
                <Typography.Text
                  type={row.actual.amountMinor > row.plan.amountMinor ? 'danger' : undefined}
                >
                  {money(row.actual)}
                </Typography.Text>
              ),
            },
            {
              key: 'scheduled',
              title: t('budget.columns.scheduled'),
              align: 'right',
              render: (_, row) => money(row.scheduled),
            },
            {
              key: 'remaining',
              title: t('budget.columns.remaining'),
              align: 'right',
              render: (_, row) => money(row.remaining),
            },
            {
              key: 'note',
              title: t('budget.columns.note'),
              render: (_, row) => (
                <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                  {lineNotes(row.category)}
                </Typography.Text>
              ),
            },
            {
              key: 'actions',
              width: 88,
              render: (_, row) => {
                const label = t(`category.${row.category}`);
                const has = records.budgetLines.some((line) => line.category === row.category);
                return (
                  <Flex gap={2}>
                    <Button
                      type="text"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`${t('budget.edit')} ${label}`}
                      title={t('budget.edit')}
                      onClick={() => setBudgetCategory(row.category)}
                    />
                    {has && (
                      <Popconfirm
                        title={t('budget.removeConfirm', { category: label })}
                        onConfirm={() =>
                          void actions
                            .setBudget(
                              deal.id,
                              row.category,
                              records.budgetLines.filter((l) => l.category === row.category),
                              null,
                            )
                            .catch(() => undefined)
                        }
                      >
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`${t('budget.remove')} ${label}`}
                          title={t('budget.remove')}
                        />
                      </Popconfirm>
                    )}
                  </Flex>
                );
              },
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('budget.total')}</Typography.Text>
              </Table.Summary.Cell>
              {(['budget', 'plan', 'actual', 'scheduled', 'remaining'] as const).map(
                (key, index) => (
                  <Table.Summary.Cell index={index + 1} key={key} align="right">
                    <Typography.Text strong>
                      {money({
                        amountMinor: figures.byCategory.reduce(
                          (sum, row) => sum + row[key].amountMinor,
                          0,
                        ),
                        currency,
                      })}
                    </Typography.Text>
                  </Table.Summary.Cell>
                ),
              )}
              <Table.Summary.Cell index={6} colSpan={2} />
            </Table.Summary.Row>
          )}
        />
      </Card>

      <Card
        size="small"
        title={t('entries.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCostDialog({ open: true, entry: null })}
          >
            {t('entries.add')}
          </Button>
        }
      >
        {records.costEntries.length === 0 ? (
          <Empty description={t('entries.empty')} />
        ) : (
          <Table<CostEntry>
            size="small"
            rowKey="id"
            aria-label={t('entries.title')}
            dataSource={[...records.costEntries]}
            pagination={records.costEntries.length > 20 ? { pageSize: 20 } : false}
            columns={[
              {
                key: 'date',
                title: t('entries.columns.date'),
                render: (_, entry) => (
                  <Flex gap={6} align="center">
                    <span>{format.date(entry.date)}</span>
                    {entry.date > today && <Tag>{t('entries.later')}</Tag>}
                  </Flex>
                ),
              },
              {
                key: 'category',
                title: t('entries.columns.category'),
                render: (_, entry) => t(`category.${entry.category}`),
              },
              {
                key: 'amount',
                title: t('entries.columns.amount'),
                align: 'right',
                render: (_, entry) => (
                  <Typography.Text
                    delete={excluded.has(entry.id)}
                    type={entry.amount.amountMinor < 0 ? 'success' : undefined}
                  >
                    {money(entry.amount)}
                  </Typography.Text>
                ),
              },
              {
                key: 'note',
                title: t('entries.columns.note'),
                render: (_, entry) => <span data-testid="cost-note">{entry.note}</span>,
              },
              {
                key: 'actions',
                width: 88,
                render: (_, entry) => (
                  <Flex gap={2}>
                    <Button
                      type="text"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`${t('entries.edit')} ${entry.date}`}
                      title={t('entries.edit')}
                      onClick={() => setCostDialog({ open: true, entry })}
                    />
                    <Popconfirm
                      title={t('entries.deleteConfirm')}
                      onConfirm={() => void actions.deleteCost(entry).catch(() => undefined)}
                    >
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('entries.delete')} ${entry.date}`}
                        title={t('entries.delete')}
                      />
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>

      <Card
        size="small"
        title={t('time.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setTimeDialog({ open: true, entry: null })}
          >
            {t('time.add')}
          </Button>
        }
      >
        {records.timeEntries.length === 0 ? (
          <Empty description={t('time.empty')} />
        ) : (
          <Table<TimeEntry>
            size="small"
            rowKey="id"
            aria-label={t('time.title')}
            dataSource={[...records.timeEntries]}
            pagination={records.timeEntries.length > 20 ? { pageSize: 20 } : false}
            columns={[
              {
                key: 'person',
                title: t('time.columns.person'),
                render: (_, entry) => personById.get(entry.personId)?.name ?? '—',
              },
              {
                key: 'task',
                title: t('time.columns.task'),
                render: (_, entry) =>
                  entry.taskId === null ? (
                    <Typography.Text type="secondary">{t('time.noTask')}</Typography.Text>
                  ) : (
                    (taskById.get(entry.taskId) ?? '—')
                  ),
              },
              {
                key: 'date',
                title: t('time.columns.date'),
                render: (_, entry) => format.date(entry.date),
              },
              {
                key: 'hours',
                title: t('time.columns.hours'),
                align: 'right',
                render: (_, entry) => format.number(entry.hours),
              },
              {
                key: 'cost',
                title: t('time.columns.cost'),
                align: 'right',
                render: (_, entry) => {
                  const cost = timeEntryCost(entry, personById, roleById, settings.roundingMode);
                  return cost === null ? '—' : money(cost);
                },
              },
              {
                key: 'note',
                title: t('time.columns.note'),
                render: (_, entry) => entry.note,
              },
              {
                key: 'actions',
                width: 88,
                render: (_, entry) => (
                  <Flex gap={2}>
                    <Button
                      type="text"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`${t('time.edit')} ${entry.date}`}
                      title={t('time.edit')}
                      onClick={() => setTimeDialog({ open: true, entry })}
                    />
                    <Popconfirm
                      title={t('time.deleteConfirm')}
                      onConfirm={() => void actions.deleteTime(entry).catch(() => undefined)}
                    >
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('time.delete')} ${entry.date}`}
                        title={t('time.delete')}
                      />
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>

      <BudgetDialog
        dealId={deal.id}
        currency={currency}
        category={budgetCategory}
        lines={records.budgetLines}
        onClose={() => setBudgetCategory(null)}
      />
      <CostEntryDialog
        dealId={deal.id}
        currency={currency}
        open={costDialog.open}
        entry={costDialog.open ? costDialog.entry : null}
        onClose={() => setCostDialog({ open: false })}
      />
      <TimeEntryDialog
        dealId={deal.id}
        open={timeDialog.open}
        entry={timeDialog.open ? timeDialog.entry : null}
        people={records.people}
        tasks={staffing.tasks}
        onClose={() => setTimeDialog({ open: false })}
      />
    </Flex>
  );
}

/** a ÷ b in percent (null when b is not above zero). */
function percentOf(a: Money, b: Money): number | null {
  return b.amountMinor > 0 ? (a.amountMinor * 100) / b.amountMinor : null;
}
