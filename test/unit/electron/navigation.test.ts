import { describe, expect, it } from 'vitest';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import {
  APP_ENTRY_URL,
  createUrlPolicy,
  isAppUrl,
  parseDevServerUrl,
} from '../../../electron/main/app-url';
import { hardenWebContents } from '../../../electron/main/navigation';
/* eslint-enable no-restricted-imports */
import { appPolicy, FakeWebContents } from './fakes';

const HOSTILE_URLS = [
  'https://evil.example/',
  'http://127.0.0.1:5173/',
  'app://evil/index.html',
  'app://pursuit.evil.com/index.html',
  'app://pursuit@evil.com/index.html',
  'app://user:pass@pursuit/index.html',
  'app://pursuit:8080/index.html',
  'app:pursuit/index.html',
  'app:///pursuit/index.html',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/calc.exe',
  'javascript:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'blob:https://evil.example/0b7f',
  'not a url',
  '',
];

describe('app URL policy', () => {
  it('trusts the app entry and other pages of app://pursuit', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://pursuit/')).toBe(true);
    expect(isAppUrl('app://pursuit/deals/42?tab=plan#risks')).toBe(true);
    // Percent-encoded traversal stays inside the app origin; the protocol handler refuses it.
    expect(isAppUrl('app://pursuit/..%2f..%2fetc%2fpasswd')).toBe(true);
  });

  it.each(HOSTILE_URLS)('does not trust %j', (url) => {
    expect(appPolicy.isTrustedUrl(url)).toBe(false);
  });

  it('accepts the dev server only in an unpackaged app and only on loopback', () => {
    expect(parseDevServerUrl('http://localhost:5173/', false)?.origin).toBe(
      'http://localhost:5173',
    );
    expect(parseDevServerUrl('http://127.0.0.1:5173/', true)).toBeNull();
    expect(parseDevServerUrl('https://evil.example/', false)).toBeNull();
    expect(parseDevServerUrl('http://localhost@evil.example/', false)).toBeNull();
    expect(parseDevServerUrl('file:///tmp/index.html', false)).toBeNull();
    expect(parseDevServerUrl(undefined, false)).toBeNull();
  });

  it('in development trusts exactly the dev server origin besides app://', () => {
    const policy = createUrlPolicy(parseDevServerUrl('http://localhost:5173/', false));
    expect(policy.entryUrl).toBe('http://localhost:5173/');
    expect(policy.isTrustedUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(policy.isTrustedUrl('http://localhost:5174/')).toBe(false);
    expect(policy.isTrustedUrl('http://localhost:5173@evil.example/')).toBe(false);
    expect(policy.isTrustedUrl('https://localhost:5173/')).toBe(false);
  });
});

describe('webContents hardening', () => {
  function hardened(): { contents: FakeWebContents; blocked: string[] } {
    const contents = new FakeWebContents(1);
    const blocked: string[] = [];
    hardenWebContents(contents, appPolicy, (action, url) => blocked.push(`${action} ${url}`));
    return { contents, blocked };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'cancels %s to any URL outside the app',
    (event) => {
      const { contents, blocked } = hardened();
      for (const url of HOSTILE_URLS) {
        expect(contents.fireNavigation(event, url), url).toBe(true);
      }
      expect(blocked).toHaveLength(HOSTILE_URLS.length);
    },
  );

  it('lets the app move between its own pages', () => {
    const { contents } = hardened();
    expect(contents.fireNavigation('will-navigate', 'app://pursuit/index.html')).toBe(false);
    expect(contents.fireNavigation('will-redirect', 'app://pursuit/deals')).toBe(false);
  });

  it('denies every window.open, including to the app itself', () => {
    const { contents, blocked } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    expect(blocked).toEqual(['window-open https://evil.example/', `window-open ${APP_ENTRY_URL}`]);
  });

  it('opens a window only for a blob of the app’s own origin, locked down and without a bridge', () => {
    const { contents, blocked } = hardened();
    const blob = 'blob:app://pursuit/0b6f3c1e-8d2a-4f5e-9a7b-2c4d6e8f0a1b';
    const decision = contents.windowOpenHandler?.({ url: blob });
    expect(decision).toMatchObject({
      action: 'allow',
      overrideBrowserWindowOptions: {
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
      },
    });
    expect(JSON.stringify(decision)).not.toContain('preload');
    // Its first load is not cancelled; other blobs stay out.
    expect(contents.fireNavigation('will-navigate', blob)).toBe(false);
    for (const url of [
      'blob:https://evil.example/0b6f3c1e-8d2a-4f5e-9a7b-2c4d6e8f0a1b',
      'blob:null/0b6f3c1e-8d2a-4f5e-9a7b-2c4d6e8f0a1b',
      `${blob}#javascript:alert(1)`,
      'blob:app://pursuit/../../etc/passwd',
      'blob:file:///etc/passwd',
    ]) {
      expect(contents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
      expect(contents.fireNavigation('will-navigate', url), url).toBe(true);
    }
    expect(blocked.filter((line) => line.startsWith('window-open'))).toHaveLength(5);
  });

  it('never attaches a <webview>', () => {
    const { contents } = hardened();
    expect(contents.fireNavigation('will-attach-webview', 'app://pursuit/index.html')).toBe(true);
  });
});
