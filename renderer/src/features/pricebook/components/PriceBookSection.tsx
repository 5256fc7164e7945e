import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  Button,
  Divider,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { parsePlanDate } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import type { PriceBookItem } from '@shared/domain/price-book';
import { isPriceValidOn, priceBookItemName } from '@shared/domain/price-book';
import type { Settings } from '@shared/domain/settings';
import { usePriceBookItems } from '@renderer/db/hooks/quotes';
import { useSettings } from '@renderer/db/hooks/queries';
import { useFormat } from '@renderer/i18n/useFormat';
import { PriceBookItemModal } from '@renderer/features/pricebook/components/PriceBookItemModal';
import { usePriceBookActions } from '@renderer/features/pricebook/hooks/usePriceBookActions';

type Editing =
  { readonly open: false } | { readonly open: true; readonly item: PriceBookItem | null };

/** How an item's validity stands today. */
function validityOf(item: PriceBookItem, today: PlanDate): 'valid' | 'expired' | 'notYet' {
  if (isPriceValidOn(item, today)) return 'valid';
  return item.validTo !== null && item.validTo < today ? 'expired' : 'notYet';
}

/**
 * Settings → Price book: the quote rounding rule with what each choice means, then the items with
 * a search, add, edit and delete. Expired items and items costing more than their price are
 * tagged as such.
 */
export default function PriceBookSection() {
  const { t, i18n } = useTranslation('pricebook');
  const format = useFormat();
  const settings = useSettings();
  const items = usePriceBookItems();
  const actions = usePriceBookActions();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>({ open: false });
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  const language = i18n.language.startsWith('zh') ? 'zh' : 'en';

  const shown = useMemo(() => {
    if (items === undefined) return [];
    const needle = query.trim().toLowerCase();
    if (needle === '') return items;
    return items.filter((item) =>
      [item.code, item.name.zh, item.name.en].some((text) => text.toLowerCase().includes(needle)),
    );
  }, [items, query]);

  if (settings === undefined || items === undefined)
    return <Skeleton active paragraph={{ rows: 6 }} />;

  const validityText = (item: PriceBookItem): string => {
    const from = item.validFrom === null ? null : format.date(item.validFrom);
    const to = item.validTo === null ? null : format.date(item.validTo);
    if (from !== null && to !== null) return t('validity.range', { from, to });
    if (from !== null) return t('validity.from', { from });
    if (to !== null) return t('validity.to', { to });
    return t('validity.always');
  };

  return (
    <div data-testid="price-book-section">
      <RoundingForm settings={settings} onSave={(patch) => actions.saveRounding(settings, patch)} />
      <Divider />
      <Typography.Title level={5}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('search')}
          placeholder={t('searchPlaceholder')}
          style={{ maxWidth: 320 }}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <Flex gap={12} align="center">
          <Typography.Text type="secondary">
            {t('count', { shown: shown.length, total: items.length })}
          </Typography.Text>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ open: true, item: null })}
          >
            {t('add')}
          </Button>
        </Flex>
      </Flex>
      <Table<PriceBookItem>
        size="small"
        rowKey="id"
        dataSource={shown}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        // Fits the settings page: fixed columns, long text cut with an ellipsis, actions in view.
        tableLayout="fixed"
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={items.length === 0 ? t('empty') : t('noMatch', { query })}
            />
          ),
        }}
        columns={[
          {
            key: 'code',
            title: t('columns.code'),
            dataIndex: 'code',
            width: 100,
            ellipsis: { showTitle: true },
          },
          {
            key: 'name',
            title: t('columns.name'),
            render: (_: unknown, item) => {
              const validity = validityOf(item, today);
              return (
                <Space size={4} wrap>
                  <span>{priceBookItemName(item, language)}</span>
                  {validity !== 'valid' && (
                    <Tag color={validity === 'expired' ? 'red' : 'gold'}>
                      {t(`tags.${validity}`)}
                    </Tag>
                  )}
                  {item.cost.amountMinor > item.listPrice.amountMinor && (
                    <Tag color="orange">{t('tags.costAbovePrice')}</Tag>
                  )}
                </Space>
              );
            },
          },
          {
            key: 'kind',
            title: t('columns.kind'),
            width: 64,
            ellipsis: true,
            render: (_: unknown, item) => t(`kind.${item.kind ?? 'product'}`),
          },
          {
            key: 'unit',
            title: t('columns.unit'),
            dataIndex: 'unit',
            width: 56,
            ellipsis: { showTitle: true },
          },
          {
            key: 'listPrice',
            title: t('columns.listPrice'),
            align: 'right',
            width: 112,
            ellipsis: true,
            render: (_: unknown, item) =>
              format.money(item.listPrice.amountMinor, item.listPrice.currency),
          },
          {
            key: 'cost',
            title: t('columns.cost'),
            align: 'right',
            width: 112,
            ellipsis: true,
            render: (_: unknown, item) => format.money(item.cost.amountMinor, item.cost.currency),
          },
          {
            key: 'validity',
            title: t('columns.validity'),
            width: 130,
            render: (_: unknown, item) => validityText(item),
          },
          {
            key: 'actions',
            title: t('columns.actions'),
            width: 76,
            render: (_: unknown, item) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('edit', { code: item.code })}
                  onClick={() => setEditing({ open: true, item })}
                />
                <Popconfirm
                  title={t('deleteConfirm', { code: item.code })}
                  onConfirm={() => actions.remove(item).catch(() => undefined)}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('delete', { code: item.code })}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <PriceBookItemModal
        open={editing.open}
        item={editing.open ? editing.item : null}
        baseCurrency={settings.baseCurrency}
        onClose={() => setEditing({ open: false })}
        onSave={(input) =>
          editing.open && editing.item !== null
            ? actions.update(editing.item, input)
            : actions.add(input)
        }
      />
    </div>
  );
}

type RoundingValues = Pick<Settings, 'quoteRounding' | 'roundingMode'>;

/** The quote rounding rule: where to round and how halves go, each with what it means. */
function RoundingForm({
  settings,
  onSave,
}: {
  settings: Settings;
  onSave: (patch: RoundingValues) => Promise<void>;
}) {
  const { t } = useTranslation('pricebook');
  const [form] = Form.useForm<RoundingValues>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const stored: RoundingValues = {
    quoteRounding: settings.quoteRounding,
    roundingMode: settings.roundingMode,
  };
  useEffect(() => {
    if (!dirty) form.setFieldsValue(stored);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.quoteRounding, settings.roundingMode, dirty, form]);

  const option = (value: string, label: string, help: string) => (
    <Radio value={value} style={{ alignItems: 'flex-start' }}>
      <div>
        <div>{label}</div>
        <Typography.Text type="secondary">{help}</Typography.Text>
      </div>
    </Radio>
  );

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={stored}
      onValuesChange={() => setDirty(true)}
      aria-label={t('rounding.title')}
      onFinish={(values) => {
        setSaving(true);
        onSave(values)
          .then(() => setDirty(false))
          .catch(() => undefined)
          .finally(() => setSaving(false));
      }}
    >
      <Typography.Title level={5}>{t('rounding.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('rounding.intro')}</Typography.Paragraph>
      <Form.Item name="quoteRounding" label={t('rounding.level')}>
        <Radio.Group aria-label={t('rounding.level')}>
          <Space direction="vertical">
            {option('per_line', t('rounding.perLine'), t('rounding.perLineHelp'))}
            {option('per_total', t('rounding.perTotal'), t('rounding.perTotalHelp'))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="roundingMode" label={t('rounding.mode')}>
        <Radio.Group aria-label={t('rounding.mode')}>
          <Space direction="vertical">
            {option('half_up', t('rounding.halfUp'), t('rounding.halfUpHelp'))}
            {option('half_even', t('rounding.halfEven'), t('rounding.halfEvenHelp'))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} disabled={!dirty}>
        {t('rounding.save')}
      </Button>
    </Form>
  );
}
