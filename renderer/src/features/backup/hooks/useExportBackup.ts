import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import dayjs from 'dayjs';
import { backupFileName } from '@shared/backup/format';
import { useDatabaseContext } from '@renderer/db/context';
import { writeBackupPiecesOffThread } from '@renderer/db/backup/export';
import type { ExportProgress } from '@renderer/db/repositories/backup';
import { getPlatform } from '@renderer/platform/getPlatform';
import type { SaveProgress } from '@renderer/platform/platform';
import { saveFailureOf } from '@renderer/platform/saveFailure';

/** A backup's progress as a whole percentage. */
export function percentOf({ share }: ExportProgress): number {
  return Math.floor(Math.min(Math.max(share, 0), 1) * 100);
}

/** How much of the file is written, as a whole percentage (0 while the total is unknown). */
export function writtenPercentOf({ done, total }: SaveProgress): number {
  if (total === null || total <= 0) return total === 0 ? 100 : 0;
  return Math.floor(Math.min(done / total, 1) * 100);
}

/** Where an export stands: the backup being prepared (in a worker), then its file written. */
export interface BackupExportProgress {
  readonly phase: 'preparing' | 'writing';
  readonly percent: number;
}

/**
 * Exports the whole database as a backup file named after today, through the native save
 * dialog on the desktop or as a download in the browser, with progress while it is prepared (in
 * a worker: the window stays responsive) and then written. The file is saved in pieces, so a
 * backup of any size can be saved on the desktop.
 */
export function useExportBackup() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const [progress, setProgress] = useState<BackupExportProgress | null>(null);

  const run = useCallback(async () => {
    setProgress({ phase: 'preparing', percent: 0 });
    try {
      const platform = getPlatform();
      const { version } = await platform.getAppInfo();
      const createdAt = env.now();
      const { pieces } = await writeBackupPiecesOffThread(
        db,
        { appVersion: version, createdAt },
        { onProgress: (step) => setProgress({ phase: 'preparing', percent: percentOf(step) }) },
      );
      const outcome = await platform.saveFileStream({
        suggestedName: backupFileName(dayjs(createdAt).format('YYYY-MM-DD')),
        filters: [{ name: t('fileType'), extensions: ['json'] }],
        pieces,
        onProgress: (step) => setProgress({ phase: 'writing', percent: writtenPercentOf(step) }),
      });
      if (outcome.status === 'saved')
        message.success(t('export.saved', { file: outcome.fileName }));
      if (outcome.status === 'downloaded') {
        message.success(t('export.downloaded', { file: outcome.fileName }));
      }
    } catch (error) {
      const failure = saveFailureOf(error);
      message.error(
        failure === null
          ? t('export.failed', {
              message: error instanceof Error ? error.message : String(error),
            })
          : t(`export.${failure}`),
      );
    } finally {
      setProgress(null);
    }
  }, [db, env, message, t]);

  const progressText =
    progress === null ? null : t(`export.${progress.phase}`, { percent: progress.percent });
  return { run, progress, percent: progress?.percent ?? null, progressText };
}
