import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');

/**
 * The Electron binary, found the way the `electron` package records it after installing, but
 * without requiring that package: requiring it starts a download when the binary is missing.
 */
function installedElectronBinary(): string | null {
  const packageDir = resolve(root, 'node_modules/electron');
  const pathFile = resolve(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = resolve(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const SKIP_REASON = 'Electron binary not available on this machine: desktop smoke test skipped';

/** The environment minus what would turn Electron into Node or point it at a dev server. */
function electronEnv(): Record<string, string> {
  const dropped = new Set(['ELECTRON_RUN_AS_NODE', 'ELECTRON_RENDERER_URL']);
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !dropped.has(entry[0]),
    ),
  );
}

test.describe('desktop shell (Electron)', () => {
  test('opens the app from app:// in an isolated window with only the bridge exposed', async () => {
    const binary = installedElectronBinary();
    if (binary === null) console.log(SKIP_REASON);
    test.skip(binary === null, SKIP_REASON);
    const app = await electron.launch({
      executablePath: binary ?? '',
      // Chromium refuses to start as root with its OS sandbox (containers, CI); the renderer
      // still runs with `sandbox: true` web preferences.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      cwd: root,
      env: electronEnv(),
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('main')).toBeVisible();
      expect(new URL(page.url()).origin).toBe('app://pursuit');
      const exposed = await page.evaluate(() => ({
        bridge: typeof window.pursuit,
        methods: Object.keys(window.pursuit ?? {}).sort(),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({
        bridge: 'object',
        methods: [
          'abortSaveStream',
          'appendSaveStream',
          'closeOpenedFile',
          'deleteAutoBackup',
          'finishSaveStream',
          'getAppInfo',
          'listAutoBackups',
          'onBeforeQuit',
          'onMenuCommand',
          'openBackupFolder',
          'openFile',
          'openFileForReading',
          'openSaveStream',
          'printToPdf',
          'quitReady',
          'readAutoBackup',
          'readOpenedFile',
          'saveFile',
          'writeAutoBackup',
        ],
        require: 'undefined',
        process: 'undefined',
      });
      const info = await page.evaluate(() => window.pursuit?.getAppInfo());
      expect(info).toMatchObject({ name: 'Pursuit' });
    } finally {
      await app.close();
    }
  });
});
