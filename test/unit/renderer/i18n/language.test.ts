import { describe, expect, it } from 'vitest';
import { dayjsLocaleOf, detectLanguage } from '@renderer/i18n/language';

describe('detectLanguage', () => {
  it('picks Simplified Chinese for any Chinese system locale', () => {
    expect(detectLanguage(['zh-CN'])).toBe('zh-CN');
    expect(detectLanguage(['zh'])).toBe('zh-CN');
    expect(detectLanguage(['zh-TW'])).toBe('zh-CN');
    expect(detectLanguage(['zh-Hans-SG'])).toBe('zh-CN');
    expect(detectLanguage(['ZH_cn'])).toBe('zh-CN');
  });

  it('picks Chinese even when it is not the first preference', () => {
    expect(detectLanguage(['en-US', 'zh-CN'])).toBe('zh-CN');
    expect(detectLanguage(['de-DE', 'zh'])).toBe('zh-CN');
  });

  it('falls back to English for everything else', () => {
    expect(detectLanguage(['en-GB'])).toBe('en');
    expect(detectLanguage(['fr-FR', 'de'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
    // "zha" (Zhuang) is not Chinese.
    expect(detectLanguage(['zha'])).toBe('en');
  });
});

describe('dayjsLocaleOf', () => {
  it('names the dayjs locale file of each language', () => {
    expect(dayjsLocaleOf('zh-CN')).toBe('zh-cn');
    expect(dayjsLocaleOf('en')).toBe('en');
  });
});
