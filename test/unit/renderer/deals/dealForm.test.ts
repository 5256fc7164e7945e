import { describe, expect, it } from 'vitest';
import {
  dateOrderViolation,
  dealInputFromForm,
  isValidAmount,
  suggestDealCode,
} from '@renderer/features/deals/utils/dealForm';
import type { DealFormValues } from '@renderer/features/deals/utils/dealForm';

const base: DealFormValues = {
  code: ' BID-2026-007 ',
  name: ' Grid monitoring ',
  accountId: '00000000-0000-4000-8000-000000000001' as DealFormValues['accountId'],
  ownerId: '00000000-0000-4000-8000-000000000002' as DealFormValues['ownerId'],
  stageId: '00000000-0000-4000-8000-000000000003' as DealFormValues['stageId'],
  amount: '1250000.5',
  currency: 'CNY' as DealFormValues['currency'],
  pwin: 30,
  margin: 18,
};

describe('deal form', () => {
  it('turns the decimal amount into exact minor units and trims text', () => {
    const input = dealInputFromForm({
      ...base,
      tags: [' rail ', ''],
      keyDates: { submissionDue: '2027-01-15' },
    });
    expect(input.value).toEqual({ amountMinor: 125_000_050, currency: 'CNY' });
    expect(input.code).toBe('BID-2026-007');
    expect(input.name).toBe('Grid monitoring');
    expect(input.tags).toEqual(['rail']);
    expect(input.keyDates.submissionDue).toBe('2027-01-15');
    expect(input.keyDates.kickoff).toBeNull();
    expect(input.description).toBe('');
  });

  it('accepts amounts with at most the currency’s decimals', () => {
    expect(isValidAmount('10.25', 'CNY' as DealFormValues['currency'])).toBe(true);
    expect(isValidAmount('10.255', 'CNY' as DealFormValues['currency'])).toBe(false);
    expect(isValidAmount('10.5', 'JPY' as DealFormValues['currency'])).toBe(false);
    expect(isValidAmount('-1', 'USD' as DealFormValues['currency'])).toBe(false);
    expect(isValidAmount('1e5', 'USD' as DealFormValues['currency'])).toBe(false);
  });

  it('names the date a key date must not precede', () => {
    const dates = {
      rfpRelease: '2026-12-01',
      submissionDue: '2026-11-20',
      expectedAward: '2027-01-10',
    };
    expect(dateOrderViolation('submissionDue', dates)).toBe('rfpRelease');
    expect(dateOrderViolation('expectedAward', dates)).toBeNull();
    expect(dateOrderViolation('kickoff', dates)).toBeNull();
  });

  it('suggests the next code of the year, keeping the digits people use', () => {
    expect(suggestDealCode([], 2026)).toBe('BID-2026-001');
    expect(suggestDealCode(['BID-2026-0012', 'BID-2026-0003', 'BID-2025-0099', 'X-1'], 2026)).toBe(
      'BID-2026-0013',
    );
  });
});
