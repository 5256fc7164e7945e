import type { UrlPolicy } from './app-url';

/** The navigation events main inspects; each carries the target URL and can be cancelled. */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

export interface CancellableEvent {
  preventDefault(): void;
}

/**
 * The part of Electron's `WebContents` that hardening touches. Declared structurally so the
 * guards can be unit-tested with a plain object and so nothing here imports `electron` at
 * runtime.
 */
export interface HardenableWebContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: NavigationEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: CancellableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export type BlockedAction =
  'navigation' | 'redirect' | 'frame-navigation' | 'window-open' | 'webview';

export type BlockedActionLogger = (action: BlockedAction, url: string) => void;

/** Navigation (and redirects) may only stay inside the app; everything else is cancelled. */
export function isNavigationAllowed(url: string, policy: UrlPolicy): boolean {
  return policy.isTrustedUrl(url);
}

/**
 * Applied to every webContents the app creates (`app.on('web-contents-created')`): navigation
 * and redirects away from the app are cancelled, `window.open` and target=_blank never create a
 * window, and `<webview>` never attaches.
 */
export function hardenWebContents(
  contents: HardenableWebContents,
  policy: UrlPolicy,
  logBlocked: BlockedActionLogger = () => undefined,
): void {
  const guard =
    (action: BlockedAction) =>
    (event: NavigationEvent): void => {
      if (!isNavigationAllowed(event.url, policy)) {
        event.preventDefault();
        logBlocked(action, event.url);
      }
    };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame-navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logBlocked('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    logBlocked('window-open', url);
    return { action: 'deny' };
  });
}
