import { utcMsOfPlanDate } from '@shared/domain/dates';
import type { ExportCell } from '@shared/exchange/cells';
import { cellAsText } from '@shared/exchange/cells';
import type { CsvDelimiter } from '@shared/exchange/csv';
import { toCsv } from '@shared/exchange/csv';
import type { ExportColumnKind, ExportLabels, ExportTable } from '@shared/exchange/portfolio';
import { exportHeader, exportRows } from '@shared/exchange/portfolio';
import type { PortfolioRow, SortKey } from '@shared/portfolio/rows';

/** Rows turned into cells between two turns of the page (so progress paints, input answers). */
const CHUNK = 250;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type ExportFormat = 'csv-comma' | 'csv-semicolon' | 'csv-tab' | 'xlsx';

/** The delimiter of each CSV format. */
export const DELIMITER_OF = {
  'csv-comma': 'comma',
  'csv-semicolon': 'semicolon',
  'csv-tab': 'tab',
} as const satisfies Record<Exclude<ExportFormat, 'xlsx'>, CsvDelimiter>;

/** A table as CSV text (a BOM first, so Excel reads UTF-8 Chinese right). */
export function tableCsv(table: ExportTable, delimiter: CsvDelimiter): string {
  return toCsv(table.headers, table.rows, delimiter);
}

interface ExportInput {
  readonly rows: readonly PortfolioRow[];
  readonly columns: readonly SortKey[];
  readonly labels: ExportLabels;
  readonly sheetName: string;
  /** Share done, 0–1. */
  readonly onProgress: (share: number) => void;
}

/** The typed cells of every row, a chunk at a time, with progress (the first 60 % of the work). */
async function cellsInChunks(input: ExportInput, weight: number): Promise<ExportCell[][]> {
  const out: ExportCell[][] = [];
  for (let start = 0; start < input.rows.length; start += CHUNK) {
    out.push(...exportRows(input.rows.slice(start, start + CHUNK), input.columns, input.labels));
    input.onProgress((Math.min(start + CHUNK, input.rows.length) / input.rows.length) * weight);
    await nextTurn();
  }
  return out;
}

export async function portfolioCsv(input: ExportInput, delimiter: CsvDelimiter): Promise<string> {
  const { headers } = exportHeader(input.columns, input.labels);
  const cells = await cellsInChunks(input, 0.9);
  const text = toCsv(headers, cells, delimiter);
  input.onProgress(1);
  return text;
}

const NUMBER_FORMATS: Partial<Record<ExportColumnKind, string>> = {
  date: 'yyyy-mm-dd',
  number: '0',
};

function moneyFormat(digits: number): string {
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}

/** Excel shows a date cell as the UTC day it holds. */
function cellValue(cell: ExportCell): string | number | Date | null {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'number':
    case 'money':
      return cell.value;
    case 'date':
      return new Date(utcMsOfPlanDate(cell.value));
    case 'empty':
      return null;
  }
}

/** A table and the name of its sheet in a workbook. */
export interface NamedTable {
  readonly name: string;
  readonly table: ExportTable;
}

/** Excel refuses sheet names over 31 characters, with `[]:*?/\\`, or twice in one book. */
function sheetNameOf(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Tables as an Excel workbook, one sheet each: typed cells (numbers, dates, neutralised text),
 * the header row bold and frozen, columns sized to their content, money with its currency's
 * decimals. `onProgress` gets the share of rows written, 0–1.
 */
export async function tablesXlsx(
  sheets: readonly NamedTable[],
  onProgress: (share: number) => void = () => {},
): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  const total = Math.max(
    1,
    sheets.reduce((sum, sheet) => sum + sheet.table.rows.length, 0),
  );
  let written = 0;
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(sheetNameOf(name, taken), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    });
    const header = sheet.addRow(table.headers);
    header.font = { bold: true };
    const widths = table.headers.map((h) => Math.max(8, [...h].length * 2));
    for (let start = 0; start < table.rows.length; start += CHUNK) {
      for (const row of table.rows.slice(start, start + CHUNK)) {
        const added = sheet.addRow(row.map(cellValue));
        row.forEach((cell, index) => {
          if (cell.kind === 'money') added.getCell(index + 1).numFmt = moneyFormat(cell.digits);
          const text = cellAsText(cell);
          // Chinese characters take about two widths of a Latin one.
          const width = [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 2);
          if (width > (widths[index] ?? 0)) widths[index] = width;
        });
      }
      written += Math.min(CHUNK, table.rows.length - start);
      onProgress((written / total) * 0.9);
      await nextTurn();
    }
    table.kinds.forEach((kind, index) => {
      const column = sheet.getColumn(index + 1);
      column.width = Math.min(60, widths[index] ?? 10);
      const format = NUMBER_FORMATS[kind];
      if (format !== undefined) column.numFmt = format;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  onProgress(1);
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The portfolio as an Excel workbook of one sheet (the rows as shown, the columns chosen). */
export async function portfolioXlsx(input: ExportInput): Promise<Uint8Array<ArrayBuffer>> {
  const { headers, kinds } = exportHeader(input.columns, input.labels);
  const rows = await cellsInChunks(input, 0.6);
  return tablesXlsx([{ name: input.sheetName, table: { headers, kinds, rows } }], (share) =>
    input.onProgress(0.6 + share * 0.4),
  );
}
