import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Flex, Form, Input, Modal, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PlanDate } from '@shared/domain/dates';
import type { CurrencyCode, RoundingMode } from '@shared/domain/money';
import type { PriceBookItem } from '@shared/domain/price-book';
import { isPriceValidOn, priceBookItemName } from '@shared/domain/price-book';
import type { QuoteLine, QuoteSection } from '@shared/domain/quote';
import type { Risk } from '@shared/domain/risk';
import { isActiveRisk } from '@shared/domain/risk';
import type { Role } from '@shared/domain/role';
import {
  blankLine,
  contingencyAmount,
  contingencyLine,
  laborLine,
  openRiskExposure,
} from '@shared/quote/build';
import { useFormat } from '@renderer/i18n/useFormat';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { amountText, readAmount } from '@renderer/features/costs/utils/amount';
import { readPercentBp, readQuantity } from '@renderer/features/quote/utils/inputs';

const newLineId = () => crypto.randomUUID();

interface AddProps {
  open: boolean;
  sections: readonly QuoteSection[];
  currency: CurrencyCode;
  /** Adds the lines to the section; rejects (and the dialog stays open) when refused. */
  onAdd: (sectionId: string, lines: QuoteLine[]) => Promise<unknown>;
  onClose: () => void;
}

const lastSectionId = (sections: readonly QuoteSection[]) => sections.at(-1)?.id;

function useSubmit(onClose: () => void) {
  const [saving, setSaving] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setSaving(true);
    try {
      await work();
      onClose();
    } catch {
      // shown by the action; the dialog keeps what was typed
    } finally {
      setSaving(false);
    }
  };
  return { saving, run };
}

function SectionField({ sections }: { sections: readonly QuoteSection[] }) {
  const { t } = useTranslation('quote');
  return (
    <Form.Item
      name="sectionId"
      label={t('book.section')}
      rules={[{ required: true, message: t('validation.section') }]}
    >
      <Select options={sections.map((section) => ({ value: section.id, label: section.name }))} />
    </Form.Item>
  );
}

const reject = (message: string) => Promise.reject(new Error(message));

/** Picks valid price-book items (search by code or name) and adds them as lines. */
export function PriceBookDialog({
  open,
  sections,
  items,
  today,
  onAdd,
  onClose,
}: Omit<AddProps, 'currency'> & { items: readonly PriceBookItem[]; today: PlanDate }) {
  const { t } = useTranslation('quote');
  const format = useFormat();
  const [language] = useLanguage();
  const lang = language === 'zh-CN' ? 'zh' : 'en';
  const [form] = Form.useForm<{ sectionId: string; quantity: string; tax: string }>();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [pickError, setPickError] = useState(false);
  const close = () => {
    setSearch('');
    setPicked([]);
    setPickError(false);
    onClose();
  };
  const { saving, run } = useSubmit(close);

  useEffect(() => {
    if (open) form.setFieldsValue({ sectionId: lastSectionId(sections), quantity: '1', tax: '0' });
  }, [open, form, sections]);

  const valid = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return items.filter(
      (item) =>
        isPriceValidOn(item, today) &&
        (needle === '' ||
          item.code.toLowerCase().includes(needle) ||
          item.name.zh.toLowerCase().includes(needle) ||
          item.name.en.toLowerCase().includes(needle)),
    );
  }, [items, search, today]);

  const columns: TableColumnsType<PriceBookItem> = [
    { key: 'code', title: t('book.columns.code'), dataIndex: 'code', width: 130 },
    {
      key: 'name',
      title: t('book.columns.name'),
      render: (_, item) => priceBookItemName(item, lang),
    },
    { key: 'unit', title: t('book.columns.unit'), dataIndex: 'unit', width: 80 },
    {
      key: 'list',
      title: t('book.columns.listPrice'),
      align: 'right',
      render: (_, item) => format.money(item.listPrice.amountMinor, item.listPrice.currency),
    },
    {
      key: 'cost',
      title: t('book.columns.cost'),
      align: 'right',
      render: (_, item) => format.money(item.cost.amountMinor, item.cost.currency),
    },
    {
      key: 'validTo',
      title: t('book.columns.validTo'),
      width: 120,
      render: (_, item) => (item.validTo === null ? t('book.open') : format.date(item.validTo)),
    },
  ];

  const submit = async () => {
    const values = await form.validateFields();
    if (picked.length === 0) {
      setPickError(true);
      return;
    }
    const quantity = readQuantity(values.quantity);
    const taxRateBp = readPercentBp(values.tax);
    if (quantity === null || taxRateBp === null) return;
    const chosen = items.filter((item) => picked.includes(item.id));
    const lines = chosen.map((item): QuoteLine => ({
      ...blankLine(newLineId(), item.listPrice.currency),
      priceBookItemId: item.id,
      code: item.code,
      description: priceBookItemName(item, lang),
      unit: item.unit,
      quantity,
      unitPrice: item.listPrice,
      unitCost: item.cost,
      taxRateBp,
    }));
    await run(() => onAdd(values.sectionId, lines));
  };

  return (
    <Modal
      open={open}
      title={t('book.title')}
      okText={t('book.add', { count: picked.length })}
      onOk={() => void submit()}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
      width={920}
    >
      <Form name="quoteBook" form={form} layout="vertical" requiredMark={false}>
        <Flex gap={12}>
          <div style={{ flex: 2 }}>
            <SectionField sections={sections} />
          </div>
          <Form.Item
            style={{ flex: 1 }}
            name="quantity"
            label={t('book.quantity')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  readQuantity(v ?? '') === null
                    ? reject(t('validation.quantity'))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item
            style={{ flex: 1 }}
            name="tax"
            label={t('book.tax')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  readPercentBp(v ?? '') === null
                    ? reject(t('validation.percent'))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Flex>
      </Form>
      <Input.Search
        aria-label={t('book.search')}
        placeholder={t('book.search')}
        allowClear
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ marginBottom: 12 }}
      />
      {pickError && (
        <Alert type="error" showIcon title={t('validation.pickOne')} style={{ marginBottom: 12 }} />
      )}
      <Table<PriceBookItem>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={valid}
        locale={{ emptyText: t('book.none') }}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
        rowSelection={{
          selectedRowKeys: picked,
          onChange: (keys) => {
            setPicked(keys.map(String));
            setPickError(false);
          },
          getCheckboxProps: (item) => ({ 'aria-label': item.code }),
        }}
        onRow={(item) => ({
          onClick: () =>
            setPicked((now) =>
              now.includes(item.id) ? now.filter((id) => id !== item.id) : [...now, item.id],
            ),
        })}
      />
    </Modal>
  );
}

/** Delivery labor: a role × hours, costed at the role's rate, priced at a sell rate. */
export function LaborDialog({
  open,
  sections,
  currency,
  roles,
  onAdd,
  onClose,
}: AddProps & {
  roles: readonly Role[];
}) {
  const { t } = useTranslation('quote');
  const format = useFormat();
  const [language] = useLanguage();
  const lang = language === 'zh-CN' ? 'zh' : 'en';
  const [form] = Form.useForm<{
    sectionId: string;
    roleId: string;
    hours: string;
    sellRate: string;
    tax: string;
  }>();
  const roleId = Form.useWatch('roleId', form);
  const role = roles.find((candidate) => candidate.id === roleId);
  const { saving, run } = useSubmit(onClose);

  useEffect(() => {
    if (open) form.setFieldsValue({ sectionId: lastSectionId(sections), hours: '', tax: '0' });
  }, [open, form, sections]);

  const money = (text: string) => {
    const read = readAmount(text, currency, { allowNegative: false, allowZero: true });
    return read.ok ? read.value : null;
  };

  const submit = async () => {
    const values = await form.validateFields();
    const chosen = roles.find((candidate) => candidate.id === values.roleId);
    const hours = readQuantity(values.hours, false);
    const sellRate = money(values.sellRate);
    const taxRateBp = readPercentBp(values.tax);
    if (chosen === undefined || hours === null || sellRate === null || taxRateBp === null) return;
    const line = laborLine({
      id: newLineId(),
      roleId: chosen.id,
      roleName: chosen.name[lang],
      hours,
      costRate: chosen.defaultRate,
      sellRate,
      unit: t('labor.unit'),
      taxRateBp,
    });
    await run(() => onAdd(values.sectionId, [line]));
  };

  return (
    <Modal
      open={open}
      title={t('labor.title')}
      okText={t('labor.add')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      {roles.length === 0 && (
        <Alert type="warning" showIcon title={t('labor.noRoles')} style={{ marginBottom: 12 }} />
      )}
      <Form name="quoteLabor" form={form} layout="vertical" requiredMark={false}>
        <SectionField sections={sections} />
        <Form.Item
          name="roleId"
          label={t('labor.role')}
          rules={[{ required: true, message: t('validation.role') }]}
          extra={
            role &&
            t('labor.costRate', {
              rate: format.money(role.defaultRate.amountMinor, role.defaultRate.currency),
            })
          }
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={roles.map((candidate) => ({
              value: candidate.id,
              label: candidate.name[lang],
            }))}
            onChange={(id: string) => {
              const picked = roles.find((candidate) => candidate.id === id);
              if (picked) form.setFieldValue('sellRate', amountText(picked.defaultRate));
            }}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            style={{ flex: 1 }}
            name="hours"
            label={t('labor.hours')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  readQuantity(v ?? '', false) === null
                    ? reject(t('validation.hours'))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item
            style={{ flex: 1 }}
            name="sellRate"
            label={t('labor.sellRate', { currency })}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  money(v ?? '') === null
                    ? reject(t('validation.amount', { currency }))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item
            style={{ flex: 1 }}
            name="tax"
            label={t('lines.dialog.tax')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  readPercentBp(v ?? '') === null
                    ? reject(t('validation.percent'))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** A share of the deal's open risks' exposure, as its own visible line. */
export function ContingencyDialog({
  open,
  sections,
  currency,
  risks,
  mode,
  onAdd,
  onClose,
}: AddProps & { risks: readonly Risk[]; mode: RoundingMode }) {
  const { t } = useTranslation('quote');
  const format = useFormat();
  const [form] = Form.useForm<{ sectionId: string; share: string }>();
  const share = Form.useWatch('share', form);
  const { saving, run } = useSubmit(onClose);
  const exposure = useMemo(() => openRiskExposure(risks, currency), [risks, currency]);
  const counted = risks.filter(
    (risk) => isActiveRisk(risk) && risk.exposure.currency === currency,
  ).length;
  const shareBp = readPercentBp(share ?? '');
  const money = (amount: { amountMinor: number; currency: string }) =>
    format.money(amount.amountMinor, amount.currency);

  useEffect(() => {
    if (open) form.setFieldsValue({ sectionId: lastSectionId(sections), share: '20' });
  }, [open, form, sections]);

  const submit = async () => {
    const values = await form.validateFields();
    const bp = readPercentBp(values.share);
    if (bp === null) return;
    const line = contingencyLine(
      newLineId(),
      t('contingency.description', { share: format.percent(bp / 10_000, bp % 100 === 0 ? 0 : 2) }),
      exposure,
      bp,
      mode,
    );
    await run(() => onAdd(values.sectionId, [line]));
  };

  return (
    <Modal
      open={open}
      title={t('contingency.title')}
      okText={t('contingency.add')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="quote-exposure">
          {t('contingency.exposure', { currency, amount: money(exposure), count: counted })}
        </Typography.Text>
        {exposure.amountMinor === 0 && (
          <Alert type="info" showIcon title={t('contingency.noRisks', { currency })} />
        )}
        <Typography.Text type="secondary">{t('contingency.help')}</Typography.Text>
      </Flex>
      <Form name="quoteContingency" form={form} layout="vertical" requiredMark={false}>
        <SectionField sections={sections} />
        <Form.Item
          name="share"
          label={t('contingency.share')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                readPercentBp(v ?? '') === null
                  ? reject(t('validation.percent'))
                  : Promise.resolve(),
            },
          ]}
          extra={
            shareBp !== null &&
            t('contingency.amount', { amount: money(contingencyAmount(exposure, shareBp, mode)) })
          }
        >
          <Input inputMode="decimal" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
