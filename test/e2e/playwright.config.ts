import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');
// `PURSUIT_E2E_PORT` and `PURSUIT_OUT` let two runs (say, two features' specs) go side by side.
const port = Number(process.env.PURSUIT_E2E_PORT ?? 4317);
const rendererOut = resolve(root, process.env.PURSUIT_OUT ?? 'out', 'renderer');

/** Debian's Chromium, headless, with everything that would reach the network switched off. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * End-to-end tests drive the built renderer (`npm run build` → `out/renderer`) in a real
 * Chromium. Every test gets a fresh browser context, so a fresh IndexedDB and localStorage.
 */
export default defineConfig({
  testDir: '.',
  outputDir: resolve(root, 'test-results/e2e'),
  fullyParallel: true,
  workers: '100%',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: resolve(root, 'playwright-report') }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    // A failed test keeps its trace (actions, console, network, sources) and a screenshot. The
    // trace records no DOM snapshot or screencast at every action: on these pages that cost more
    // than the tests' own steps (timeline spec: 2.2 min with them, 1.3–1.6 min without).
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    screenshot: 'only-on-failure',
    // As a user with "reduce motion" set: menus and dialogs open and close without animation, so
    // a test never acts on a dropdown or drawer that is still animating away.
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --outDir ${rendererOut} --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: root,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
