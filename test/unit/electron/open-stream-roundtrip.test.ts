/**
 * A large backup opened the way the desktop app opens it: the renderer's platform asks for the
 * file in pieces, each crossing the IPC guard (sender and contract checks, both ways) to the
 * handlers, which read them from disk. The bytes must be exactly the file's.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '@shared/ipc/channels';
import type { PursuitBridge } from '@shared/ipc/bridge';
import { MAX_BACKUP_OPEN_BYTES, MAX_OPEN_BYTES } from '@shared/ipc/contract';
import { createDesktopPlatform } from '@renderer/platform/desktopPlatform';
import type { OpenProgress } from '@renderer/platform/platform';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import { createOpenStreams, type ReadableFile } from '../../../electron/main/open-streams';
/* eslint-enable no-restricted-imports */
import { patternBytes, wiredMain } from './wired-main';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pursuit-open-roundtrip-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The desktop bridge, with every call going through main's registered, guarded listeners. */
function wiredBridge(chosen: string, openStreams = createOpenStreams()) {
  const { call } = wiredMain(folder, {
    chooseOpenPath: async () => join(folder, chosen),
    openStreams,
  });
  const bridge = {
    openFileForReading: call(IPC_CHANNELS.openStreamOpen),
    readOpenedFile: call(IPC_CHANNELS.openStreamRead),
    closeOpenedFile: call(IPC_CHANNELS.openStreamClose),
    onBeforeQuit: () => () => undefined,
  };
  // Only the read in pieces is exercised; the other methods are never reached.
  return { bridge: bridge as unknown as PursuitBridge & typeof bridge, openStreams };
}

const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const filters = [{ name: 'Pursuit backup', extensions: ['json'] }];

describe('a backup of 60 MB opened in pieces', () => {
  it('gives exactly the bytes of the file, with progress to the end, and closes it', async () => {
    const size = 60 * 1024 * 1024 + 13;
    expect(size).toBeGreaterThan(MAX_OPEN_BYTES);
    const content = patternBytes(size, 42);
    await writeFile(join(folder, 'pursuit-backup-2026-11-27.json'), content);
    const { bridge, openStreams } = wiredBridge('pursuit-backup-2026-11-27.json');
    const progress: OpenProgress[] = [];
    const outcome = await createDesktopPlatform(bridge).openFileStream({
      filters,
      maxBytes: MAX_BACKUP_OPEN_BYTES,
      onProgress: (step) => progress.push(step),
    });
    if (outcome.status !== 'opened') throw new Error(`expected the file, got ${outcome.status}`);
    expect(outcome.name).toBe('pursuit-backup-2026-11-27.json');
    expect(outcome.content.byteLength).toBe(size);
    expect(digest(outcome.content)).toBe(digest(content));
    // Four pieces of at most 16 MB (or the guard would have refused the answer), then closed.
    expect(bridge.readOpenedFile).toHaveBeenCalledTimes(4);
    expect(bridge.closeOpenedFile).toHaveBeenCalledTimes(1);
    expect(openStreams.openCount()).toBe(0);
    expect(progress.map((step) => step.done)).toEqual([
      0,
      16 * 1024 * 1024,
      32 * 1024 * 1024,
      48 * 1024 * 1024,
      size,
    ]);
    expect(progress.every((step) => step.total === size)).toBe(true);
  }, 60_000);

  it('says a file over the limit is too large without reading it', async () => {
    await writeFile(join(folder, 'big.json'), 'x'.repeat(2000));
    const { bridge, openStreams } = wiredBridge('big.json');
    await expect(
      createDesktopPlatform(bridge).openFileStream({ filters, maxBytes: 1000 }),
    ).resolves.toEqual({ status: 'tooLarge', name: 'big.json', sizeBytes: 2000, maxBytes: 1000 });
    expect(bridge.readOpenedFile).not.toHaveBeenCalled();
    expect(openStreams.openCount()).toBe(0);
  });

  it('reports a failed read and leaves no file open', async () => {
    const failing: ReadableFile = {
      stat: async () => ({ size: 100 }),
      read: async () => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      },
      close: async () => undefined,
    };
    const { bridge, openStreams } = wiredBridge(
      'a.json',
      createOpenStreams({ openFile: async () => failing }),
    );
    await expect(
      createDesktopPlatform(bridge).openFileStream({ filters, maxBytes: 1000 }),
    ).rejects.toThrow(/could not be read: the disk could not be read \(EIO\)/);
    expect(bridge.closeOpenedFile).toHaveBeenCalledTimes(1);
    expect(openStreams.openCount()).toBe(0);
  });
});
