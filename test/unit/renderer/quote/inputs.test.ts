import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantitySchema } from '@shared/domain/quote';
import { percentText, readPercentBp, readQuantity } from '@renderer/features/quote/utils/inputs';

describe('quote form readers', () => {
  it('reads quantities with at most three decimals and refuses the rest', () => {
    expect(readQuantity('2')).toBe(2);
    expect(readQuantity('1,250.5')).toBe(1250.5);
    expect(readQuantity('0.125')).toBe(0.125);
    expect(readQuantity('0')).toBe(0);
    expect(readQuantity('0', false)).toBeNull();
    expect(readQuantity('0.1234')).toBeNull();
    expect(readQuantity('-1')).toBeNull();
    expect(readQuantity('abc')).toBeNull();
    expect(readQuantity('')).toBeNull();
    expect(readQuantity('1000000001')).toBeNull();
  });

  it('every quantity it accepts is one the schema accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (thousandths) => {
        const text = (thousandths / 1000).toString();
        const value = readQuantity(text);
        if (value !== null) expect(quantitySchema.safeParse(value).success).toBe(true);
        else expect(thousandths / 1000).toBeGreaterThan(1_000_000_000);
      }),
    );
  });

  it('reads percentages into basis points', () => {
    expect(readPercentBp('12.5')).toBe(1250);
    expect(readPercentBp('13%')).toBe(1300);
    expect(readPercentBp('0.05')).toBe(5);
    expect(readPercentBp('100')).toBe(10_000);
    expect(readPercentBp('100.01')).toBeNull();
    expect(readPercentBp('99', 98)).toBeNull();
    expect(readPercentBp('1.234')).toBeNull();
    expect(readPercentBp('-3')).toBeNull();
    expect(readPercentBp('')).toBeNull();
  });

  it('percentText and readPercentBp round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(readPercentBp(percentText(bp))).toBe(bp);
      }),
    );
  });
});
