import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '@shared/app/commands';
import type { PursuitBridge } from '@shared/ipc/bridge';
import type { AutoBackupInfo } from '@shared/backup/auto-backup';
import { parsePlanDate } from '@shared/domain/dates';
import { createDesktopPlatform } from '@renderer/platform/desktopPlatform';
import { InvalidPlatformRequestError } from '@renderer/platform/validateRequest';

const BACKUP_NAME =
  'pursuit-backup_2026-11-27_1764237600000_on_quit_12_0.1.0_0b9c6a52-7f0e-4f43-9d4e-1e2f3a4b5c6d.json';
const BACKUP_INFO: AutoBackupInfo = {
  id: BACKUP_NAME,
  createdAt: 1764237600000,
  day: parsePlanDate('2026-11-27'),
  reason: 'on_quit',
  records: 12,
  bytes: 2048,
  appVersion: '0.1.0',
};

const STREAM_ID = '3f2c1b8e-5d4a-4c3b-9a1f-0e2d3c4b5a69';

function bridge(overrides: Partial<PursuitBridge> = {}) {
  const listeners = new Set<(command: AppCommand) => void>();
  const quitListeners = new Set<(requestId: number) => void>();
  let files: AutoBackupInfo[] = [];
  const base = {
    writeAutoBackup: vi.fn(async () => {
      files = [BACKUP_INFO];
      return BACKUP_INFO;
    }),
    listAutoBackups: vi.fn(async () => ({
      folder: '/home/me/.config/Pursuit/backups',
      backups: files,
    })),
    readAutoBackup: vi.fn(async () => ({
      found: true as const,
      text: '{"format":"pursuit-backup"}',
    })),
    deleteAutoBackup: vi.fn(async () => {
      files = [];
      return { deleted: true };
    }),
    openBackupFolder: vi.fn(async () => ({ opened: true as const })),
    onBeforeQuit: vi.fn((listener: (requestId: number) => void) => {
      quitListeners.add(listener);
      return () => quitListeners.delete(listener);
    }),
    quitReady: vi.fn(async () => undefined),
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
    openSaveStream: vi.fn(async () => ({ opened: true as const, streamId: STREAM_ID })),
    appendSaveStream: vi.fn(async () => ({ bytes: 0 })),
    finishSaveStream: vi.fn(async () => ({ saved: true as const, fileName: 'backup.json' })),
    abortSaveStream: vi.fn(async () => ({ aborted: true })),
    openFileForReading: vi.fn(async () => ({ status: 'cancelled' as const })),
    readOpenedFile: vi.fn(async () => ({ bytes: new Uint8Array() })),
    closeOpenedFile: vi.fn(async () => ({ closed: true })),
    onMenuCommand: vi.fn((listener: (command: AppCommand) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  } satisfies PursuitBridge;
  return { api: { ...base, ...overrides }, base, listeners, quitListeners };
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

  it('saves pieces through a stream: open, append in order, finish', async () => {
    const { api, base } = bridge();
    const progress: unknown[] = [];
    async function* produced() {
      yield '{"a":';
      yield new Uint8Array([0x31]);
      yield '}';
    }
    const outcome = await createDesktopPlatform(api).saveFileStream({
      suggestedName: 'backup.json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
      pieces: produced(),
      onProgress: (step) => progress.push(step),
    });
    expect(outcome).toEqual({ status: 'saved', fileName: 'backup.json' });
    expect(base.openSaveStream).toHaveBeenCalledWith({
      suggestedName: 'backup.json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    expect(base.appendSaveStream.mock.calls).toEqual([
      [{ streamId: STREAM_ID, piece: '{"a":' }],
      [{ streamId: STREAM_ID, piece: new Uint8Array([0x31]) }],
      [{ streamId: STREAM_ID, piece: '}' }],
    ]);
    expect(base.finishSaveStream).toHaveBeenCalledWith({ streamId: STREAM_ID });
    expect(base.abortSaveStream).not.toHaveBeenCalled();
    // Pieces produced on the fly have no known total.
    expect(progress).toEqual([
      { done: 0, total: null },
      { done: 5, total: null },
      { done: 6, total: null },
      { done: 7, total: null },
    ]);
  });

  it('reads no piece when the user cancels the dialog', async () => {
    const { api, base } = bridge({ openSaveStream: async () => ({ opened: false }) });
    const pieces = vi.fn(function* () {
      yield 'x';
    });
    await expect(
      createDesktopPlatform(api).saveFileStream({
        suggestedName: 'backup.json',
        filters: [],
        pieces: pieces(),
      }),
    ).resolves.toEqual({ status: 'cancelled' });
    expect(base.appendSaveStream).not.toHaveBeenCalled();
    expect(base.finishSaveStream).not.toHaveBeenCalled();
  });

  it('aborts the stream when writing fails, and reports the failure', async () => {
    const { api, base } = bridge({
      appendSaveStream: async () => {
        throw new Error('The file could not be written: the disk is full (ENOSPC).');
      },
    });
    await expect(
      createDesktopPlatform(api).saveFileStream({
        suggestedName: 'backup.json',
        filters: [],
        pieces: ['x'],
      }),
    ).rejects.toThrow(/ENOSPC/);
    expect(base.abortSaveStream).toHaveBeenCalledWith({ streamId: STREAM_ID });
    expect(base.finishSaveStream).not.toHaveBeenCalled();
  });

  it('checks a streamed save request before the dialog opens', async () => {
    const { api, base } = bridge();
    await expect(
      createDesktopPlatform(api).saveFileStream({
        suggestedName: '/etc/passwd',
        filters: [],
        pieces: ['x'],
      }),
    ).rejects.toThrow(InvalidPlatformRequestError);
    expect(base.openSaveStream).not.toHaveBeenCalled();
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

  it('keeps automatic backups as files through main, and tells watchers of each change', async () => {
    const { api, base } = bridge();
    const storage = createDesktopPlatform(api).autoBackups;
    await expect(storage.folder()).resolves.toBe('/home/me/.config/Pursuit/backups');
    const seen: AutoBackupInfo[][] = [];
    const stop = storage.watch(
      (list) => seen.push(list),
      (error) => expect.fail(String(error)),
    );
    await vi.waitFor(() => expect(seen).toEqual([[]]));
    const { bytes: _bytes, id: _id, ...stamp } = BACKUP_INFO;
    const stored = await storage.store({ ...stamp, id: 'b1' }, '{}');
    expect(stored).toEqual(BACKUP_INFO);
    expect(base.writeAutoBackup).toHaveBeenCalledWith({ ...stamp, id: 'b1', text: '{}' });
    await vi.waitFor(() => expect(seen).toEqual([[], [BACKUP_INFO]]));
    await expect(storage.read(BACKUP_NAME)).resolves.toBe('{"format":"pursuit-backup"}');
    expect(base.readAutoBackup).toHaveBeenCalledWith({ id: BACKUP_NAME });
    await expect(storage.remove(BACKUP_NAME)).resolves.toBe(true);
    await vi.waitFor(() => expect(seen).toEqual([[], [BACKUP_INFO], []]));
    stop();
    await storage.store({ ...stamp, id: 'b2' }, '{}');
    expect(seen).toHaveLength(3);
    await expect(storage.openFolder?.()).resolves.toEqual({ opened: true });
  });

  it('reads a backup deleted meanwhile as missing', async () => {
    const { api } = bridge({ readAutoBackup: async () => ({ found: false }) });
    await expect(createDesktopPlatform(api).autoBackups.read(BACKUP_NAME)).resolves.toBeNull();
  });

  it('answers main before quit once every task settled, even a failed one', async () => {
    const { api, base, quitListeners } = bridge();
    const platform = createDesktopPlatform(api);
    let finish: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      finish = resolve;
    });
    platform.onBeforeQuit(() => slow);
    platform.onBeforeQuit(async () => {
      throw new Error('disk full');
    });
    for (const listener of quitListeners) listener(4);
    await Promise.resolve();
    expect(base.quitReady).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(base.quitReady).toHaveBeenCalledWith({ requestId: 4 }));
  });

  it('answers main at once when nothing needs doing before quit', async () => {
    const { api, base, quitListeners } = bridge();
    const stop = createDesktopPlatform(api).onBeforeQuit(async () => expect.fail('unsubscribed'));
    stop();
    for (const listener of quitListeners) listener(9);
    await vi.waitFor(() => expect(base.quitReady).toHaveBeenCalledWith({ requestId: 9 }));
  });
});
