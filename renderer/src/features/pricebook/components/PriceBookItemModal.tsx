import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import type { PlanDate } from '@shared/domain/dates';
import { minorDigits } from '@shared/domain/money';
import type { PriceBookItem } from '@shared/domain/price-book';
import { PRICE_BOOK_KINDS } from '@shared/domain/price-book';
import type { PriceBookInput } from '@renderer/db/repositories/quotes';
import { amountText, readAmount } from '@renderer/features/costs/utils/amount';
import { useFormat } from '@renderer/i18n/useFormat';
import { PlanDateInput } from '@renderer/app/components/PlanDateInput';

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY', 'SGD', 'AUD'] as const;

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: 'product' | 'service';
  currency: string;
  listPrice: string;
  cost: string;
  validFrom: PlanDate | null;
  validTo: PlanDate | null;
}

/**
 * Adds or edits one price book item. Amounts are typed in major units and read exactly; a validity
 * that ends before it starts is refused at the field, and a cost above the list price is shown
 * as a warning but may be saved. A refused save keeps everything typed.
 */
export function PriceBookItemModal({
  open,
  item,
  baseCurrency,
  onSave,
  onClose,
}: {
  open: boolean;
  item: PriceBookItem | null;
  baseCurrency: string;
  onSave: (input: PriceBookInput) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation('pricebook');
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const currency = Form.useWatch('currency', form) ?? item?.listPrice.currency ?? baseCurrency;
  const listPrice = Form.useWatch('listPrice', form);
  const cost = Form.useWatch('cost', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      item === null
        ? {
            code: '',
            nameZh: '',
            nameEn: '',
            unit: '',
            kind: 'product',
            currency: baseCurrency,
            listPrice: '',
            cost: '',
            validFrom: null,
            validTo: null,
          }
        : {
            code: item.code,
            nameZh: item.name.zh,
            nameEn: item.name.en,
            unit: item.unit,
            kind: item.kind ?? 'product',
            currency: item.listPrice.currency,
            listPrice: amountText(item.listPrice),
            cost: amountText(item.cost),
            validFrom: item.validFrom,
            validTo: item.validTo,
          },
    );
  }, [open, item, baseCurrency, form]);

  const amountRule = {
    validator: (_: unknown, value: string | undefined) =>
      readAmount(value ?? '', currency, { allowNegative: false, allowZero: true }).ok
        ? Promise.resolve()
        : Promise.reject(new Error(t('validation.amount', { digits: minorDigits(currency) }))),
  };
  const priceRead = readAmount(listPrice ?? '', currency, {
    allowNegative: false,
    allowZero: true,
  });
  const costRead = readAmount(cost ?? '', currency, { allowNegative: false, allowZero: true });
  const costAbove =
    priceRead.ok && costRead.ok && costRead.value.amountMinor > priceRead.value.amountMinor;

  const submit = async (values: Values) => {
    const price = readAmount(values.listPrice, values.currency, {
      allowNegative: false,
      allowZero: true,
    });
    const itemCost = readAmount(values.cost, values.currency, {
      allowNegative: false,
      allowZero: true,
    });
    if (!price.ok || !itemCost.ok) return;
    setSaving(true);
    try {
      await onSave({
        code: values.code.trim(),
        name: { zh: values.nameZh.trim(), en: values.nameEn.trim() },
        unit: values.unit.trim(),
        kind: values.kind,
        listPrice: price.value,
        cost: itemCost.value,
        validFrom: values.validFrom,
        validTo: values.validTo,
      });
      onClose();
    } catch {
      // Reported by the action; the form keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  const title = item === null ? t('form.addTitle') : t('form.editTitle', { code: item.code });
  return (
    <Modal
      open={open}
      title={title}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={620}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        aria-label={title}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('form.code')}
              rules={[
                { required: true, whitespace: true, message: t('validation.code') },
                { max: 40, message: t('validation.tooLong', { max: 40 }) },
              ]}
            >
              <Input aria-label={t('form.code')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t('form.kind')}>
              <Select
                aria-label={t('form.kind')}
                options={PRICE_BOOK_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`kind.${kind}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="nameZh"
              label={t('form.nameZh')}
              dependencies={['nameEn']}
              rules={[
                { max: 200, message: t('validation.tooLong', { max: 200 }) },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    (value ?? '').trim() !== '' ||
                    String(getFieldValue('nameEn') ?? '').trim() !== ''
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('validation.name'))),
                }),
              ]}
            >
              <Input aria-label={t('form.nameZh')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="nameEn"
              label={t('form.nameEn')}
              extra={t('form.nameHelp')}
              rules={[{ max: 200, message: t('validation.tooLong', { max: 200 }) }]}
            >
              <Input aria-label={t('form.nameEn')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="unit"
              label={t('form.unit')}
              rules={[{ max: 20, message: t('validation.tooLong', { max: 20 }) }]}
            >
              <Input aria-label={t('form.unit')} placeholder={t('form.unitPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="currency" label={t('form.currency')}>
              <Select
                aria-label={t('form.currency')}
                options={CURRENCIES.map((c) => ({ value: c, label: c }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="listPrice"
              label={t('form.listPrice', { currency })}
              rules={[amountRule]}
            >
              <Input aria-label={t('form.listPrice', { currency })} inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="cost" label={t('form.cost', { currency })} rules={[amountRule]}>
              <Input aria-label={t('form.cost', { currency })} inputMode="decimal" />
            </Form.Item>
          </Col>
        </Row>
        {costAbove && (
          <Alert type="warning" showIcon title={t('form.costAbovePrice')} role="status" />
        )}
        <Row gutter={12} style={{ marginTop: costAbove ? 16 : 0 }}>
          <Col span={12}>
            <Form.Item name="validFrom" label={t('form.validFrom')}>
              <PlanDateInput aria-label={t('form.validFrom')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="validTo"
              label={t('form.validTo')}
              dependencies={['validFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, to: PlanDate | null | undefined) => {
                    const from = getFieldValue('validFrom') as PlanDate | null;
                    return !from || !to || to >= from
                      ? Promise.resolve()
                      : Promise.reject(
                          new Error(t('validation.validTo', { from: format.date(from) })),
                        );
                  },
                }),
              ]}
            >
              <PlanDateInput aria-label={t('form.validTo')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
