import { useTranslation } from 'react-i18next';
import { App, Button, Flex, Popconfirm, Progress, Table, Typography } from 'antd';
import {
  CloudDownloadOutlined,
  DeleteOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  MergeCellsOutlined,
} from '@ant-design/icons';
import { useExportBackup } from '@renderer/features/backup/hooks/useExportBackup';
import { useRestoreBackup } from '@renderer/features/backup/hooks/useRestoreBackup';
import { RestoreDialog } from '@renderer/features/backup/components/RestoreDialog';
import { MergeDialog } from '@renderer/features/backup/components/MergeDialog';
import { useMergeBackup } from '@renderer/features/backup/hooks/useMergeBackup';
import type { AutoBackupInfo } from '@renderer/db/auto-backups';
import { useAutoBackupFolder, useAutoBackupList } from '@renderer/db/hooks/autoBackups';
import { getPlatform } from '@renderer/platform/getPlatform';
import { useFormat } from '@renderer/i18n/useFormat';
import { formatBytes } from '@shared/format/bytes';

/**
 * Settings → Backup and restore: the whole database to one file, and back; and the automatic
 * backups the app keeps, each of which can be restored.
 */
export default function BackupSection() {
  const { t } = useTranslation('backup');
  const exporter = useExportBackup();
  const restore = useRestoreBackup();
  const merge = useMergeBackup();
  const busy =
    exporter.percent !== null || restore.state.kind !== 'idle' || merge.state.kind !== 'idle';
  const autoBackups = useAutoBackupList();
  const folder = useAutoBackupFolder();
  const format = useFormat();
  const { message } = App.useApp();

  const openFolder = async () => {
    const open = getPlatform().autoBackups.openFolder;
    if (open === null) return;
    try {
      const result = await open();
      if (!result.opened) message.error(t('auto.openFolderFailed', { message: result.error }));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      message.error(t('auto.openFolderFailed', { message: detail }));
    }
  };

  /** Deletes one automatic backup, after the user confirmed it; the list follows by itself. */
  const remove = async (backup: AutoBackupInfo, date: string) => {
    try {
      const deleted = await getPlatform().autoBackups.remove(backup.id);
      if (deleted) message.success(t('auto.deleted', { date }));
      else message.info(t('auto.missing'));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      message.error(t('auto.deleteFailed', { message: detail }));
    }
  };

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
        <Button
          icon={<MergeCellsOutlined aria-hidden />}
          disabled={busy}
          onClick={() => void merge.choose()}
        >
          {t('merge.button')}
        </Button>
      </Flex>
      {exporter.progress !== null && (
        <Flex vertical gap={2} style={{ maxWidth: 360 }}>
          <Typography.Text type="secondary" aria-hidden>
            {exporter.progressText}
          </Typography.Text>
          <Progress
            percent={exporter.progress.percent}
            showInfo={false}
            aria-label={exporter.progressText ?? ''}
          />
        </Flex>
      )}
      <Typography.Title level={5} style={{ margin: '12px 0 0' }}>
        {t('auto.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('auto.help')}</Typography.Text>
      {typeof folder === 'string' && (
        <Flex gap={8} align="center" wrap data-testid="backup-folder">
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
            {t('auto.folder', { path: folder })}
          </Typography.Text>
          <Button
            size="small"
            icon={<FolderOpenOutlined aria-hidden />}
            onClick={() => void openFolder()}
          >
            {t('auto.openFolder')}
          </Button>
        </Flex>
      )}
      <Table<AutoBackupInfo>
        size="small"
        rowKey="id"
        aria-label={t('auto.title')}
        loading={autoBackups === undefined}
        dataSource={autoBackups ?? []}
        pagination={false}
        scroll={{ y: 320 }}
        locale={{ emptyText: autoBackups === null ? t('auto.listFailed') : t('auto.empty') }}
        columns={[
          {
            key: 'when',
            title: t('auto.when'),
            render: (_, backup) => format.dateTime(backup.createdAt),
          },
          {
            key: 'reason',
            title: t('auto.reason'),
            render: (_, backup) => t(`auto.reasons.${backup.reason}`),
          },
          {
            key: 'records',
            title: t('auto.records'),
            align: 'right',
            render: (_, backup) => format.number(backup.records),
          },
          {
            key: 'size',
            title: t('auto.size'),
            align: 'right',
            render: (_, backup) => formatBytes(backup.bytes, format.number),
          },
          {
            key: 'restore',
            title: '',
            align: 'right',
            render: (_, backup) => {
              const date = format.dateTime(backup.createdAt);
              return (
                <Flex gap={4} justify="end" wrap={false}>
                  <Button
                    size="small"
                    disabled={busy}
                    aria-label={t('auto.restoreOf', { date })}
                    onClick={() => void restore.chooseStored(backup.id, t('auto.label', { date }))}
                  >
                    {t('auto.restore')}
                  </Button>
                  <Popconfirm
                    title={t('auto.deleteTitle', { date })}
                    description={t('auto.deleteHint')}
                    okText={t('auto.deleteConfirm')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('restore.cancel')}
                    onConfirm={() => remove(backup, date)}
                  >
                    <Button
                      size="small"
                      danger
                      disabled={busy}
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('auto.deleteOf', { date })}
                    />
                  </Popconfirm>
                </Flex>
              );
            },
          },
        ]}
      />
      <RestoreDialog
        state={restore.state}
        onConfirm={() => void restore.confirm()}
        onClose={restore.close}
      />
      <MergeDialog
        state={merge.state}
        onChoose={merge.setChoice}
        onConfirm={() => void merge.confirm()}
        onClose={merge.close}
      />
    </Flex>
  );
}
