import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { PlanDate } from '@shared/domain/dates';
import { parsePlanDate } from '@shared/domain/dates';
import { OUTCOME_REASONS } from '@shared/domain/deal';
import type { OutcomeReason } from '@shared/domain/deal';
import type { Stage } from '@shared/domain/sales-process';
import { inLocale, OUTCOME_REASON_NAMES } from '@shared/pipeline/labels';
import type { StageMoveOutcome } from '@shared/pipeline/stage-move';
import { useLanguage } from '@renderer/i18n/useLanguage';

/** The longest note a deal keeps about its outcome (the deal schema's limit). */
const NOTE_MAX = 5_000;

interface OutcomeValues {
  reason?: OutcomeReason;
  note?: string;
  date?: Dayjs | null;
}

export interface OutcomeDialogProps {
  deal: { readonly code: string; readonly name: string };
  target: Stage;
  today: PlanDate;
  onSubmit: (outcome: StageMoveOutcome) => void;
  onCancel: () => void;
}

/**
 * Asks how a deal closed before it is moved to a won, lost or no-bid stage: the main reason, a
 * note, and the day the outcome was known (today unless changed; never a future day).
 */
export function OutcomeDialog({ deal, target, today, onSubmit, onCancel }: OutcomeDialogProps) {
  const { t } = useTranslation('pipeline');
  const [language] = useLanguage();
  const [form] = Form.useForm<OutcomeValues>();
  const stageName = inLocale(target.name, language);

  const submit = (values: OutcomeValues) => {
    if (!values.reason || !values.date) return;
    onSubmit({
      reason: values.reason,
      note: (values.note ?? '').trim(),
      date: parsePlanDate(values.date.format('YYYY-MM-DD')),
    });
  };

  return (
    <Modal
      open
      title={t('outcome.title', { code: deal.code, stage: stageName })}
      okText={t('outcome.ok')}
      cancelText={t('outcome.cancel')}
      okButtonProps={{ danger: target.kind !== 'won', htmlType: 'submit' }}
      onCancel={onCancel}
      modalRender={(node) => (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ date: dayjs(today), note: '' }}
          onFinish={submit}
        >
          {node}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 16 }}>
        {deal.name}
      </Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('outcome.reason')}
        rules={[{ required: true, message: t('outcome.reasonRequired') }]}
      >
        <Select<OutcomeReason>
          autoFocus
          aria-label={t('outcome.reason')}
          placeholder={t('outcome.reasonPlaceholder')}
          options={OUTCOME_REASONS.map((reason) => ({
            value: reason,
            label: inLocale(OUTCOME_REASON_NAMES[reason], language),
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('outcome.note')}>
        <Input.TextArea
          aria-label={t('outcome.note')}
          placeholder={t('outcome.notePlaceholder')}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={NOTE_MAX}
          showCount
        />
      </Form.Item>
      <Form.Item
        name="date"
        label={t('outcome.date')}
        extra={t('outcome.dateHelp')}
        rules={[
          { required: true, message: t('outcome.dateRequired') },
          {
            validator: (_, value: Dayjs | null | undefined) =>
              value && value.format('YYYY-MM-DD') > today
                ? Promise.reject(new Error(t('outcome.dateInFuture')))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker
          aria-label={t('outcome.date')}
          style={{ width: '100%' }}
          disabledDate={(day) => day.format('YYYY-MM-DD') > today}
        />
      </Form.Item>
    </Modal>
  );
}
