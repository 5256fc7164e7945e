import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '@shared/format/relative';

const now = Date.UTC(2025, 5, 15, 12, 0, 0);
const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

describe('formatRelativeTime', () => {
  it('says "now" within 45 seconds either way', () => {
    expect(formatRelativeTime(now - 30 * second, now, 'en')).toBe('now');
    expect(formatRelativeTime(now + 30 * second, now, 'zh-CN')).toBe('现在');
  });

  it('speaks of the past and the future in both languages', () => {
    expect(formatRelativeTime(now - 3 * hour, now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime(now - 3 * hour, now, 'zh-CN')).toBe('3小时前');
    expect(formatRelativeTime(now + 2 * 7 * day, now, 'en')).toBe('in 2 weeks');
    expect(formatRelativeTime(now + 2 * 7 * day, now, 'zh-CN')).toBe('2周后');
  });

  it('uses words for adjacent days', () => {
    expect(formatRelativeTime(now - day, now, 'en')).toBe('yesterday');
    expect(formatRelativeTime(now - day, now, 'zh-CN')).toBe('昨天');
    expect(formatRelativeTime(now + day, now, 'zh-CN')).toBe('明天');
  });

  it('moves to the next unit before rounding would say "60 minutes" or "7 days"', () => {
    expect(formatRelativeTime(now - 59 * minute, now, 'en')).toBe('1 hour ago');
    expect(formatRelativeTime(now - 44 * minute, now, 'en')).toBe('44 minutes ago');
    expect(formatRelativeTime(now - 6.8 * day, now, 'en')).toBe('last week');
    expect(formatRelativeTime(now - 60 * day, now, 'en')).toBe('2 months ago');
    expect(formatRelativeTime(now - 400 * day, now, 'en')).toBe('last year');
    expect(formatRelativeTime(now - 3 * 365 * day, now, 'zh-CN')).toBe('3年前');
  });
});
