import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import dayjs from 'dayjs';
import { backupFileName } from '@shared/backup/format';
import { MAX_SAVE_BYTES } from '@shared/ipc/contract';
import { useDatabaseContext } from '@renderer/db/context';
import { writeBackupOffThread } from '@renderer/db/backup/export';
import type { ExportProgress } from '@renderer/db/repositories/backup';
import { useFormat } from '@renderer/i18n/useFormat';
import { getPlatform } from '@renderer/platform/getPlatform';
import { formatBytes } from '@shared/format/bytes';

/** A backup's progress as a whole percentage. */
export function percentOf({ share }: ExportProgress): number {
  return Math.floor(Math.min(Math.max(share, 0), 1) * 100);
}

/**
 * Exports the whole database as a backup file named after today, through the native save
 * dialog on the desktop or as a download in the browser, with progress while it is written (in a
 * worker: the window stays responsive).
 */
export function useExportBackup() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const format = useFormat();
  const [percent, setPercent] = useState<number | null>(null);

  const run = useCallback(async () => {
    setPercent(0);
    try {
      const platform = getPlatform();
      const { version } = await platform.getAppInfo();
      const createdAt = env.now();
      const { text } = await writeBackupOffThread(
        db,
        { appVersion: version, createdAt },
        { onProgress: (progress) => setPercent(percentOf(progress)) },
      );
      if (text.length > MAX_SAVE_BYTES) {
        message.error(
          t('export.tooLarge', {
            size: formatBytes(new TextEncoder().encode(text).byteLength, format.number),
            max: formatBytes(MAX_SAVE_BYTES, format.number),
          }),
        );
        return;
      }
      const outcome = await platform.saveFile({
        suggestedName: backupFileName(dayjs(createdAt).format('YYYY-MM-DD')),
        content: text,
        filters: [{ name: t('fileType'), extensions: ['json'] }],
      });
      if (outcome.status === 'saved')
        message.success(t('export.saved', { file: outcome.fileName }));
      if (outcome.status === 'downloaded') {
        message.success(t('export.downloaded', { file: outcome.fileName }));
      }
    } catch (error) {
      message.error(
        t('export.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setPercent(null);
    }
  }, [db, env, format.number, message, t]);

  return { run, percent };
}
