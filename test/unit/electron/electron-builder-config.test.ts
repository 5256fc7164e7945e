import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const config = JSON.parse(readFileSync(resolve(root, 'electron/electron-builder.json'), 'utf8'));

describe('electron-builder configuration', () => {
  it('sets every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages only the build output into an asar archive', () => {
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).not.toBe(false);
  });

  it('builds installers for Windows, macOS and Linux as Pursuit', () => {
    expect(config.productName).toBe('Pursuit');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it("is accepted by electron-builder's own schema", async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/runAsNode/);
  });
});
