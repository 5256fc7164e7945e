import type { PlanDate } from '@shared/domain/dates';
import { addDays, parsePlanDate } from '@shared/domain/dates';

/**
 * Mainland China public holidays as published by the State Council General Office for each year,
 * with the make-up working days (调休) that shift weekends into the break. Used as the default
 * company calendar for Chinese-language installs; users edit the list in Settings for later years.
 */
interface HolidayBreak {
  readonly name: string;
  readonly first: string;
  readonly days: number;
}

const BREAKS: readonly HolidayBreak[] = [
  // 2025 (国办发明电〔2024〕12号)
  { name: 'New Year', first: '2025-01-01', days: 1 },
  { name: 'Spring Festival', first: '2025-01-28', days: 8 },
  { name: 'Qingming', first: '2025-04-04', days: 3 },
  { name: 'Labour Day', first: '2025-05-01', days: 5 },
  { name: 'Dragon Boat', first: '2025-05-31', days: 3 },
  { name: 'National Day and Mid-Autumn', first: '2025-10-01', days: 8 },
  // 2026
  { name: 'New Year', first: '2026-01-01', days: 3 },
  { name: 'Spring Festival', first: '2026-02-15', days: 9 },
  { name: 'Qingming', first: '2026-04-04', days: 3 },
  { name: 'Labour Day', first: '2026-05-01', days: 5 },
  { name: 'Dragon Boat', first: '2026-06-19', days: 3 },
  { name: 'Mid-Autumn', first: '2026-09-25', days: 3 },
  { name: 'National Day', first: '2026-10-01', days: 7 },
];

const MAKE_UP_WORKING_DAYS: readonly string[] = [
  '2025-01-26',
  '2025-02-08',
  '2025-04-27',
  '2025-09-28',
  '2025-10-11',
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];

/** Every day off in the published breaks (weekends inside a break included). */
export const CHINA_PUBLIC_HOLIDAYS: readonly PlanDate[] = BREAKS.flatMap((holiday) =>
  Array.from({ length: holiday.days }, (_, offset) =>
    addDays(parsePlanDate(holiday.first), offset),
  ),
);

/** Weekend days that are worked to make up for a break. */
export const CHINA_MAKE_UP_WORKING_DAYS: readonly PlanDate[] =
  MAKE_UP_WORKING_DAYS.map(parsePlanDate);
