import type { Formatters } from '@renderer/i18n/useFormat';

/** A file size as people read it: "820 KB", "48.5 MB" (binary units, as file managers show). */
export function formatSize(bytes: number, number: Formatters['number']): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${number(value, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}
