import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

const loaders = new WeakMap<object, () => Promise<unknown>>();

/**
 * A page whose code loads on first visit (React `lazy`), remembered with its loader so that
 * `preloadPage` can start the download before React asks for it.
 */
export function lazyPage<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): LazyExoticComponent<ComponentType<P>> {
  const page = lazy(load);
  loaders.set(page, load);
  return page;
}

/**
 * Starts loading a page's code now. At startup the page the address points to loads while the
 * shell is drawn and the database opens, instead of after both. A failure is left for the page's
 * own load to report.
 */
export function preloadPage(page: object): void {
  loaders
    .get(page)?.()
    .catch(() => undefined);
}
