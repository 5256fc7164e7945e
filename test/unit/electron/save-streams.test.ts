import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import { openAtomicFile, type AtomicFile } from '../../../electron/main/atomic-write';
import {
  createSaveStreams,
  SaveStreamRefusedError,
  SaveStreamWriteError,
} from '../../../electron/main/save-streams';
/* eslint-enable no-restricted-imports */

const WINDOW = 7;
const OTHER_WINDOW = 8;

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pursuit-streams-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const chosen = (name: string) => async () => join(folder, name);

async function filesIn(): Promise<string[]> {
  return (await readdir(folder)).sort();
}

describe('streamed save', () => {
  it('writes text and bytes in order and puts the file in place only when finished', async () => {
    const streams = createSaveStreams();
    await writeFile(join(folder, 'backup.json'), 'old backup');
    const id = await streams.open(WINDOW, chosen('backup.json'));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    if (id === null) return;
    await expect(streams.append(WINDOW, id, '{"投标":')).resolves.toBe(10);
    await expect(streams.append(WINDOW, id, new Uint8Array([0x31, 0x7d]))).resolves.toBe(12);
    // Until the save is finished the old file stands, beside one temporary file.
    expect(await readFile(join(folder, 'backup.json'), 'utf8')).toBe('old backup');
    const during = await filesIn();
    expect(during).toHaveLength(2);
    expect(during.find((name) => name !== 'backup.json')).toMatch(/^\.pursuit-[0-9a-f]+\.tmp$/);
    await expect(streams.finish(WINDOW, id)).resolves.toBe('backup.json');
    expect(await readFile(join(folder, 'backup.json'), 'utf8')).toBe('{"投标":1}');
    expect(await filesIn()).toEqual(['backup.json']);
    expect(streams.openCount()).toBe(0);
  });

  it('keeps pieces sent without waiting in the order they were sent', async () => {
    const streams = createSaveStreams();
    const id = (await streams.open(WINDOW, chosen('a.txt'))) ?? '';
    const sent = ['one ', 'two ', 'three ', 'four'].map((piece) =>
      streams.append(WINDOW, id, piece),
    );
    const finished = streams.finish(WINDOW, id);
    await Promise.all(sent);
    await finished;
    expect(await readFile(join(folder, 'a.txt'), 'utf8')).toBe('one two three four');
  });

  it('creates nothing when the user cancels the dialog', async () => {
    const streams = createSaveStreams();
    await expect(streams.open(WINDOW, async () => null)).resolves.toBeNull();
    expect(await filesIn()).toEqual([]);
    expect(streams.openCount()).toBe(0);
  });

  it('aborts: the temporary file goes, an existing file stays as it was', async () => {
    const streams = createSaveStreams();
    await writeFile(join(folder, 'plan.xml'), 'kept');
    const id = (await streams.open(WINDOW, chosen('plan.xml'))) ?? '';
    await streams.append(WINDOW, id, 'half a plan');
    await expect(streams.abort(WINDOW, id)).resolves.toBe(true);
    expect(await filesIn()).toEqual(['plan.xml']);
    expect(await readFile(join(folder, 'plan.xml'), 'utf8')).toBe('kept');
    // Aborting again is harmless; writing to it is refused.
    await expect(streams.abort(WINDOW, id)).resolves.toBe(false);
    await expect(streams.append(WINDOW, id, 'more')).rejects.toThrow(/was cancelled/);
  });
});

describe('streamed save refusals', () => {
  it('refuses an unknown id, on every operation', async () => {
    const streams = createSaveStreams();
    const unknown = '3f2c1b8e-5d4a-4c3b-9a1f-0e2d3c4b5a69';
    await expect(streams.append(WINDOW, unknown, 'x')).rejects.toThrow(SaveStreamRefusedError);
    await expect(streams.append(WINDOW, unknown, 'x')).rejects.toThrow(/no save is open/);
    await expect(streams.finish(WINDOW, unknown)).rejects.toThrow(/no save is open/);
    await expect(streams.abort(WINDOW, unknown)).rejects.toThrow(/no save is open/);
  });

  it("refuses another window's requests and leaves the stream to its owner", async () => {
    const streams = createSaveStreams();
    const id = (await streams.open(WINDOW, chosen('mine.json'))) ?? '';
    await expect(streams.append(OTHER_WINDOW, id, 'hijack')).rejects.toThrow(/another window/);
    await expect(streams.finish(OTHER_WINDOW, id)).rejects.toThrow(/another window/);
    await expect(streams.abort(OTHER_WINDOW, id)).rejects.toThrow(/another window/);
    await streams.dropOwner(OTHER_WINDOW);
    await streams.append(WINDOW, id, 'mine');
    await streams.finish(WINDOW, id);
    expect(await readFile(join(folder, 'mine.json'), 'utf8')).toBe('mine');
    // Once ended, another window learns nothing about it.
    await expect(streams.append(OTHER_WINDOW, id, 'x')).rejects.toThrow(/no save is open/);
  });

  it('refuses appends and a second finish after the save is finished', async () => {
    const streams = createSaveStreams();
    const id = (await streams.open(WINDOW, chosen('done.csv'))) ?? '';
    await streams.append(WINDOW, id, 'a,b\n');
    await streams.finish(WINDOW, id);
    await expect(streams.append(WINDOW, id, 'c,d\n')).rejects.toThrow(/already finished/);
    await expect(streams.finish(WINDOW, id)).rejects.toThrow(/already finished/);
    expect(await readFile(join(folder, 'done.csv'), 'utf8')).toBe('a,b\n');
  });

  it('abandons a save that would pass the size cap, and says so', async () => {
    const streams = createSaveStreams({ maxTotalBytes: 10 });
    const id = (await streams.open(WINDOW, chosen('big.json'))) ?? '';
    await expect(streams.append(WINDOW, id, '12345678')).resolves.toBe(8);
    // Three bytes of UTF-8 in one character: the cap counts bytes, not characters.
    await expect(streams.append(WINDOW, id, '标')).rejects.toThrow(
      /larger than 10 bytes, so the save was abandoned/,
    );
    expect(await filesIn()).toEqual([]);
    await expect(streams.append(WINDOW, id, 'x')).rejects.toThrow(/failed and was abandoned/);
    expect(streams.openCount()).toBe(0);
  });

  it('limits how many saves one window has open, before showing a dialog', async () => {
    const streams = createSaveStreams({ maxOpenPerOwner: 2 });
    await streams.open(WINDOW, chosen('1.json'));
    await streams.open(WINDOW, chosen('2.json'));
    const dialog = vi.fn(chosen('3.json'));
    await expect(streams.open(WINDOW, dialog)).rejects.toThrow(/at most 2 saves in progress/);
    expect(dialog).not.toHaveBeenCalled();
    await expect(streams.open(OTHER_WINDOW, chosen('4.json'))).resolves.not.toBeNull();
  });
});

describe('streamed save cleanup', () => {
  it("drops a window's open saves and their temporary files, and only that window's", async () => {
    const streams = createSaveStreams();
    const first = (await streams.open(WINDOW, chosen('a.json'))) ?? '';
    const second = (await streams.open(WINDOW, chosen('b.json'))) ?? '';
    const others = (await streams.open(OTHER_WINDOW, chosen('c.json'))) ?? '';
    await streams.append(WINDOW, first, 'aaa');
    await streams.append(OTHER_WINDOW, others, 'ccc');
    expect(await filesIn()).toHaveLength(3);
    await streams.dropOwner(WINDOW);
    expect(streams.openCount(WINDOW)).toBe(0);
    expect(streams.openCount(OTHER_WINDOW)).toBe(1);
    expect(await filesIn()).toHaveLength(1);
    await expect(streams.append(WINDOW, second, 'x')).rejects.toThrow(/window closed or reloaded/);
    await streams.finish(OTHER_WINDOW, others);
    expect(await filesIn()).toEqual(['c.json']);
  });

  it('drops a save while a piece is being written, once the write settles', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writing = vi.fn();
    const streams = createSaveStreams({
      openFile: async (targetPath) => {
        const real = await openAtomicFile(targetPath);
        return {
          ...real,
          write: async (data) => {
            writing();
            await gate;
            await real.write(data);
          },
        };
      },
    });
    const id = (await streams.open(WINDOW, chosen('a.json'))) ?? '';
    const inFlight = streams.append(WINDOW, id, 'being written');
    // Caught at once: it is refused before the test gets to look at it.
    const queued = streams.append(WINDOW, id, 'never written').catch((error: unknown) => error);
    await vi.waitFor(() => expect(writing).toHaveBeenCalledTimes(1));
    const dropped = streams.dropOwner(WINDOW);
    release();
    await dropped;
    await expect(inFlight).resolves.toBe(13);
    expect(String(await queued)).toMatch(/dropped when its window closed or reloaded/);
    expect(writing).toHaveBeenCalledTimes(1);
    expect(await filesIn()).toEqual([]);
  });
});

describe('streamed save write failures', () => {
  function failingFile(code: string, failOn: 'write' | 'commit') {
    const discarded = vi.fn(async () => undefined);
    const openFile = async (targetPath: string): Promise<AtomicFile> => {
      const real = await openAtomicFile(targetPath);
      const fail = async () => {
        throw Object.assign(new Error(`${code}: simulated, write '${targetPath}'`), { code });
      };
      return {
        targetPath,
        write: failOn === 'write' ? fail : real.write,
        commit: failOn === 'commit' ? fail : real.commit,
        discard: async () => {
          await discarded();
          await real.discard();
        },
      };
    };
    return { openFile, discarded };
  }

  it('reports a full disk clearly, without the path, and drops the temporary file', async () => {
    const { openFile, discarded } = failingFile('ENOSPC', 'write');
    const streams = createSaveStreams({ openFile });
    const id = (await streams.open(WINDOW, chosen('full.json'))) ?? '';
    const attempt = streams.append(WINDOW, id, 'data');
    await expect(attempt).rejects.toThrow(SaveStreamWriteError);
    await expect(attempt).rejects.toThrow(
      'The file could not be written: the disk is full (ENOSPC).',
    );
    await expect(attempt).rejects.not.toThrow(folder);
    expect(discarded).toHaveBeenCalled();
    expect(await filesIn()).toEqual([]);
    await expect(streams.finish(WINDOW, id)).rejects.toThrow(/failed and was abandoned/);
  });

  it('reports a folder it may not write in when the temporary file cannot be made', async () => {
    const streams = createSaveStreams({
      openFile: async () => {
        throw Object.assign(new Error("EACCES: permission denied, open '/root/x'"), {
          code: 'EACCES',
        });
      },
    });
    await expect(streams.open(WINDOW, chosen('x.json'))).rejects.toThrow(
      /permission denied \(EACCES\)/,
    );
    expect(streams.openCount()).toBe(0);
  });

  it('reports a failed final step and leaves no file behind', async () => {
    const { openFile } = failingFile('EPERM', 'commit');
    const streams = createSaveStreams({ openFile });
    const id = (await streams.open(WINDOW, chosen('x.json'))) ?? '';
    await streams.append(WINDOW, id, 'data');
    await expect(streams.finish(WINDOW, id)).rejects.toThrow(/permission denied \(EPERM\)/);
    expect(await filesIn()).toEqual([]);
    await expect(streams.append(WINDOW, id, 'x')).rejects.toThrow(/failed and was abandoned/);
  });
});
