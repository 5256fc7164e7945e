import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { COMMISSION_BASES, COMMISSION_PLAN_KINDS, TIER_MODES } from '@shared/domain/commission';
import type { CommissionPlan } from '@shared/domain/commission';
import type { CurrencyCode } from '@shared/domain/money';
import { PERIOD_KINDS } from '@shared/domain/period';
import { useCompensationActions } from '@renderer/features/compensation/hooks/useCompensationActions';
import { inputPrecision } from '@renderer/features/compensation/utils/labels';
import {
  formToPlan,
  NEW_PLAN,
  planToForm,
  type PlanFormMessage,
  type PlanFormValues,
} from '@renderer/features/compensation/utils/planForm';

export type PlanEditing =
  { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; plan: CommissionPlan };

interface Props {
  readonly editing: PlanEditing;
  readonly currency: CurrencyCode;
  readonly onClose: () => void;
}

/** Creates or edits a commission plan: flat or tiered, bands, accelerators, cap, draw. */
export function PlanDrawer({ editing, currency: baseCurrency, onClose }: Props) {
  const { t } = useTranslation('compensation');
  const actions = useCompensationActions();
  const [form] = Form.useForm<PlanFormValues>();
  const [problem, setProblem] = useState<PlanFormMessage | null>(null);
  const [saving, setSaving] = useState(false);
  const open = editing.mode !== 'closed';
  const currency = editing.mode === 'edit' ? editing.plan.currency : baseCurrency;
  const kind = Form.useWatch('kind', form);
  const drawKind = Form.useWatch('drawKind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing.mode === 'edit' ? planToForm(editing.plan) : NEW_PLAN);
  }, [open, editing, form]);
  const [seen, setSeen] = useState(editing);
  if (seen !== editing) {
    setSeen(editing);
    setProblem(null);
  }

  const submit = async () => {
    const values = await form.validateFields();
    const result = formToPlan({ ...NEW_PLAN, ...values }, currency);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    setSaving(true);
    try {
      if (editing.mode === 'edit') await actions.updatePlan(editing.plan, result.plan);
      else await actions.createPlan(result.plan);
      onClose();
    } catch {
      // Reported by the action; the form keeps its values.
    } finally {
      setSaving(false);
    }
  };

  const precision = inputPrecision(currency);
  return (
    <Drawer
      open={open}
      width={560}
      title={editing.mode === 'edit' ? t('planForm.editTitle') : t('planForm.addTitle')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('planForm.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            {t('planForm.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" initialValues={NEW_PLAN}>
        {problem !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t(`planForm.${problem}`)}
          />
        )}
        <Form.Item
          name="name"
          label={t('planForm.name')}
          rules={[{ required: true, whitespace: true, message: t('planForm.nameRequired') }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={t('planForm.kind')}>
            <Radio.Group
              optionType="button"
              options={COMMISSION_PLAN_KINDS.map((k) => ({
                value: k,
                label: t(`plans.kinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="basis" label={t('planForm.basis')}>
            <Select
              style={{ width: 120 }}
              options={COMMISSION_BASES.map((b) => ({ value: b, label: t(`basis.${b}`) }))}
            />
          </Form.Item>
          <Form.Item name="periodKind" label={t('planForm.periodKind')}>
            <Select
              style={{ width: 120 }}
              options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`period.kinds.${k}`) }))}
            />
          </Form.Item>
        </Flex>
        {kind === 'flat' ? (
          <Form.Item
            name="flatRatePct"
            label={t('planForm.flatRate')}
            rules={[{ required: true, message: t('planForm.rateRequired') }]}
          >
            <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
          </Form.Item>
        ) : (
          <>
            <Form.Item label={t('planForm.tiers')} style={{ marginBottom: 8 }}>
              <Form.List name="tiers">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={8}>
                    {fields.map((field, index) => (
                      <Flex key={field.key} gap={8} align="center">
                        <Form.Item name={[field.name, 'fromPct']} noStyle>
                          <InputNumber
                            aria-label={`${t('planForm.tierFrom')} ${index + 1}`}
                            placeholder={t('planForm.tierFrom')}
                            min={0}
                            max={10_000}
                            precision={0}
                            style={{ width: 200 }}
                            suffix="%"
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'ratePct']} noStyle>
                          <InputNumber
                            aria-label={`${t('planForm.tierRate')} ${index + 1}`}
                            placeholder={t('planForm.tierRate')}
                            min={0}
                            max={100}
                            precision={2}
                            style={{ width: 160 }}
                            suffix="%"
                          />
                        </Form.Item>
                        <Button
                          aria-label={t('planForm.removeTier')}
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                        />
                      </Flex>
                    ))}
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add({ fromPct: null, ratePct: null })}
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {t('planForm.addTier')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item name="tierMode" label={t('planForm.tierMode')}>
              <Radio.Group>
                <Flex vertical gap={4}>
                  {TIER_MODES.map((mode) => (
                    <Radio key={mode} value={mode}>
                      {t(`planForm.modes.${mode}`)}
                    </Radio>
                  ))}
                </Flex>
              </Radio.Group>
            </Form.Item>
          </>
        )}
        <Form.Item label={t('planForm.accelerators')} style={{ marginBottom: 8 }}>
          <Form.List name="accelerators">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="center">
                    <Form.Item name={[field.name, 'abovePct']} noStyle>
                      <InputNumber
                        aria-label={`${t('planForm.acceleratorAbove')} ${index + 1}`}
                        placeholder={t('planForm.acceleratorAbove')}
                        min={0}
                        max={10_000}
                        precision={0}
                        style={{ width: 200 }}
                        suffix="%"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'multiplierPct']} noStyle>
                      <InputNumber
                        aria-label={`${t('planForm.acceleratorMultiplier')} ${index + 1}`}
                        placeholder={t('planForm.acceleratorMultiplier')}
                        min={100}
                        max={1_000}
                        precision={0}
                        style={{ width: 200 }}
                        suffix="%"
                      />
                    </Form.Item>
                    <Button
                      aria-label={t('planForm.removeAccelerator')}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ abovePct: 100, multiplierPct: 150 })}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('planForm.addAccelerator')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="cap" label={t('planForm.cap', { currency })} help={t('planForm.capHelp')}>
          <InputNumber min={0} precision={precision} style={{ width: 200 }} />
        </Form.Item>
        <Flex gap={12} wrap style={{ marginTop: 16 }}>
          <Form.Item name="drawKind" label={t('planForm.drawKind')}>
            <Select
              style={{ width: 180 }}
              options={[
                { value: 'none', label: t('planForm.drawNone') },
                { value: 'recoverable', label: t('plans.drawKinds.recoverable') },
                { value: 'non_recoverable', label: t('plans.drawKinds.non_recoverable') },
              ]}
            />
          </Form.Item>
          {drawKind !== undefined && drawKind !== 'none' && (
            <Form.Item
              name="drawAmount"
              label={t('planForm.drawAmount', { currency })}
              rules={[{ required: true, message: t('planForm.drawAmountRequired') }]}
            >
              <InputNumber min={0} precision={precision} style={{ width: 200 }} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="notes" label={t('planForm.notes')}>
          <Input.TextArea rows={3} maxLength={5_000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
