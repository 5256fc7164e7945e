// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  preferenceStorageKey,
  readPreference,
  subscribePreference,
  usePreference,
  writePreference,
} from '@renderer/app/preferences';

// Unmount what each test rendered (vitest runs without globals, so this is not automatic).
afterEach(cleanup);

beforeEach(() => {
  localStorage.clear();
});

describe('preferences', () => {
  it('start at their defaults: language not chosen, theme follows the system, nav open', () => {
    expect(readPreference('language')).toBeNull();
    expect(readPreference('theme')).toBe('system');
    expect(readPreference('navCollapsed')).toBe(false);
  });

  it('are remembered under the pursuit. prefix', () => {
    writePreference('theme', 'dark');
    writePreference('language', 'zh-CN');
    writePreference('navCollapsed', true);
    expect(preferenceStorageKey('theme')).toBe('pursuit.theme');
    expect(localStorage.getItem('pursuit.theme')).toBe('"dark"');
    expect(readPreference('theme')).toBe('dark');
    expect(readPreference('language')).toBe('zh-CN');
    expect(readPreference('navCollapsed')).toBe(true);
  });

  it('fall back to the default when the stored value is unreadable or out of range', () => {
    localStorage.setItem('pursuit.theme', 'not json');
    localStorage.setItem('pursuit.language', JSON.stringify('fr'));
    localStorage.setItem('pursuit.navCollapsed', JSON.stringify('yes'));
    expect(readPreference('theme')).toBe('system');
    expect(readPreference('language')).toBeNull();
    expect(readPreference('navCollapsed')).toBe(false);
  });

  it('still apply for the session when storage refuses to write', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    try {
      writePreference('theme', 'light');
      expect(readPreference('theme')).toBe('light');
    } finally {
      setItem.mockRestore();
      getItem.mockRestore();
    }
  });

  it('tell subscribers and hooks about a change', () => {
    const listener = vi.fn();
    const unsubscribe = subscribePreference('theme', listener);
    const { result } = renderHook(() => usePreference('theme'));
    act(() => result.current[1]('dark'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(result.current[0]).toBe('dark');
    unsubscribe();
    act(() => writePreference('theme', 'light'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(result.current[0]).toBe('light');
  });
});
