import { useCallback, useSyncExternalStore } from 'react';
import type { AppLocale } from '@shared/format/locale';
import { isAppLocale } from '@shared/format/locale';

export type ThemePreference = 'system' | 'light' | 'dark';

/** What the user chose. `language: null` means "not chosen yet": follow the system locale. */
export interface Preferences {
  language: AppLocale | null;
  theme: ThemePreference;
  navCollapsed: boolean;
  /** Columns shown in the deal portfolio, in order; null: all. */
  portfolioColumns: string[] | null;
  /** The portfolio's sort: a column key and a direction. */
  portfolioSort: { key: string; direction: 'asc' | 'desc' } | null;
}

export type PreferenceName = keyof Preferences;

/** All keys share a prefix so the app's entries are recognisable next to anything else. */
export const PREFERENCE_PREFIX = 'pursuit.';

const DEFAULTS: Preferences = {
  language: null,
  theme: 'system',
  navCollapsed: false,
  portfolioColumns: null,
  portfolioSort: null,
};

const PARSERS: { [K in PreferenceName]: (raw: unknown) => Preferences[K] | undefined } = {
  language: (raw) => (isAppLocale(raw) ? raw : undefined),
  theme: (raw) => (raw === 'system' || raw === 'light' || raw === 'dark' ? raw : undefined),
  navCollapsed: (raw) => (typeof raw === 'boolean' ? raw : undefined),
  portfolioColumns: (raw) =>
    Array.isArray(raw) && raw.every((item) => typeof item === 'string') ? raw : undefined,
  portfolioSort: (raw) => {
    if (typeof raw !== 'object' || raw === null || !('key' in raw) || !('direction' in raw)) {
      return undefined;
    }
    const { key, direction } = raw;
    return typeof key === 'string' && (direction === 'asc' || direction === 'desc')
      ? { key, direction }
      : undefined;
  },
};

export function preferenceStorageKey(name: PreferenceName): string {
  return PREFERENCE_PREFIX + name;
}

/** In-memory copy, used when localStorage is unavailable (blocked storage, private modes). */
const memory = new Map<PreferenceName, unknown>();
const listeners = new Map<PreferenceName, Set<() => void>>();
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The stored text (null when nothing is stored), or undefined when storage is unavailable. */
function readStoredText(name: PreferenceName): string | null | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    return store.getItem(preferenceStorageKey(name));
  } catch {
    return undefined;
  }
}

interface PreferenceCell<K extends PreferenceName> {
  read(): Preferences[K];
}

/**
 * Reads one preference, keeping the last parsed value with the text it came from: the same
 * stored text gives the same object, so React (useSyncExternalStore) sees an unchanged value.
 */
function preferenceCell<K extends PreferenceName>(name: K): PreferenceCell<K> {
  let last: { text: string | null; value: Preferences[K] } | null = null;
  let lastInMemory: { raw: unknown; value: Preferences[K] } | null = null;
  return {
    read() {
      const text = readStoredText(name);
      if (text === undefined) {
        // Storage cannot be read at all: what was set during this session applies.
        const raw = memory.get(name);
        if (!lastInMemory || lastInMemory.raw !== raw) {
          lastInMemory = { raw, value: PARSERS[name](raw) ?? DEFAULTS[name] };
        }
        return lastInMemory.value;
      }
      if (last && last.text === text) return last.value;
      let raw: unknown;
      try {
        raw = text === null ? undefined : JSON.parse(text);
      } catch {
        raw = undefined;
      }
      const value = PARSERS[name](raw) ?? DEFAULTS[name];
      last = { text, value };
      return value;
    },
  };
}

const CELLS: { [K in PreferenceName]: PreferenceCell<K> } = {
  language: preferenceCell('language'),
  theme: preferenceCell('theme'),
  navCollapsed: preferenceCell('navCollapsed'),
  portfolioColumns: preferenceCell('portfolioColumns'),
  portfolioSort: preferenceCell('portfolioSort'),
};

/**
 * Reads a preference. Stored values are JSON and validated: anything unreadable or out of range
 * (an old version's value, a hand edit) falls back to the default instead of breaking startup.
 */
export function readPreference<K extends PreferenceName>(name: K): Preferences[K] {
  return CELLS[name].read();
}

export function writePreference<K extends PreferenceName>(name: K, value: Preferences[K]): void {
  memory.set(name, value);
  const store = storage();
  if (store) {
    try {
      store.setItem(preferenceStorageKey(name), JSON.stringify(value));
    } catch {
      // Quota or blocked storage: the in-memory value still applies for this session.
    }
  }
  listeners.get(name)?.forEach((listener) => listener());
}

export function subscribePreference(name: PreferenceName, listener: () => void): () => void {
  let set = listeners.get(name);
  if (!set) {
    set = new Set();
    listeners.set(name, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** A preference as React state: re-renders when it changes anywhere in the app. */
export function usePreference<K extends PreferenceName>(
  name: K,
): [Preferences[K], (value: Preferences[K]) => void] {
  const value = useSyncExternalStore(
    useCallback((listener: () => void) => subscribePreference(name, listener), [name]),
    () => readPreference(name),
  );
  const set = useCallback((next: Preferences[K]) => writePreference(name, next), [name]);
  return [value, set];
}
