import type { PlanDate } from '@shared/domain/dates';

/**
 * One cell of an exported sheet. Numbers stay numbers and dates stay dates, so a spreadsheet can
 * sum and sort them; text is neutralised before it is written (see `neutraliseText`).
 */
export type ExportCell =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  /** A money amount in major units (the currency is in a column of its own). */
  | { readonly kind: 'money'; readonly value: number; readonly digits: number }
  | { readonly kind: 'date'; readonly value: PlanDate }
  | { readonly kind: 'empty' };

/** Characters a spreadsheet reads as the start of a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet could take for a formula (it begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) gets a leading apostrophe, so `=HYPERLINK("x")` shows as that text and never
 * runs. Only text is touched: numbers are written as numbers, so a cost of -5 stays -5.
 */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export const textCell = (value: string): ExportCell =>
  value === '' ? { kind: 'empty' } : { kind: 'text', value: neutraliseText(value) };

/** The text of a cell as a CSV file holds it (numbers with a dot, dates `YYYY-MM-DD`). */
export function cellAsText(cell: ExportCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'number':
      return String(cell.value);
    case 'money':
      return cell.value.toFixed(cell.digits);
    case 'date':
      return cell.value;
    case 'empty':
      return '';
  }
}
