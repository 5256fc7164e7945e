import type { PlanDate } from '@shared/domain/dates';
import { minorDigits } from '@shared/domain/money';
import type { Money } from '@shared/domain/money';
import type { ExportCell } from '@shared/exchange/cells';
import { textCell } from '@shared/exchange/cells';
import type { ExportColumnKind, ExportTable } from '@shared/exchange/portfolio';

/**
 * A sheet of an export described once, by its columns: each column knows its header (in the
 * user's language), what it holds (for number formats in XLSX) and how to make a typed cell of a
 * row. The user picks columns from this list; `sheetTable` turns the chosen ones into the table
 * the CSV and XLSX writers take. Plan, risks, costs and the load heatmap describe their sheets
 * this way (the portfolio has its own: its columns follow the grid's).
 */
export interface SheetColumn<R> {
  /** Stable key: what a remembered column choice stores. */
  readonly key: string;
  readonly header: string;
  readonly kind: ExportColumnKind;
  readonly cell: (row: R) => ExportCell;
}

export interface Sheet<R> {
  /** Stable key of the sheet (`risks`, `costEntries`…). */
  readonly key: string;
  /** The sheet's name in the workbook and in the export dialog, in the user's language. */
  readonly name: string;
  readonly columns: readonly SheetColumn<R>[];
  readonly rows: readonly R[];
}

/** A sheet whose row type no longer matters (what a workbook holds). */
export interface AnySheet {
  readonly key: string;
  readonly name: string;
  readonly columns: readonly Pick<SheetColumn<never>, 'key' | 'header' | 'kind'>[];
  readonly rowCount: number;
  /** The table of the chosen columns (all when `keys` is undefined), in the sheet's order. */
  readonly table: (keys?: readonly string[]) => ExportTable;
}

/** The chosen columns of a sheet, in the sheet's order; unknown keys are ignored. */
export function chosenColumns<R>(
  columns: readonly SheetColumn<R>[],
  keys: readonly string[] | undefined,
): SheetColumn<R>[] {
  if (keys === undefined) return [...columns];
  const wanted = new Set(keys);
  return columns.filter((column) => wanted.has(column.key));
}

export function sheetTable<R>(sheet: Sheet<R>, keys?: readonly string[]): ExportTable {
  const columns = chosenColumns(sheet.columns, keys);
  return {
    headers: columns.map((column) => column.header),
    kinds: columns.map((column) => column.kind),
    rows: sheet.rows.map((row) => columns.map((column) => column.cell(row))),
  };
}

/** Erases a sheet's row type, keeping what the dialog and the writers need. */
export function anySheet<R>(sheet: Sheet<R>): AnySheet {
  return {
    key: sheet.key,
    name: sheet.name,
    columns: sheet.columns.map(({ key, header, kind }) => ({ key, header, kind })),
    rowCount: sheet.rows.length,
    table: (keys) => sheetTable(sheet, keys),
  };
}

/** A money amount as a number in major units (the currency goes in a column of its own). */
export function moneyCell(amount: Money): ExportCell {
  const digits = minorDigits(amount.currency);
  return { kind: 'money', value: amount.amountMinor / 10 ** digits, digits };
}

export function numberCell(value: number | null): ExportCell {
  return value === null || !Number.isFinite(value) ? { kind: 'empty' } : { kind: 'number', value };
}

export function dateCell(value: PlanDate | null | undefined): ExportCell {
  return value === null || value === undefined ? { kind: 'empty' } : { kind: 'date', value };
}

export { textCell };

/** A text column: the common case, spelled once. */
export function textColumn<R>(
  key: string,
  header: string,
  text: (row: R) => string,
): SheetColumn<R> {
  return { key, header, kind: 'text', cell: (row) => textCell(text(row)) };
}

/** A money amount as a number column, without its currency (a sheet that has one already). */
export function moneyColumn<R>(
  key: string,
  header: string,
  money: (row: R) => Money | null,
): SheetColumn<R> {
  return {
    key,
    header,
    kind: 'money',
    cell: (row) => {
      const amount = money(row);
      return amount === null ? { kind: 'empty' } : moneyCell(amount);
    },
  };
}

/**
 * A money amount and its currency as two columns (`<key>` and `<key>Currency`), so a spreadsheet
 * can sum the amounts of one currency without parsing text.
 */
export function moneyColumns<R>(
  key: string,
  header: string,
  currencyHeader: string,
  money: (row: R) => Money | null,
): SheetColumn<R>[] {
  return [
    moneyColumn(key, header, money),
    {
      key: `${key}Currency`,
      header: currencyHeader,
      kind: 'currency',
      cell: (row) => textCell(money(row)?.currency ?? ''),
    },
  ];
}

/** A deal code made safe as the start of a file name (`D-2026/14` → `D-2026-14`). */
export function fileStemOf(code: string, fallback = 'pursuit'): string {
  return code.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || fallback;
}
