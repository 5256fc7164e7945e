import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '@shared/app/commands';
import type { PursuitBridge } from '@shared/ipc/bridge';
import { createDesktopPlatform } from '@renderer/platform/desktopPlatform';
import { InvalidPlatformRequestError } from '@renderer/platform/validateRequest';

function bridge(overrides: Partial<PursuitBridge> = {}) {
  const listeners = new Set<(command: AppCommand) => void>();
  const base = {
    getAppInfo: vi.fn(async () => ({
      name: 'Pursuit',
      version: '0.1.0',
      platform: 'win32',
      electronVersion: '45.5.0',
      chromeVersion: '140.0.0.0',
      userDataPath: 'C:\\Users\\me\\AppData\\Roaming\\Pursuit',
    })),
    saveFile: vi.fn(async () => ({ saved: true as const, fileName: 'deals.csv' })),
    openFile: vi.fn(async () => ({ status: 'cancelled' as const })),
    printToPdf: vi.fn(async () => ({ saved: false as const })),
    onMenuCommand: vi.fn((listener: (command: AppCommand) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  } satisfies PursuitBridge;
  return { api: { ...base, ...overrides }, base, listeners };
}

describe('desktop platform', () => {
  it('reports the desktop runtime with the shell versions', async () => {
    const { api } = bridge();
    await expect(createDesktopPlatform(api).getAppInfo()).resolves.toMatchObject({
      runtime: 'desktop',
      electronVersion: '45.5.0',
      platform: 'win32',
    });
  });

  it('turns the native save result into the shared outcome', async () => {
    const { api, base } = bridge();
    const platform = createDesktopPlatform(api);
    const request = { suggestedName: 'deals.csv', content: 'x', filters: [] };
    await expect(platform.saveFile(request)).resolves.toEqual({
      status: 'saved',
      fileName: 'deals.csv',
    });
    expect(base.saveFile).toHaveBeenCalledWith(request);
    base.saveFile.mockResolvedValueOnce({ saved: false } as never);
    await expect(platform.saveFile(request)).resolves.toEqual({ status: 'cancelled' });
  });

  it('checks requests before they reach the shell', async () => {
    const { api, base } = bridge();
    await expect(
      createDesktopPlatform(api).printToPdf({
        suggestedName: 'C:\\evil.pdf',
        pageSize: 'A4',
        landscape: false,
      }),
    ).rejects.toThrow(InvalidPlatformRequestError);
    expect(base.printToPdf).not.toHaveBeenCalled();
  });

  it('passes menu commands through and unsubscribes', () => {
    const { api, listeners } = bridge();
    const received: AppCommand[] = [];
    const unsubscribe = createDesktopPlatform(api).onMenuCommand((c) => received.push(c));
    for (const listener of listeners) listener('data.export');
    unsubscribe();
    expect(received).toEqual(['data.export']);
    expect(listeners.size).toBe(0);
  });
});
