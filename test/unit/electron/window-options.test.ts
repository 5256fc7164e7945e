import type { WebPreferences } from 'electron';
import { describe, expect, it } from 'vitest';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import {
  assertSecureWindowOptions,
  createMainWindowOptions,
  insecureWebPreferenceProblems,
  InsecureWindowError,
  secureWebPreferences,
} from '../../../electron/main/window-options';
/* eslint-enable no-restricted-imports */

const input = {
  preloadPath: '/app/out/preload/preload.cjs',
  bounds: { x: 10, y: 20, width: 1280, height: 800 },
  minSize: { width: 960, height: 600 },
  title: 'Pursuit',
  backgroundColor: '#ffffff',
  devTools: false,
};

describe('main window options', () => {
  it('isolate the renderer: sandbox, context isolation, no Node, web security on', () => {
    const prefs = createMainWindowOptions(input).webPreferences;
    expect(prefs).toMatchObject({
      preload: input.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(prefs?.webSecurity).not.toBe(false);
    expect(prefs?.enableBlinkFeatures).toBeUndefined();
    expect(insecureWebPreferenceProblems(prefs)).toEqual([]);
  });

  it('keep the remembered bounds and open hidden until the first frame is ready', () => {
    const options = createMainWindowOptions(input);
    expect(options).toMatchObject({ x: 10, y: 20, width: 1280, height: 800, show: false });
    expect(options.minWidth).toBe(960);
  });

  it('allow DevTools only when asked (development)', () => {
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(false);
  });
});

describe('runtime assertion on window options', () => {
  const weakened: [string, WebPreferences][] = [
    ['sandbox off', { ...secureWebPreferences('/p', false), sandbox: false }],
    ['sandbox unset', { ...secureWebPreferences('/p', false), sandbox: undefined }],
    ['contextIsolation off', { ...secureWebPreferences('/p', false), contextIsolation: false }],
    ['nodeIntegration on', { ...secureWebPreferences('/p', false), nodeIntegration: true }],
    ['node in workers', { ...secureWebPreferences('/p', false), nodeIntegrationInWorker: true }],
    [
      'node in subframes',
      { ...secureWebPreferences('/p', false), nodeIntegrationInSubFrames: true },
    ],
    ['webSecurity off', { ...secureWebPreferences('/p', false), webSecurity: false }],
    [
      'insecure content',
      { ...secureWebPreferences('/p', false), allowRunningInsecureContent: true },
    ],
    ['experimental features', { ...secureWebPreferences('/p', false), experimentalFeatures: true }],
    ['blink features', { ...secureWebPreferences('/p', false), enableBlinkFeatures: 'CSSPaint' }],
    ['webview tag', { ...secureWebPreferences('/p', false), webviewTag: true }],
  ];

  it.each(weakened)('refuses a window with %s', (_label, webPreferences) => {
    expect(() => assertSecureWindowOptions({ webPreferences })).toThrow(InsecureWindowError);
  });

  it('refuses a window that relies on defaults instead of explicit settings', () => {
    expect(() => assertSecureWindowOptions({})).toThrow(/webPreferences are missing/);
  });

  it('names every problem in the error', () => {
    expect(() =>
      assertSecureWindowOptions({ webPreferences: { sandbox: false, nodeIntegration: true } }),
    ).toThrow(/sandbox is not true; contextIsolation is not true; nodeIntegration is not false/);
  });
});
