/**
 * File names that cross the IPC boundary are names only. The renderer may suggest a name for a
 * save dialog; it may never name a folder, so anything that could be read as a path (or that
 * some operating system would refuse or silently rewrite) is rejected here, before main acts.
 */

/** Room for the name inside the 255-byte limit most file systems put on one path component. */
export const MAX_FILE_NAME_BYTES = 200;

export type FileNameProblem =
  | 'empty'
  | 'tooLong'
  | 'absolutePath'
  | 'pathSeparator'
  | 'dotDot'
  | 'controlCharacter'
  | 'bidiControl'
  | 'reservedCharacter'
  | 'reservedName'
  | 'edgeWhitespaceOrDot';

export const FILE_NAME_PROBLEM_MESSAGES: Readonly<Record<FileNameProblem, string>> = {
  empty: 'the file name is empty',
  tooLong: `the file name is longer than ${MAX_FILE_NAME_BYTES} bytes`,
  absolutePath: 'the file name is an absolute path; only a name is accepted',
  pathSeparator: 'the file name contains a path separator ("/" or "\\")',
  dotDot: 'the file name contains ".."',
  controlCharacter: 'the file name contains a NUL or control character',
  bidiControl: 'the file name contains a bidirectional text control character',
  reservedCharacter: 'the file name contains a character Windows does not allow (< > : " | ? *)',
  reservedName: 'the file name is reserved on Windows (CON, PRN, AUX, NUL, COM1–9, LPT1–9)',
  edgeWhitespaceOrDot: 'the file name starts or ends with a space, or ends with a dot',
};

// C0 controls, DEL and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
// Embedding/override/isolate controls can make "gpj.exe" display as "exe.jpg".
const BIDI_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const WINDOWS_RESERVED_CHARACTER = /[<>:"|?*]/;
// Windows treats these as devices with or without an extension ("con.txt" is still CON), and
// also the superscript-digit variants of COM and LPT.
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const DRIVE_OR_UNC_PREFIX = /^([a-z]:|[/\\])/i;

/**
 * UTF-8 length of a string without relying on TextEncoder (shared/ has no DOM or Node globals).
 * Lone surrogates count as the 3-byte replacement character they would be encoded as.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Why `name` is not acceptable as a bare file name, or `null` when it is. The order matters only
 * for which reason is reported; any single problem rejects the name.
 */
export function fileNameProblem(name: string): FileNameProblem | null {
  if (name.length === 0) return 'empty';
  // UTF-8 is never shorter than UTF-16 code units, so this bounds the work on huge strings.
  if (name.length > MAX_FILE_NAME_BYTES || utf8ByteLength(name) > MAX_FILE_NAME_BYTES) {
    return 'tooLong';
  }
  if (DRIVE_OR_UNC_PREFIX.test(name)) return 'absolutePath';
  if (name.includes('/') || name.includes('\\')) return 'pathSeparator';
  if (name.includes('..')) return 'dotDot';
  if (CONTROL_CHARACTER.test(name)) return 'controlCharacter';
  if (BIDI_CONTROL.test(name)) return 'bidiControl';
  if (WINDOWS_RESERVED_CHARACTER.test(name)) return 'reservedCharacter';
  if (WINDOWS_RESERVED_NAME.test(name)) return 'reservedName';
  if (name.trim() !== name || name.endsWith('.')) return 'edgeWhitespaceOrDot';
  return null;
}
