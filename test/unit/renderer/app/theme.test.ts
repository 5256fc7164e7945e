// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readPreference, writePreference } from '@renderer/app/preferences';
import { resolveTheme, toggleTheme } from '@renderer/app/theme';

function systemPrefersDark(dark: boolean) {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: dark && query === '(prefers-color-scheme: dark)',
      media: query,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    })),
  );
}

beforeEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('theme', () => {
  it('follows the system until the user picks one', () => {
    expect(resolveTheme('system', 'dark')).toBe('dark');
    expect(resolveTheme('system', 'light')).toBe('light');
    expect(resolveTheme('light', 'dark')).toBe('light');
    expect(resolveTheme('dark', 'light')).toBe('dark');
  });

  it('toggles from what is on screen and remembers the result', () => {
    systemPrefersDark(true);
    toggleTheme();
    expect(readPreference('theme')).toBe('light');
    toggleTheme();
    expect(readPreference('theme')).toBe('dark');

    writePreference('theme', 'system');
    systemPrefersDark(false);
    toggleTheme();
    expect(readPreference('theme')).toBe('dark');
  });
});
