/**
 * Building an Intl formatter parses locale data and costs far more than formatting one value;
 * lists render thousands of cells, so formatters are built once per (locale, options) and reused.
 */
export function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}
