import type { CustomScheme } from 'electron';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * `standard` gives the scheme a real origin (relative URLs resolve, and IndexedDB, localStorage
 * and cookies work, which Dexie needs); `secure` makes it a secure context like https;
 * `supportFetchAPI` lets the renderer `fetch` its own assets. No `bypassCSP`, no service workers,
 * no CORS opening.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const satisfies NonNullable<CustomScheme['privileges']>;

export const APP_CUSTOM_SCHEME: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: APP_SCHEME_PRIVILEGES,
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResolution =
  | { readonly kind: 'file'; readonly path: string; readonly spaFallback: boolean }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404; readonly reason: string };

/**
 * Maps an `app://pursuit/...` URL onto a file inside `rootDir`, refusing anything that would
 * leave it. The URL parser already folds `.` and `..` segments, but percent-encoded separators
 * (`..%2f`, `..%5c`) only become separators after decoding, so containment is checked again on
 * the final file-system path.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400, reason: 'unparseable URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.username !== '') {
    return { kind: 'refused', status: 404, reason: 'not an app:// URL for this app' };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed percent-encoding' };
  }
  if (pathname.includes('\0')) {
    return { kind: 'refused', status: 400, reason: 'NUL byte in path' };
  }
  const requested = pathname === '/' || pathname === '' ? '/index.html' : pathname;
  const root = resolve(rootDir);
  // Leading slashes are dropped so the path is always taken relative to the root.
  const target = resolve(root, requested.replace(/^[/\\]+/, ''));
  const inside = relative(root, target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { kind: 'refused', status: 403, reason: 'path leaves the app folder' };
  }
  // Client-side routes have no extension; they all render index.html.
  const spaFallback = extname(requested) === '';
  return { kind: 'file', path: spaFallback ? resolve(root, 'index.html') : target, spaFallback };
}

export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

function isMissingFile(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * The `protocol.handle('app', …)` handler: serves the built renderer (`out/renderer`) read-only,
 * with the CSP header on every response.
 */
export function createAppProtocolHandler(
  rootDir: string,
  readFile: ReadFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed');
    }
    const resolution = resolveAppPath(rootDir, request.url);
    if (resolution.kind === 'refused') return textResponse(resolution.status, resolution.reason);
    let body: Uint8Array;
    try {
      body = await readFile(resolution.path);
    } catch (error) {
      if (isMissingFile(error)) return textResponse(404, 'Not found');
      throw error;
    }
    const headers = appResponseHeaders(resolution.path);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    });
  };
}
