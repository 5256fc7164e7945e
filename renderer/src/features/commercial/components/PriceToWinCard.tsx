import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Card,
  Descriptions,
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
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { CompetitorPrice, PriceToWin } from '@shared/domain/commercial';
import type { Deal } from '@shared/domain/deal';
import type { Money } from '@shared/domain/money';
import { minorDigits } from '@shared/domain/money';
import type { Quote } from '@shared/domain/quote';
import type { CompetitorPosition, PricePosition } from '@shared/quote/price-to-win';
import {
  axisTicks,
  budgetOf,
  chartScale,
  pricePosition,
  scaleFraction,
} from '@shared/quote/price-to-win';
import { amountText, readAmount } from '@renderer/features/costs/utils/amount';
import { useCommercialActions } from '@renderer/features/commercial/hooks/useCommercialActions';
import { useFormat } from '@renderer/i18n/useFormat';

type Editing =
  | { readonly kind: 'none' }
  | { readonly kind: 'competitor'; readonly competitor: CompetitorPrice | null }
  | { readonly kind: 'budget' };

/** The next free key for a competitor (`c1`, `c2`…). */
function nextKey(competitors: readonly CompetitorPrice[]): string {
  let n = competitors.length + 1;
  while (competitors.some((c) => c.key === `c${n}`)) n += 1;
  return `c${n}`;
}

/**
 * Price to win: our price (the current quote's total with tax), the customer's budget and the
 * competitors' likely prices, as a list to edit, a range chart and one plain sentence.
 */
export function PriceToWinCard({
  deal,
  record,
  quote,
  ours,
}: {
  deal: Deal;
  record: PriceToWin | null;
  quote: Quote | null;
  ours: Money | null;
}) {
  const { t } = useTranslation('commercial');
  const format = useFormat();
  const actions = useCommercialActions();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const currency = quote?.currency ?? deal.value.currency;
  const competitors = record?.competitors ?? [];
  const budget = record?.budget ?? null;
  const position = pricePosition(ours, competitors, budget, currency);
  const money = (minor: number) => format.money(minor, currency);
  const pct = (bp: number) =>
    format.percent(Math.abs(bp) / 10_000, Math.abs(bp) % 100 === 0 ? 0 : 1);

  const save = (next: { budget?: Money | null; competitors?: CompetitorPrice[] }) =>
    actions.savePriceToWin(deal.id, record, {
      budget: next.budget === undefined ? budget : next.budget,
      competitors: next.competitors ?? competitors,
    });

  return (
    <Card title={t('ptw.title')} data-testid="price-to-win">
      <Typography.Paragraph type="secondary">{t('ptw.intro')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'ours',
            label: t('ptw.ours'),
            children:
              quote === null || ours === null ? (
                t('ptw.noQuote')
              ) : (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{money(ours.amountMinor)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('ptw.oursFrom', { version: quote.version, name: quote.name })}
                  </Typography.Text>
                </Space>
              ),
          },
          {
            key: 'budget',
            label: t('ptw.budget'),
            children: (
              <Space>
                <span data-testid="ptw-budget">
                  {budget === null
                    ? t('ptw.budgetUnknown')
                    : format.money(budget.amountMinor, budget.currency)}
                </span>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ kind: 'budget' })}
                >
                  {t('ptw.editBudget')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Alert
        style={{ margin: '12px 0' }}
        type="info"
        showIcon
        data-testid="ptw-sentence"
        title={<PositionSentence position={position} money={money} pct={pct} />}
      />
      {position.otherCurrency.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('ptw.otherCurrency', { names: position.otherCurrency.join(', ') })}
        </Typography.Paragraph>
      )}
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <Button
          icon={<PlusOutlined />}
          onClick={() => setEditing({ kind: 'competitor', competitor: null })}
        >
          {t('ptw.addCompetitor')}
        </Button>
      </Flex>
      <Table<CompetitorPrice>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={competitors}
        scroll={{ x: 760 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ptw.empty')} />,
        }}
        columns={[
          { key: 'name', title: t('ptw.columns.name'), dataIndex: 'name' },
          ...(['low', 'likely', 'high'] as const).map((field) => ({
            key: field,
            title: t(`ptw.columns.${field}`),
            align: 'right' as const,
            width: 130,
            render: (_: unknown, c: CompetitorPrice) =>
              format.money(c[field].amountMinor, c[field].currency),
          })),
          {
            key: 'vs',
            title: t('ptw.columns.vsLikely'),
            align: 'right',
            width: 120,
            render: (_: unknown, c: CompetitorPrice) => {
              const bp = position.competitors.find((p) => p.key === c.key)?.vsLikelyBp ?? null;
              return bp === null ? '—' : `${bp > 0 ? '+' : bp < 0 ? '−' : ''}${pct(bp)}`;
            },
          },
          { key: 'note', title: t('ptw.columns.note'), dataIndex: 'note', ellipsis: true },
          {
            key: 'actions',
            title: t('ptw.columns.actions'),
            width: 90,
            render: (_: unknown, c: CompetitorPrice) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('ptw.edit', { name: c.name })}
                  onClick={() => setEditing({ kind: 'competitor', competitor: c })}
                />
                <Popconfirm
                  title={t('ptw.removeConfirm', { name: c.name })}
                  onConfirm={() =>
                    save({ competitors: competitors.filter((x) => x.key !== c.key) }).catch(
                      () => undefined,
                    )
                  }
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('ptw.remove', { name: c.name })}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {position.scale !== null && <PositionChart position={position} money={money} />}
      <CompetitorModal
        open={editing.kind === 'competitor'}
        competitor={editing.kind === 'competitor' ? editing.competitor : null}
        currency={currency}
        onClose={() => setEditing({ kind: 'none' })}
        onSave={(value) => {
          const existing = editing.kind === 'competitor' ? editing.competitor : null;
          const next =
            existing === null
              ? [...competitors, { ...value, key: nextKey(competitors) }]
              : competitors.map((c) => (c.key === existing.key ? { ...value, key: c.key } : c));
          return save({ competitors: next });
        }}
      />
      <BudgetModal
        open={editing.kind === 'budget'}
        budget={budget}
        currency={currency}
        onClose={() => setEditing({ kind: 'none' })}
        onSave={(value) => save({ budget: value })}
      />
    </Card>
  );
}

/** The one plain sentence: our price against the lowest likely price, and the budget. */
function PositionSentence({
  position,
  money,
  pct,
}: {
  position: PricePosition;
  money: (minor: number) => string;
  pct: (bp: number) => string;
}) {
  const { t } = useTranslation('commercial');
  if (position.ours === null) return <>{t('ptw.sentence.noQuote')}</>;
  const reference = position.reference;
  let head: string;
  if (reference === null) head = t('ptw.sentence.noCompetitors', { ours: money(position.ours) });
  else {
    const bp = reference.vsLikelyBp ?? 0;
    head =
      bp === 0
        ? t('ptw.sentence.equal', { name: reference.name })
        : t(bp > 0 ? 'ptw.sentence.above' : 'ptw.sentence.below', {
            name: reference.name,
            pct: pct(bp),
          });
  }
  const budget = position.budget;
  let tail: string;
  if (budget.kind === 'within') tail = t('ptw.sentence.withinBudget');
  else if (budget.kind === 'over')
    tail = t('ptw.sentence.overBudget', { pct: pct(budget.diffBp ?? 0) });
  else if (budget.kind === 'otherCurrency')
    tail = t('ptw.sentence.budgetOtherCurrency', { currency: budget.currency });
  else tail = t('ptw.sentence.budgetUnknown');
  return <>{head + tail}</>;
}

const ROW = 30;
const LABEL = 160;
/** Height of a strip of labels above or below the chart. */
const STRIP = 22;

/** Each competitor's low–high range with its likely price, our price and the budget as lines. */
function PositionChart({
  position,
  money,
}: {
  position: PricePosition;
  money: (minor: number) => string;
}) {
  const { t } = useTranslation('commercial');
  const scale = chartScale(position);
  if (scale === null) return null;
  const at = (value: number) => scaleFraction(value, scale);
  const x = (value: number) => `${at(value) * 100}%`;
  const budget = budgetOf(position);
  // A budget far off the prices is marked at that edge rather than drawn to scale.
  const budgetAt =
    budget === null
      ? null
      : scale.budgetOff === null
        ? at(budget)
        : scale.budgetOff === 'above'
          ? 1
          : 0;
  const budgetText =
    budget === null
      ? ''
      : scale.budgetOff === 'above'
        ? t('ptw.budgetAbove', { amount: money(budget) })
        : scale.budgetOff === 'below'
          ? t('ptw.budgetBelow', { amount: money(budget) })
          : t('ptw.budgetMark', { amount: money(budget) });
  const rows: readonly CompetitorPosition[] = position.competitors;
  const height = Math.max(1, rows.length) * ROW + 8;
  const ticks = axisTicks(scale.min, scale.max);
  return (
    <figure style={{ margin: '16px 0 0' }} aria-label={t('ptw.chartLabel')}>
      <Typography.Text strong>{t('ptw.chartTitle')}</Typography.Text>
      <Flex gap={16} wrap style={{ margin: '6px 0' }}>
        <Legend color="#1677ff" label={t('ptw.legendOurs')} line />
        <Legend color="#52c41a" label={t('ptw.legendBudget')} line dashed />
        <Legend color="#595959" label={t('ptw.legendLikely')} />
        <Legend color="#fa8c16" label={t('ptw.legendRange')} />
      </Flex>
      <div style={{ marginLeft: LABEL, position: 'relative', height: STRIP }}>
        {position.ours !== null && (
          <Pinned fraction={at(position.ours)} color="#1677ff" testId="ptw-mark-ours">
            {t('ptw.oursMark', { amount: money(position.ours) })}
          </Pinned>
        )}
      </div>
      <div style={{ display: 'flex' }}>
        <div style={{ width: LABEL, flex: 'none' }}>
          {rows.map((row) => (
            <div
              key={row.key}
              title={row.name}
              style={{
                height: ROW,
                lineHeight: `${ROW}px`,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
                paddingRight: 8,
              }}
            >
              {row.name}
            </div>
          ))}
        </div>
        <div
          data-testid="ptw-chart"
          style={{
            position: 'relative',
            flex: 1,
            height,
            borderLeft: '1px solid var(--ant-color-border)',
            borderBottom: '1px solid var(--ant-color-border)',
          }}
        >
          {rows.map((row, i) => (
            <div key={row.key} title={`${row.name}: ${money(row.low)} – ${money(row.high)}`}>
              <div
                style={{
                  position: 'absolute',
                  top: i * ROW + 9,
                  height: 12,
                  left: x(row.low),
                  width: `calc(${x(row.high)} - ${x(row.low)} + 2px)`,
                  background: 'rgba(250, 140, 22, 0.35)',
                  border: '1px solid #fa8c16',
                  borderRadius: 3,
                }}
              />
              <div
                style={{
                  position: 'absolute',
                  top: i * ROW + 5,
                  height: 20,
                  width: 3,
                  left: x(row.likely),
                  background: '#595959',
                }}
              />
            </div>
          ))}
          {budgetAt !== null && (
            <div
              title={budgetText}
              data-off-scale={scale.budgetOff ?? undefined}
              style={{
                position: 'absolute',
                top: 0,
                bottom: 0,
                left: `${budgetAt * 100}%`,
                marginLeft: budgetAt === 1 ? -2 : 0,
                borderLeft: `2px ${scale.budgetOff === null ? 'dashed' : 'dotted'} #52c41a`,
              }}
            />
          )}
          {position.ours !== null && (
            <div
              title={`${t('ptw.legendOurs')}: ${money(position.ours)}`}
              style={{
                position: 'absolute',
                top: 0,
                bottom: 0,
                left: x(position.ours),
                borderLeft: '2px solid #1677ff',
              }}
            />
          )}
        </div>
      </div>
      <div style={{ marginLeft: LABEL, position: 'relative', height: STRIP }}>
        {ticks.map((tick) => (
          <Pinned key={tick} fraction={at(tick)} secondary>
            {money(tick)}
          </Pinned>
        ))}
      </div>
      {budgetAt !== null && (
        <div style={{ marginLeft: LABEL, position: 'relative', height: STRIP }}>
          <Pinned fraction={budgetAt} color="#389e0d" testId="ptw-mark-budget">
            {budgetText}
          </Pinned>
        </div>
      )}
    </figure>
  );
}

/**
 * A label over a point of the chart's scale: centred on it, or kept inside the chart by
 * aligning it to the point near either edge.
 */
function Pinned({
  fraction,
  color,
  secondary,
  testId,
  children,
}: {
  fraction: number;
  color?: string;
  secondary?: boolean;
  testId?: string;
  children: string;
}) {
  const shift = fraction < 0.15 ? '0' : fraction > 0.85 ? '-100%' : '-50%';
  return (
    <Typography.Text
      data-testid={testId}
      type={secondary === true ? 'secondary' : undefined}
      style={{
        position: 'absolute',
        top: 2,
        left: `${fraction * 100}%`,
        transform: `translateX(${shift})`,
        whiteSpace: 'nowrap',
        fontSize: 12,
        color,
      }}
    >
      {children}
    </Typography.Text>
  );
}

function Legend({
  color,
  label,
  line,
  dashed,
}: {
  color: string;
  label: string;
  line?: boolean;
  dashed?: boolean;
}) {
  return (
    <Space size={4}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: line === true ? 0 : 3,
          height: 14,
          borderLeft:
            line === true ? `2px ${dashed === true ? 'dashed' : 'solid'} ${color}` : 'none',
          background: line === true ? 'none' : color,
        }}
      />
      <Typography.Text type="secondary">{label}</Typography.Text>
    </Space>
  );
}

interface CompetitorValues {
  name: string;
  low: string;
  likely: string;
  high: string;
  note: string;
}

/** Adds or edits one competitor's price range. */
function CompetitorModal({
  open,
  competitor,
  currency,
  onSave,
  onClose,
}: {
  open: boolean;
  competitor: CompetitorPrice | null;
  currency: string;
  onSave: (value: Omit<CompetitorPrice, 'key'>) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation('commercial');
  const [form] = Form.useForm<CompetitorValues>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      competitor === null
        ? { name: '', low: '', likely: '', high: '', note: '' }
        : {
            name: competitor.name,
            low: amountText(competitor.low),
            likely: amountText(competitor.likely),
            high: amountText(competitor.high),
            note: competitor.note,
          },
    );
  }, [open, competitor, form]);

  const read = (text: string | undefined) =>
    readAmount(text ?? '', currency, { allowNegative: false, allowZero: true });
  const amountRule = {
    validator: (_: unknown, value: string | undefined) =>
      read(value).ok
        ? Promise.resolve()
        : Promise.reject(new Error(t('ptw.validation.amount', { digits: minorDigits(currency) }))),
  };
  const orderRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: () => {
      const [low, likely, high] = (['low', 'likely', 'high'] as const).map((name) =>
        read(getFieldValue(name) as string | undefined),
      );
      if (low?.ok !== true || likely?.ok !== true || high?.ok !== true) return Promise.resolve();
      return low.value.amountMinor <= likely.value.amountMinor &&
        likely.value.amountMinor <= high.value.amountMinor
        ? Promise.resolve()
        : Promise.reject(new Error(t('ptw.validation.order')));
    },
  });

  const submit = async (values: CompetitorValues) => {
    const [low, likely, high] = [values.low, values.likely, values.high].map(read);
    if (low?.ok !== true || likely?.ok !== true || high?.ok !== true) return;
    setSaving(true);
    try {
      await onSave({
        name: values.name.trim(),
        low: low.value,
        likely: likely.value,
        high: high.value,
        note: values.note.trim(),
      });
      onClose();
    } catch {
      // Reported by the action; the form keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  const title =
    competitor === null
      ? t('ptw.form.addTitle')
      : t('ptw.form.editTitle', { name: competitor.name });
  return (
    <Modal
      open={open}
      title={title}
      okText={t('ptw.form.save')}
      cancelText={t('ptw.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label={title}>
        <Form.Item
          name="name"
          label={t('ptw.form.name')}
          rules={[
            { required: true, whitespace: true, message: t('ptw.validation.name') },
            { max: 200, message: t('ptw.validation.tooLong', { max: 200 }) },
          ]}
        >
          <Input aria-label={t('ptw.form.name')} />
        </Form.Item>
        <Flex gap={12}>
          {(['low', 'likely', 'high'] as const).map((field) => (
            <Form.Item
              key={field}
              name={field}
              style={{ flex: 1 }}
              label={t(`ptw.form.${field}`, { currency })}
              dependencies={field === 'likely' ? ['low', 'high'] : []}
              rules={field === 'likely' ? [amountRule, orderRule] : [amountRule]}
            >
              <Input aria-label={t(`ptw.form.${field}`, { currency })} inputMode="decimal" />
            </Form.Item>
          ))}
        </Flex>
        <Form.Item
          name="note"
          label={t('ptw.form.note')}
          rules={[{ max: 2000, message: t('ptw.validation.tooLong', { max: 2000 }) }]}
        >
          <Input.TextArea aria-label={t('ptw.form.note')} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Sets or clears the customer's budget. */
function BudgetModal({
  open,
  budget,
  currency,
  onSave,
  onClose,
}: {
  open: boolean;
  budget: Money | null;
  currency: string;
  onSave: (value: Money | null) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation('commercial');
  const [form] = Form.useForm<{ budget: string }>();
  const [saving, setSaving] = useState(false);
  const shownCurrency = budget?.currency ?? currency;
  useEffect(() => {
    if (open) form.setFieldsValue({ budget: budget === null ? '' : amountText(budget) });
  }, [open, budget, form]);
  const read = (text: string) =>
    readAmount(text, shownCurrency, { allowNegative: false, allowZero: true });
  return (
    <Modal
      open={open}
      title={t('ptw.form.budgetTitle')}
      okText={t('ptw.form.save')}
      cancelText={t('ptw.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        aria-label={t('ptw.form.budgetTitle')}
        onFinish={({ budget: text }) => {
          const trimmed = (text ?? '').trim();
          const value = trimmed === '' ? null : read(trimmed);
          if (value !== null && !value.ok) return;
          setSaving(true);
          onSave(value === null ? null : value.value)
            .then(onClose)
            .catch(() => undefined)
            .finally(() => setSaving(false));
        }}
      >
        <Form.Item
          name="budget"
          label={t('ptw.form.budget', { currency: shownCurrency })}
          extra={t('ptw.form.budgetHelp')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                (value ?? '').trim() === '' || read((value ?? '').trim()).ok
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(t('ptw.validation.amount', { digits: minorDigits(shownCurrency) })),
                    ),
            },
          ]}
        >
          <Input
            aria-label={t('ptw.form.budget', { currency: shownCurrency })}
            inputMode="decimal"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
