/**
 * A large file saved the way the desktop app saves it: the renderer's platform regroups the
 * pieces, each crosses the IPC guard (sender and contract checks, both ways) to the handlers,
 * which write them to disk. The file must be the exact bytes of the pieces.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '@shared/ipc/channels';
import type { PursuitBridge } from '@shared/ipc/bridge';
import { createDesktopPlatform } from '@renderer/platform/desktopPlatform';
import type { SavePiece, SaveProgress } from '@renderer/platform/platform';
// eslint-disable-next-line no-restricted-imports -- electron/ has no path alias
import { createSaveStreams } from '../../../electron/main/save-streams';
import { patternBytes, wiredMain } from './wired-main';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pursuit-roundtrip-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The desktop bridge, with every call going through main's registered, guarded listeners. */
function wiredBridge(saveStreams = createSaveStreams()) {
  const { call } = wiredMain(folder, {
    chooseSavePath: async (_event, name) => join(folder, name),
    saveStreams,
  });
  const bridge = {
    openSaveStream: call(IPC_CHANNELS.saveStreamOpen),
    appendSaveStream: call(IPC_CHANNELS.saveStreamAppend),
    finishSaveStream: call(IPC_CHANNELS.saveStreamFinish),
    abortSaveStream: call(IPC_CHANNELS.saveStreamAbort),
    onBeforeQuit: () => () => undefined,
  };
  // Only the streamed save is exercised; the other methods are never reached.
  return { bridge: bridge as unknown as PursuitBridge & typeof bridge, saveStreams };
}

function digest(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

describe('a streamed save of 60 MB', () => {
  it('produces exactly the bytes of its pieces, with progress to the end', async () => {
    // Text with 3- and 4-byte characters (a surrogate pair is cut across piece limits often),
    // a binary part larger than one IPC piece, many small pieces, and more text.
    const wide = '投标😀,'.repeat(3_000_000); // 15 M code units, 33 MB of UTF-8
    const binary = patternBytes(20 * 1024 * 1024 + 7, 42);
    const small = Array.from({ length: 3_000 }, (_, i) => `{"id":${i},"name":"Deal ${i}"},`);
    const tail = 'x'.repeat(9 * 1024 * 1024 + 1);
    const pieces: SavePiece[] = [wide, binary, ...small, binary.subarray(5, 1_000_005), tail];
    const { bridge } = wiredBridge();
    const progress: SaveProgress[] = [];
    const outcome = await createDesktopPlatform(bridge).saveFileStream({
      suggestedName: 'pursuit-backup-2026-11-27.json',
      filters: [{ name: 'Pursuit backup', extensions: ['json'] }],
      pieces,
      onProgress: (step) => progress.push(step),
    });
    expect(outcome).toEqual({ status: 'saved', fileName: 'pursuit-backup-2026-11-27.json' });
    const written = await readFile(join(folder, 'pursuit-backup-2026-11-27.json'));
    const expected = digest(pieces);
    expect(written.byteLength).toBeGreaterThan(60 * 1024 * 1024);
    expect(digest([written])).toBe(expected);
    expect(await readdir(folder)).toEqual(['pursuit-backup-2026-11-27.json']);
    // Each message stayed within the contract's piece limits (or the guard would have refused).
    expect(bridge.appendSaveStream.mock.calls.length).toBeGreaterThan(8);
    expect(bridge.appendSaveStream.mock.calls.length).toBeLessThan(40);
    const last = progress.at(-1);
    expect(last?.total).not.toBeNull();
    expect(last?.done).toBe(last?.total);
  }, 60_000);

  it('aborts the stream and leaves no file when a piece is refused on the way', async () => {
    const { bridge, saveStreams } = wiredBridge(createSaveStreams({ maxTotalBytes: 1024 }));
    await expect(
      createDesktopPlatform(bridge).saveFileStream({
        suggestedName: 'big.json',
        filters: [],
        pieces: ['a'.repeat(1000), new Uint8Array(100)],
      }),
    ).rejects.toThrow(/larger than 1024 bytes/);
    expect(bridge.abortSaveStream).toHaveBeenCalledTimes(1);
    expect(saveStreams.openCount()).toBe(0);
    expect(await readdir(folder)).toEqual([]);
  });
});
