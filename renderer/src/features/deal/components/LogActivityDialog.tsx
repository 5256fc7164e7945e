import { useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import type { InputRef } from 'antd';
import type { ActivityType } from '@shared/domain/activity';
import type { Deal } from '@shared/domain/deal';
import type { ContactId } from '@shared/domain/ids';
import { useContactsFor } from '@renderer/db/hooks/queries';
import { useWorkspaceActions } from '@renderer/features/deal/hooks/useWorkspaceActions';

/** The kinds of work a person logs, most frequent first. */
const LOGGED_TYPES = [
  'meeting',
  'call',
  'site_visit',
  'email',
  'note',
] as const satisfies readonly Exclude<ActivityType, 'system'>[];

const SUMMARY_MAX = 500;
const DETAILS_MAX = 20_000;

interface LogValues {
  type: (typeof LOGGED_TYPES)[number];
  at: Dayjs | null;
  summary: string;
  details?: string;
  contactIds?: ContactId[];
}

interface LogActivityDialogProps {
  deal: Deal;
  open: boolean;
  onClose: () => void;
}

/**
 * Log a call, meeting, visit, email or note on the deal. Built for speed: it opens (Ctrl/Cmd+L)
 * with a meeting happening now and the summary focused, and Enter saves.
 */
export function LogActivityDialog({ deal, open, onClose }: LogActivityDialogProps) {
  const { t } = useTranslation('deal');
  const summaryRef = useRef<InputRef>(null);
  return (
    <Modal
      open={open}
      title={t('log.title')}
      onCancel={onClose}
      footer={null}
      width={600}
      destroyOnHidden
      // Once the dialog is shown (at once with reduced motion), the summary takes the focus: the
      // dialog would otherwise keep it on its own frame.
      afterOpenChange={(shown) => {
        if (shown) summaryRef.current?.focus();
      }}
    >
      {open && <LogActivityForm deal={deal} onClose={onClose} summaryRef={summaryRef} />}
    </Modal>
  );
}

function LogActivityForm({
  deal,
  onClose,
  summaryRef,
}: {
  deal: Deal;
  onClose: () => void;
  summaryRef: RefObject<InputRef | null>;
}) {
  const { t } = useTranslation('deal');
  const { message } = App.useApp();
  const actions = useWorkspaceActions();
  const [form] = Form.useForm<LogValues>();
  const [saving, setSaving] = useState(false);
  const contacts = useContactsFor(
    deal.accountId,
    deal.buyingCentre.map((member) => member.contactId),
  );

  const submit = async (values: LogValues) => {
    setSaving(true);
    try {
      const summary = values.summary.trim();
      await actions.logActivity({
        dealId: deal.id,
        type: values.type,
        at: (values.at ?? dayjs()).valueOf(),
        summary,
        details: values.details ?? '',
        contactIds: values.contactIds ?? [],
      });
      void message.success(t('log.saved', { summary }));
      onClose();
    } catch {
      // Already shown; the dialog stays open with what was typed.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<LogValues>
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      initialValues={{ type: 'meeting', at: dayjs(), summary: '', details: '', contactIds: [] }}
      aria-label={t('log.title')}
      requiredMark={false}
    >
      <Flex gap={16} wrap>
        <Form.Item name="type" label={t('log.type')} style={{ marginBottom: 16 }}>
          <Radio.Group
            optionType="button"
            aria-label={t('log.type')}
            options={LOGGED_TYPES.map((type) => ({
              value: type,
              label: t(`activity.types.${type}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="at"
          label={t('log.at')}
          style={{ marginBottom: 16, flex: 1, minWidth: 180 }}
          rules={[
            { required: true, message: t('log.atRequired') },
            {
              validator: async (_rule, value: Dayjs | null) => {
                if (value && value.valueOf() > Date.now() + 60_000)
                  throw new Error(t('log.atFuture'));
              },
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            aria-label={t('log.at')}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Flex>
      <Form.Item
        name="summary"
        label={t('log.summary')}
        rules={[
          { required: true, whitespace: true, message: t('log.summaryRequired') },
          { max: SUMMARY_MAX, message: t('log.summaryTooLong', { max: SUMMARY_MAX }) },
        ]}
      >
        <Input
          ref={summaryRef}
          autoFocus
          autoComplete="off"
          placeholder={t('log.summaryPlaceholder')}
          aria-label={t('log.summary')}
        />
      </Form.Item>
      <Form.Item
        name="details"
        label={t('log.details')}
        rules={[{ max: DETAILS_MAX, message: t('log.detailsTooLong', { max: DETAILS_MAX }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} aria-label={t('log.details')} />
      </Form.Item>
      <Form.Item name="contactIds" label={t('log.contacts')}>
        <Select
          mode="multiple"
          aria-label={t('log.contacts')}
          placeholder={t('log.contactsPlaceholder')}
          loading={contacts === undefined}
          optionFilterProp="label"
          options={(contacts ?? [])
            .filter((contact) => contact.deletedAt === null)
            .map((contact) => ({
              value: contact.id,
              label: contact.title ? `${contact.name} · ${contact.title}` : contact.name,
            }))}
        />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('log.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('log.save')}
        </Button>
      </Flex>
    </Form>
  );
}
