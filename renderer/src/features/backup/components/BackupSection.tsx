import { useTranslation } from 'react-i18next';
import { Button, Flex, Progress, Typography } from 'antd';
import { CloudDownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { useExportBackup } from '@renderer/features/backup/hooks/useExportBackup';
import { useRestoreBackup } from '@renderer/features/backup/hooks/useRestoreBackup';
import { RestoreDialog } from '@renderer/features/backup/components/RestoreDialog';

/** Settings → Backup and restore: the whole database to one file, and back. */
export default function BackupSection() {
  const { t } = useTranslation('backup');
  const exporter = useExportBackup();
  const restore = useRestoreBackup();
  const busy = exporter.percent !== null || restore.state.kind !== 'idle';

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('help')}</Typography.Text>
      <Flex gap={8} wrap>
        <Button
          icon={<CloudDownloadOutlined aria-hidden />}
          loading={exporter.percent !== null}
          disabled={busy && exporter.percent === null}
          onClick={() => void exporter.run()}
        >
          {t('export.button')}
        </Button>
        <Button
          icon={<HistoryOutlined aria-hidden />}
          disabled={busy}
          onClick={() => void restore.choose()}
        >
          {t('restore.button')}
        </Button>
      </Flex>
      {exporter.percent !== null && (
        <Progress
          percent={exporter.percent}
          aria-label={t('export.progress', { percent: exporter.percent })}
          style={{ maxWidth: 360 }}
        />
      )}
      <RestoreDialog
        state={restore.state}
        onConfirm={() => void restore.confirm()}
        onClose={restore.close}
      />
    </Flex>
  );
}
