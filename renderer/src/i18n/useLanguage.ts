import { useTranslation } from 'react-i18next';
import type { AppLocale } from '@shared/format/locale';
import { isAppLocale } from '@shared/format/locale';
import { setLanguage } from '@renderer/i18n/i18n';

/** The current UI language and a setter; components re-render when it changes. */
export function useLanguage(): [AppLocale, (language: AppLocale) => void] {
  const { i18n } = useTranslation();
  const language = isAppLocale(i18n.language) ? i18n.language : 'en';
  return [language, setLanguage];
}
