import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import dayjs from 'dayjs';
import { DEAL_STATUSES } from '@shared/domain/deal';
import type { DealStatus } from '@shared/domain/deal';
import type { ExportColumnKey, ExportLabels } from '@shared/exchange/portfolio';
import { formatBytes } from '@shared/format/bytes';
import { MAX_SAVE_BYTES } from '@shared/ipc/contract';
import type { PortfolioRow, SortKey } from '@shared/portfolio/rows';
import { SORT_KEYS } from '@shared/portfolio/rows';
import { useFormat } from '@renderer/i18n/useFormat';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { getPlatform } from '@renderer/platform/getPlatform';
import type { ExportFormat } from '@renderer/features/exchange/utils/writeSheets';
import { portfolioCsv, portfolioXlsx } from '@renderer/features/exchange/utils/writeSheets';

export interface ExportProgress {
  readonly percent: number;
  readonly count: number;
}

const DELIMITER_OF = {
  'csv-comma': 'comma',
  'csv-semicolon': 'semicolon',
  'csv-tab': 'tab',
} as const;

/**
 * Exports the portfolio as shown (its rows in their sort and filter, its columns in order) to
 * CSV or XLSX through the platform's save (native dialog or download), with progress.
 */
export function useExportPortfolio() {
  const { t } = useTranslation(['exchange', 'deals']);
  const [language] = useLanguage();
  const { message } = App.useApp();
  const format = useFormat();
  const [progress, setProgress] = useState<ExportProgress | null>(null);

  const run = useCallback(
    async (kind: ExportFormat, rows: readonly PortfolioRow[], columns: readonly SortKey[]) => {
      if (progress !== null) return;
      setProgress({ percent: 0, count: rows.length });
      try {
        const columnLabels = Object.fromEntries([
          ...SORT_KEYS.map((key) => [key, t(`deals:columns.${key}`)]),
          ['currency', t('exchange:columns.currency')],
          ['nextMilestoneDate', t('exchange:columns.nextMilestoneDate')],
        ]) as Record<ExportColumnKey, string>;
        const status = Object.fromEntries(
          DEAL_STATUSES.map((s) => [s, t(`deals:status.${s}`)]),
        ) as Record<DealStatus, string>;
        const labels: ExportLabels = {
          columns: columnLabels,
          status,
          stageLanguage: language === 'zh-CN' ? 'zh' : 'en',
        };
        const input = {
          rows,
          columns,
          labels,
          sheetName: t('exchange:export.sheetName'),
          onProgress: (share: number) =>
            setProgress({ percent: Math.floor(share * 100), count: rows.length }),
        };
        const day = dayjs().format('YYYY-MM-DD');
        const request =
          kind === 'xlsx'
            ? {
                suggestedName: `pursuit-portfolio-${day}.xlsx`,
                content: await portfolioXlsx(input),
                filters: [{ name: t('exchange:export.xlsxType'), extensions: ['xlsx'] }],
              }
            : {
                suggestedName: `pursuit-portfolio-${day}.${kind === 'csv-tab' ? 'tsv' : 'csv'}`,
                content: await portfolioCsv(input, DELIMITER_OF[kind]),
                filters: [
                  kind === 'csv-tab'
                    ? { name: t('exchange:export.tsvType'), extensions: ['tsv', 'txt'] }
                    : { name: t('exchange:export.csvType'), extensions: ['csv'] },
                ],
              };
        const size =
          typeof request.content === 'string'
            ? new TextEncoder().encode(request.content).byteLength
            : request.content.byteLength;
        if (size > MAX_SAVE_BYTES) {
          message.error(
            t('exchange:export.tooLarge', {
              size: formatBytes(size, format.number),
              max: formatBytes(MAX_SAVE_BYTES, format.number),
            }),
          );
          return;
        }
        const outcome = await getPlatform().saveFile(request);
        if (outcome.status === 'saved') {
          message.success(t('exchange:export.saved', { file: outcome.fileName }));
        }
        if (outcome.status === 'downloaded') {
          message.success(t('exchange:export.downloaded', { file: outcome.fileName }));
        }
      } catch (error) {
        message.error(
          t('exchange:export.failed', {
            message: error instanceof Error ? error.message : String(error),
          }),
        );
      } finally {
        setProgress(null);
      }
    },
    [format.number, language, message, progress, t],
  );

  return { run, progress };
}
