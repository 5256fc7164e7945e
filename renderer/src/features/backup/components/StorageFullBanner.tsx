import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Flex } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { onDataChanged } from '@renderer/db/auto-backups';
import { useDatabaseContext } from '@renderer/db/context';
import { clearStorageFull } from '@renderer/db/storage-full';
import { useExportBackup } from '@renderer/features/backup/hooks/useExportBackup';
import { useStorageFull } from '@renderer/features/backup/hooks/useStorageFull';

/**
 * The warning after a write failed on a full disk: above every area, until the user dismisses it
 * or a later write succeeds. Nothing on screen is closed or reset by it, and it offers to export a
 * backup right away (exporting only reads the database, so it works on a full disk too).
 */
export function StorageFullBanner() {
  const { t } = useTranslation('backup');
  const { db } = useDatabaseContext();
  const full = useStorageFull();
  const exporter = useExportBackup();

  // A write that goes through again (here or in another window) means there is room once more.
  useEffect(() => (full ? onDataChanged(db, clearStorageFull) : undefined), [db, full]);

  if (!full) return null;
  return (
    <Alert
      role="alert"
      type="error"
      banner
      showIcon
      data-testid="storage-full"
      style={{ position: 'sticky', top: 0, zIndex: 20 }}
      title={t('full.title')}
      description={t('full.description')}
      action={
        <Flex gap={8} wrap>
          <Button
            size="small"
            type="primary"
            icon={<CloudDownloadOutlined aria-hidden />}
            loading={exporter.percent !== null}
            onClick={() => void exporter.run()}
          >
            {exporter.progressText ?? t('full.export')}
          </Button>
          <Button size="small" onClick={clearStorageFull}>
            {t('full.dismiss')}
          </Button>
        </Flex>
      }
    />
  );
}
