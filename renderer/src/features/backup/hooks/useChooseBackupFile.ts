import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { MAX_BACKUP_OPEN_BYTES } from '@shared/ipc/contract';
import { formatBytes } from '@shared/format/bytes';
import { useFormat } from '@renderer/i18n/useFormat';
import { getPlatform } from '@renderer/platform/getPlatform';

export interface ChosenBackupFile {
  readonly name: string;
  readonly content: Uint8Array;
}

/** Told while the chosen file is read: its name and how much of it is read, in whole percent. */
export type BackupReadingListener = (fileName: string, percent: number) => void;

/**
 * Asks for a backup file (native dialog on the desktop, file input in the browser) and reads it,
 * in pieces on the desktop, telling `onReading` as the percentage grows. Null when the user
 * cancels or the file is too large to open (which it says). Other failures reject.
 */
export function useChooseBackupFile() {
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const format = useFormat();

  return useCallback(
    async (onReading?: BackupReadingListener): Promise<ChosenBackupFile | null> => {
      let told = -1;
      const file = await getPlatform().openFileStream({
        filters: [{ name: t('fileType'), extensions: ['json'] }],
        maxBytes: MAX_BACKUP_OPEN_BYTES,
        onProgress: ({ name, done, total }) => {
          const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
          if (percent === told) return;
          told = percent;
          onReading?.(name, percent);
        },
      });
      if (file.status === 'cancelled') return null;
      if (file.status === 'tooLarge') {
        message.error(
          t('restore.tooLarge', {
            file: file.name,
            size: formatBytes(file.sizeBytes, format.number),
            max: formatBytes(file.maxBytes, format.number),
          }),
        );
        return null;
      }
      return { name: file.name, content: file.content };
    },
    [format.number, message, t],
  );
}
