import { describe, expect, it } from 'vitest';
import type { Weekday } from '@shared/domain/dates';
import { hoursOf, workingWeekText } from '@renderer/features/resources/utils/labels';

const names: Record<Weekday, string> = {
  0: 'Sun',
  1: 'Mon',
  2: 'Tue',
  3: 'Wed',
  4: 'Thu',
  5: 'Fri',
  6: 'Sat',
};
const name = (day: Weekday) => names[day];

describe('workingWeekText', () => {
  it('shows a run of days as a range and other weeks day by day', () => {
    expect(workingWeekText([5, 1, 2, 3, 4], name)).toBe('Mon–Fri');
    expect(workingWeekText([1, 3, 5], name)).toBe('Mon Wed Fri');
    expect(workingWeekText([6, 0], name)).toBe('Sat Sun');
    expect(workingWeekText([1, 2, 3, 4, 5, 6, 0], name)).toBe('Mon–Sun');
    expect(workingWeekText([], name)).toBe('—');
  });
});

describe('hoursOf', () => {
  it('shows minutes as hours with at most two decimals', () => {
    expect(hoursOf(150)).toBe(2.5);
    expect(hoursOf(100)).toBe(1.67);
  });
});
