// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Unmount what each test rendered (vitest runs without globals, so this is not automatic).
afterEach(cleanup);

/** The i18n module reads preferences and the system locale once, at import: import it fresh. */
async function loadI18n(languages: readonly string[]) {
  vi.resetModules();
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  return import('@renderer/i18n/i18n');
}

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('i18n start-up', () => {
  it('starts in Chinese on a Chinese system and in English elsewhere', async () => {
    expect((await loadI18n(['zh-CN', 'en'])).currentLanguage()).toBe('zh-CN');
    expect((await loadI18n(['en-US'])).currentLanguage()).toBe('en');
  });

  it('prefers the language the user chose over the system’s', async () => {
    localStorage.setItem('pursuit.language', JSON.stringify('en'));
    expect((await loadI18n(['zh-CN'])).currentLanguage()).toBe('en');
  });

  it('ignores a stored value that is not a language it speaks', async () => {
    localStorage.setItem('pursuit.language', JSON.stringify('fr'));
    expect((await loadI18n(['zh-CN'])).currentLanguage()).toBe('zh-CN');
  });
});

describe('setLanguage', () => {
  function Title() {
    const { t } = useTranslation('settings');
    return <h1>{t('title')}</h1>;
  }

  it('re-renders the UI, updates <html lang> and dayjs, and remembers the choice', async () => {
    const { setLanguage } = await loadI18n(['en-US']);
    render(<Title />);
    expect(screen.getByRole('heading').textContent).toBe('Settings');
    expect(document.documentElement.lang).toBe('en');

    act(() => setLanguage('zh-CN'));

    expect(screen.getByRole('heading').textContent).toBe('设置');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(dayjs.locale()).toBe('zh-cn');
    expect(localStorage.getItem('pursuit.language')).toBe('"zh-CN"');
  });
});
