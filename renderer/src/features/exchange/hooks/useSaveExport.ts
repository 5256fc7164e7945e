import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { formatBytes } from '@shared/format/bytes';
import { MAX_SAVE_BYTES } from '@shared/ipc/contract';
import { useFormat } from '@renderer/i18n/useFormat';
import { getPlatform } from '@renderer/platform/getPlatform';
import type { SaveFileRequest } from '@renderer/platform/platform';

/** What the user is told once the file is written, in the words of the export. */
export interface SaveTexts {
  readonly saved: (file: string) => string;
  readonly downloaded: (file: string) => string;
}

/**
 * Saves an export through the platform (the native dialog on the desktop, a download in the
 * browser) after checking it fits in one file, and says where it went. Throws what the platform
 * throws, so the caller words the failure.
 */
export function useSaveExport() {
  const { t } = useTranslation('exchange');
  const { message } = App.useApp();
  const format = useFormat();
  return useCallback(
    async (request: SaveFileRequest, texts: SaveTexts): Promise<void> => {
      const size =
        typeof request.content === 'string'
          ? new TextEncoder().encode(request.content).byteLength
          : request.content.byteLength;
      if (size > MAX_SAVE_BYTES) {
        message.error(
          t('export.tooLarge', {
            size: formatBytes(size, format.number),
            max: formatBytes(MAX_SAVE_BYTES, format.number),
          }),
        );
        return;
      }
      const outcome = await getPlatform().saveFile(request);
      if (outcome.status === 'saved') message.success(texts.saved(outcome.fileName));
      if (outcome.status === 'downloaded') message.success(texts.downloaded(outcome.fileName));
    },
    [format.number, message, t],
  );
}

/** The file name (`<stem>-<day>.<ext>`) and the save dialog's filter of an export's format. */
export function exportFile(
  kind: 'xlsx' | 'csv-comma' | 'csv-semicolon' | 'csv-tab',
  stem: string,
  day: string,
  typeName: (type: 'xlsxType' | 'csvType' | 'tsvType') => string,
): Pick<SaveFileRequest, 'suggestedName' | 'filters'> {
  if (kind === 'xlsx') {
    return {
      suggestedName: `${stem}-${day}.xlsx`,
      filters: [{ name: typeName('xlsxType'), extensions: ['xlsx'] }],
    };
  }
  if (kind === 'csv-tab') {
    return {
      suggestedName: `${stem}-${day}.tsv`,
      filters: [{ name: typeName('tsvType'), extensions: ['tsv', 'txt'] }],
    };
  }
  return {
    suggestedName: `${stem}-${day}.csv`,
    filters: [{ name: typeName('csvType'), extensions: ['csv'] }],
  };
}
