import type { DealStatus } from '@shared/domain/deal';
import type { PortfolioRow, SortKey } from '@shared/portfolio/rows';
import type { ExportCell } from '@shared/exchange/cells';
import { textCell } from '@shared/exchange/cells';
import { moneyCell } from '@shared/exchange/sheet';

/** What an exported column holds, for typing cells in XLSX (widths, number formats). */
export type ExportColumnKind = 'text' | 'number' | 'money' | 'date' | 'currency';

/** The columns of an export: the portfolio's shown columns plus the ones money and milestones need. */
export type ExportColumnKey = SortKey | 'currency' | 'nextMilestoneDate';

export interface ExportLabels {
  readonly columns: Readonly<Record<ExportColumnKey, string>>;
  readonly status: Readonly<Record<DealStatus, string>>;
  /** `en` or `zh`: which name of a stage to write. */
  readonly stageLanguage: 'en' | 'zh';
}

export interface ExportTable {
  readonly headers: string[];
  readonly kinds: ExportColumnKind[];
  readonly rows: ExportCell[][];
}

const KINDS: Record<ExportColumnKey, ExportColumnKind> = {
  code: 'text',
  name: 'text',
  account: 'text',
  owner: 'text',
  stage: 'text',
  status: 'text',
  health: 'text',
  value: 'money',
  currency: 'currency',
  pwin: 'number',
  weighted: 'money',
  submissionDue: 'date',
  expectedAward: 'date',
  nextMilestone: 'text',
  nextMilestoneDate: 'date',
};

/**
 * The export's columns from the columns the user shows, in their order: the currency follows
 * the first money column (amounts are plain numbers), the next milestone's date follows its name.
 */
export function exportColumns(shown: readonly SortKey[]): ExportColumnKey[] {
  const out: ExportColumnKey[] = [];
  for (const column of shown) {
    // Health is computed for the moment shown, not a field of the deal: it is not exported.
    if (column === 'health') continue;
    out.push(column);
    if ((column === 'value' || column === 'weighted') && !out.includes('currency')) {
      out.push('currency');
    }
    if (column === 'nextMilestone') out.push('nextMilestoneDate');
  }
  return out;
}

function cellOf(row: PortfolioRow, key: ExportColumnKey, labels: ExportLabels): ExportCell {
  switch (key) {
    case 'code':
      return textCell(row.code);
    case 'name':
      return textCell(row.name);
    case 'account':
      return textCell(row.accountName);
    case 'owner':
      return textCell(row.ownerName);
    case 'stage':
      return textCell(row.stageName?.[labels.stageLanguage] ?? '');
    case 'status':
      return textCell(labels.status[row.status]);
    case 'health':
      return textCell(row.health?.level ?? '');
    case 'value':
      return moneyCell(row.value);
    case 'currency':
      return textCell(row.value.currency);
    case 'pwin':
      return { kind: 'number', value: row.pwin };
    case 'weighted':
      return moneyCell(row.weighted);
    case 'submissionDue':
      return row.submissionDue ? { kind: 'date', value: row.submissionDue } : { kind: 'empty' };
    case 'expectedAward':
      return row.expectedAward ? { kind: 'date', value: row.expectedAward } : { kind: 'empty' };
    case 'nextMilestone':
      return textCell(row.nextMilestone?.name ?? '');
    case 'nextMilestoneDate':
      return row.nextMilestone
        ? { kind: 'date', value: row.nextMilestone.date }
        : { kind: 'empty' };
  }
}

/** The header, column kinds and typed, neutralised cells of `rows[from, to)`. */
export function exportHeader(
  shown: readonly SortKey[],
  labels: ExportLabels,
): Pick<ExportTable, 'headers' | 'kinds'> {
  const keys = exportColumns(shown);
  return { headers: keys.map((k) => labels.columns[k]), kinds: keys.map((k) => KINDS[k]) };
}

export function exportRows(
  rows: readonly PortfolioRow[],
  shown: readonly SortKey[],
  labels: ExportLabels,
): ExportCell[][] {
  const keys = exportColumns(shown);
  return rows.map((row) => keys.map((key) => cellOf(row, key, labels)));
}

/**
 * The portfolio as a table to export: the rows as shown (sorted and filtered by the caller), the
 * columns the user chose, headers in the user's language. Money is a number in major units with a
 * currency column; dates are dates; text is neutralised against formula injection.
 */
export function portfolioExportTable(
  rows: readonly PortfolioRow[],
  shown: readonly SortKey[],
  labels: ExportLabels,
): ExportTable {
  return { ...exportHeader(shown, labels), rows: exportRows(rows, shown, labels) };
}
