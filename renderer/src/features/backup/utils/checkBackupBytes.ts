import { parseBackup } from '@shared/backup/format';
import type { ParseBackupResult } from '@shared/backup/format';

/** What checking a chosen file gave: a parse result, or bytes that are not text at all. */
export type BackupFileCheck =
  { readonly kind: 'parsed'; readonly result: ParseBackupResult } | { readonly kind: 'notText' };

/**
 * The text of a file: UTF-8 unless a byte-order mark says UTF-16 (what some Windows editors save
 * as "Unicode"). The decoder drops the mark itself. `null` when the bytes are not valid text in
 * that encoding, so a picture or a spreadsheet is named as such rather than as broken JSON.
 */
export function decodeText(bytes: Uint8Array): string | null {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes and validates a chosen backup file; runs in a worker or, failing that, in the page. */
export function checkBackupBytes(bytes: Uint8Array): BackupFileCheck {
  const text = decodeText(bytes);
  return text === null ? { kind: 'notText' } : { kind: 'parsed', result: parseBackup(text) };
}
