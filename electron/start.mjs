#!/usr/bin/env node
// `npm start`: build, then open Pursuit as a desktop window. Where no Electron binary can be
// obtained (offline, unsupported machine), serve the same build in the default browser instead.
// `npm run web` (`--web`) goes straight to the browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = join(root, 'out', 'renderer');
const ELECTRON_LOOKUP_TIMEOUT_MS = 90_000;
const webOnly = process.argv.slice(2).includes('--web');

async function buildApp() {
  const { build } = await import('electron-vite');
  await build({ root, configFile: join(root, 'electron.vite.config.ts') });
}

/** Kills a child and everything it started (the electron package may spawn its installer). */
function killTree(child) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    } else {
      process.kill(-child.pid, 'SIGKILL');
    }
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * Asks the `electron` package for its binary in a separate Node process: requiring it downloads
 * the binary when missing, which can hang or fail offline, so it gets a deadline and its output
 * is kept out of the user's terminal. Resolves to the binary's path, or null.
 */
function findElectronBinary() {
  return new Promise((resolveBinary) => {
    const child = spawn(
      process.execPath,
      ['-e', "process.stdout.write(String(require('electron')))"],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' },
    );
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.resume();
    const timer = setTimeout(() => {
      killTree(child);
      resolveBinary(null);
    }, ELECTRON_LOOKUP_TIMEOUT_MS);
    child.on('error', () => {
      clearTimeout(timer);
      resolveBinary(null);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const binary = output.trim();
      resolveBinary(code === 0 && binary !== '' && existsSync(binary) ? binary : null);
    });
  });
}

function launchElectron(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal === null ? 0 : 1));
  });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Opens the URL in the default browser if the system has one; never fails the launcher. */
function openBrowser(url) {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser to open: the printed URL is enough.
  }
}

async function serveInBrowser(sentence) {
  const { preview } = await import('vite');
  const port = await freePort();
  const server = await preview({
    root: rendererDir,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: rendererDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(sentence(url));
  openBrowser(url);
}

async function main() {
  await buildApp();
  if (webOnly) {
    await serveInBrowser((url) => `Pursuit is being served in your browser at ${url}.`);
    return;
  }
  const binary = await findElectronBinary();
  if (binary !== null) {
    launchElectron(binary);
    return;
  }
  await serveInBrowser(
    (url) =>
      `Pursuit could not get its desktop runtime (Electron) on this machine, so it is serving the same app in your browser at ${url}.`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
