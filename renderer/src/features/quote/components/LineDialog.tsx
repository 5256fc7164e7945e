import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Input, Modal, Tag } from 'antd';
import type { QuoteLine } from '@shared/domain/quote';
import { amountText, readAmount } from '@renderer/features/costs/utils/amount';
import { percentText, readPercentBp, readQuantity } from '@renderer/features/quote/utils/inputs';

interface LineValues {
  code: string;
  description: string;
  quantity: string;
  unit: string;
  unitCost: string;
  unitPrice: string;
  discount: string;
  tax: string;
}

function valuesOf(line: QuoteLine): LineValues {
  return {
    code: line.code,
    description: line.description,
    quantity: String(line.quantity),
    unit: line.unit,
    unitCost: amountText(line.unitCost),
    unitPrice: amountText(line.unitPrice),
    discount: percentText(line.discountBp),
    tax: percentText(line.taxRateBp),
  };
}

interface LineDialogProps {
  /** The line to edit, or a blank one to add; null when closed. */
  line: QuoteLine | null;
  title: string;
  currency: string;
  onSave: (line: QuoteLine) => Promise<unknown>;
  onClose: () => void;
}

/**
 * One quote line in a form: money in major units of the quote's currency, percentages as typed
 * (12.5), each field checked as it is typed with a message that says what to enter. A refused
 * save keeps the dialog open with what was typed.
 */
export function LineDialog({ line, title, currency, onSave, onClose }: LineDialogProps) {
  const { t } = useTranslation('quote');
  const [form] = Form.useForm<LineValues>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (line !== null) form.setFieldsValue(valuesOf(line));
  }, [line, form]);

  const check =
    (read: (text: string) => unknown, messageKey: string, vars?: Record<string, string>) =>
    (_: unknown, value: string | undefined) =>
      read(value ?? '') === null
        ? Promise.reject(new Error(t(messageKey as 'validation.quantity', vars)))
        : Promise.resolve();
  const money = (text: string) => {
    const read = readAmount(text, currency, { allowNegative: false, allowZero: true });
    return read.ok ? read.value : null;
  };

  const submit = async () => {
    if (line === null) return;
    const values = await form.validateFields();
    const unitCost = money(values.unitCost);
    const unitPrice = money(values.unitPrice);
    const quantity = readQuantity(values.quantity);
    const discountBp = readPercentBp(values.discount);
    const taxRateBp = readPercentBp(values.tax);
    if (
      unitCost === null ||
      unitPrice === null ||
      quantity === null ||
      discountBp === null ||
      taxRateBp === null
    )
      return;
    setSaving(true);
    try {
      await onSave({
        ...line,
        code: values.code.trim(),
        description: values.description.trim(),
        unit: values.unit.trim(),
        quantity,
        unitCost,
        unitPrice,
        discountBp,
        taxRateBp,
      });
      onClose();
    } catch {
      // The message is shown by the action; the dialog keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={line !== null}
      title={title}
      okText={t('lines.dialog.save')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      {line !== null && line.kind !== 'item' && (
        <Tag style={{ marginBottom: 12 }}>{t(`lines.kind.${line.kind}`)}</Tag>
      )}
      <Form
        name="quoteLine"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={() => void submit()}
      >
        <Form.Item
          name="description"
          label={t('lines.dialog.description')}
          rules={[{ required: true, whitespace: true, message: t('validation.description') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 12 }}>
          <Form.Item name="code" label={t('lines.dialog.code')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="quantity"
            label={t('lines.dialog.quantity')}
            rules={[{ validator: check(readQuantity, 'validation.quantity') }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="unit" label={t('lines.dialog.unit')}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="unitCost"
            label={t('lines.dialog.unitCost', { currency })}
            rules={[{ validator: check(money, 'validation.amount', { currency }) }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item
            name="unitPrice"
            label={t('lines.dialog.unitPrice', { currency })}
            rules={[{ validator: check(money, 'validation.amount', { currency }) }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <div />
          <Form.Item
            name="discount"
            label={t('lines.dialog.discount')}
            rules={[{ validator: check(readPercentBp, 'validation.percent') }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item
            name="tax"
            label={t('lines.dialog.tax')}
            rules={[{ validator: check(readPercentBp, 'validation.percent') }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </div>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

interface NameDialogProps {
  open: boolean;
  title: string;
  label: string;
  initial: string;
  requiredMessage: string;
  okText?: string;
  maxLength?: number;
  onSave: (name: string) => Promise<unknown>;
  onClose: () => void;
}

/** Asks for one name (a section's): trimmed, required. */
export function NameDialog({
  open,
  title,
  label,
  initial,
  requiredMessage,
  okText,
  maxLength = 200,
  onSave,
  onClose,
}: NameDialogProps) {
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) form.setFieldsValue({ name: initial });
  }, [open, initial, form]);
  const submit = async () => {
    const { name } = await form.validateFields();
    setSaving(true);
    try {
      await onSave(name.trim());
      onClose();
    } catch {
      // shown by the action
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        name="quoteSectionName"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={() => void submit()}
      >
        <Form.Item
          name="name"
          label={label}
          rules={[{ required: true, whitespace: true, message: requiredMessage }]}
        >
          <Input maxLength={maxLength} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
