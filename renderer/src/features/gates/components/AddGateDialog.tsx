import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { parsePlanDate } from '@shared/domain/dates';
import type { Gate, GateKind } from '@shared/domain/gate';
import { GATE_KINDS } from '@shared/domain/gate';
import type { DealId } from '@shared/domain/ids';
import { GATE_KIND_NAMES, inLocale } from '@shared/pipeline/labels';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { useGateActions } from '@renderer/features/gates/hooks/useGateActions';

interface AddGateValues {
  kind: GateKind;
  name: string;
  scheduledDate?: Dayjs | null;
}

interface AddGateDialogProps {
  open: boolean;
  dealId: DealId;
  /** The deal's gates, to name another round of a kind it already has. */
  gates: readonly Gate[];
  onClose: () => void;
  onAdded: (gate: Gate) => void;
}

/** Adds a gate by hand: any kind, a name (suggested from the kind), an optional date. */
export function AddGateDialog({ open, dealId, gates, onClose, onAdded }: AddGateDialogProps) {
  const { t } = useTranslation('gates');
  const [language] = useLanguage();
  const actions = useGateActions();
  const [form] = Form.useForm<AddGateValues>();
  const [saving, setSaving] = useState(false);

  /** "Red team review", or "Red team review (round 2)" when the deal already has one. */
  const suggestedName = (kind: GateKind) => {
    const name = inLocale(GATE_KIND_NAMES[kind], language);
    const held = gates.filter((gate) => gate.kind === kind).length;
    return held === 0 ? name : t('add.round', { name, round: held + 1 });
  };

  const submit = async (values: AddGateValues) => {
    setSaving(true);
    try {
      const gate = await actions.add({
        dealId,
        kind: values.kind,
        name: values.name,
        scheduledDate: values.scheduledDate
          ? parsePlanDate(values.scheduledDate.format('YYYY-MM-DD'))
          : null,
      });
      form.resetFields();
      onAdded(gate);
    } catch {
      // Reported by the action; the dialog stays open with what was entered.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('add.title')}
      okText={t('add.submit')}
      cancelText={t('add.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AddGateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={{ kind: 'red', name: suggestedName('red') }}
        onValuesChange={(changed: Partial<AddGateValues>) => {
          if (changed.kind !== undefined && !form.isFieldTouched('name'))
            form.setFieldValue('name', suggestedName(changed.kind));
        }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="kind" label={t('add.kind')}>
          <Select<GateKind>
            options={GATE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('add.name')}
          rules={[{ required: true, whitespace: true, message: t('add.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="scheduledDate" label={t('add.scheduledDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
