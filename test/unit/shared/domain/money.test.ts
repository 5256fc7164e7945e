import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMoney,
  allocateMoney,
  CurrencyMismatchError,
  minorDigits,
  money,
  moneyFromMajor,
  moneySchema,
  multiplyMoney,
  percentOf,
  subtractMoney,
  sumMoney,
} from '@shared/domain/money';
import { formatIssues } from '@shared/domain/issues';

const cny = (amountMinor: number) => money(amountMinor, 'CNY');

describe('money', () => {
  it('knows each currency’s minor unit from ISO 4217', () => {
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('adds and subtracts only within one currency', () => {
    expect(addMoney(cny(150), cny(250))).toEqual(cny(400));
    expect(subtractMoney(cny(150), cny(250))).toEqual(cny(-100));
    expect(sumMoney([cny(1), cny(2), cny(3)], 'CNY')).toEqual(cny(6));
    expect(sumMoney([], 'EUR')).toEqual(money(0, 'EUR'));
    expect(() => addMoney(cny(1), money(1, 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => sumMoney([cny(1), money(1, 'USD')], 'CNY')).toThrow(CurrencyMismatchError);
  });

  it('rounds halves away from zero (half_up) or to even (banker’s)', () => {
    const half = { numerator: 1, denominator: 2 };
    expect(multiplyMoney(cny(5), half, 'half_up').amountMinor).toBe(3);
    expect(multiplyMoney(cny(5), half, 'half_even').amountMinor).toBe(2);
    expect(multiplyMoney(cny(7), half, 'half_even').amountMinor).toBe(4);
    expect(multiplyMoney(cny(-5), half, 'half_up').amountMinor).toBe(-3);
    expect(multiplyMoney(cny(-5), half, 'half_even').amountMinor).toBe(-2);
    expect(multiplyMoney(cny(100), { numerator: 1, denominator: 3 }, 'half_up').amountMinor).toBe(
      33,
    );
    expect(multiplyMoney(cny(200), { numerator: 1, denominator: 3 }, 'half_up').amountMinor).toBe(
      67,
    );
  });

  it('multiplies by the decimal a person typed, not the binary float behind it', () => {
    // 1.005 is stored as 1.00499999…; as typed, 100 × 1.005 = 100.5.
    expect(multiplyMoney(cny(100), 1.005, 'half_up').amountMinor).toBe(101);
    expect(multiplyMoney(cny(100), 1.005, 'half_even').amountMinor).toBe(100);
    expect(percentOf(cny(1_000_000), 12.5, 'half_up').amountMinor).toBe(125_000);
    expect(percentOf(cny(199), 35, 'half_up').amountMinor).toBe(70); // 69.65
  });

  it('keeps large amounts exact', () => {
    const amount = 9_000_000_000_000_001;
    expect(Number.isSafeInteger(amount)).toBe(true);
    const result = multiplyMoney(cny(amount), { numerator: 999, denominator: 1000 }, 'half_even');
    const exact = (BigInt(amount) * 999n) / 1000n; // remainder 999 → rounds up
    expect(BigInt(result.amountMinor)).toBe(exact + 1n);
  });

  it('splits a total into parts that add up to the minor unit', () => {
    expect(allocateMoney(cny(100), [1, 1, 1]).map((m) => m.amountMinor)).toEqual([34, 33, 33]);
    expect(allocateMoney(cny(-100), [1, 1, 1]).map((m) => m.amountMinor)).toEqual([-34, -33, -33]);
    expect(allocateMoney(cny(10), [0, 0]).map((m) => m.amountMinor)).toEqual([5, 5]);
    expect(allocateMoney(cny(1_000), [22, 24, 26, 28]).map((m) => m.amountMinor)).toEqual([
      220, 240, 260, 280,
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = allocateMoney(cny(total), weights);
          expect(parts.reduce((sum, part) => sum + part.amountMinor, 0)).toBe(total);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((part, i) => {
            const share =
              weightSum === 0 ? total / weights.length : (total * (weights[i] ?? 0)) / weightSum;
            expect(Math.abs(part.amountMinor - share)).toBeLessThan(1.0001);
          });
        },
      ),
    );
  });

  it('reads amounts typed in major units, rounding to the currency’s minor unit', () => {
    expect(moneyFromMajor('1234.565', 'CNY')).toEqual(cny(123_457));
    expect(moneyFromMajor('1234.565', 'CNY', 'half_even')).toEqual(cny(123_456));
    expect(moneyFromMajor('1234.5', 'JPY')).toEqual(money(1_235, 'JPY'));
    expect(moneyFromMajor('1234.5', 'JPY', 'half_even')).toEqual(money(1_234, 'JPY'));
    expect(moneyFromMajor('1.2345', 'KWD')).toEqual(money(1_235, 'KWD'));
    expect(moneyFromMajor('-0.5', 'USD')).toEqual(money(-50, 'USD'));
    expect(moneyFromMajor(19.99, 'USD')).toEqual(money(1_999, 'USD'));
    expect(() => moneyFromMajor('1,234.00', 'USD')).toThrow(RangeError);
    expect(() => moneyFromMajor('12abc', 'USD')).toThrow(RangeError);
  });

  it('refuses fractional minor units, unknown currencies and lower-case codes', () => {
    const fraction = moneySchema.safeParse({ amountMinor: 12.5, currency: 'CNY' });
    expect(fraction.success).toBe(false);
    if (!fraction.success) {
      expect(formatIssues(fraction.error, 'value')).toEqual([
        'value.amountMinor: must be a whole number of minor units',
      ]);
    }
    expect(moneySchema.safeParse({ amountMinor: 1, currency: 'XYZ' }).success).toBe(false);
    expect(moneySchema.safeParse({ amountMinor: 1, currency: 'cny' }).success).toBe(false);
    expect(moneySchema.safeParse({ amountMinor: 2 ** 53, currency: 'CNY' }).success).toBe(false);
    expect(moneySchema.safeParse({ amountMinor: -100, currency: 'EUR' }).success).toBe(true);
  });
});
