import { useSyncExternalStore } from 'react';
import type { ThemePreference } from '@renderer/app/preferences';
import { readPreference, usePreference, writePreference } from '@renderer/app/preferences';

export type ResolvedTheme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function darkQuery(): MediaQueryList | null {
  return typeof window === 'undefined' || typeof window.matchMedia !== 'function'
    ? null
    : window.matchMedia(DARK_QUERY);
}

export function systemTheme(): ResolvedTheme {
  return darkQuery()?.matches ? 'dark' : 'light';
}

function subscribeSystemTheme(listener: () => void): () => void {
  const query = darkQuery();
  query?.addEventListener('change', listener);
  return () => query?.removeEventListener('change', listener);
}

/** "Follow system" becomes the system's current scheme; an explicit choice wins. */
export function resolveTheme(preference: ThemePreference, system: ResolvedTheme): ResolvedTheme {
  return preference === 'system' ? system : preference;
}

/** The theme on screen; follows the operating system live while the preference is "system". */
export function useResolvedTheme(): ResolvedTheme {
  const [preference] = usePreference('theme');
  const system = useSyncExternalStore(subscribeSystemTheme, systemTheme, () => 'light' as const);
  return resolveTheme(preference, system);
}

/** Flips between light and dark from whatever is on screen, and remembers the choice. */
export function toggleTheme(): void {
  const current = resolveTheme(readPreference('theme'), systemTheme());
  writePreference('theme', current === 'dark' ? 'light' : 'dark');
}

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

function reducedMotionQuery(): MediaQueryList | null {
  return typeof window === 'undefined' || typeof window.matchMedia !== 'function'
    ? null
    : window.matchMedia(REDUCED_MOTION_QUERY);
}

function subscribeReducedMotion(listener: () => void): () => void {
  const query = reducedMotionQuery();
  query?.addEventListener('change', listener);
  return () => query?.removeEventListener('change', listener);
}

/**
 * True while the operating system asks for reduced motion (an accessibility setting): the app
 * then opens and closes menus, dialogs and drawers without animation. Follows the setting live.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => reducedMotionQuery()?.matches ?? false,
    () => false,
  );
}
