import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Input, Modal, Typography } from 'antd';
import type { DealId } from '@shared/domain/ids';
import { MAX_TEMPLATE_NAME } from '@shared/domain/plan-template';
import { checkTemplateName } from '@shared/plan/saved-template';
import { useSettings } from '@renderer/db/hooks/queries';
import { usePlanTemplateActions } from '@renderer/features/plan/hooks/usePlanTemplateActions';

/**
 * Asks for a template's name and saves the deal's plan as a template. A name that is empty, too
 * long or already taken is refused in place, and what was typed stays.
 */
export function SaveTemplateModal({
  open,
  dealId,
  defaultName,
  onClose,
}: {
  open: boolean;
  dealId: DealId;
  defaultName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('plan');
  const settings = useSettings();
  const actions = usePlanTemplateActions();
  /** What the user typed; null until they type, showing the suggested name. */
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = typed ?? defaultName.slice(0, MAX_TEMPLATE_NAME);

  const close = () => {
    setTyped(null);
    setError(null);
    onClose();
  };

  const submit = async () => {
    const checked = checkTemplateName(name, settings?.planTemplates ?? [], MAX_TEMPLATE_NAME);
    if (!checked.ok) return setError(actions.problemText(checked.problem));
    setBusy(true);
    const saved = await actions.save(dealId, checked.name);
    setBusy(false);
    if (saved !== null) close();
  };

  return (
    <Modal
      open={open}
      title={t('templates.saveTitle')}
      okText={t('templates.saveOk')}
      cancelText={t('templates.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('templates.saveHint')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          label={t('templates.name')}
          htmlFor="plan-template-name"
          validateStatus={error === null ? undefined : 'error'}
          help={error}
        >
          <Input
            id="plan-template-name"
            autoFocus
            value={name}
            maxLength={MAX_TEMPLATE_NAME + 20}
            onChange={(event) => {
              setTyped(event.target.value);
              setError(null);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
