#!/usr/bin/env node
// Security gate around Electronegativity (@doyensec/electronegativity), which exits 0 whatever it
// finds. This script scans the desktop shell as one application (sources in electron/, the built
// out/main and out/preload when present, the renderer's index.html and package.json), then fails
// on any HIGH or MEDIUM finding that is not in the reviewed allowlist next to this file, on any
// file the scanner could not parse, and on allowlist entries that no longer match anything.
//
// Options (for testing the gate itself): --root <dir> scans another app laid out the same way,
// --allowlist <file> uses another allowlist.
//
// Offline by design: the check that downloads Electron's release list is skipped (Electron
// currency is item 16 of SECURITY.md), and the scanner's HTTP client is replaced in this process
// by one that fails at once, so its translation download falls back to the bundled English
// without touching the network.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '../..');
const require = createRequire(import.meta.url);

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  const value = index === -1 ? undefined : process.argv[index + 1];
  return value === undefined ? fallback : resolve(value);
}

const root = option('--root', repository);
const allowlistPath = option('--allowlist', join(here, 'electronegativity-allowlist.json'));
const BLOCKING = new Set(['HIGH', 'MEDIUM']);
const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Makes every HTTP request the scanner tries fail immediately instead of reaching the network. */
function keepScannerOffline() {
  const scannerEntry = require.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(scannerEntry).resolve('got');
  const offline = () => Promise.reject(new Error('network disabled by the security gate'));
  offline.head = offline;
  offline.get = offline;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
}

function loadAllowlist() {
  const path = allowlistPath;
  const entries = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${path} must hold an array of entries`);
  for (const entry of entries) {
    const valid =
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.check === 'string' &&
      typeof entry.file === 'string' &&
      typeof entry.reason === 'string' &&
      entry.reason.trim().length >= 20;
    if (!valid) {
      throw new Error(
        `Allowlist entry ${JSON.stringify(entry)} needs "check", "file" and a written "reason".`,
      );
    }
  }
  return entries;
}

/** Copies what makes up the desktop app into one folder, laid out as in the repository. */
function assembleScanTree() {
  const tree = mkdtempSync(join(tmpdir(), 'pursuit-electronegativity-'));
  const copy = (relative) => {
    const from = join(root, relative);
    if (!existsSync(from)) return false;
    cpSync(from, join(tree, relative), { recursive: true });
    return true;
  };
  copy('package.json');
  copy('electron');
  copy('out/main');
  copy('out/preload');
  if (!copy('out/renderer/index.html')) copy('renderer/index.html');
  return tree;
}

function electronVersion() {
  const manifest = join(repository, 'node_modules/electron/package.json');
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

function silenceConsole() {
  const saved = { log: console.log, warn: console.warn, info: console.info };
  console.log = () => undefined;
  console.warn = () => undefined;
  console.info = () => undefined;
  return () => Object.assign(console, saved);
}

async function scan(tree) {
  keepScannerOffline();
  const runModule = require('@doyensec/electronegativity');
  const run = typeof runModule === 'function' ? runModule : runModule.default;
  const restore = silenceConsole();
  try {
    return await run({
      input: tree,
      isRelative: true,
      electronVersionOverride: electronVersion(),
      excludeFromScan: SKIPPED_CHECKS,
    });
  } finally {
    restore();
  }
}

function describe(issue) {
  const where = issue.file === 'N/A' ? 'N/A (whole app)' : `${issue.file}:${issue.location.line}`;
  return `${issue.id} [${issue.severity.name}/${issue.confidence.name}] ${where} — ${issue.description}`;
}

async function main() {
  const allowlist = loadAllowlist();
  const tree = assembleScanTree();
  let result;
  try {
    result = await scan(tree);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }

  const used = new Set();
  const blocking = [];
  const allowed = [];
  const informational = [];
  for (const issue of result.issues) {
    const file = issue.file.replaceAll('\\', '/');
    const index = allowlist.findIndex((entry) => entry.check === issue.id && entry.file === file);
    if (!BLOCKING.has(issue.severity.name)) informational.push(issue);
    else if (index === -1) blocking.push(issue);
    else {
      used.add(index);
      allowed.push({ issue, reason: allowlist[index].reason });
    }
  }
  const unparsed = result.errors.filter((error) => !error.tolerable);
  const stale = allowlist.filter((_entry, index) => !used.has(index));

  console.log(
    `Electronegativity: ${result.globalChecks} global and ${result.atomicChecks} atomic checks, ` +
      `${result.issues.length} finding(s).`,
  );
  for (const issue of informational) console.log(`  info     ${describe(issue)}`);
  for (const { issue, reason } of allowed)
    console.log(`  allowed  ${describe(issue)}\n           reason: ${reason}`);
  for (const issue of blocking) console.log(`  BLOCKING ${describe(issue)}`);
  for (const error of unparsed) console.log(`  UNPARSED ${error.file}: ${error.message}`);
  for (const entry of stale) {
    console.log(
      `  STALE    allowlist entry ${entry.check} for ${entry.file} matched nothing; remove it`,
    );
  }

  if (blocking.length + unparsed.length + stale.length > 0) {
    console.log('Electronegativity gate: FAILED.');
    process.exit(1);
  }
  console.log('Electronegativity gate: passed (no unreviewed high or medium finding).');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
