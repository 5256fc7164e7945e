import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Deal, KeyDateField } from '@shared/domain/deal';
import { KEY_DATE_FIELDS } from '@shared/domain/deal';
import { DEFAULT_ROLE_IDS } from '@shared/domain/defaults';
import type { CurrencyCode } from '@shared/domain/money';
import { minorDigits, money } from '@shared/domain/money';
import { useAccounts, usePeople, useSettings, useStages } from '@renderer/db/hooks/queries';
import { DuplicateDealCodeError } from '@renderer/db/repositories/deals';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { PlanDateInput } from '@renderer/app/components/PlanDateInput';
import { CreatableSelect } from '@renderer/features/deals/components/CreatableSelect';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';
import type { DealFormValues } from '@renderer/features/deals/utils/dealForm';
import {
  dateOrderViolation,
  dealInputFromForm,
  formValuesFromDeal,
  isValidAmount,
} from '@renderer/features/deals/utils/dealForm';

const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY', 'SGD', 'AUD'] as const;

interface DealFormDrawerProps {
  open: boolean;
  /** The deal to edit, or null to create one. */
  deal: Deal | null;
  suggestedCode: string;
  onClose: () => void;
  onSaved?: (deal: Deal) => void;
}

/** Create or edit a deal. Messages come in the user's language; nothing typed is lost on error. */
/** Memoised: the portfolio re-renders on every sort and keystroke of a search, the form need not. */
export const DealFormDrawer = memo(function DealFormDrawer({
  open,
  deal,
  suggestedCode,
  onClose,
  onSaved,
}: DealFormDrawerProps) {
  const { t } = useTranslation('deals');
  const [language] = useLanguage();
  const [form] = Form.useForm<DealFormValues>();
  const actions = useDealActions();
  const accounts = useAccounts();
  const people = usePeople();
  const stages = useStages();
  const settings = useSettings();
  const [saving, setSaving] = useState(false);
  const currency = Form.useWatch('currency', form) ?? settings?.baseCurrency ?? 'CNY';

  const openStages = useMemo(
    () => (stages ?? []).filter((stage) => stage.kind === 'open'),
    [stages],
  );
  const stageName = (name: { zh: string; en: string }) =>
    language === 'zh-CN' ? name.zh : name.en;

  useEffect(() => {
    if (!open) return;
    if (deal) {
      form.setFieldsValue(formValuesFromDeal(deal));
      return;
    }
    form.resetFields();
    form.setFieldsValue({ code: suggestedCode, pwin: 10, margin: 20, tags: [], keyDates: {} });
    // Only when the drawer opens: later changes to the lists must not reset what the user typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, deal]);

  // A new deal's stage (with its Pwin) and currency come from the stages and settings, which may
  // arrive after the drawer opened (a quick click on a page just opened): they fill the fields
  // the user has not set yet, when the drawer opens and when they arrive.
  const firstStage = openStages[0];
  const baseCurrency = settings?.baseCurrency;
  useEffect(() => {
    if (!open || deal) return;
    if (firstStage && !form.getFieldValue('stageId')) {
      form.setFieldsValue({ stageId: firstStage.id });
      if (!form.isFieldTouched('pwin')) form.setFieldsValue({ pwin: firstStage.defaultPwin });
    }
    if (baseCurrency && !form.isFieldTouched('currency')) {
      form.setFieldsValue({ currency: baseCurrency });
    }
  }, [open, deal, firstStage, baseCurrency, form]);

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });
  const maxLength = (field: string, max: number) => ({
    max,
    message: t('validation.tooLong', { field, max }),
  });

  const dateRule = (field: KeyDateField) => ({
    validator: async () => {
      const earlier = dateOrderViolation(field, form.getFieldValue('keyDates') ?? {});
      if (earlier) {
        throw new Error(
          t('validation.dateOrder', { later: t(`form.${field}`), earlier: t(`form.${earlier}`) }),
        );
      }
    },
  });

  const submit = async (values: DealFormValues) => {
    setSaving(true);
    try {
      const input = dealInputFromForm(values);
      const saved = deal ? await actions.update(deal, input) : await actions.create(input);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      if (error instanceof DuplicateDealCodeError) {
        form.setFields([
          { name: 'code', errors: [t('validation.codeTaken', { code: error.code })] },
        ]);
      }
    } finally {
      setSaving(false);
    }
  };

  const title = deal ? t('form.editTitle', { code: deal.code }) : t('form.createTitle');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={640}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {deal ? t('form.save') : t('form.create')}
          </Button>
        </Space>
      }
    >
      <Form<DealFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        aria-label={title}
        onValuesChange={(changed: Partial<DealFormValues>) => {
          if (changed.keyDates)
            void form
              .validateFields(
                KEY_DATE_FIELDS.map((f) => ['keyDates', f]),
                { recursive: false },
              )
              .catch(() => {});
          if (changed.stageId) {
            const stage = openStages.find((s) => s.id === changed.stageId);
            if (stage) form.setFieldValue('pwin', stage.defaultPwin);
          }
        }}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t('form.code')}
              tooltip={t('form.codeHelp')}
              rules={[required(t('form.code')), maxLength(t('form.code'), 40)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="name"
              label={t('form.name')}
              rules={[required(t('form.name')), maxLength(t('form.name'), 200)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="accountId"
              label={t('form.account')}
              rules={[
                { required: true, message: t('validation.required', { field: t('form.account') }) },
              ]}
            >
              <CreatableSelect
                aria-label={t('form.account')}
                placeholder={t('form.accountPlaceholder')}
                options={(accounts ?? []).map((a) => ({ value: a.id, label: a.name }))}
                createLabel={(name) => t('form.createAccount', { name })}
                onCreate={async (name) => (await actions.createAccount(name)).id}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="ownerId"
              label={t('form.owner')}
              rules={[
                { required: true, message: t('validation.required', { field: t('form.owner') }) },
              ]}
            >
              <CreatableSelect
                aria-label={t('form.owner')}
                placeholder={t('form.ownerPlaceholder')}
                options={(people ?? []).map((p) => ({ value: p.id, label: p.name }))}
                createLabel={(name) => t('form.createOwner', { name })}
                onCreate={async (name) =>
                  (
                    await actions.createPerson({
                      name,
                      roleIds: [DEFAULT_ROLE_IDS.account_executive],
                      costRate: money(0, (settings?.baseCurrency ?? 'CNY') satisfies CurrencyCode),
                    })
                  ).id
                }
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="stageId"
              label={t('form.stage')}
              rules={[
                { required: true, message: t('validation.required', { field: t('form.stage') }) },
              ]}
            >
              <Select
                aria-label={t('form.stage')}
                options={(deal ? (stages ?? []) : openStages).map((s) => ({
                  value: s.id,
                  label: stageName(s.name),
                  disabled: s.kind !== 'open',
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="pwin"
              label={t('form.pwin')}
              tooltip={t('form.pwinHelp')}
              rules={[
                {
                  required: true,
                  type: 'integer',
                  min: 0,
                  max: 100,
                  message: t('validation.pwinRange'),
                },
              ]}
            >
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="margin"
              label={t('form.margin')}
              rules={[
                { type: 'number', min: -100, max: 100, message: t('validation.marginRange') },
              ]}
            >
              <InputNumber min={-100} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item
              name="amount"
              label={t('form.value')}
              rules={[
                { required: true, message: t('validation.required', { field: t('form.value') }) },
                {
                  validator: async (_rule, value: string | null) => {
                    if (
                      value !== null &&
                      value !== undefined &&
                      !isValidAmount(String(value), currency)
                    ) {
                      throw new Error(
                        t('validation.valueInvalid', { digits: minorDigits(currency) }),
                      );
                    }
                  },
                },
              ]}
            >
              <InputNumber<string>
                stringMode
                min="0"
                style={{ width: '100%' }}
                aria-label={t('form.value')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="currency" label={t('form.currency')}>
              <Select
                aria-label={t('form.currency')}
                options={CURRENCIES.map((c) => ({ value: c, label: c }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          {KEY_DATE_FIELDS.map((field) => (
            <Col span={8} key={field}>
              <Form.Item
                name={['keyDates', field]}
                label={t(`form.${field}`)}
                rules={[dateRule(field)]}
              >
                <PlanDateInput aria-label={t(`form.${field}`)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="tags" label={t('form.tags')}>
          <Select
            mode="tags"
            placeholder={t('form.tagsPlaceholder')}
            aria-label={t('form.tags')}
            open={false}
            suffixIcon={null}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('form.description')}
          rules={[maxLength(t('form.description'), 10_000)]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
});
