import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Money } from '@shared/domain/money';
import type { Quote, QuoteScenario } from '@shared/domain/quote';
import type { PlanDate } from '@shared/domain/dates';
import type { DealId } from '@shared/domain/ids';
import type { DealHealth } from '@shared/health/health';
import type { ScenarioContext, ScenarioResult } from '@shared/quote/build';
import { compareScenarios, dealFiguresOf } from '@shared/quote/build';
import { healthChange, healthWithFigures } from '@shared/quote/scenario-health';
import type { HealthInput } from '@renderer/db/health/read';
import { useFormat } from '@renderer/i18n/useFormat';
import { HealthBadge } from '@renderer/features/health/components/HealthBadge';
import { describeReason } from '@renderer/features/health/utils/describe';
import { percentText, readPercentBp } from '@renderer/features/quote/utils/inputs';

type MetricKey = 'settings' | 'price' | 'margin' | 'marginPct' | 'expectedValue' | 'health';
const METRICS: readonly MetricKey[] = [
  'settings',
  'price',
  'margin',
  'marginPct',
  'expectedValue',
  'health',
];

interface ScenariosPanelProps {
  quote: Quote;
  editable: boolean;
  context: Omit<ScenarioContext, 'newId'>;
  dealId: DealId;
  /** What the deal's health is rated from (undefined while loading; null: not open). */
  healthInput: HealthInput | null | undefined;
  today: PlanDate;
  onSave: (scenarios: QuoteScenario[]) => Promise<unknown>;
  onApply: (scenario: QuoteScenario) => Promise<unknown>;
}

/**
 * The quote as it stands and each scenario side by side: price, margin, margin %, expected value
 * (Pwin × margin) and the deal's health. Scenarios are stored on the version; their figures are
 * computed here and never stored. A scenario's health is the deal rated with the scenario's price
 * and margin as its value and expected margin (`healthWithFigures`), against the deal as it
 * stands. Applying one makes a new draft version.
 */
export function ScenariosPanel({
  quote,
  editable,
  context,
  dealId,
  healthInput,
  today,
  onSave,
  onApply,
}: ScenariosPanelProps) {
  const { t } = useTranslation('quote');
  const { t: th } = useTranslation('health');
  const format = useFormat();
  const [editing, setEditing] = useState<QuoteScenario | null>(null);
  const [applying, setApplying] = useState<string | null>(null);
  const money = (amount: Money) => format.money(amount.amountMinor, amount.currency);
  const pct = (bp: number) => format.percent(bp / 10_000, bp % 100 === 0 ? 0 : 2);

  const comparison = useMemo(() => {
    let next = 0;
    return compareScenarios(quote.sections, quote.scenarios, {
      ...context,
      newId: () => `what-if-${next++}`,
    });
  }, [quote.sections, quote.scenarios, context]);

  // The deal's health as it stands, and as each scenario would leave it (nothing is written).
  const ratings = useMemo(() => {
    if (!healthInput) return healthInput;
    const input = {
      ...healthInput,
      today,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
    const now = healthWithFigures(input, dealId, null);
    if (now === null) return null;
    return {
      now,
      scenarios: comparison.scenarios.map(
        (result) => healthWithFigures(input, dealId, dealFiguresOf(result)) ?? now,
      ),
    };
  }, [healthInput, today, dealId, comparison]);

  const summary = (scenario: QuoteScenario | null): ReactNode => {
    if (scenario === null) return <Typography.Text type="secondary">—</Typography.Text>;
    const keep = t('scenarios.keep');
    const inScope = quote.sections.filter(
      (section) => !scenario.excludedSectionIds.includes(section.id),
    ).length;
    return (
      <Flex vertical style={{ fontSize: 12 }}>
        <span>
          {t('scenarios.summary.discount', {
            value: scenario.discountBp === null ? keep : pct(scenario.discountBp),
          })}
        </span>
        <span>
          {t('scenarios.summary.margin', {
            value: scenario.marginTargetBp === null ? keep : pct(scenario.marginTargetBp),
          })}
        </span>
        <span>
          {t('scenarios.summary.contingency', {
            value: scenario.contingencyShareBp === null ? keep : pct(scenario.contingencyShareBp),
          })}
        </span>
        <span>
          {t('scenarios.summary.scope', { count: inScope, total: quote.sections.length })}
        </span>
      </Flex>
    );
  };

  const cell = (
    metric: MetricKey,
    result: ScenarioResult,
    scenario: QuoteScenario | null,
  ): ReactNode => {
    const testId = `scenario-${scenario?.id ?? 'baseline'}-${metric}`;
    switch (metric) {
      case 'settings':
        return summary(scenario);
      case 'price':
        return <span data-testid={testId}>{money(result.totals.net)}</span>;
      case 'margin':
        return (
          <Typography.Text
            data-testid={testId}
            type={result.totals.margin.amountMinor < 0 ? 'danger' : undefined}
          >
            {money(result.totals.margin)}
          </Typography.Text>
        );
      case 'marginPct':
        return (
          <span data-testid={testId}>
            {result.totals.marginBp === null ? '—' : pct(result.totals.marginBp)}
          </span>
        );
      case 'expectedValue':
        return <span data-testid={testId}>{money(result.expectedValue)}</span>;
      case 'health':
        if (!ratings) return '—';
        if (scenario === null)
          return (
            <span data-testid={testId}>
              <HealthBadge health={ratings.now} />
            </span>
          );
        return (
          <ScenarioHealth
            testId={testId}
            before={ratings.now}
            after={ratings.scenarios[comparison.scenarios.indexOf(result)] ?? ratings.now}
            describe={(reason) => describeReason(reason, th, format)}
          />
        );
    }
  };

  const remove = (scenario: QuoteScenario) =>
    void onSave(quote.scenarios.filter((other) => other.id !== scenario.id)).catch(() => {});
  const apply = async (scenario: QuoteScenario) => {
    setApplying(scenario.id);
    try {
      await onApply(scenario);
    } catch {
      // shown by the action
    } finally {
      setApplying(null);
    }
  };

  const columns: TableColumnsType<MetricKey> = [
    {
      key: 'metric',
      title: '',
      width: 200,
      render: (_, metric) => (
        <Typography.Text strong>{t(`scenarios.rows.${metric}`)}</Typography.Text>
      ),
    },
    {
      key: 'baseline',
      title: t('scenarios.baseline'),
      align: 'right',
      width: 200,
      render: (_, metric) => cell(metric, comparison.baseline, null),
    },
    ...quote.scenarios.map((scenario, index) => ({
      key: scenario.id,
      align: 'right' as const,
      width: 240,
      title: (
        <Flex vertical align="flex-end" gap={4}>
          <span data-testid="scenario-name">{scenario.name}</span>
          <Space size={0} wrap>
            {editable && (
              <Button
                type="text"
                size="small"
                icon={<EditOutlined aria-hidden />}
                aria-label={t('scenarios.edit', { name: scenario.name })}
                onClick={() => setEditing(scenario)}
              />
            )}
            {editable && (
              <Popconfirm
                title={t('scenarios.remove', { name: scenario.name })}
                onConfirm={() => remove(scenario)}
              >
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('scenarios.remove', { name: scenario.name })}
                />
              </Popconfirm>
            )}
            <Button
              size="small"
              icon={<CheckOutlined aria-hidden />}
              loading={applying === scenario.id}
              aria-label={t('scenarios.apply', { name: scenario.name })}
              onClick={() => void apply(scenario)}
            >
              {t('scenarios.applyButton')}
            </Button>
          </Space>
        </Flex>
      ),
      render: (_: unknown, metric: MetricKey) => {
        const result = comparison.scenarios[index];
        return result ? cell(metric, result, scenario) : null;
      },
    })),
  ];

  const suggestedName = () => {
    const names = [
      t('scenarios.suggested.list'),
      t('scenarios.suggested.aggressive'),
      t('scenarios.suggested.walkAway'),
    ];
    return names.find((name) => !quote.scenarios.some((s) => s.name === name)) ?? '';
  };

  return (
    <Card
      size="small"
      data-testid="quote-scenarios"
      title={t('scenarios.title')}
      extra={
        editable && (
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            disabled={quote.scenarios.length >= 20}
            onClick={() =>
              setEditing({
                id: crypto.randomUUID(),
                name: suggestedName(),
                discountBp: null,
                marginTargetBp: null,
                contingencyShareBp: null,
                excludedSectionIds: [],
              })
            }
          >
            {t('scenarios.add')}
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('scenarios.help')}</Typography.Text>
        {!editable && (
          <Typography.Text type="secondary">{t('scenarios.lockedNote')}</Typography.Text>
        )}
        {quote.scenarios.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scenarios.empty')} />
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Table<MetricKey>
              size="small"
              rowKey={(metric) => metric}
              columns={columns}
              dataSource={[...METRICS]}
              pagination={false}
              tableLayout="fixed"
              style={{ width: 'max-content', minWidth: '100%' }}
            />
          </div>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('scenarios.healthNote')}
        </Typography.Text>
      </Flex>
      <ScenarioDialog
        scenario={editing}
        quote={quote}
        onClose={() => setEditing(null)}
        onSave={(scenario) => {
          const exists = quote.scenarios.some((other) => other.id === scenario.id);
          return onSave(
            exists
              ? quote.scenarios.map((other) => (other.id === scenario.id ? scenario : other))
              : [...quote.scenarios, scenario],
          );
        }}
      />
    </Card>
  );
}

/**
 * A scenario's health: its level, and how it differs from the deal's as it stands (the reasons
 * it adds and those it clears, worded as everywhere else).
 */
function ScenarioHealth({
  testId,
  before,
  after,
  describe,
}: {
  testId: string;
  before: DealHealth;
  after: DealHealth;
  describe: (reason: DealHealth['reasons'][number]) => string;
}) {
  const { t } = useTranslation('quote');
  const change = healthChange(before, after);
  const same = change.added.length === 0 && change.removed.length === 0;
  const added = after.reasons.filter((reason) => change.added.includes(reason.code));
  const removed = before.reasons.filter((reason) => change.removed.includes(reason.code));
  return (
    <Flex vertical align="flex-end" gap={2} data-testid={testId} data-change={change.direction}>
      <Space size={4}>
        <HealthBadge health={after} />
        <Typography.Text
          type={
            change.direction === 'worse'
              ? 'danger'
              : change.direction === 'better'
                ? 'success'
                : 'secondary'
          }
        >
          {same ? t('scenarios.healthSame') : t(`scenarios.health.${change.direction}`)}
        </Typography.Text>
      </Space>
      {added.map((reason) => (
        <Typography.Text
          key={`+${reason.code}`}
          data-added={reason.code}
          type="danger"
          style={{ fontSize: 12, textAlign: 'end' }}
        >
          {t('scenarios.health.added', { reason: describe(reason) })}
        </Typography.Text>
      ))}
      {removed.map((reason) => (
        <Typography.Text
          key={`-${reason.code}`}
          data-removed={reason.code}
          type="success"
          style={{ fontSize: 12, textAlign: 'end' }}
        >
          {t('scenarios.health.removed', { reason: describe(reason) })}
        </Typography.Text>
      ))}
    </Flex>
  );
}

interface ScenarioValues {
  name: string;
  discount: string;
  margin: string;
  contingency: string;
  scope: string[];
}

/** One scenario's settings; an empty percentage keeps what the quote has. */
function ScenarioDialog({
  scenario,
  quote,
  onSave,
  onClose,
}: {
  scenario: QuoteScenario | null;
  quote: Quote;
  onSave: (scenario: QuoteScenario) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation('quote');
  const [form] = Form.useForm<ScenarioValues>();
  const [saving, setSaving] = useState(false);
  const isNew = scenario !== null && !quote.scenarios.some((s) => s.id === scenario.id);

  useEffect(() => {
    if (scenario === null) return;
    const text = (bp: number | null) => (bp === null ? '' : percentText(bp));
    form.setFieldsValue({
      name: scenario.name,
      discount: text(scenario.discountBp),
      margin: text(scenario.marginTargetBp),
      contingency: text(scenario.contingencyShareBp),
      scope: quote.sections
        .filter((section) => !scenario.excludedSectionIds.includes(section.id))
        .map((section) => section.id),
    });
  }, [scenario, quote.sections, form]);

  const optional = (max: number, messageKey: 'validation.percent' | 'validation.marginTarget') => ({
    validator: (_: unknown, value: string | undefined) =>
      (value ?? '').trim() === '' || readPercentBp(value ?? '', max) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t(messageKey))),
  });
  const bpOf = (text: string, max = 100) => (text.trim() === '' ? null : readPercentBp(text, max));

  const submit = async () => {
    if (scenario === null) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await onSave({
        ...scenario,
        name: values.name.trim(),
        discountBp: bpOf(values.discount),
        marginTargetBp: bpOf(values.margin, 99),
        contingencyShareBp: bpOf(values.contingency),
        excludedSectionIds: quote.sections
          .filter((section) => !values.scope.includes(section.id))
          .map((section) => section.id),
      });
      onClose();
    } catch {
      // shown by the action
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={scenario !== null}
      title={isNew ? t('scenarios.dialog.addTitle') : t('scenarios.dialog.editTitle')}
      okText={t('scenarios.dialog.save')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form name="quoteScenario" form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="name"
          label={t('scenarios.dialog.name')}
          rules={[
            { required: true, whitespace: true, message: t('scenarios.dialog.nameRequired') },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="discount"
          label={t('scenarios.dialog.discount')}
          extra={t('scenarios.dialog.discountHelp')}
          rules={[optional(100, 'validation.percent')]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="margin"
          label={t('scenarios.dialog.margin')}
          extra={t('scenarios.dialog.marginHelp')}
          rules={[optional(99, 'validation.marginTarget')]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="contingency"
          label={t('scenarios.dialog.contingency')}
          extra={t('scenarios.dialog.contingencyHelp')}
          rules={[optional(100, 'validation.percent')]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        {quote.sections.length > 0 && (
          <Form.Item name="scope" label={t('scenarios.dialog.scope')}>
            <Checkbox.Group
              options={quote.sections.map((section) => ({
                value: section.id,
                label: section.name,
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
