import { join } from 'node:path';
import { vi } from 'vitest';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import { writeFileAtomic } from '../../../electron/main/atomic-write';
import { createBackupFolder } from '../../../electron/main/backup-files';
import { createIpcHandlers, type DesktopServices } from '../../../electron/main/ipc-handlers';
import { registerIpcHandlers, type GuardedEvent } from '../../../electron/main/ipc-guard';
import { createOpenStreams } from '../../../electron/main/open-streams';
import { createSaveStreams } from '../../../electron/main/save-streams';
/* eslint-enable no-restricted-imports */
import { appPolicy } from './fakes';

/** The window every request of `wiredMain` comes from. */
export const WINDOW = 3;
const event: GuardedEvent = {
  sender: { id: WINDOW },
  senderFrame: { url: 'app://pursuit/index.html', parent: null },
};

type Listener = (event: GuardedEvent, ...args: unknown[]) => Promise<unknown>;

/**
 * Main's IPC handlers registered behind the real guard (sender and contract checks, both ways),
 * with real files under `folder` and `services` in place of the defaults. `call(channel)` is a
 * spy that sends a request on the channel as the app's window would.
 */
export function wiredMain(
  folder: string,
  services: Partial<DesktopServices<GuardedEvent>> = {},
): { call: (channel: string) => ReturnType<typeof vi.fn<(request: unknown) => Promise<unknown>>> } {
  const listeners = new Map<string, Listener>();
  const handlers = createIpcHandlers<GuardedEvent>({
    appInfo: () => {
      throw new Error('not used');
    },
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    renderPdf: async () => new Uint8Array(),
    writeFileAtomic,
    saveStreams: createSaveStreams(),
    openStreams: createOpenStreams(),
    fileSize: async () => 0,
    readFile: async () => new Uint8Array(),
    backups: createBackupFolder(join(folder, 'backups')),
    openPath: async () => '',
    quitReady: () => undefined,
    ...services,
  });
  registerIpcHandlers<GuardedEvent>(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    handlers,
    { policy: appPolicy, isOwnWebContents: (id) => id === WINDOW },
  );
  return {
    call: (channel) => {
      const listener = listeners.get(channel);
      if (listener === undefined) throw new Error(`no listener for ${channel}`);
      return vi.fn((request: unknown) => listener(event, request));
    },
  };
}

/** Deterministic bytes, so a piece lost, repeated or reordered changes a digest. */
export function patternBytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}
