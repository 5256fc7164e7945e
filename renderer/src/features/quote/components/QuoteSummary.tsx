import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { Button, Card, DatePicker, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { parsePlanDate } from '@shared/domain/dates';
import type { Money } from '@shared/domain/money';
import type { Quote } from '@shared/domain/quote';
import type { QuoteFigures, QuoteRounding, Totals } from '@shared/quote/compute';
import { useFormat } from '@renderer/i18n/useFormat';
import type { QuoteContent } from '@renderer/db/repositories/quotes';

interface TotalsRow {
  readonly key: string;
  readonly name: string;
  readonly totals: Totals;
  readonly whole: boolean;
}

/** Price, cost, gross margin, margin %, tax and total per section and for the whole quote. */
export function TotalsPanel({
  quote,
  figures,
  rounding,
}: {
  quote: Quote;
  figures: QuoteFigures;
  rounding: QuoteRounding;
}) {
  const { t } = useTranslation('quote');
  const format = useFormat();
  const money = (amount: Money) => format.money(amount.amountMinor, amount.currency);
  const rows: TotalsRow[] = [
    ...quote.sections.map((section, index) => ({
      key: section.id,
      name: section.name,
      totals: figures.sections[index]?.totals ?? figures.totals,
      whole: false,
    })),
    { key: '__whole', name: t('totals.whole'), totals: figures.totals, whole: true },
  ];
  const strong = (row: TotalsRow, text: string, testId: string) =>
    row.whole ? (
      <Typography.Text strong data-testid={`quote-total-${testId}`}>
        {text}
      </Typography.Text>
    ) : (
      text
    );
  const columns: TableColumnsType<TotalsRow> = [
    {
      key: 'name',
      title: t('totals.section'),
      render: (_, row) => strong(row, row.name, 'name'),
    },
    {
      key: 'price',
      title: t('totals.price'),
      align: 'right',
      render: (_, row) => strong(row, money(row.totals.net), 'price'),
    },
    {
      key: 'cost',
      title: t('totals.cost'),
      align: 'right',
      render: (_, row) => strong(row, money(row.totals.cost), 'cost'),
    },
    {
      key: 'margin',
      title: t('totals.margin'),
      align: 'right',
      render: (_, row) => strong(row, money(row.totals.margin), 'margin'),
    },
    {
      key: 'marginPct',
      title: t('totals.marginPct'),
      align: 'right',
      render: (_, row) =>
        strong(
          row,
          row.totals.marginBp === null
            ? t('totals.none')
            : format.percent(row.totals.marginBp / 10_000, 2),
          'margin-pct',
        ),
    },
    {
      key: 'tax',
      title: t('totals.tax'),
      align: 'right',
      render: (_, row) => strong(row, money(row.totals.tax), 'tax'),
    },
    {
      key: 'total',
      title: t('totals.total'),
      align: 'right',
      render: (_, row) => strong(row, money(row.totals.total), 'total'),
    },
  ];
  return (
    <Card size="small" title={t('totals.title')}>
      <Table<TotalsRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 30 ? { pageSize: 30 } : false}
        scroll={{ x: 760 }}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('totals.rounding', {
          level: t(`totals.level.${rounding.level}`),
          mode: t(`totals.mode.${rounding.mode}`),
        })}
      </Typography.Text>
    </Card>
  );
}

interface DetailsValues {
  name: string;
  validUntil: Dayjs | null;
  terms: string;
}

/** The version's name, validity date and terms; read-only once sent. */
export function DetailsCard({
  quote,
  editable,
  onSave,
}: {
  quote: Quote;
  editable: boolean;
  onSave: (patch: Partial<QuoteContent>) => Promise<unknown>;
}) {
  const { t } = useTranslation('quote');
  const [form] = Form.useForm<DetailsValues>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    form.setFieldsValue({
      name: quote.name,
      validUntil: quote.validUntil === null ? null : dayjs(quote.validUntil),
      terms: quote.terms,
    });
  }, [quote.id, quote.name, quote.validUntil, quote.terms, form]);

  const submit = async (values: DetailsValues) => {
    setSaving(true);
    try {
      await onSave({
        name: values.name.trim(),
        validUntil: values.validUntil
          ? parsePlanDate(values.validUntil.format('YYYY-MM-DD'))
          : null,
        terms: values.terms,
      });
    } catch {
      // shown by the action; the form keeps what was typed
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('details.title')}>
      <Form<DetailsValues>
        name="quoteDetails"
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={!editable}
        onFinish={(values) => void submit(values)}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', columnGap: 16 }}>
          <Form.Item
            name="name"
            label={t('details.name')}
            rules={[{ required: true, whitespace: true, message: t('details.nameRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="validUntil" label={t('details.validUntil')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="terms" label={t('details.terms')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} />
        </Form.Item>
        {editable && (
          <Button htmlType="submit" type="primary" loading={saving}>
            {t('details.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
