import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Input, Modal } from 'antd';
import type { Risk, RiskStatus } from '@shared/domain/risk';
import { useRiskActions } from '@renderer/features/risks/hooks/useRiskActions';

export interface PendingStatus {
  readonly risk: Risk;
  readonly status: RiskStatus;
}

/**
 * Asks for a note before a risk's status changes (why it closed, how it occurred): the note goes
 * into the risk's history with the new status. Give it a `key` per pending change, so each
 * change starts with an empty note.
 */
export function StatusChangeModal({
  pending,
  onClose,
}: {
  pending: PendingStatus | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('risks');
  const actions = useRiskActions();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const confirm = async () => {
    if (pending === null) return;
    setSaving(true);
    try {
      await actions.update(pending.risk, { status: pending.status }, note.trim());
      onClose();
    } catch {
      // The action showed why; the note stays.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={pending !== null}
      title={
        pending !== null
          ? t('statusChange.title', {
              name: pending.risk.title,
              status: t(`status.${pending.status}`),
            })
          : ''
      }
      okText={t('statusChange.ok')}
      cancelText={t('form.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: note.length > 2_000 }}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t('statusChange.note')}
          validateStatus={note.length > 2_000 ? 'error' : undefined}
          help={
            note.length > 2_000
              ? t('validation.tooLong', { field: t('statusChange.note'), max: 2_000 })
              : undefined
          }
        >
          <Input.TextArea
            aria-label={t('statusChange.note')}
            placeholder={t('statusChange.notePlaceholder')}
            autoSize={{ minRows: 2, maxRows: 6 }}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
