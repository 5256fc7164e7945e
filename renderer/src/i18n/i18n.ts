import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { AppLocale } from '@shared/format/locale';
import { APP_LOCALES, isAppLocale } from '@shared/format/locale';
import { readPreference, writePreference } from '@renderer/app/preferences';
import { dayjsLocaleOf, detectLanguage } from '@renderer/i18n/language';
import { NAMESPACE_NAMES, buildResources } from '@renderer/i18n/resources';

/** The user's chosen language, or the system's on first run. */
export function startupLanguage(): AppLocale {
  return (
    readPreference('language') ??
    detectLanguage(typeof navigator === 'undefined' ? [] : navigator.languages)
  );
}

/** Keeps the parts of the page outside React (`<html lang>`, dayjs) in the current language. */
function applyLanguageToPage(language: AppLocale): void {
  dayjs.locale(dayjsLocaleOf(language));
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: startupLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...APP_LOCALES],
  ns: [...NAMESPACE_NAMES],
  defaultNS: 'app',
  // Resources are bundled, so initialisation is synchronous and the first render is translated.
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});
applyLanguageToPage(currentLanguage());
i18n.on('languageChanged', (lng) => {
  if (isAppLocale(lng)) applyLanguageToPage(lng);
});

export function currentLanguage(): AppLocale {
  return isAppLocale(i18n.language) ? i18n.language : 'en';
}

/** Switches the whole UI at once, without a reload, and remembers the choice. */
export function setLanguage(language: AppLocale): void {
  writePreference('language', language);
  void i18n.changeLanguage(language);
}
