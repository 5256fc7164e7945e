import type { CurrencyCode } from '@shared/domain/money';
import { currencyNumFmt, QUOTE_SHEET_COLUMNS } from '@shared/export/quote-sheet';
import type { SheetCell } from '@shared/export/statement-sheet';

/** Column widths (characters) of the quote sheet, in `QUOTE_SHEET_COLUMNS` order. */
const WIDTHS: Readonly<Record<(typeof QUOTE_SHEET_COLUMNS)[number], number>> = {
  lineNumber: 14,
  code: 14,
  description: 48,
  unit: 8,
  quantity: 10,
  unitPrice: 16,
  discount: 10,
  net: 18,
  taxRate: 10,
  tax: 16,
  total: 18,
};

/**
 * Writes the quote's rows to an XLSX workbook (exceljs is loaded on first export only, it is
 * large). Money cells are plain numbers with the quote currency's format, rates are ratios shown
 * as percentages; text was already neutralised by `quoteSheet`.
 */
export async function quoteWorkbook(
  sheetName: string,
  rows: readonly SheetCell[][],
  currency: CurrencyCode,
): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pursuit';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const target = row.getCell(c + 1);
      target.value = cell.value;
      if (cell.kind === 'heading') target.font = { bold: true };
      if (cell.kind === 'money') target.numFmt = currencyNumFmt(currency, cell.decimals);
      if (cell.kind === 'percent') target.numFmt = '0.##%';
      if (cell.kind === 'number') target.numFmt = '#,##0.###';
      if (cell.kind === 'text') target.alignment = { wrapText: true, vertical: 'top' };
    });
    row.commit();
  });
  QUOTE_SHEET_COLUMNS.forEach((key, index) => {
    sheet.getColumn(index + 1).width = WIDTHS[key];
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
