import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Flex, Form, Modal, Select, Typography } from 'antd';
import type { StageId } from '@shared/domain/ids';
import type { Stage } from '@shared/domain/sales-process';
import { inLocale } from '@shared/pipeline/labels';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { useProcessActions } from '@renderer/features/process/hooks/useProcessActions';

interface DeleteStageDialogProps {
  /** The stage to delete; the dialog is closed while null. */
  stage: Stage | null;
  /** The process's live stages, for the choice of target. */
  stages: readonly Stage[];
  /** Deals in the stage (not in the trash). */
  dealCount: number;
  onClose: () => void;
}

/**
 * Confirms deleting a stage. A stage holding deals asks which open stage they move to, and cannot
 * be confirmed until one is chosen; the deals keep their Pwin and status. Rendered with the
 * stage's id as key, so a choice made for one stage never carries over to another.
 */
export function DeleteStageDialog({ stage, stages, dealCount, onClose }: DeleteStageDialogProps) {
  const { t } = useTranslation('process');
  const [language] = useLanguage();
  const actions = useProcessActions();
  const [target, setTarget] = useState<StageId | null>(null);
  const [deleting, setDeleting] = useState(false);
  const targetLabel = useId();

  const needsTarget = dealCount > 0;
  const targets = stages.filter((s) => s.kind === 'open' && s.id !== stage?.id);

  const confirm = async () => {
    if (!stage) return;
    setDeleting(true);
    try {
      await actions.remove(stage, needsTarget ? target : null);
      onClose();
    } catch {
      // The action said why; the dialog stays open so another target can be chosen.
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Modal
      open={stage !== null}
      title={t('deleteDialog.title', { name: stage ? inLocale(stage.name, language) : '' })}
      okText={t('deleteDialog.confirm')}
      cancelText={t('deleteDialog.cancel')}
      okButtonProps={{ danger: true, disabled: needsTarget && target === null }}
      confirmLoading={deleting}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {needsTarget ? t('deleteDialog.holds', { count: dealCount }) : t('deleteDialog.empty')}
        </Typography.Paragraph>
        {needsTarget && (
          <Form layout="vertical">
            <Form.Item
              label={<span id={targetLabel}>{t('deleteDialog.target')}</span>}
              required
              style={{ marginBottom: 0 }}
            >
              <Select<StageId>
                aria-labelledby={targetLabel}
                placeholder={t('deleteDialog.targetPlaceholder')}
                value={target ?? undefined}
                onChange={setTarget}
                options={targets.map((s) => ({ value: s.id, label: inLocale(s.name, language) }))}
              />
            </Form.Item>
          </Form>
        )}
        <Typography.Text type="secondary">{t('deleteDialog.undoHint')}</Typography.Text>
      </Flex>
    </Modal>
  );
}
