import type { AppLocale } from '@shared/format/locale';

/** A tree of user-facing strings: nested objects whose leaves are strings. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

/** The same tree shape with any strings: the translation of an English tree. */
export type Messages<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]>;
};

/** A feature's strings in every language; English keeps its literal types. */
export type FeatureLocales<T extends MessageTree> = { readonly en: T } & {
  readonly [L in Exclude<AppLocale, 'en'>]: Messages<T>;
};

/**
 * Declares a feature's strings in every language. English is the reference: its literal types
 * give typed keys (and typed interpolation variables) to `t()`, and the compiler rejects a
 * Chinese tree that misses or adds a key. The i18n unit test also checks that both sides use the
 * same interpolation variables, which types cannot see.
 */
export function defineLocales<const T extends MessageTree>(
  en: T,
  zhCN: Messages<T>,
): FeatureLocales<T> {
  return { en, 'zh-CN': zhCN };
}
