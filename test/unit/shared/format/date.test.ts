import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatPlanDate, planDateToUtcMs } from '@shared/format/date';

describe('planDateToUtcMs', () => {
  it('reads a plan date as UTC midnight', () => {
    expect(planDateToUtcMs('2025-03-07')).toBe(Date.UTC(2025, 2, 7));
    expect(planDateToUtcMs('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('rejects dates that do not exist or are not YYYY-MM-DD', () => {
    expect(planDateToUtcMs('2025-02-29')).toBeNull();
    expect(planDateToUtcMs('2025-13-01')).toBeNull();
    expect(planDateToUtcMs('2025-3-7')).toBeNull();
    expect(planDateToUtcMs('2025-03-07T00:00:00Z')).toBeNull();
    expect(planDateToUtcMs('')).toBeNull();
  });
});

describe('formatPlanDate', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('formats for Chinese and English readers', () => {
    expect(formatPlanDate('2025-03-07', 'zh-CN')).toBe('2025年3月7日');
    expect(formatPlanDate('2025-03-07', 'en')).toBe('Mar 7, 2025');
    expect(formatPlanDate('2025-03-07', 'zh-CN', 'short')).toBe('2025/3/7');
    expect(formatPlanDate('2025-03-07', 'en', 'long')).toBe('March 7, 2025');
  });

  it('shows the same calendar day whatever the time zone', () => {
    // West of Greenwich first: a date read as UTC but shown in local time would be a day early.
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai', 'UTC']) {
      process.env.TZ = tz;
      expect(formatPlanDate('2025-01-01', 'en')).toBe('Jan 1, 2025');
      expect(formatPlanDate('2025-12-31', 'zh-CN')).toBe('2025年12月31日');
    }
  });

  it('shows a malformed value as it is rather than failing the view', () => {
    expect(formatPlanDate('not a date', 'en')).toBe('not a date');
    expect(formatPlanDate('2025-02-30', 'zh-CN')).toBe('2025-02-30');
  });
});

describe('formatDateTime', () => {
  const instant = Date.UTC(2025, 2, 7, 16, 30);

  it('shows a timestamp in the given time zone', () => {
    expect(formatDateTime(instant, 'zh-CN', { timeZone: 'Asia/Shanghai' })).toBe(
      '2025年3月8日 00:30',
    );
    // ICU versions differ on the space before "PM" (U+0020 or U+202F).
    expect(formatDateTime(instant, 'en', { timeZone: 'UTC' }).replace(/\s/gu, ' ')).toBe(
      'Mar 7, 2025, 4:30 PM',
    );
  });
});
