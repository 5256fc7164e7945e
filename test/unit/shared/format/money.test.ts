import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalString, minorUnitDigits } from '@shared/format/money';

describe('minorUnitDigits', () => {
  it('knows each currency’s minor unit', () => {
    expect(minorUnitDigits('CNY')).toBe(2);
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });
});

describe('minorToDecimalString', () => {
  it('places the decimal point by the currency, padding small amounts', () => {
    expect(minorToDecimalString(123456, 'CNY')).toBe('1234.56');
    expect(minorToDecimalString(5, 'CNY')).toBe('0.05');
    expect(minorToDecimalString(-5, 'USD')).toBe('-0.05');
    expect(minorToDecimalString(1234, 'JPY')).toBe('1234');
    expect(minorToDecimalString(1, 'KWD')).toBe('0.001');
  });

  it('stays exact where dividing by 100 would not', () => {
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, 'CNY')).toBe('90071992547409.91');
    // 1.15 is 1.149999… as a binary float.
    expect(minorToDecimalString(115, 'USD')).toBe('1.15');
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => minorToDecimalString(12.5, 'CNY')).toThrow(RangeError);
    expect(() => minorToDecimalString(Number.NaN, 'CNY')).toThrow(RangeError);
    expect(() => minorToDecimalString(2 ** 60, 'CNY')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats yuan for Chinese and English readers', () => {
    expect(formatMoney(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(123456, 'CNY', 'en')).toBe('CN¥1,234.56');
  });

  it('formats dollars, showing which dollar to a Chinese reader', () => {
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(123456, 'USD', 'zh-CN')).toBe('US$1,234.56');
  });

  it('uses the currency’s own decimals', () => {
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
    expect(formatMoney(1234, 'KWD', 'en')).toBe('KWD\u00a01.234');
  });

  it('formats negative amounts and zero', () => {
    expect(formatMoney(-123456, 'CNY', 'zh-CN')).toBe('-¥1,234.56');
    expect(formatMoney(0, 'USD', 'en')).toBe('$0.00');
  });

  it('prints the largest safe amount to the cent', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'CNY', 'zh-CN')).toBe('¥90,071,992,547,409.91');
  });

  it('shortens large amounts in the reader’s units: 万/亿 in Chinese, K/M/B in English', () => {
    expect(formatMoney(1_234_500_000, 'CNY', 'zh-CN', { compact: true })).toBe('¥1,234.5万');
    expect(formatMoney(1_234_567_890_00, 'CNY', 'zh-CN', { compact: true })).toBe('¥12.3亿');
    expect(formatMoney(1_234_500_000, 'USD', 'en', { compact: true })).toBe('$12.3M');
    expect(formatMoney(-250_000_00, 'USD', 'en', { compact: true })).toBe('-$250K');
  });

  it('keeps small amounts in full even when a short form is asked for', () => {
    expect(formatMoney(500_000, 'CNY', 'zh-CN', { compact: true })).toBe('¥5,000.00');
    expect(formatMoney(999_999, 'USD', 'en', { compact: true })).toBe('$9,999.99');
  });
});
