import type { KeyDateField, KeyDates } from '@shared/domain/deal';
import type { PlanDate } from '@shared/domain/dates';
import { DATE_ORDER } from '@renderer/features/deals/utils/dealForm';

/** Why a key date cannot take its new value: it would fall before or after another key date. */
export interface KeyDateConflict {
  readonly direction: 'before' | 'after';
  readonly other: KeyDateField;
  readonly otherDate: PlanDate;
}

/**
 * Checks the edited `field` of `dates` (already holding the new value) against the order the
 * deal schema enforces (e.g. award not before submission), from the edited field's side: the
 * first other date it would now precede or follow wrongly, or null when it fits.
 */
export function keyDateConflict(dates: KeyDates, field: KeyDateField): KeyDateConflict | null {
  const value = dates[field];
  if (value === null) return null;
  for (const [later, earlier] of DATE_ORDER) {
    const laterDate = dates[later];
    const earlierDate = dates[earlier];
    if (later === field && earlierDate !== null && value < earlierDate) {
      return { direction: 'before', other: earlier, otherDate: earlierDate };
    }
    if (earlier === field && laterDate !== null && laterDate < value) {
      return { direction: 'after', other: later, otherDate: laterDate };
    }
  }
  return null;
}
