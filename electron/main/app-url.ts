/**
 * Which URLs count as "the app". Everything security-relevant in main (navigation, IPC senders,
 * permission requests) asks this one policy, and it always parses with `new URL` and compares
 * parts: a prefix test such as `startsWith('app://pursuit')` would also accept
 * `app://pursuit.evil.com/` or `app://pursuit@evil.com/`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pursuit';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface UrlPolicy {
  /** What the main window loads. */
  readonly entryUrl: string;
  /** The dev server origin when running under `electron-vite dev`, otherwise null. */
  readonly devServerOrigin: string | null;
  isTrustedUrl(url: string): boolean;
}

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for URLs served by the app's own `app://pursuit` protocol handler. */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * The dev server URL electron-vite passes in `ELECTRON_RENDERER_URL`, accepted only in an
 * unpackaged app and only on a loopback address: an installed app must never let an environment
 * variable point its privileged window at another site.
 */
export function parseDevServerUrl(raw: string | undefined, isPackaged: boolean): URL | null {
  if (isPackaged || raw === undefined || raw === '') return null;
  const url = parseUrl(raw);
  if (url === null) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!LOOPBACK_HOSTS.has(url.hostname) || url.username !== '' || url.password !== '') return null;
  return url;
}

export function createUrlPolicy(devServerUrl: URL | null): UrlPolicy {
  const devServerOrigin = devServerUrl?.origin ?? null;
  return {
    entryUrl: devServerUrl?.href ?? APP_ENTRY_URL,
    devServerOrigin,
    isTrustedUrl(raw) {
      if (isAppUrl(raw)) return true;
      if (devServerOrigin === null) return false;
      const url = parseUrl(raw);
      return (
        url !== null && url.origin === devServerOrigin && url.username === '' && url.password === ''
      );
    },
  };
}
