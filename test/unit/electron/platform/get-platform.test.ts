// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PursuitBridge } from '@shared/ipc/bridge';

afterEach(() => {
  Reflect.deleteProperty(window, 'pursuit');
  vi.resetModules();
});

async function freshGetPlatform() {
  const module = await import('@renderer/platform/getPlatform');
  return module.getPlatform;
}

describe('getPlatform', () => {
  it('uses the browser implementation when no bridge is exposed', async () => {
    const getPlatform = await freshGetPlatform();
    expect(getPlatform().kind).toBe('browser');
    expect(getPlatform()).toBe(getPlatform());
  });

  it('uses the desktop bridge when the preload exposed window.pursuit', async () => {
    const onMenuCommand = vi.fn(() => () => undefined);
    const bridge: PursuitBridge = {
      getAppInfo: vi.fn(),
      saveFile: vi.fn(),
      openSaveStream: vi.fn(),
      appendSaveStream: vi.fn(),
      finishSaveStream: vi.fn(),
      abortSaveStream: vi.fn(),
      openFileForReading: vi.fn(),
      readOpenedFile: vi.fn(),
      closeOpenedFile: vi.fn(),
      openFile: vi.fn(),
      printToPdf: vi.fn(),
      writeAutoBackup: vi.fn(),
      listAutoBackups: vi.fn(),
      readAutoBackup: vi.fn(),
      deleteAutoBackup: vi.fn(),
      openBackupFolder: vi.fn(),
      onBeforeQuit: vi.fn(() => () => undefined),
      quitReady: vi.fn(),
      onMenuCommand,
    };
    Object.defineProperty(window, 'pursuit', { value: bridge, configurable: true });
    const getPlatform = await freshGetPlatform();
    expect(getPlatform().kind).toBe('desktop');
    getPlatform().onMenuCommand(() => undefined);
    expect(onMenuCommand).toHaveBeenCalledOnce();
  });

  it('reports the version from package.json in the browser', async () => {
    const getPlatform = await freshGetPlatform();
    const packageJson = resolve(import.meta.dirname, '../../../../package.json');
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
    await expect(getPlatform().getAppInfo()).resolves.toMatchObject({ version });
  });
});
