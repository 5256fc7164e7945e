import { useTranslation } from 'react-i18next';
import { Alert, Button, Flex, Modal, Progress, Spin, Typography } from 'antd';
import { useFormat } from '@renderer/i18n/useFormat';
import type { RestoreState } from '@renderer/features/backup/hooks/useRestoreBackup';
import { BackupProblems } from '@renderer/features/backup/components/BackupProblems';
import { ReadingProgress } from '@renderer/features/backup/components/ReadingProgress';
import { BackupSummaryView } from '@renderer/features/backup/components/BackupSummaryView';

interface RestoreDialogProps {
  state: RestoreState;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * The restore, step by step: checking the file, then either its problems or its summary with
 * the confirmation, then progress. It cannot be dismissed while the data is being replaced.
 */
export function RestoreDialog({ state, onConfirm, onClose }: RestoreDialogProps) {
  const { t } = useTranslation('backup');
  const format = useFormat();
  const restoring = state.kind === 'restoring';
  const progressText =
    state.kind !== 'restoring'
      ? ''
      : state.phase === 'safeguard'
        ? t('auto.safeguard', { percent: state.percent })
        : t('restore.progress', { percent: state.percent });

  const close = (
    <Button key="close" onClick={onClose}>
      {t('restore.close')}
    </Button>
  );
  const footer =
    state.kind === 'ready'
      ? [
          <Button key="cancel" onClick={onClose}>
            {t('restore.cancel')}
          </Button>,
          <Button key="confirm" type="primary" danger onClick={onConfirm}>
            {t('restore.confirm')}
          </Button>,
        ]
      : state.kind === 'checking' || state.kind === 'reading'
        ? [
            <Button key="cancel" onClick={onClose}>
              {t('restore.cancel')}
            </Button>,
          ]
        : restoring
          ? null
          : [close];

  return (
    <Modal
      open={state.kind !== 'idle'}
      title={t('restore.title')}
      onCancel={onClose}
      footer={footer}
      closable={!restoring}
      keyboard={!restoring}
      mask={{ closable: false }}
      width={640}
      destroyOnHidden
    >
      {state.kind === 'reading' && (
        <ReadingProgress fileName={state.fileName} percent={state.percent} />
      )}
      {state.kind === 'checking' && (
        <Flex align="center" gap={12} style={{ padding: '16px 0' }}>
          <Spin />
          <Typography.Text>{t('restore.checking', { file: state.fileName })}</Typography.Text>
        </Flex>
      )}
      {state.kind === 'invalid' && (
        <Flex vertical gap={12}>
          <Alert type="error" showIcon title={t('restore.invalid')} description={state.fileName} />
          <BackupProblems errors={state.errors} truncated={state.truncated} />
        </Flex>
      )}
      {state.kind === 'ready' && (
        <Flex vertical gap={12}>
          <BackupSummaryView
            fileName={state.fileName}
            summary={state.summary}
            current={state.current}
          />
          <Alert
            type="warning"
            showIcon
            title={t('restore.warning', { date: format.dateTime(state.summary.createdAt) })}
          />
        </Flex>
      )}
      {state.kind === 'restoring' && (
        <Flex vertical gap={12} style={{ padding: '8px 0' }}>
          <Typography.Text>{progressText}</Typography.Text>
          <Progress percent={state.percent} aria-label={progressText} />
          <Typography.Text type="secondary">{t('restore.progressHint')}</Typography.Text>
        </Flex>
      )}
      {state.kind === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={
            state.reason === 'quota'
              ? t('restore.quota')
              : state.reason === 'safeguard'
                ? t('auto.safeguardFailed', { message: state.detail })
                : t('restore.failed', { message: state.detail })
          }
        />
      )}
    </Modal>
  );
}
