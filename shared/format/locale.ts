/** The languages the product speaks. Every user-facing string and format exists in each. */
export const APP_LOCALES = ['zh-CN', 'en'] as const;

export type AppLocale = (typeof APP_LOCALES)[number];

export function isAppLocale(value: unknown): value is AppLocale {
  return APP_LOCALES.some((locale) => locale === value);
}
