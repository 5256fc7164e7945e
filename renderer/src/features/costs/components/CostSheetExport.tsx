import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostEntry } from '@shared/domain/cost';
import type { Deal } from '@shared/domain/deal';
import type { PersonId, RoleId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import type { RoundingMode } from '@shared/domain/money';
import type { TimeEntry } from '@shared/domain/time-entry';
import type { CategoryFigures } from '@shared/cost/rollup';
import { timeEntryCost } from '@shared/cost/rollup';
import type { BudgetColumn, CostEntryColumn, TimeColumn } from '@shared/exchange/deal-sheets';
import {
  BUDGET_COLUMNS,
  COST_ENTRY_COLUMNS,
  TIME_COLUMNS,
  costSheets,
} from '@shared/exchange/deal-sheets';
import { anySheet, fileStemOf } from '@shared/exchange/sheet';
import { ExportSheetsDialog } from '@renderer/features/exchange/components/ExportSheetsDialog';

export interface CostSheetExportProps {
  deal: Deal;
  byCategory: readonly CategoryFigures[];
  costEntries: readonly CostEntry[];
  timeEntries: readonly TimeEntry[];
  people: readonly Person[];
  roles: readonly Role[];
  taskNames: ReadonlyMap<string, string>;
  roundingMode: RoundingMode;
  onClose: () => void;
}

/** A deal's costs as a workbook: budget by category, cost entries, time log (or one as CSV). */
export function CostSheetExport(props: CostSheetExportProps) {
  const { t } = useTranslation('costs');
  const { deal, byCategory, costEntries, timeEntries, people, roles, taskNames, roundingMode } =
    props;
  const sheets = useMemo(() => {
    const personById = new Map<PersonId, Person>(people.map((p) => [p.id, p]));
    const roleById = new Map<RoleId, Role>(roles.map((r) => [r.id, r]));
    const nameOf = (id: PersonId | null) => (id === null ? '' : (personById.get(id)?.name ?? ''));
    const labelled = <K extends string>(keys: readonly K[], label: (key: K) => string) =>
      Object.fromEntries(keys.map((key) => [key, label(key)])) as Record<K, string>;
    const currency = t('sheet.currency');
    const [budget, entries, time] = costSheets({
      names: {
        budget: t('budget.title'),
        entries: t('entries.title'),
        time: t('time.title'),
      },
      budgetHeaders: labelled<BudgetColumn>(BUDGET_COLUMNS, (key) =>
        key === 'currency' ? currency : t(`budget.columns.${key}`),
      ),
      entryHeaders: labelled<CostEntryColumn>(COST_ENTRY_COLUMNS, (key) =>
        key === 'currency'
          ? currency
          : key === 'person'
            ? t('sheet.person')
            : t(`entries.columns.${key}`),
      ),
      timeHeaders: labelled<TimeColumn>(TIME_COLUMNS, (key) =>
        key === 'currency' ? currency : t(`time.columns.${key}`),
      ),
      category: (category) => t(`category.${category}`),
      byCategory,
      entries: costEntries.map((entry) => ({ entry, personName: nameOf(entry.personId) })),
      time: timeEntries.map((entry) => ({
        entry,
        personName: nameOf(entry.personId),
        taskName: entry.taskId === null ? t('time.noTask') : (taskNames.get(entry.taskId) ?? ''),
        cost: timeEntryCost(entry, personById, roleById, roundingMode),
      })),
    });
    return [anySheet(budget), anySheet(entries), anySheet(time)];
  }, [byCategory, costEntries, people, roles, roundingMode, t, taskNames, timeEntries]);
  return (
    <ExportSheetsDialog
      title={t('sheet.title', { code: deal.code })}
      fileStem={`${fileStemOf(deal.code)}-costs`}
      storageKey="costs"
      sheets={sheets}
      onClose={props.onClose}
    />
  );
}
