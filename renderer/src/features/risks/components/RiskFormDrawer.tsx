import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, Tag } from 'antd';
import type { Deal } from '@shared/domain/deal';
import { addDays, parsePlanDate } from '@shared/domain/dates';
import { minorDigits } from '@shared/domain/money';
import type { Person } from '@shared/domain/person';
import type { Risk } from '@shared/domain/risk';
import { RISK_CATEGORIES, RISK_STATUSES } from '@shared/domain/risk';
import { RISK_LEVELS, scoreBand } from '@shared/risk/register';
import { useDealTaskOptions } from '@renderer/db/hooks/deliverables';
import { isValidAmount } from '@renderer/features/deals/utils/dealForm';
import { useRiskActions } from '@renderer/features/risks/hooks/useRiskActions';
import { BAND_TAG_COLORS } from '@renderer/features/risks/utils/colors';
import type { RiskFormValues } from '@renderer/features/risks/utils/forms';
import { riskFormValues, riskInputFromForm } from '@renderer/features/risks/utils/forms';

interface RiskFormDrawerProps {
  open: boolean;
  deal: Deal;
  /** The risk to edit, or null to add one. */
  risk: Risk | null;
  people: readonly Person[];
  highRiskScore: number;
  onClose: () => void;
}

/** Days from today to a new risk's first review. */
const FIRST_REVIEW_DAYS = 7;

/** Add or edit a risk. Nothing typed is lost when a save fails. */
export function RiskFormDrawer({
  open,
  deal,
  risk,
  people,
  highRiskScore,
  onClose,
}: RiskFormDrawerProps) {
  const { t } = useTranslation('risks');
  const [form] = Form.useForm<RiskFormValues>();
  const actions = useRiskActions();
  const tasks = useDealTaskOptions(deal.id);
  const [saving, setSaving] = useState(false);
  const probability = Form.useWatch('probability', form) ?? risk?.probability ?? 3;
  const impact = Form.useWatch('impact', form) ?? risk?.impact ?? 3;
  const currency = risk?.exposure.currency ?? deal.value.currency;

  useEffect(() => {
    if (!open) return;
    const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
    form.resetFields();
    form.setFieldsValue(riskFormValues(risk, addDays(today, FIRST_REVIEW_DAYS)));
    // Only when the drawer opens: a live update must not reset what the user is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, risk]);

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });
  const maxLength = (field: string, max: number) => ({
    max,
    message: t('validation.tooLong', { field, max }),
  });
  const levelRule = {
    required: true,
    type: 'integer' as const,
    min: 1,
    max: 5,
    message: t('validation.level'),
  };

  const submit = async (values: RiskFormValues) => {
    setSaving(true);
    try {
      const input = riskInputFromForm(values, currency);
      const note = (values.note ?? '').trim();
      if (risk) await actions.update(risk, input, note);
      else await actions.create(deal.id, input, note);
      onClose();
    } catch {
      // The action showed why; the drawer stays open with the values.
    } finally {
      setSaving(false);
    }
  };

  const levelOptions = (scale: 'probability' | 'impact') =>
    RISK_LEVELS.map((level) => ({ value: level, label: `${level} · ${t(`${scale}.${level}`)}` }));
  const score = probability * impact;
  const band = scoreBand(score, highRiskScore);
  const title = risk ? t('form.editTitle') : t('form.createTitle');
  const noTasks = tasks !== undefined && tasks.length === 0;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={600}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {risk ? t('form.save') : t('form.create')}
          </Button>
        </Space>
      }
    >
      <Form<RiskFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        aria-label={title}
      >
        <Form.Item
          name="title"
          label={t('form.title')}
          rules={[required(t('form.title')), maxLength(t('form.title'), 200)]}
        >
          <Input autoComplete="off" placeholder={t('form.titlePlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="category" label={t('form.category')}>
              <Select
                aria-label={t('form.category')}
                options={RISK_CATEGORIES.map((category) => ({
                  value: category,
                  label: t(`category.${category}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={t('form.status')}>
              <Select
                aria-label={t('form.status')}
                options={RISK_STATUSES.map((status) => ({
                  value: status,
                  label: t(`status.${status}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16} align="bottom">
          <Col span={9}>
            <Form.Item name="probability" label={t('form.probability')} rules={[levelRule]}>
              <Select aria-label={t('form.probability')} options={levelOptions('probability')} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name="impact" label={t('form.impact')} rules={[levelRule]}>
              <Select aria-label={t('form.impact')} options={levelOptions('impact')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item>
              <Tag color={BAND_TAG_COLORS[band]} aria-live="polite" style={{ marginInlineEnd: 0 }}>
                {t('form.score', { score, band: t(`band.${band}`) })}
              </Tag>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="exposure"
              label={t('form.exposure', { currency })}
              tooltip={t('form.exposureHelp')}
              rules={[
                {
                  validator: async (_rule, value: string | null | undefined) => {
                    const text = (value ?? '').toString().trim();
                    if (text !== '' && !isValidAmount(text, currency)) {
                      throw new Error(t('validation.exposure', { digits: minorDigits(currency) }));
                    }
                  },
                },
              ]}
            >
              <Input
                inputMode="decimal"
                autoComplete="off"
                aria-label={t('form.exposure', { currency })}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="nextReviewDate"
              label={t('form.nextReview')}
              getValueProps={(value: string | null | undefined) => ({
                value: value ? dayjs(value) : null,
              })}
              normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
            >
              <DatePicker style={{ width: '100%' }} aria-label={t('form.nextReview')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="ownerId" label={t('form.owner')}>
          <Select
            aria-label={t('form.owner')}
            placeholder={t('form.ownerPlaceholder')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={people.map((person) => ({ value: person.id, label: person.name }))}
          />
        </Form.Item>
        <Form.Item
          name="trigger"
          label={t('form.trigger')}
          rules={[maxLength(t('form.trigger'), 2_000)]}
        >
          <Input autoComplete="off" placeholder={t('form.triggerPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="mitigation"
          label={t('form.mitigation')}
          rules={[maxLength(t('form.mitigation'), 10_000)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item
          name="mitigationTaskId"
          label={t('form.mitigationTask')}
          tooltip={t('form.mitigationTaskHelp')}
        >
          <Select
            aria-label={t('form.mitigationTask')}
            placeholder={
              noTasks ? t('form.mitigationTaskEmpty') : t('form.mitigationTaskPlaceholder')
            }
            disabled={noTasks}
            allowClear
            loading={tasks === undefined}
            showSearch={{ optionFilterProp: 'label' }}
            options={(tasks ?? []).map((task) => ({ value: task.id, label: task.name }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('form.description')}
          rules={[maxLength(t('form.description'), 10_000)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {risk && (
          <Form.Item
            name="note"
            label={t('form.note')}
            tooltip={t('form.noteHelp')}
            rules={[maxLength(t('form.note'), 2_000)]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
