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
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenDecision): void;
}

/**
 * What the window-open handler answers: `deny`, or `allow` with the new window's options (the
 * subset of Electron's `WindowOpenHandlerResponse` this module gives).
 */
export type WindowOpenDecision =
  | { action: 'deny' }
  | {
      action: 'allow';
      overrideBrowserWindowOptions: {
        autoHideMenuBar: boolean;
        webPreferences: {
          sandbox: true;
          contextIsolation: true;
          nodeIntegration: false;
          nodeIntegrationInSubFrames: false;
          webviewTag: false;
          webSecurity: true;
          allowRunningInsecureContent: false;
          devTools: false;
        };
      };
    };

export type BlockedAction =
  'navigation' | 'redirect' | 'frame-navigation' | 'window-open' | 'webview';

export type BlockedActionLogger = (action: BlockedAction, url: string) => void;

/**
 * A `blob:` URL the app itself created (`blob:app://pursuit/<uuid>`): in-memory content of the
 * app's own origin, such as a signed contract's PDF opened for reading. Any other origin's blob,
 * and a blob URL with anything after the id, is not.
 */
export function isAppBlobUrl(url: string, policy: UrlPolicy): boolean {
  if (!url.startsWith('blob:')) return false;
  const inner = url.slice('blob:'.length);
  return (
    /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/[0-9a-f-]{36}$/i.test(inner) && policy.isTrustedUrl(inner)
  );
}

/**
 * Navigation (and redirects) may only stay inside the app (its pages, or content it created as a
 * blob: a PDF window's first load); everything else is cancelled.
 */
export function isNavigationAllowed(url: string, policy: UrlPolicy): boolean {
  return policy.isTrustedUrl(url) || isAppBlobUrl(url, policy);
}

/**
 * The one kind of window the app opens: a blob of its own origin (a stored PDF, shown by
 * Chromium's viewer), in a window as locked down as the main one and without the preload, so it
 * has no bridge to main. Every other `window.open` or target=_blank is denied.
 */
export function windowOpenDecision(url: string, policy: UrlPolicy): WindowOpenDecision {
  if (!isAppBlobUrl(url, policy)) return { action: 'deny' };
  return {
    action: 'allow',
    overrideBrowserWindowOptions: {
      autoHideMenuBar: true,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        devTools: false,
      },
    },
  };
}

/**
 * Applied to every webContents the app creates (`app.on('web-contents-created')`): navigation
 * and redirects away from the app are cancelled, `window.open` and target=_blank create a window
 * only for a blob of the app's own origin (`windowOpenDecision`), and `<webview>` never attaches.
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
    const decision = windowOpenDecision(url, policy);
    if (decision.action === 'deny') logBlocked('window-open', url);
    return decision;
  });
}
