import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from '@shared/format/number';

describe('formatNumber', () => {
  it('groups digits for both languages', () => {
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.891');
    expect(formatNumber(1234567.891, 'zh-CN')).toBe('1,234,567.891');
  });

  it('honours the requested decimals', () => {
    expect(formatNumber(7.5, 'en', { minimumFractionDigits: 2 })).toBe('7.50');
    expect(formatNumber(2 / 3, 'zh-CN', { maximumFractionDigits: 1 })).toBe('0.7');
  });

  it('shortens large counts the way each language counts', () => {
    expect(formatNumber(12_345, 'zh-CN', { compact: true })).toBe('1.2万');
    expect(formatNumber(12_345, 'en', { compact: true })).toBe('12.3K');
  });
});

describe('formatPercent', () => {
  it('takes a ratio and shows a percentage', () => {
    expect(formatPercent(0.45, 'en')).toBe('45%');
    expect(formatPercent(0.45, 'zh-CN')).toBe('45%');
    expect(formatPercent(1, 'en')).toBe('100%');
  });

  it('rounds to the requested decimals', () => {
    expect(formatPercent(0.4567, 'en')).toBe('46%');
    expect(formatPercent(0.4567, 'en', 1)).toBe('45.7%');
    expect(formatPercent(0.45, 'en', 1)).toBe('45%');
  });
});
