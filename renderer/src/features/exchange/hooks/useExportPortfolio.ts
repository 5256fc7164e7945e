import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import dayjs from 'dayjs';
import { DEAL_STATUSES } from '@shared/domain/deal';
import type { DealStatus } from '@shared/domain/deal';
import type { ExportColumnKey, ExportLabels } from '@shared/exchange/portfolio';
import type { PortfolioRow, SortKey } from '@shared/portfolio/rows';
import { SORT_KEYS } from '@shared/portfolio/rows';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { exportFile, useSaveExport } from '@renderer/features/exchange/hooks/useSaveExport';
import type { ExportFormat } from '@renderer/features/exchange/utils/writeSheets';
import {
  DELIMITER_OF,
  portfolioCsv,
  portfolioXlsx,
} from '@renderer/features/exchange/utils/writeSheets';

export interface ExportProgress {
  readonly percent: number;
  readonly count: number;
}

/**
 * Exports the portfolio as shown (its rows in their sort and filter, its columns in order) to
 * CSV or XLSX through the platform's save (native dialog or download), with progress.
 */
export function useExportPortfolio() {
  const { t } = useTranslation(['exchange', 'deals']);
  const [language] = useLanguage();
  const { message } = App.useApp();
  const save = useSaveExport();
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
        const file = exportFile(kind, 'pursuit-portfolio', day, (type) =>
          t(`exchange:export.${type}`),
        );
        const content =
          kind === 'xlsx'
            ? await portfolioXlsx(input)
            : await portfolioCsv(input, DELIMITER_OF[kind]);
        const request = { ...file, content };
        await save(request, {
          saved: (file) => t('exchange:export.saved', { file }),
          downloaded: (file) => t('exchange:export.downloaded', { file }),
        });
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
    [language, message, progress, save, t],
  );

  return { run, progress };
}
