import { describe, expect, it } from 'vitest';
import { formatBytes } from '@shared/format/bytes';

const plain = (value: number, options?: { maximumFractionDigits?: number }) =>
  new Intl.NumberFormat('en', options).format(value);

describe('formatBytes', () => {
  it('keeps bytes whole and steps up by 1,024 with one decimal', () => {
    expect(formatBytes(0, plain)).toBe('0 B');
    expect(formatBytes(1023, plain)).toBe('1,023 B');
    expect(formatBytes(1024, plain)).toBe('1 KB');
    expect(formatBytes(1536, plain)).toBe('1.5 KB');
    expect(formatBytes(50 * 1024 * 1024, plain)).toBe('50 MB');
    expect(formatBytes(3.25 * 1024 ** 3, plain)).toBe('3.3 GB');
    expect(formatBytes(2 * 1024 ** 5, plain)).toBe('2,048 TB');
  });
});
