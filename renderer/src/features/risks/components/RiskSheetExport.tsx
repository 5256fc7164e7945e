import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Risk } from '@shared/domain/risk';
import type { RiskColumn } from '@shared/exchange/deal-sheets';
import { RISK_COLUMNS, riskSheet } from '@shared/exchange/deal-sheets';
import { anySheet } from '@shared/exchange/sheet';
import type { RiskDeal } from '@renderer/db/hooks/risks';
import { useMitigationTaskNames } from '@renderer/db/hooks/risks';
import { ExportSheetsDialog } from '@renderer/features/exchange/components/ExportSheetsDialog';

export interface RiskSheetExportProps {
  title: string;
  fileStem: string;
  risks: readonly Risk[];
  names: ReadonlyMap<string, string>;
  /** The portfolio's export names each risk's deal; one deal's register does not. */
  dealOf?: ReadonlyMap<string, RiskDeal>;
  onClose: () => void;
}

/** A risk register (one deal's, or the portfolio's active risks) as a spreadsheet. */
export function RiskSheetExport({
  title,
  fileStem,
  risks,
  names,
  dealOf,
  onClose,
}: RiskSheetExportProps) {
  const { t } = useTranslation('risks');
  const tasks = useMitigationTaskNames(risks);
  const sheets = useMemo(() => {
    const headers = Object.fromEntries(
      RISK_COLUMNS.map((key) => [key, t(`sheet.columns.${key}`)]),
    ) as Record<RiskColumn, string>;
    const sheet = riskSheet({
      name: t('sheet.name'),
      headers,
      category: (category) => t(`category.${category}`),
      status: (status) => t(`status.${status}`),
      withDeal: dealOf !== undefined,
      rows: risks.map((risk) => {
        const deal = dealOf?.get(risk.dealId);
        return {
          risk,
          deal: deal ? `${deal.code} ${deal.name}` : '',
          ownerName: risk.ownerId ? (names.get(risk.ownerId) ?? '') : '',
          mitigationTaskName: risk.mitigationTaskId
            ? (tasks?.get(risk.mitigationTaskId) ?? '')
            : '',
        };
      }),
    });
    return [anySheet(sheet)];
  }, [dealOf, names, risks, t, tasks]);
  return (
    <ExportSheetsDialog
      title={title}
      fileStem={fileStem}
      storageKey={dealOf ? 'portfolioRisks' : 'risks'}
      sheets={sheets}
      onClose={onClose}
    />
  );
}
