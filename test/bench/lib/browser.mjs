import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The same flags as the e2e tests: headless, no GPU, nothing that reaches the network. */
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

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A browser with its own new profile on disk (removed when the context closes), so IndexedDB is
 * the on-disk store a user has rather than the in-memory one of a plain new context.
 */
export async function launchPersistentChromium(options = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'pursuit-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    ...options,
  });
  context.on('close', () => {
    rm(dir, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
  });
  return context;
}

/** Name of the mark the shell sets once its first frame is painted. */
export const SHELL_PAINTED_MARK = 'pursuit:shell-painted';

/** Resolves when the shell has painted; returns the mark's time from navigation start (ms). */
export async function waitForShell(page, { timeout = 60_000 } = {}) {
  const handle = await page.waitForFunction(
    (mark) => {
      const entry = globalThis.performance.getEntriesByName(mark, 'mark')[0];
      return entry ? entry.startTime : false;
    },
    SHELL_PAINTED_MARK,
    { timeout },
  );
  return handle.jsonValue();
}

/**
 * JS heap in use, in MB, after a full garbage collection, so the figure is what the page keeps
 * alive rather than whatever garbage happens to be waiting for the collector.
 */
export async function usedHeapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
    if (!used) throw new Error('Chromium reported no JSHeapUsedSize metric');
    return used.value / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
}
