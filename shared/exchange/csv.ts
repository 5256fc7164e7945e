import type { ExportCell } from '@shared/exchange/cells';
import { cellAsText } from '@shared/exchange/cells';

/** The delimiters a user can choose; the file is never guessed (short files guess wrong). */
export const CSV_DELIMITERS = ['comma', 'semicolon', 'tab'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const DELIMITER_CHAR: Record<CsvDelimiter, string> = { comma: ',', semicolon: ';', tab: '\t' };

/** The byte-order mark Excel needs to read a CSV file as UTF-8 (Chinese text otherwise garbles). */
export const UTF8_BOM = '\uFEFF';

function quote(text: string, delimiter: string): string {
  return text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    text !== text.trim()
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * A CSV file (RFC 4180, CRLF line ends) of a header row and data rows, with a UTF-8 BOM. Cells
 * arrive already typed and neutralised; here they are only quoted where needed.
 */
export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly ExportCell[])[],
  delimiter: CsvDelimiter,
): string {
  const d = DELIMITER_CHAR[delimiter];
  const lines = [headers.map((h) => quote(h, d)).join(d)];
  for (const row of rows) lines.push(row.map((cell) => quote(cellAsText(cell), d)).join(d));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

export interface ParsedCsv {
  readonly rows: string[][];
  /** A quoted field was still open at the end of the file (it was probably cut short). */
  readonly unterminatedQuote: boolean;
}

/**
 * Reads CSV text with the delimiter the user chose. A leading BOM is dropped; line ends may be
 * CRLF, LF or CR, mixed; quoted fields may hold delimiters, quotes (doubled) and line breaks.
 * Blank lines are kept (as one empty cell) so row numbers match the file. Never throws: a quote left open is reported, not fatal.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter): ParsedCsv {
  const d = DELIMITER_CHAR[delimiter];
  const source = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
    fieldStarted = false;
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (ch === d) {
      row.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
    } else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0 || fieldStarted) endRow();
  return { rows, unterminatedQuote: quoted };
}
