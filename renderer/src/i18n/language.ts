import type { AppLocale } from '@shared/format/locale';

/**
 * The language to start in when the user has not chosen one: Simplified Chinese if any of the
 * system's preferred languages is Chinese (zh, zh-CN, zh-TW, zh-Hans-SG…), otherwise English.
 * Chinese wins even when listed second, because a Chinese reader who also lists English is the
 * primary audience and can switch in one click, while English is the fallback for everyone else.
 */
export function detectLanguage(languages: readonly string[]): AppLocale {
  const chinese = languages.some((tag) => tag.toLowerCase().split(/[-_]/)[0] === 'zh');
  return chinese ? 'zh-CN' : 'en';
}

/** Locale name for dayjs, whose locale files are named in lower case ("zh-cn"). */
export function dayjsLocaleOf(language: AppLocale): string {
  return language === 'zh-CN' ? 'zh-cn' : 'en';
}
