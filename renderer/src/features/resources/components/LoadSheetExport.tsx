import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDate } from '@shared/domain/dates';
import { loadSheets } from '@shared/exchange/deal-sheets';
import { anySheet } from '@shared/exchange/sheet';
import { useFormat } from '@renderer/i18n/useFormat';
import { ExportSheetsDialog } from '@renderer/features/exchange/components/ExportSheetsDialog';
import type { HeatmapRow } from '@renderer/features/resources/components/Heatmap';

export interface LoadSheetExportProps {
  weeks: readonly PlanDate[];
  rows: readonly HeatmapRow[];
  /** People or roles, as the page shows. */
  rowHeader: string;
  /** The what-if layer is shown: its hours are included, as on screen. */
  layered: boolean;
  onClose: () => void;
}

const MEASURES = ['hours', 'capacity', 'utilization'] as const;

/**
 * The heatmap as shown (its rows, its weeks, with or without the what-if layer) as sheets of
 * assigned hours, capacity hours and utilisation %. The weeks are the page's range, so columns
 * are not offered one by one.
 */
export function LoadSheetExport({
  weeks,
  rows,
  rowHeader,
  layered,
  onClose,
}: LoadSheetExportProps) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const sheets = useMemo(
    () =>
      loadSheets({
        names: {
          hours: t('load.sheet.hours'),
          capacity: t('load.sheet.capacity'),
          utilization: t('load.sheet.utilization'),
        },
        nameHeader: rowHeader,
        noteHeader: t('load.sheet.note'),
        weekHeader: (week) => format.date(week),
        weeks,
        rows,
        tentative: layered,
      }).map(anySheet),
    [format, layered, rowHeader, rows, t, weeks],
  );
  return (
    <ExportSheetsDialog
      title={t('load.sheet.title', {
        date: weeks[0] === undefined ? '' : format.date(weeks[0]),
        count: weeks.length,
      })}
      fileStem="pursuit-load"
      storageKey="load"
      sheets={sheets}
      fixedColumns={MEASURES}
      onClose={onClose}
    />
  );
}
