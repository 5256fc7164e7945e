import type { SheetCell } from '@shared/export/statement-sheet';

/**
 * Writes statement rows to an XLSX workbook. exceljs is loaded on first export only (it is large).
 * Numbers stay numbers with a number format; text was already neutralised by `statementSheet`.
 */
export async function statementWorkbook(sheetName: string, rows: readonly SheetCell[][]) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pursuit';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const target = row.getCell(c + 1);
      target.value = cell.value;
      if (cell.kind === 'heading') target.font = { bold: true };
      if (cell.kind === 'money') {
        target.numFmt = cell.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(cell.decimals)}`;
      }
      if (cell.kind === 'percent') target.numFmt = '0.00%';
    });
    row.commit();
  });
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 28 : 18;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
