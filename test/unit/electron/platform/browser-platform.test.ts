// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform, acceptAttribute } from '@renderer/platform/browserPlatform';
import { InvalidPlatformRequestError } from '@renderer/platform/validateRequest';
import type { OpenProgress } from '@renderer/platform/platform';
import { MAX_BACKUP_OPEN_BYTES, MAX_OPEN_BYTES } from '@shared/ipc/contract';

const platform = () =>
  createBrowserPlatform({ window, appName: 'Pursuit', version: '1.2.3', revokeAfterMs: 0 });

let created: Blob[];

beforeEach(() => {
  created = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    created.push(blob);
    return `blob:test/${created.length}`;
  });
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('browser platform: save', () => {
  it('downloads the content under the suggested name', async () => {
    const clicks: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push({ href: this.href, download: this.download });
    });
    const outcome = await platform().saveFile({
      suggestedName: '商机 pipeline.csv',
      content: 'id,name\n1,港口招标\n',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(outcome).toEqual({ status: 'downloaded', fileName: '商机 pipeline.csv' });
    expect(clicks).toEqual([{ href: 'blob:test/1', download: '商机 pipeline.csv' }]);
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    expect(await created[0]?.text()).toBe('id,name\n1,港口招标\n');
    // The temporary link does not stay in the page.
    expect(document.querySelectorAll('a')).toHaveLength(0);
    await vi.waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1'));
  });

  it('refuses the same unsafe names the desktop refuses', async () => {
    await expect(
      platform().saveFile({ suggestedName: '../evil.csv', content: 'x', filters: [] }),
    ).rejects.toThrow(InvalidPlatformRequestError);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});

describe('browser platform: save in pieces', () => {
  it('downloads the pieces as one file', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const progress: unknown[] = [];
    const outcome = await platform().saveFileStream({
      suggestedName: 'pursuit-backup-2026-11-27.json',
      filters: [{ name: 'Pursuit backup', extensions: ['json'] }],
      pieces: ['{"deals":[', new Uint8Array([0x31, 0x32]), '],"名":"投标"}'],
      onProgress: (step) => progress.push(step),
    });
    expect(outcome).toEqual({ status: 'downloaded', fileName: 'pursuit-backup-2026-11-27.json' });
    expect(created[0]?.type).toBe('application/json');
    expect(await created[0]?.text()).toBe('{"deals":[12],"名":"投标"}');
    expect(progress).toEqual([{ done: 23, total: 23 }]);
  });

  it('refuses an unsafe name before reading any piece', async () => {
    const pieces = vi.fn(function* () {
      yield 'x';
    });
    await expect(
      platform().saveFileStream({ suggestedName: 'a/b.json', filters: [], pieces: pieces() }),
    ).rejects.toThrow(InvalidPlatformRequestError);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});

describe('browser platform: open', () => {
  function chooseFile(file: File | null): void {
    const input = document.querySelector<HTMLInputElement>('input[type=file]');
    if (input === null) throw new Error('no file input in the page');
    if (file === null) {
      input.dispatchEvent(new Event('cancel'));
      return;
    }
    Object.defineProperty(input, 'files', {
      value: { item: (index: number) => (index === 0 ? file : null), length: 1 },
    });
    input.dispatchEvent(new Event('change'));
  }

  it('reads the picked file with the filters as accept', async () => {
    const pending = platform().openFile({
      filters: [
        { name: 'CSV', extensions: ['csv'] },
        { name: 'Excel', extensions: ['xlsx'] },
      ],
      maxBytes: 1024,
    });
    expect(document.querySelector('input[type=file]')?.getAttribute('accept')).toBe('.csv,.xlsx');
    chooseFile(new File(['id\n7\n'], 'deals.csv', { type: 'text/csv' }));
    const outcome = await pending;
    expect(outcome.status).toBe('opened');
    if (outcome.status !== 'opened') return;
    expect(outcome.name).toBe('deals.csv');
    expect(new TextDecoder().decode(outcome.content)).toBe('id\n7\n');
    expect(document.querySelector('input[type=file]')).toBeNull();
  });

  it('reports a file over the limit without reading it', async () => {
    const pending = platform().openFile({ filters: [], maxBytes: 4 });
    chooseFile(new File(['0123456789'], 'big.csv'));
    await expect(pending).resolves.toEqual({
      status: 'tooLarge',
      name: 'big.csv',
      sizeBytes: 10,
      maxBytes: 4,
    });
  });

  it('reports a closed picker as cancelled', async () => {
    const pending = platform().openFile({ filters: [], maxBytes: 4 });
    chooseFile(null);
    await expect(pending).resolves.toEqual({ status: 'cancelled' });
  });

  it('opens a backup over the one-message limit whole, with progress, up to the backup limit', async () => {
    const size = MAX_OPEN_BYTES + 1024 * 1024 + 3;
    const content = new Uint8Array(size);
    content[0] = 0x7b;
    content[size - 1] = 0x7d;
    const progress: OpenProgress[] = [];
    const pending = platform().openFileStream({
      filters: [{ name: 'Pursuit backup', extensions: ['json'] }],
      maxBytes: MAX_BACKUP_OPEN_BYTES,
      onProgress: (step) => progress.push(step),
    });
    chooseFile(new File([content], 'pursuit-backup.json'));
    const outcome = await pending;
    if (outcome.status !== 'opened') throw new Error(`expected the file, got ${outcome.status}`);
    expect(outcome.name).toBe('pursuit-backup.json');
    expect(outcome.content.byteLength).toBe(size);
    expect(outcome.content[0]).toBe(0x7b);
    expect(outcome.content[size - 1]).toBe(0x7d);
    expect(progress[0]).toEqual({ name: 'pursuit-backup.json', done: 0, total: size });
    expect(progress.at(-1)).toEqual({ name: 'pursuit-backup.json', done: size, total: size });
  });

  it('reports a backup over its limit without reading it, and refuses a limit above 1 GiB', async () => {
    const pending = platform().openFileStream({ filters: [], maxBytes: 4 });
    chooseFile(new File(['0123456789'], 'big.json'));
    await expect(pending).resolves.toEqual({
      status: 'tooLarge',
      name: 'big.json',
      sizeBytes: 10,
      maxBytes: 4,
    });
    await expect(
      platform().openFileStream({ filters: [], maxBytes: MAX_BACKUP_OPEN_BYTES + 1 }),
    ).rejects.toThrow(InvalidPlatformRequestError);
  });

  it('builds accept from filters', () => {
    expect(acceptAttribute([])).toBe('');
    expect(acceptAttribute([{ name: 'Data', extensions: ['csv', 'json'] }])).toBe('.csv,.json');
  });
});

describe('browser platform: print', () => {
  it('opens the print dialog with the page setup and the name as title, then restores', async () => {
    document.title = 'Pursuit';
    let duringPrint: { css: string | null; title: string } | null = null;
    window.print = vi.fn(() => {
      duringPrint = {
        css: document.getElementById('pursuit-print-page')?.textContent ?? null,
        title: document.title,
      };
    });
    const outcome = await platform().printToPdf({
      suggestedName: 'Harbour tender.pdf',
      pageSize: 'A4',
      landscape: true,
    });
    expect(outcome).toEqual({ status: 'printDialog' });
    expect(duringPrint).toEqual({
      css: '@page { size: A4 landscape; }',
      title: 'Harbour tender',
    });
    window.dispatchEvent(new Event('afterprint'));
    expect(document.getElementById('pursuit-print-page')).toBeNull();
    expect(document.title).toBe('Pursuit');
  });
});

describe('browser platform: app info and menu', () => {
  it('reports the app version and that it runs in a browser', async () => {
    await expect(platform().getAppInfo()).resolves.toMatchObject({
      name: 'Pursuit',
      version: '1.2.3',
      runtime: 'browser',
      electronVersion: null,
      userDataPath: null,
    });
  });

  it('has no menu: subscribing is harmless and never calls back', () => {
    const listener = vi.fn();
    const unsubscribe = platform().onMenuCommand(listener);
    expect(() => unsubscribe()).not.toThrow();
    expect(listener).not.toHaveBeenCalled();
  });
});
