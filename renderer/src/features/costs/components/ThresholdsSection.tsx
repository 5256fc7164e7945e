import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Form, Input, InputNumber, Skeleton, Typography } from 'antd';
import type { Thresholds } from '@shared/domain/settings';
import { thresholdsSchema } from '@shared/domain/settings';
import { minorDigits } from '@shared/domain/money';
import { useSettings } from '@renderer/db/hooks/queries';
import { useCostActions } from '@renderer/features/costs/hooks/useCostActions';
import { amountText, readAmount } from '@renderer/features/costs/utils/amount';

type NumberField = Exclude<keyof Thresholds, 'highRiskExposure'>;
type Unit = 'pct' | 'days' | 'workingDays' | 'points' | 'score';

/** The number fields in the order shown, with their unit and whether decimals are allowed. */
const NUMBER_FIELDS: readonly { key: NumberField; unit: Unit; decimals?: boolean }[] = [
  { key: 'budgetWarnPct', unit: 'pct' },
  { key: 'costOfSaleWarnPct', unit: 'pct', decimals: true },
  { key: 'staleActivityDays', unit: 'days' },
  { key: 'slipToleranceDays', unit: 'workingDays' },
  { key: 'submissionSlackWarnDays', unit: 'workingDays' },
  { key: 'highRiskScore', unit: 'score' },
  { key: 'pwinDropPoints', unit: 'points' },
  { key: 'overAllocationPct', unit: 'pct' },
  { key: 'renewalNoticeDays', unit: 'days' },
];

/** The limits of a field, read from the settings schema so the form and storage agree. */
function limitsOf(key: NumberField): { min: number; max: number } {
  const schema = thresholdsSchema.shape[key];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

type Values = Record<NumberField, number | null> & { highRiskExposure: string };

/**
 * Settings → Warnings and thresholds: every limit that turns a figure into a warning (budget,
 * cost of sale, staleness, slip, risk, allocation), with its unit and what it does. Checked
 * against the settings schema before saving; a refused value keeps everything typed.
 */
export default function ThresholdsSection() {
  const { t } = useTranslation('costs');
  const settings = useSettings();
  const actions = useCostActions();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);

  const stored = settings?.thresholds;
  useEffect(() => {
    if (stored === undefined || dirty) return;
    form.setFieldsValue({
      ...Object.fromEntries(NUMBER_FIELDS.map(({ key }) => [key, stored[key]])),
      highRiskExposure: amountText(stored.highRiskExposure),
    } as Values);
  }, [stored, dirty, form]);

  if (settings === undefined) return <Skeleton active paragraph={{ rows: 6 }} />;
  const currency = settings.baseCurrency;

  const save = async (values: Values) => {
    const exposure = readAmount(values.highRiskExposure, currency, {
      allowNegative: false,
      allowZero: true,
    });
    if (!exposure.ok) return;
    const parsed = thresholdsSchema.safeParse({ ...values, highRiskExposure: exposure.value });
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((issue) => ({
          name: String(issue.path[0]) as keyof Values,
          errors: [t('thresholds.invalid')],
        })),
      );
      return;
    }
    setSaving(true);
    try {
      await actions.saveThresholds(settings, parsed.data);
      setDirty(false);
    } catch {
      // Reported by the action; the form keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '180px' }}
      labelAlign="left"
      labelWrap
      colon={false}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void save(values)}
      aria-label={t('thresholds.title')}
    >
      <Typography.Paragraph type="secondary">{t('thresholds.intro')}</Typography.Paragraph>
      {NUMBER_FIELDS.map(({ key, unit, decimals }) => {
        const { min, max } = limitsOf(key);
        const label = t(`thresholds.fields.${key}`);
        return (
          <Form.Item
            key={key}
            name={key}
            label={label}
            extra={t(`thresholds.fields.${key}Help`)}
            rules={[
              {
                validator: (_, value: number | null | undefined) =>
                  typeof value === 'number' &&
                  value >= min &&
                  value <= max &&
                  (decimals === true || Number.isInteger(value))
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(
                          t(decimals === true ? 'thresholds.range' : 'thresholds.rangeWhole', {
                            min,
                            max,
                          }),
                        ),
                      ),
              },
            ]}
          >
            <InputNumber<number>
              aria-label={label}
              step={1}
              style={{ width: 200 }}
              suffix={t(`thresholds.units.${unit}`)}
            />
          </Form.Item>
        );
      })}
      <Form.Item
        name="highRiskExposure"
        label={t('thresholds.fields.highRiskExposure')}
        extra={t('thresholds.fields.highRiskExposureHelp')}
        rules={[
          {
            validator: (_, value: string | undefined) =>
              readAmount(value ?? '', currency, { allowNegative: false, allowZero: true }).ok
                ? Promise.resolve()
                : Promise.reject(
                    new Error(t('thresholds.amount', { digits: minorDigits(currency) })),
                  ),
          },
        ]}
      >
        <Input
          aria-label={t('thresholds.fields.highRiskExposure')}
          inputMode="decimal"
          style={{ width: 200 }}
          suffix={currency}
        />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={saving} disabled={!dirty}>
          {t('thresholds.save')}
        </Button>
        <Button
          disabled={!dirty}
          onClick={() => {
            form.resetFields();
            setDirty(false);
          }}
        >
          {t('thresholds.reset')}
        </Button>
      </Flex>
    </Form>
  );
}
