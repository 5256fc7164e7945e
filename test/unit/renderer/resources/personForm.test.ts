import { describe, expect, it } from 'vitest';
import type { RoleId } from '@shared/domain/ids';
import {
  checkPersonForm,
  personFormValues,
  type PersonFormValues,
} from '@renderer/features/resources/utils/personForm';

const role = '5a1e5000-0000-4000-8000-000000000206' as RoleId;
const base = (): PersonFormValues => ({
  ...personFormValues(null, (minor) => minor / 100),
  name: '  Wang Fang ',
  roleIds: [role],
  costRate: 300.5,
});

describe('checkPersonForm', () => {
  it('turns valid values into a patch with the rate in minor units', () => {
    const result = checkPersonForm({ ...base(), workingWeek: [5, 1, 3] }, 'CNY');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patch.name).toBe('Wang Fang');
    expect(result.patch.costRate).toEqual({ amountMinor: 30_050, currency: 'CNY' });
    expect(result.patch.workingWeek).toEqual([1, 3, 5]);
  });

  it('names every field that is wrong, with a message key', () => {
    const result = checkPersonForm(
      {
        ...base(),
        name: '   ',
        email: 'not-an-email',
        roleIds: [],
        costRate: -1,
        weeklyCapacityHours: 200,
        leaveDays: ['2026-12-01', '2026-12-01'],
      },
      'CNY',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: 'name', message: 'nameRequired' },
      { field: 'email', message: 'emailInvalid' },
      { field: 'roleIds', message: 'rolesRequired' },
      { field: 'costRate', message: 'rateInvalid' },
      { field: 'weeklyCapacityHours', message: 'capacityInvalid' },
      { field: 'leaveDays', message: 'leaveDuplicate' },
    ]);
  });

  it('asks for a working day when there is capacity, and reads an empty rate as missing', () => {
    const result = checkPersonForm({ ...base(), workingWeek: [], costRate: null }, 'CNY');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: 'costRate', message: 'rateInvalid' },
      { field: 'workingWeek', message: 'workingWeekRequired' },
    ]);
  });
});
