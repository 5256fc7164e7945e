import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- electron/ has no path alias
import { openAtomicFile, writeFileAtomic } from '../../../electron/main/atomic-write';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pursuit-atomic-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('atomic file write', () => {
  it('writes text and bytes and leaves no temporary file behind', async () => {
    await writeFileAtomic(join(folder, 'deals.csv'), 'id,name\n1,投标\n');
    await writeFileAtomic(join(folder, 'plan.pdf'), new Uint8Array([37, 80, 68, 70]));
    expect(await readFile(join(folder, 'deals.csv'), 'utf8')).toBe('id,name\n1,投标\n');
    expect([...(await readFile(join(folder, 'plan.pdf')))]).toEqual([37, 80, 68, 70]);
    expect((await readdir(folder)).sort()).toEqual(['deals.csv', 'plan.pdf']);
  });

  it('replaces an existing file in one step', async () => {
    const target = join(folder, 'deals.csv');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['deals.csv']);
  });

  it('keeps the previous file intact and cleans up when the final rename fails', async () => {
    // A directory where the file should go makes the rename fail after the data was written.
    const target = join(folder, 'blocked');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'keep');
    await expect(writeFileAtomic(target, 'new content')).rejects.toThrow();
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('keep');
    expect(await readdir(folder)).toEqual(['blocked']);
  });

  it('never writes through a pre-existing file that has the temporary name', async () => {
    await writeFile(join(folder, '.pursuit-fixed.tmp'), 'planted');
    await expect(writeFileAtomic(join(folder, 'a.csv'), 'x', () => 'fixed')).rejects.toThrow(
      /EEXIST/,
    );
    expect(await readFile(join(folder, '.pursuit-fixed.tmp'), 'utf8')).toBe('planted');
  });
});

describe('atomic file written in pieces', () => {
  it('shows nothing under the target name until commit, then renames in one step', async () => {
    const target = join(folder, 'backup.json');
    await writeFile(target, 'previous');
    const file = await openAtomicFile(target, () => 'piece');
    await file.write('{"a":');
    await file.write(new Uint8Array([0x31, 0x7d]));
    expect(await readFile(target, 'utf8')).toBe('previous');
    expect(await readFile(join(folder, '.pursuit-piece.tmp'), 'utf8')).toBe('{"a":1}');
    await file.commit();
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    expect(await readdir(folder)).toEqual(['backup.json']);
  });

  it('discards: the temporary file goes and the target is untouched', async () => {
    const target = join(folder, 'plan.xml');
    await writeFile(target, 'kept');
    const file = await openAtomicFile(target);
    await file.write('partial');
    await file.discard();
    await file.discard();
    expect(await readdir(folder)).toEqual(['plan.xml']);
    expect(await readFile(target, 'utf8')).toBe('kept');
  });

  it('removes the temporary file when the rename fails', async () => {
    const target = join(folder, 'blocked');
    await mkdir(target);
    const file = await openAtomicFile(target);
    await file.write('data');
    await expect(file.commit()).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['blocked']);
  });
});
