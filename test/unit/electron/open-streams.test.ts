import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import {
  createOpenStreams,
  OpenStreamReadError,
  OpenStreamRefusedError,
  type ReadableFile,
} from '../../../electron/main/open-streams';
/* eslint-enable no-restricted-imports */

const WINDOW = 7;
const OTHER_WINDOW = 8;

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pursuit-open-streams-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function fileWith(
  name: string,
  content: string | Uint8Array,
): Promise<() => Promise<string>> {
  await writeFile(join(folder, name), content);
  return async () => join(folder, name);
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** An open file that records whether it was closed, reading `content` (or failing). */
function fakeFile(content: Uint8Array, fail: Error | null = null) {
  const file = {
    closed: false as boolean,
    stat: async () => ({ size: content.byteLength }),
    read: vi.fn(async (buffer: Uint8Array, offset: number, length: number, position: number) => {
      if (fail !== null) throw fail;
      const part = content.subarray(position, position + length);
      buffer.set(part, offset);
      return { bytesRead: part.byteLength };
    }),
    close: vi.fn(async () => {
      file.closed = true;
    }),
  } satisfies ReadableFile & { closed: boolean };
  return file;
}

async function opened(
  streams: ReturnType<typeof createOpenStreams>,
  owner: number,
  path: () => Promise<string>,
) {
  const result = await streams.open(owner, path, 1024 * 1024);
  if (result.status !== 'opened') throw new Error(`expected an open file, got ${result.status}`);
  return result;
}

describe('files read in pieces', () => {
  it('gives the name and size, then the bytes at each offset, and fewer at the end', async () => {
    const streams = createOpenStreams();
    const file = await opened(streams, WINDOW, await fileWith('备份.json', '{"投标":[1,2]}'));
    expect(file).toMatchObject({ status: 'opened', name: '备份.json', size: 16 });
    expect(file.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(text(await streams.read(WINDOW, file.id, 0, 8))).toBe('{"投标');
    expect(text(await streams.read(WINDOW, file.id, 8, 100))).toBe('":[1,2]}');
    expect(await streams.read(WINDOW, file.id, 16, 10)).toEqual(new Uint8Array());
    const piece = await streams.read(WINDOW, file.id, 2, 3);
    // A buffer of its own: sending a view would carry the whole underlying buffer.
    expect(piece.buffer.byteLength).toBe(3);
    expect(streams.openCount(WINDOW)).toBe(1);
    await expect(streams.close(WINDOW, file.id)).resolves.toBe(true);
    await expect(streams.close(WINDOW, file.id)).resolves.toBe(false);
    expect(streams.openCount()).toBe(0);
  });

  it('reports a cancelled dialog and a file over the limit, keeping nothing open', async () => {
    const handle = fakeFile(new Uint8Array(11));
    const streams = createOpenStreams({ openFile: async () => handle });
    await expect(streams.open(WINDOW, async () => null, 10)).resolves.toEqual({
      status: 'cancelled',
    });
    await expect(streams.open(WINDOW, async () => '/home/u/big.json', 10)).resolves.toEqual({
      status: 'tooLarge',
      name: 'big.json',
      size: 11,
      maxBytes: 10,
    });
    expect(handle.closed).toBe(true);
    expect(streams.openCount()).toBe(0);
  });

  it('refuses unknown ids, other windows, closed files and reads outside the file', async () => {
    const streams = createOpenStreams({ maxPieceBytes: 8 });
    const file = await opened(streams, WINDOW, await fileWith('a.json', '0123456789'));
    const unknown = '3f2c1b8e-5d4a-4c3b-9a1f-0e2d3c4b5a69';
    await expect(streams.read(WINDOW, unknown, 0, 1)).rejects.toThrow(
      /Pursuit refused to read the file: no file is open with this id/,
    );
    await expect(streams.read(OTHER_WINDOW, file.id, 0, 1)).rejects.toThrow(
      /belongs to another window/,
    );
    await expect(streams.close(OTHER_WINDOW, file.id)).rejects.toThrow(/belongs to another window/);
    await expect(streams.read(WINDOW, file.id, 0, 9)).rejects.toThrow(/1 to 8 bytes/);
    await expect(streams.read(WINDOW, file.id, 11, 1)).rejects.toThrow(/outside the file/);
    // The refusals above left the file open for its owner.
    expect(text(await streams.read(WINDOW, file.id, 8, 8))).toBe('89');
    await streams.close(WINDOW, file.id);
    await expect(streams.read(WINDOW, file.id, 0, 1)).rejects.toThrow(OpenStreamRefusedError);
    await expect(streams.read(WINDOW, file.id, 0, 1)).rejects.toThrow(/already closed/);
    // Another window learns nothing about it, not even that it existed.
    await expect(streams.read(OTHER_WINDOW, file.id, 0, 1)).rejects.toThrow(/no file is open/);
  });

  it('limits how many files one window may have open', async () => {
    const streams = createOpenStreams({ maxOpenPerOwner: 2 });
    const path = await fileWith('a.json', 'x');
    await opened(streams, WINDOW, path);
    await opened(streams, WINDOW, path);
    await expect(streams.open(WINDOW, path, 10)).rejects.toThrow(/at most 2 files open/);
    // Another window has its own allowance.
    await opened(streams, OTHER_WINDOW, path);
  });

  it('closes the files of a window that closed or reloaded, and says so afterwards', async () => {
    const handles = [fakeFile(new Uint8Array(4)), fakeFile(new Uint8Array(4))];
    let next = 0;
    const streams = createOpenStreams({ openFile: async () => handles[next++] as ReadableFile });
    const mine = await opened(streams, WINDOW, async () => '/a.json');
    const theirs = await opened(streams, OTHER_WINDOW, async () => '/b.json');
    await streams.dropOwner(WINDOW);
    expect(handles[0]?.closed).toBe(true);
    expect(handles[1]?.closed).toBe(false);
    await expect(streams.read(WINDOW, mine.id, 0, 1)).rejects.toThrow(/window closed or reloaded/);
    await expect(streams.read(OTHER_WINDOW, theirs.id, 0, 4)).resolves.toHaveLength(4);
  });

  it('closes a file chosen in a dialog of a page that went away meanwhile', async () => {
    const handle = fakeFile(new Uint8Array(4));
    const streams = createOpenStreams({ openFile: async () => handle });
    let choose: (path: string) => void = () => undefined;
    const opening = streams.open(
      WINDOW,
      () => new Promise<string>((resolve) => (choose = resolve)),
      10,
    );
    await Promise.resolve();
    await streams.dropOwner(WINDOW);
    choose('/a.json');
    await expect(opening).rejects.toThrow(/window closed or reloaded/);
    expect(handle.closed).toBe(true);
    expect(streams.openCount()).toBe(0);
  });

  it('closes the file and names the problem, not the path, when a read fails', async () => {
    const failure = Object.assign(new Error("EIO: i/o error, read '/home/u/secret.json'"), {
      code: 'EIO',
    });
    const handle = fakeFile(new Uint8Array(4), failure);
    const streams = createOpenStreams({ openFile: async () => handle });
    const file = await opened(streams, WINDOW, async () => '/home/u/secret.json');
    const attempt = streams.read(WINDOW, file.id, 0, 4);
    await expect(attempt).rejects.toThrow(OpenStreamReadError);
    await expect(attempt).rejects.toThrow(
      'The file could not be read: the disk could not be read (EIO).',
    );
    await expect(attempt).rejects.not.toThrow(/secret/);
    expect(handle.closed).toBe(true);
    await expect(streams.read(WINDOW, file.id, 0, 4)).rejects.toThrow(/reading this file failed/);
  });

  it('refuses to read short when the file shrank after it was opened', async () => {
    const path = await fileWith('a.json', '0123456789');
    const streams = createOpenStreams();
    const file = await opened(streams, WINDOW, path);
    await writeFile(join(folder, 'a.json'), '01234');
    await expect(streams.read(WINDOW, file.id, 0, 10)).rejects.toThrow(/became shorter/);
    expect(streams.openCount()).toBe(0);
  });

  it('says when the chosen file cannot be opened, without its path', async () => {
    const streams = createOpenStreams();
    const attempt = streams.open(WINDOW, async () => join(folder, 'gone.json'), 10);
    await expect(attempt).rejects.toThrow(
      'The file could not be read: the file no longer exists (ENOENT).',
    );
    expect(streams.openCount()).toBe(0);
  });

  it('waits for a read in flight before closing the file', async () => {
    let release: () => void = () => undefined;
    const handle = fakeFile(new Uint8Array([1, 2, 3, 4]));
    const slowRead = handle.read.getMockImplementation();
    handle.read.mockImplementationOnce(async (...args) => {
      await new Promise<void>((resolve) => (release = resolve));
      if (slowRead === undefined) throw new Error('no read');
      return slowRead(...args);
    });
    const streams = createOpenStreams({ openFile: async () => handle });
    const file = await opened(streams, WINDOW, async () => '/a.json');
    const reading = streams.read(WINDOW, file.id, 0, 4);
    await Promise.resolve();
    const closing = streams.close(WINDOW, file.id);
    await Promise.resolve();
    expect(handle.closed).toBe(false);
    release();
    await expect(reading).resolves.toEqual(new Uint8Array([1, 2, 3, 4]));
    await expect(closing).resolves.toBe(true);
    expect(handle.closed).toBe(true);
  });
});
