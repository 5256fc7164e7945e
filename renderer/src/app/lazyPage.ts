import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

type PageModule<P> = { default: ComponentType<P> };

const loaders = new WeakMap<object, () => Promise<unknown>>();
const preloading = new Set<Promise<unknown>>();

/**
 * A page whose code loads on first visit (React `lazy`), remembered with its loader so that
 * `preloadPage` can start the download before React asks for it.
 *
 * Once the code is loaded, React gets it synchronously: a thenable that calls back at once lets
 * `lazy` render the page in the same pass. A promise, even a settled one, makes React suspend
 * once, show the fallback and then hold the page back for its reveal throttle (300 ms in React
 * 19) — time the user would spend looking at a spinner for code that is already there.
 */
export function lazyPage<P extends object>(
  load: () => Promise<PageModule<P>>,
): LazyExoticComponent<ComponentType<P>> {
  let loaded: PageModule<P> | null = null;
  let loading: Promise<PageModule<P>> | null = null;
  const start = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  const page = lazy(() => {
    if (loaded === null) return start();
    const module = loaded;
    const settled: PromiseLike<PageModule<P>> = {
      then: (onFulfilled) => {
        const next = onFulfilled?.(module);
        return Promise.resolve(next as never);
      },
    };
    // React reads only `then`; see above for why this one calls back synchronously.
    return settled as Promise<PageModule<P>>;
  });
  loaders.set(page, start);
  return page;
}

/**
 * Starts loading a page's code now. At startup the page the address points to loads while the
 * shell is drawn and the database opens, instead of after both. A failure is left for the page's
 * own load to report.
 */
export function preloadPage(page: object): void {
  const loading = loaders.get(page)?.();
  if (loading === undefined) return;
  const settled = loading.catch(() => undefined).finally(() => preloading.delete(settled));
  preloading.add(settled);
}

/**
 * Settles when every page preloaded so far has loaded (or failed to). The database gate waits for
 * it, so the start page appears in one step instead of a spinner first.
 */
export async function pagesPreloaded(): Promise<void> {
  await Promise.all(preloading);
}

/** How long idle preloading waits for a start page that never says it is shown. */
const START_PAGE_FALLBACK_MS = 10_000;
let markStartPageShown: () => void = () => undefined;
const startPageShownPromise = new Promise<void>((resolve) => {
  markStartPageShown = resolve;
});

/**
 * The start page calls this once its content is on screen (the portfolio: its first rows). Work
 * that can wait (other areas' code, see `whenStartPageShown`) waits for it: the browser is "idle"
 * while the start page waits for the database, and code compiled then delays the first rows.
 */
export function startPageShown(): void {
  markStartPageShown();
}

/** Settles once the start page is shown, or after a few seconds if it never says so. */
export function whenStartPageShown(): Promise<void> {
  return Promise.race([
    startPageShownPromise,
    new Promise<void>((resolve) => setTimeout(resolve, START_PAGE_FALLBACK_MS)),
  ]);
}

/** Loads the code of these pages when the browser is idle, so a first visit opens at once. */
export function preloadWhenIdle(pages: readonly object[]): void {
  const next = (index: number) => {
    if (index >= pages.length) return;
    const page = pages[index];
    if (page !== undefined) preloadPage(page);
    whenIdle(() => next(index + 1));
  };
  whenIdle(() => next(0));
}

function whenIdle(task: () => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 5_000 });
  else setTimeout(task, 200);
}
