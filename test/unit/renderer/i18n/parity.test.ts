import { describe, expect, it } from 'vitest';
import { APP_LOCALES } from '@shared/format/locale';
import { NAMESPACE_NAMES, messagesOf } from '@renderer/i18n/resources';

/** Every leaf of a message tree as dotted key → string; non-string leaves are reported as such. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null) return result;
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [child, leaf] of leaves(value, path)) result.set(child, leaf);
    } else {
      result.set(path, value);
    }
  }
  return result;
}

/** The distinct variables a message interpolates; a translation may use one more than once. */
function variables(message: unknown): string[] {
  if (typeof message !== 'string') return [];
  const names = [...message.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map(
    (match) => match[1] ?? '',
  );
  return [...new Set(names)].sort();
}

describe('translations', () => {
  it('cover at least the shell, settings and help namespaces', () => {
    expect(NAMESPACE_NAMES).toEqual(expect.arrayContaining(['app', 'settings', 'help']));
  });

  for (const namespace of NAMESPACE_NAMES) {
    describe(`namespace "${namespace}"`, () => {
      const trees = new Map(
        APP_LOCALES.map((locale) => [locale, leaves(messagesOf(namespace, locale))]),
      );
      const allKeys = new Set([...trees.values()].flatMap((tree) => [...tree.keys()]));

      it('has every key in every language', () => {
        const missing = APP_LOCALES.flatMap((locale) =>
          [...allKeys]
            .filter((key) => !trees.get(locale)?.has(key))
            .map((key) => `${locale} lacks ${namespace}:${key}`),
        );
        expect(missing).toEqual([]);
      });

      it('has a non-empty string for every key', () => {
        const bad = APP_LOCALES.flatMap((locale) =>
          [...(trees.get(locale) ?? new Map<string, unknown>())]
            .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
            .map(([key]) => `${locale} ${namespace}:${key}`),
        );
        expect(bad).toEqual([]);
      });

      it('uses the same interpolation variables in every language', () => {
        const reference = trees.get('en') ?? new Map<string, unknown>();
        const mismatches = APP_LOCALES.flatMap((locale) =>
          [...reference.keys()]
            .filter(
              (key) =>
                variables(trees.get(locale)?.get(key)).join() !==
                variables(reference.get(key)).join(),
            )
            .map((key) => `${locale} ${namespace}:${key}`),
        );
        expect(mismatches).toEqual([]);
      });
    });
  }
});

describe('the parity check itself', () => {
  it('finds nested keys and interpolation variables', () => {
    const tree = leaves({ a: { b: 'x {{name}} {{count}} {{ name }}', c: { d: 'y' } }, e: 'z' });
    expect([...tree.keys()]).toEqual(['a.b', 'a.c.d', 'e']);
    expect(variables(tree.get('a.b'))).toEqual(['count', 'name']);
    expect(variables('{{amount, currency}} of {{total}}')).toEqual(['amount', 'total']);
  });
});
