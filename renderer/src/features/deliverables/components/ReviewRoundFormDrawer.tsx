import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import {
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Deliverable, ReviewRound } from '@shared/domain/deliverable';
import { REVIEW_KINDS } from '@shared/domain/deliverable';
import { parsePlanDate } from '@shared/domain/dates';
import type { Person } from '@shared/domain/person';
import { useDeliverableActions } from '@renderer/features/deliverables/hooks/useDeliverableActions';
import type { RoundFormValues } from '@renderer/features/deliverables/utils/forms';
import {
  nextRoundKind,
  roundFormValues,
  roundInputFromForm,
} from '@renderer/features/deliverables/utils/forms';

interface ReviewRoundFormDrawerProps {
  open: boolean;
  deliverable: Deliverable;
  /** The round to edit, or null to record a new one. */
  round: ReviewRound | null;
  /** The deliverable's rounds so far, to suggest which review comes next. */
  rounds: readonly ReviewRound[];
  people: readonly Person[];
  onClose: () => void;
}

/** Record or edit a colour-team review: who reviewed, when, the score and each comment. */
export function ReviewRoundFormDrawer({
  open,
  deliverable,
  round,
  rounds,
  people,
  onClose,
}: ReviewRoundFormDrawerProps) {
  const { t } = useTranslation('deliverables');
  const [form] = Form.useForm<RoundFormValues>();
  const actions = useDeliverableActions();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      roundFormValues(round, {
        kind: nextRoundKind(rounds),
        today: parsePlanDate(dayjs().format('YYYY-MM-DD')),
      }),
    );
    // Only when the drawer opens: a live update must not reset what the user is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, round]);

  const submit = async (values: RoundFormValues) => {
    setSaving(true);
    try {
      const input = roundInputFromForm(values);
      if (round) await actions.updateRound(round, input);
      else await actions.addRound(deliverable, input);
      onClose();
    } catch {
      // The action showed why; the drawer stays open with the values.
    } finally {
      setSaving(false);
    }
  };

  const title = round ? t('roundForm.editTitle') : t('roundForm.createTitle');
  const personOptions = people.map((person) => ({ value: person.id, label: person.name }));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('roundForm.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {round ? t('roundForm.save') : t('roundForm.create')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('roundForm.of', { name: deliverable.name })}
      </Typography.Paragraph>
      <Form<RoundFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        aria-label={title}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label={t('roundForm.kind')}>
              <Select
                aria-label={t('roundForm.kind')}
                options={REVIEW_KINDS.map((kind) => ({ value: kind, label: t(`review.${kind}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="date"
              label={t('roundForm.date')}
              rules={[
                {
                  required: true,
                  message: t('validation.required', { field: t('roundForm.date') }),
                },
              ]}
              getValueProps={(value: string | null | undefined) => ({
                value: value ? dayjs(value) : null,
              })}
              normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
            >
              <DatePicker style={{ width: '100%' }} aria-label={t('roundForm.date')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="reviewerId" label={t('roundForm.reviewer')}>
              <Select
                aria-label={t('roundForm.reviewer')}
                placeholder={t('roundForm.reviewerPlaceholder')}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={personOptions}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="score"
              label={t('roundForm.score')}
              tooltip={t('roundForm.scoreHelp')}
              rules={[{ type: 'integer', min: 0, max: 100, message: t('validation.score') }]}
            >
              <InputNumber
                min={0}
                max={100}
                precision={0}
                style={{ width: '100%' }}
                aria-label={t('roundForm.score')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('roundForm.comments')}</Typography.Text>
        <Form.List name="comments">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, 'text']}
                    rules={[
                      { required: true, whitespace: true, message: t('validation.comment') },
                      {
                        max: 5_000,
                        message: t('validation.tooLong', {
                          field: t('roundForm.comment', { n: index + 1 }),
                          max: 5_000,
                        }),
                      },
                    ]}
                    style={{ flex: 1, marginBottom: 0 }}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 6 }}
                      aria-label={t('roundForm.comment', { n: index + 1 })}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'resolved']}
                    valuePropName="checked"
                    style={{ marginBottom: 0, paddingTop: 5 }}
                  >
                    <Checkbox>{t('roundForm.resolved')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('roundForm.removeComment', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ authorId: null, text: '', resolved: false })}
              >
                {t('roundForm.addComment')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
