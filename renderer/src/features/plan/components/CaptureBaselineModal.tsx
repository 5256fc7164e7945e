import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Input, Modal, Typography } from 'antd';

const MAX_NAME = 120;

/** Asks for a baseline's name ("At pink team") and captures it. */
export function CaptureBaselineModal({
  open,
  onClose,
  onCapture,
}: {
  open: boolean;
  onClose: () => void;
  /** Resolves true once captured (the modal then closes), false when refused. */
  onCapture: (name: string) => Promise<boolean>;
}) {
  const { t } = useTranslation('plan');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return setError(t('baseline.required'));
    if (trimmed.length > MAX_NAME) return setError(t('baseline.tooLong'));
    setBusy(true);
    const done = await onCapture(trimmed);
    setBusy(false);
    if (done) {
      setName('');
      onClose();
    }
  };

  return (
    <Modal
      open={open}
      title={t('baseline.title')}
      okText={t('baseline.ok')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('baseline.intro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          label={t('baseline.name')}
          htmlFor="plan-baseline-name"
          validateStatus={error === null ? undefined : 'error'}
          help={error}
        >
          <Input
            id="plan-baseline-name"
            autoFocus
            value={name}
            placeholder={t('baseline.placeholder')}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
