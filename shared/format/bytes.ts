const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A size in bytes as people read it (`1.5 MB`), in binary steps of 1,024 as operating systems
 * show file sizes; the number itself is formatted by the caller's locale-aware formatter.
 */
export function formatBytes(
  bytes: number,
  number: (value: number, options?: { maximumFractionDigits?: number }) => string,
): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${number(value, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${UNITS[unit]}`;
}
