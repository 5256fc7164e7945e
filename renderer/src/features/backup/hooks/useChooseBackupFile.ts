import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { MAX_OPEN_BYTES } from '@shared/ipc/contract';
import { formatBytes } from '@shared/format/bytes';
import { useFormat } from '@renderer/i18n/useFormat';
import { getPlatform } from '@renderer/platform/getPlatform';

export interface ChosenBackupFile {
  readonly name: string;
  readonly content: Uint8Array;
}

/**
 * Asks for a backup file (native dialog on the desktop, file input in the browser). Null when
 * the user cancels or the file is too large to open (which it says). Other failures reject.
 */
export function useChooseBackupFile() {
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const format = useFormat();

  return useCallback(async (): Promise<ChosenBackupFile | null> => {
    const file = await getPlatform().openFile({
      filters: [{ name: t('fileType'), extensions: ['json'] }],
      maxBytes: MAX_OPEN_BYTES,
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
  }, [format.number, message, t]);
}
