// `npm run bench`: builds the app, serves the built renderer, drives it in headless Chromium and
// reports the median of several cold runs of each operation. See lib/args.mjs for the options.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, selected } from './lib/args.mjs';
import {
  launchChromium,
  launchPersistentChromium,
  usedHeapMB,
  waitForShell,
} from './lib/browser.mjs';
import { median, round } from './lib/stats.mjs';
import { serveRenderer } from './lib/server.mjs';

const root = resolve(import.meta.dirname, '../..');
// `PURSUIT_OUT` (build folder) and `PURSUIT_BENCH_RESULTS` let a benchmark run beside other work.
const outDir = resolve(root, process.env.PURSUIT_OUT ?? 'out', 'renderer');
const resultsFile = resolve(root, process.env.PURSUIT_BENCH_RESULTS ?? 'bench/results/latest.json');
const DEFAULT_RUNS = 5;
/** Longest one sample may take; an operation may export its own `timeoutMs`. */
const DEFAULT_SAMPLE_TIMEOUT_MS = 5 * 60_000;

/**
 * Operations are the modules in ops/. Each exports `name` and `run(ctx)`, and either
 *  - `unit` and `target`: `run` returns one number, reported under `name`; or
 *  - `metrics: [{ name, unit, target, better? }]`: `run` returns `{ [metricName]: number }`,
 *    for operations that measure several things from one expensive setup.
 * `target` is the value to stay at or under (`better: 'higher'`: at or over). An operation may
 * export `runs` to take fewer samples than the default when one sample is expensive, and
 * `timeoutMs` when one sample legitimately needs more than five minutes.
 * A feature adds one file.
 */
async function loadOperations() {
  const dir = join(import.meta.dirname, 'ops');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.mjs')).sort();
  const operations = [];
  for (const file of files) {
    const op = await import(pathToFileURL(join(dir, file)).href);
    if (typeof op.name !== 'string' || typeof op.run !== 'function') {
      throw new Error(`ops/${file} must export "name" and "run"`);
    }
    const metrics = Array.isArray(op.metrics)
      ? op.metrics
      : [{ name: op.name, unit: op.unit, target: op.target }];
    for (const metric of metrics) {
      if (typeof metric.name !== 'string' || typeof metric.unit !== 'string') {
        throw new Error(`ops/${file}: every metric needs a name and a unit`);
      }
      if (typeof metric.target !== 'number') {
        throw new Error(`ops/${file}: metric ${metric.name} needs a numeric target`);
      }
    }
    operations.push({ file, op, metrics, single: !Array.isArray(op.metrics) });
  }
  return operations;
}

function build() {
  console.log('Building (electron-vite build, with the benchmark harness page)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PURSUIT_BENCH: '1' },
  });
  if (result.status !== 0) throw new Error('The build failed; nothing was measured.');
}

/**
 * One sample: the operation opens its own pages, each in a new browser context by default, and
 * they are all closed afterwards. Returns `{ [metricName]: number }`. A sample that takes longer
 * than `timeoutMs` is abandoned (its contexts closed) so one stuck operation cannot hang the run.
 */
async function sample(browser, baseURL, entry, timeoutMs) {
  const contexts = [];
  const ctx = {
    baseURL,
    browser,
    /** A page in a fresh browser context: empty cache, storage and IndexedDB (a cold start). */
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        ...options,
      });
      contexts.push(context);
      return context.newPage();
    },
    /**
     * A page in a fresh on-disk profile, as a real user has (the desktop app's data folder, a
     * browser profile). Use it where storage speed matters: Chromium keeps a plain new context's
     * IndexedDB in memory, which is several times slower for large writes than the on-disk store.
     */
    async newPersistentPage(options = {}) {
      const context = await launchPersistentChromium({
        viewport: { width: 1440, height: 900 },
        ...options,
      });
      contexts.push(context);
      return context.pages()[0] ?? context.newPage();
    },
    waitForShell,
    usedHeapMB,
  };
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`one sample took longer than ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    const returned = await Promise.race([entry.op.run(ctx), timeout]);
    const values = entry.single ? { [entry.op.name]: returned } : returned;
    for (const metric of entry.metrics) {
      const value = values?.[metric.name];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`${metric.name} = ${value}, not a number`);
      }
    }
    return values;
  } finally {
    clearTimeout(timer);
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  }
}

/** All samples of one operation, with progress; throws on the first failed sample. */
async function measure(browser, baseURL, entry, runs) {
  const timeoutMs = entry.op.timeoutMs ?? DEFAULT_SAMPLE_TIMEOUT_MS;
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const started = Date.now();
    const values = await sample(browser, baseURL, entry, timeoutMs);
    samples.push(values);
    const shown = entry.reported.map((metric) => `${metric.name} ${round(values[metric.name])}`);
    console.log(
      `  ${entry.op.name} ${run + 1}/${runs}: ${shown.join(', ')} (${Date.now() - started} ms)`,
    );
  }
  return samples;
}

function withinTarget(metric, value) {
  return metric.better === 'higher' ? value >= metric.target : value <= metric.target;
}

function printTable(rows) {
  const header = ['metric', 'median', 'unit', 'target', 'samples', ''];
  const lines = rows.map((row) => [
    row.name,
    String(row.value),
    row.unit,
    `${row.better === 'higher' ? '≥' : '≤'} ${row.target}`,
    row.samples.map(round).join(' '),
    withinTarget(row, row.value) ? 'ok' : 'MISSES TARGET',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  console.log(`\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const line of lines) console.log(format(line));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // An operation runs when its own name or any of its metrics' names matches `--only`; only the
  // matching metrics are reported.
  const operations = (await loadOperations())
    .map((entry) => ({
      ...entry,
      reported: entry.metrics.filter(
        (metric) => selected(metric.name, options.only) || selected(entry.op.name, options.only),
      ),
    }))
    .filter((entry) => entry.reported.length > 0);
  if (operations.length === 0) {
    throw new Error(`Nothing matches --only ${options.only.join(', ')}`);
  }
  if (options.build) build();

  const server = await serveRenderer({ root, outDir });
  const browser = await launchChromium();
  const rows = [];
  const failures = [];
  try {
    for (const entry of operations) {
      let samples;
      try {
        samples = await measure(
          browser,
          server.baseURL,
          entry,
          options.runs ?? entry.op.runs ?? DEFAULT_RUNS,
        );
      } catch (error) {
        // Keep measuring the other operations; the run still ends in failure.
        const message = `${entry.file}: ${error instanceof Error ? error.message : error}`;
        failures.push(message);
        console.error(`  FAILED ${message}`);
        continue;
      }
      for (const metric of entry.reported) {
        const values = samples.map((values) => values[metric.name]);
        const value = round(median(values));
        rows.push({ ...metric, value, samples: values });
        console.log(`${metric.name}: ${value} ${metric.unit} (median of ${values.length})`);
      }
    }
    const cpus = os.cpus();
    const report = {
      at: new Date().toISOString(),
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model.trim() ?? 'unknown',
        memGB: round(os.totalmem() / 1024 ** 3),
        node: process.version,
        chromium: browser.version(),
        os: `${os.type()} ${os.release()} ${os.arch()}`,
      },
      results: rows.map(({ name, value, unit, target }) => ({ name, value, unit, target })),
    };
    printTable(rows);
    await mkdir(join(root, 'bench/results'), { recursive: true });
    await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWritten to ${resultsFile}`);
    if (failures.length > 0) {
      throw new Error(`Failed, so missing from the results:\n${failures.join('\n')}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
