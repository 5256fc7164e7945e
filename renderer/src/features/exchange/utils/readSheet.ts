import type { CsvDelimiter } from '@shared/exchange/csv';
import { parseCsv } from '@shared/exchange/csv';
import { sheetCellOf } from '@shared/exchange/import';
import type { SheetCell } from '@shared/exchange/import';
import { decodeText } from '@renderer/features/backup/utils/checkBackupBytes';

export type SheetKind = 'csv' | 'xlsx';

export type ReadSheet =
  | { readonly ok: true; readonly rows: SheetCell[][]; readonly unterminatedQuote: boolean }
  | { readonly ok: false; readonly reason: 'notText' | 'unreadable'; readonly detail: string };

export function sheetKindOf(fileName: string): SheetKind {
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}

/**
 * CSV text: UTF-8 or UTF-16 by its mark; failing that GB18030, what Excel on a Chinese Windows
 * saves "CSV" as.
 */
function csvText(bytes: Uint8Array): string | null {
  const text = decodeText(bytes);
  if (text !== null) return text;
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function readCsv(bytes: Uint8Array, delimiter: CsvDelimiter): ReadSheet {
  const text = csvText(bytes);
  if (text === null) return { ok: false, reason: 'notText', detail: '' };
  const parsed = parseCsv(text, delimiter);
  return { ok: true, rows: parsed.rows, unterminatedQuote: parsed.unterminatedQuote };
}

/** The first worksheet of a workbook, as rows of cells (row 1 first, gaps as empty cells). */
export async function readXlsx(bytes: Uint8Array): Promise<ReadSheet> {
  try {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) return { ok: true, rows: [], unterminatedQuote: false };
    const rows: SheetCell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const values = Array.isArray(row.values) ? row.values : [];
      const cells: SheetCell[] = [];
      // `values` is 1-based and sparse.
      for (let i = 1; i < values.length; i += 1) cells.push(sheetCellOf(values[i]));
      rows[number - 1] = cells;
    });
    for (let i = 0; i < rows.length; i += 1) rows[i] ??= [];
    return { ok: true, rows, unterminatedQuote: false };
  } catch (error) {
    return {
      ok: false,
      reason: 'unreadable',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}
