import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import {
  APP_CUSTOM_SCHEME,
  createAppProtocolHandler,
  resolveAppPath,
} from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
/* eslint-enable no-restricted-imports */

let sandbox: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'pursuit-protocol-'));
  root = join(sandbox, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><main>Pursuit</main>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'font.woff2'), new Uint8Array([1, 2, 3]));
  await writeFile(join(sandbox, 'secret.txt'), 'TOP SECRET');
  await writeFile(join(sandbox, 'renderer-evil.txt'), 'SIBLING SECRET');
  handler = createAppProtocolHandler(root, async (path) => new Uint8Array(await readFile(path)));
});

afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

function get(url: string, method = 'GET'): Promise<Response> {
  return handler(new Request(url, { method }));
}

describe('app:// scheme registration', () => {
  it('is standard and secure (origin, IndexedDB, fetch) without bypassing CSP', () => {
    expect(APP_CUSTOM_SCHEME).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});

describe('app:// protocol handler', () => {
  it('serves the renderer with the strict CSP on every response', async () => {
    const response = await get('app://pursuit/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<main>Pursuit</main>');
  });

  it('serves scripts and fonts with their types', async () => {
    const script = await get('app://pursuit/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const font = await get('app://pursuit/assets/font.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });

  it('renders index.html for client-side routes and the bare origin', async () => {
    expect(await (await get('app://pursuit/deals/42')).text()).toContain('Pursuit');
    expect(await (await get('app://pursuit/')).text()).toContain('Pursuit');
  });

  it('answers 404 for a missing asset', async () => {
    expect((await get('app://pursuit/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://pursuit/..%2fsecret.txt',
    'app://pursuit/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://pursuit/assets/..%2f..%2fsecret.txt',
    'app://pursuit/%2e%2e%2fsecret.txt',
    'app://pursuit/..%5csecret.txt',
    'app://pursuit/..%2frenderer-evil.txt',
    'app://pursuit/index.html%00.js',
    'app://pursuit/%E0%A4%A',
    'app://evil/index.html',
  ])('refuses %s without leaking files', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    const body = await response.text();
    expect(body).not.toContain('SECRET');
    expect(body).not.toContain('root:');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://pursuit/index.html', 'POST')).status).toBe(405);
    const head = await get('app://pursuit/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('reads an encoded absolute path relative to the renderer folder', async () => {
    const body = await (await get('app://pursuit/%2fetc%2fpasswd')).text();
    expect(body).not.toContain('root:');
    expect(resolveAppPath(root, 'app://pursuit/%2fetc%2fpasswd')).toMatchObject({
      kind: 'file',
      path: join(root, 'index.html'),
    });
  });

  it('refuses URLs for another host or with credentials', () => {
    expect(resolveAppPath(root, 'app://pursuit@evil/index.html')).toMatchObject({
      kind: 'refused',
    });
    expect(resolveAppPath(root, 'app://pursuit.evil/index.html')).toMatchObject({
      kind: 'refused',
    });
    expect(resolveAppPath(root, 'file:///etc/passwd')).toMatchObject({ kind: 'refused' });
  });

  it('keeps every resolved path inside the renderer folder', () => {
    const resolution = resolveAppPath(root, 'app://pursuit/..%2f..%2fsecret.txt');
    expect(resolution).toMatchObject({ kind: 'refused', status: 403 });
  });
});
