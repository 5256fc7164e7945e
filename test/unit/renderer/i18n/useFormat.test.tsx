// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '@renderer/i18n/i18n';
import { useFormat } from '@renderer/i18n/useFormat';

// Unmount what each test rendered (vitest runs without globals, so this is not automatic).
afterEach(cleanup);

describe('useFormat', () => {
  it('formats in the current UI language and follows a switch', () => {
    act(() => setLanguage('en'));
    const { result } = renderHook(() => useFormat());
    expect(result.current.money(123456, 'CNY')).toBe('CN¥1,234.56');
    expect(result.current.date('2025-03-07')).toBe('Mar 7, 2025');

    act(() => setLanguage('zh-CN'));
    expect(result.current.locale).toBe('zh-CN');
    expect(result.current.money(123456, 'CNY')).toBe('¥1,234.56');
    expect(result.current.money(1_234_500_000, 'CNY', { compact: true })).toBe('¥1,234.5万');
    expect(result.current.date('2025-03-07')).toBe('2025年3月7日');
    expect(result.current.percent(0.35)).toBe('35%');
  });

  it('measures relative time from now unless told otherwise', () => {
    act(() => setLanguage('en'));
    const { result } = renderHook(() => useFormat());
    expect(result.current.relative(Date.now() - 2 * 3_600_000)).toBe('2 hours ago');
    expect(result.current.relative(0, 86_400_000)).toBe('yesterday');
  });
});
