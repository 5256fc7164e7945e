import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '@shared/domain/deal';
import type { PlanItemId } from '@shared/domain/ids';
import type { RowAnalysis } from '@shared/plan/analysis';
import type { PlanRow } from '@shared/plan/rows';
import type { PlanColumn, PlanExportRow } from '@shared/exchange/deal-sheets';
import { PLAN_COLUMNS, planSheet } from '@shared/exchange/deal-sheets';
import { anySheet } from '@shared/exchange/sheet';
import { usePeople } from '@renderer/db/hooks/queries';
import { useDealStaffing } from '@renderer/db/hooks/resources';
import { useFormat } from '@renderer/i18n/useFormat';
import { ExportSheetsDialog } from '@renderer/features/exchange/components/ExportSheetsDialog';

export interface PlanSheetExportProps {
  deal: Deal;
  fileStem: string;
  rows: readonly PlanRow[];
  predecessors: ReadonlyMap<PlanItemId, string>;
  analysis: ReadonlyMap<PlanItemId, RowAnalysis>;
  variance: ReadonlyMap<PlanItemId, { readonly days: number } | 'added'> | null;
  notes: ReadonlyMap<PlanItemId, string>;
  onClose: () => void;
}

/**
 * The plan as a spreadsheet: every row as the grid shows it, with its schedule figures (slack,
 * critical), the variance against the baseline chosen on the page, and who is assigned.
 */
export function PlanSheetExport(props: PlanSheetExportProps) {
  const { deal, rows, predecessors, analysis, variance, notes } = props;
  const { t } = useTranslation(['plan', 'process']);
  const format = useFormat();
  const staffing = useDealStaffing(deal.id);
  const people = usePeople();

  const sheets = useMemo(() => {
    const names = new Map((people ?? []).map((person) => [person.id, person.name]));
    const assigned = new Map<string, string[]>();
    for (const assignment of staffing?.assignments ?? []) {
      const text = t('sheet.assignment', {
        name: names.get(assignment.personId) ?? '',
        hours: format.number(assignment.hours, { maximumFractionDigits: 1 }),
      });
      const list = assigned.get(assignment.taskId);
      if (list) list.push(text);
      else assigned.set(assignment.taskId, [text]);
    }
    const exportRows: PlanExportRow[] = rows.map((row) => {
      const own = analysis.get(row.id);
      const change = variance?.get(row.id);
      return {
        wbs: row.wbs,
        name: row.name,
        kindText:
          row.milestoneKind !== null
            ? t('sheet.milestone', { kind: t(`process:milestoneKind.${row.milestoneKind}`) })
            : row.durationDays === 0
              ? t('cells.milestone')
              : row.summary
                ? t('cells.summary')
                : t('sheet.task'),
        start: row.start,
        finish: row.finish,
        durationDays: row.durationDays,
        progress: row.progress,
        predecessors: predecessors.get(row.id) ?? '',
        totalSlack: own?.slackDays ?? null,
        critical: own?.critical ?? false,
        baselineVariance: change === undefined || change === 'added' ? null : change.days,
        assigned: (assigned.get(row.id) ?? []).join('; '),
        notes: notes.get(row.id) ?? '',
      };
    });
    const headers = Object.fromEntries(
      PLAN_COLUMNS.map((key) => [key, t(`sheet.columns.${key}`)]),
    ) as Record<PlanColumn, string>;
    return [
      anySheet(
        planSheet({ name: t('sheet.name'), headers, yes: t('cells.critical'), rows: exportRows }),
      ),
    ];
  }, [analysis, format, notes, people, predecessors, rows, staffing, t, variance]);

  return (
    <ExportSheetsDialog
      title={t('sheet.title', { code: deal.code })}
      fileStem={`${props.fileStem}-plan`}
      storageKey="plan"
      sheets={sheets}
      onClose={props.onClose}
    />
  );
}
