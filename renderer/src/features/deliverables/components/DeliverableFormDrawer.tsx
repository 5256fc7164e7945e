import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import {
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from 'antd';
import type { Deal } from '@shared/domain/deal';
import type { Deliverable } from '@shared/domain/deliverable';
import { DELIVERABLE_KINDS, DELIVERABLE_STATUSES } from '@shared/domain/deliverable';
import type { Person } from '@shared/domain/person';
import { useDealTaskOptions } from '@renderer/db/hooks/deliverables';
import { useDeliverableActions } from '@renderer/features/deliverables/hooks/useDeliverableActions';
import type { DeliverableFormValues } from '@renderer/features/deliverables/utils/forms';
import {
  deliverableFormValues,
  deliverableInputFromForm,
} from '@renderer/features/deliverables/utils/forms';

interface DeliverableFormDrawerProps {
  open: boolean;
  deal: Deal;
  /** The deliverable to edit, or null to add one. */
  deliverable: Deliverable | null;
  people: readonly Person[];
  onClose: () => void;
}

/** Add or edit a proposal volume or document. Nothing typed is lost when a save fails. */
export function DeliverableFormDrawer({
  open,
  deal,
  deliverable,
  people,
  onClose,
}: DeliverableFormDrawerProps) {
  const { t } = useTranslation('deliverables');
  const [form] = Form.useForm<DeliverableFormValues>();
  const actions = useDeliverableActions();
  const tasks = useDealTaskOptions(deal.id);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(deliverableFormValues(deliverable, deal.keyDates.submissionDue));
    // Only when the drawer opens: a live update must not reset what the user is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, deliverable]);

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });
  const maxLength = (field: string, max: number) => ({
    max,
    message: t('validation.tooLong', { field, max }),
  });

  const submit = async (values: DeliverableFormValues) => {
    setSaving(true);
    try {
      const input = deliverableInputFromForm(values);
      if (deliverable) await actions.update(deliverable, input);
      else await actions.create(deal.id, input);
      onClose();
    } catch {
      // The action showed why; the drawer stays open with the values.
    } finally {
      setSaving(false);
    }
  };

  const title = deliverable ? t('form.editTitle') : t('form.createTitle');
  const noTasks = tasks !== undefined && tasks.length === 0;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {deliverable ? t('form.save') : t('form.create')}
          </Button>
        </Space>
      }
    >
      <Form<DeliverableFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        aria-label={title}
      >
        <Form.Item
          name="name"
          label={t('form.name')}
          rules={[required(t('form.name')), maxLength(t('form.name'), 200)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label={t('form.kind')}>
              <Select
                aria-label={t('form.kind')}
                options={DELIVERABLE_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`kind.${kind}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={t('form.status')}>
              <Select
                aria-label={t('form.status')}
                options={DELIVERABLE_STATUSES.map((status) => ({
                  value: status,
                  label: t(`status.${status}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="ownerId" label={t('form.owner')}>
              <Select
                aria-label={t('form.owner')}
                placeholder={t('form.ownerPlaceholder')}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={people.map((person) => ({ value: person.id, label: person.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="dueDate"
              label={t('form.dueDate')}
              rules={[
                { required: true, message: t('validation.required', { field: t('form.dueDate') }) },
              ]}
              getValueProps={(value: string | null | undefined) => ({
                value: value ? dayjs(value) : null,
              })}
              normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
            >
              <DatePicker style={{ width: '100%' }} aria-label={t('form.dueDate')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="pageLimit"
          label={t('form.pageLimit')}
          tooltip={t('form.pageLimitHelp')}
          rules={[
            {
              type: 'integer',
              min: 1,
              max: 100_000,
              message: t('validation.pageLimit'),
            },
          ]}
        >
          <InputNumber
            min={1}
            max={100_000}
            precision={0}
            style={{ width: 160 }}
            aria-label={t('form.pageLimit')}
          />
        </Form.Item>
        <Form.Item name="taskIds" label={t('form.tasks')} tooltip={t('form.tasksHelp')}>
          <Select
            mode="multiple"
            aria-label={t('form.tasks')}
            placeholder={noTasks ? t('form.tasksEmpty') : t('form.tasksPlaceholder')}
            disabled={noTasks}
            loading={tasks === undefined}
            showSearch={{ optionFilterProp: 'label' }}
            options={(tasks ?? []).map((task) => ({ value: task.id, label: task.name }))}
          />
        </Form.Item>
        <Form.Item
          name="notes"
          label={t('form.notes')}
          rules={[maxLength(t('form.notes'), 10_000)]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
