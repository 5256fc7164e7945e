import { utcMsOfPlanDate } from '@shared/domain/dates';
import type { ExportCell } from '@shared/exchange/cells';
import { cellAsText } from '@shared/exchange/cells';
import type { CsvDelimiter } from '@shared/exchange/csv';
import { toCsv } from '@shared/exchange/csv';
import type { ExportColumnKind, ExportLabels } from '@shared/exchange/portfolio';
import { exportHeader, exportRows } from '@shared/exchange/portfolio';
import type { PortfolioRow, SortKey } from '@shared/portfolio/rows';

/** Rows turned into cells between two turns of the page (so progress paints, input answers). */
const CHUNK = 250;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type ExportFormat = 'csv-comma' | 'csv-semicolon' | 'csv-tab' | 'xlsx';

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

/**
 * The portfolio as an Excel workbook: typed cells (numbers, dates, neutralised text), the header
 * row bold and frozen, columns sized to their content, money with its currency's decimals.
 */
export async function portfolioXlsx(input: ExportInput): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const { headers, kinds } = exportHeader(input.columns, input.labels);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(input.sheetName, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  const widths = headers.map((h) => Math.max(8, [...h].length * 2));
  const cells = await cellsInChunks(input, 0.6);
  for (let start = 0; start < cells.length; start += CHUNK) {
    for (const row of cells.slice(start, start + CHUNK)) {
      const added = sheet.addRow(row.map(cellValue));
      row.forEach((cell, index) => {
        if (cell.kind === 'money') added.getCell(index + 1).numFmt = moneyFormat(cell.digits);
        const text = cellAsText(cell);
        // Chinese characters take about two widths of a Latin one.
        const width = [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 2);
        if (width > (widths[index] ?? 0)) widths[index] = width;
      });
    }
    input.onProgress(0.6 + (Math.min(start + CHUNK, cells.length) / cells.length) * 0.3);
    await nextTurn();
  }
  kinds.forEach((kind, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = Math.min(60, widths[index] ?? 10);
    const format = NUMBER_FORMATS[kind];
    if (format !== undefined) column.numFmt = format;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  input.onProgress(1);
  return new Uint8Array(buffer as ArrayBuffer);
}
