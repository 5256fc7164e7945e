import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePlanDate } from '@shared/domain/dates';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import { writeFileAtomic } from '../../../electron/main/atomic-write';
import { createBackupFolder } from '../../../electron/main/backup-files';
import { createIpcHandlers, type DesktopServices } from '../../../electron/main/ipc-handlers';
import type { GuardedEvent } from '../../../electron/main/ipc-guard';
import { createOpenStreams } from '../../../electron/main/open-streams';
import { createSaveStreams } from '../../../electron/main/save-streams';
/* eslint-enable no-restricted-imports */

const event: GuardedEvent = {
  sender: { id: 1 },
  senderFrame: { url: 'app://pursuit/index.html', parent: null },
};

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pursuit-ipc-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function services(overrides: Partial<DesktopServices<GuardedEvent>> = {}) {
  const base: DesktopServices<GuardedEvent> = {
    appInfo: () => ({
      name: 'Pursuit',
      version: '0.1.0',
      platform: 'linux',
      electronVersion: '45.5.0',
      chromeVersion: '140.0.0.0',
      userDataPath: '/home/u/.config/Pursuit',
    }),
    chooseSavePath: vi.fn(async (_event, name: string) => join(folder, name)),
    chooseOpenPath: vi.fn(async () => join(folder, 'input.csv')),
    renderPdf: vi.fn(async () => new Uint8Array([37, 80, 68, 70, 45])),
    writeFileAtomic,
    saveStreams: createSaveStreams(),
    openStreams: createOpenStreams(),
    fileSize: async (path) => (await readFile(path)).byteLength,
    readFile: async (path) => new Uint8Array(await readFile(path)),
    backups: createBackupFolder(join(folder, 'backups')),
    openPath: vi.fn(async () => ''),
    quitReady: vi.fn(),
  };
  return { ...base, ...overrides };
}

describe('file:save', () => {
  it('writes the content to the path the user chose and reports only its name', async () => {
    const deps = services();
    const handlers = createIpcHandlers(deps);
    const result = await handlers['file:save'](
      {
        suggestedName: 'deals.csv',
        content: 'a,b\n',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      },
      event,
    );
    expect(result).toEqual({ saved: true, fileName: 'deals.csv' });
    expect(await readFile(join(folder, 'deals.csv'), 'utf8')).toBe('a,b\n');
    expect(deps.chooseSavePath).toHaveBeenCalledWith(event, 'deals.csv', [
      { name: 'CSV', extensions: ['csv'] },
    ]);
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const writer = vi.fn(writeFileAtomic);
    const handlers = createIpcHandlers(
      services({ chooseSavePath: async () => null, writeFileAtomic: writer }),
    );
    await expect(
      handlers['file:save']({ suggestedName: 'a.csv', content: 'x', filters: [] }, event),
    ).resolves.toEqual({ saved: false });
    expect(writer).not.toHaveBeenCalled();
  });
});

describe('file:saveStream', () => {
  const otherWindow: GuardedEvent = { ...event, sender: { id: 2 } };
  const filters = [{ name: 'Pursuit backup', extensions: ['json'] }];

  it('opens through the dialog, appends pieces, and finishes with the file in place', async () => {
    const deps = services();
    const handlers = createIpcHandlers(deps);
    const opened = await handlers['file:saveStream:open'](
      { suggestedName: 'backup.json', filters },
      event,
    );
    expect(deps.chooseSavePath).toHaveBeenCalledWith(event, 'backup.json', filters);
    if (!opened.opened) throw new Error('expected an open stream');
    const { streamId } = opened;
    await expect(
      handlers['file:saveStream:append']({ streamId, piece: '{"deals":' }, event),
    ).resolves.toEqual({ bytes: 9 });
    await expect(
      handlers['file:saveStream:append'](
        { streamId, piece: new Uint8Array([0x5b, 0x5d, 0x7d]) },
        event,
      ),
    ).resolves.toEqual({ bytes: 12 });
    await expect(stat(join(folder, 'backup.json'))).rejects.toThrow(/ENOENT/);
    await expect(handlers['file:saveStream:finish']({ streamId }, event)).resolves.toEqual({
      saved: true,
      fileName: 'backup.json',
    });
    expect(await readFile(join(folder, 'backup.json'), 'utf8')).toBe('{"deals":[]}');
  });

  it('answers a cancelled dialog without a stream', async () => {
    const deps = services({ chooseSavePath: async () => null });
    const handlers = createIpcHandlers(deps);
    await expect(
      handlers['file:saveStream:open']({ suggestedName: 'b.json', filters }, event),
    ).resolves.toEqual({ opened: false });
    expect(deps.saveStreams.openCount()).toBe(0);
  });

  it('aborts, removing the temporary file', async () => {
    const handlers = createIpcHandlers(services());
    const opened = await handlers['file:saveStream:open'](
      { suggestedName: 'b.json', filters },
      event,
    );
    if (!opened.opened) throw new Error('expected an open stream');
    await handlers['file:saveStream:append']({ streamId: opened.streamId, piece: 'x' }, event);
    await expect(
      handlers['file:saveStream:abort']({ streamId: opened.streamId }, event),
    ).resolves.toEqual({ aborted: true });
    expect(await readdir(folder)).toEqual([]);
  });

  it('ties a stream to the window that opened it', async () => {
    const handlers = createIpcHandlers(services());
    const opened = await handlers['file:saveStream:open'](
      { suggestedName: 'b.json', filters },
      event,
    );
    if (!opened.opened) throw new Error('expected an open stream');
    const { streamId } = opened;
    await expect(
      handlers['file:saveStream:append']({ streamId, piece: 'x' }, otherWindow),
    ).rejects.toThrow(/belongs to another window/);
    await expect(handlers['file:saveStream:finish']({ streamId }, otherWindow)).rejects.toThrow(
      /belongs to another window/,
    );
    await expect(handlers['file:saveStream:abort']({ streamId }, otherWindow)).rejects.toThrow(
      /belongs to another window/,
    );
    await handlers['file:saveStream:finish']({ streamId }, event);
    await expect(
      handlers['file:saveStream:append']({ streamId, piece: 'late' }, event),
    ).rejects.toThrow(/already finished/);
    expect(await readFile(join(folder, 'b.json'), 'utf8')).toBe('');
  });
});

describe('file:openStream', () => {
  const otherWindow: GuardedEvent = { ...event, sender: { id: 2 } };
  const filters = [{ name: 'Pursuit backup', extensions: ['json'] }];

  it('opens through the dialog, reads pieces by offset, and closes', async () => {
    await writeFile(join(folder, 'backup.json'), '{"deals":[1,2,3]}');
    const deps = services({ chooseOpenPath: vi.fn(async () => join(folder, 'backup.json')) });
    const handlers = createIpcHandlers(deps);
    const opened = await handlers['file:openStream:open']({ filters, maxBytes: 100 }, event);
    expect(deps.chooseOpenPath).toHaveBeenCalledWith(event, filters);
    if (opened.status !== 'opened') throw new Error('expected an open file');
    expect(opened).toMatchObject({ name: 'backup.json', sizeBytes: 17 });
    const { streamId } = opened;
    const read = async (offset: number, length: number) =>
      new TextDecoder().decode(
        (await handlers['file:openStream:read']({ streamId, offset, length }, event)).bytes,
      );
    await expect(read(0, 9)).resolves.toBe('{"deals":');
    await expect(read(9, 100)).resolves.toBe('[1,2,3]}');
    await expect(
      handlers['file:openStream:read']({ streamId, offset: 0, length: 1 }, otherWindow),
    ).rejects.toThrow(/belongs to another window/);
    await expect(handlers['file:openStream:close']({ streamId }, event)).resolves.toEqual({
      closed: true,
    });
    await expect(read(0, 1)).rejects.toThrow(/already closed/);
    expect(deps.openStreams.openCount()).toBe(0);
  });

  it('says a file over the limit is too large, without keeping it open', async () => {
    await writeFile(join(folder, 'big.json'), 'x'.repeat(101));
    const deps = services({ chooseOpenPath: async () => join(folder, 'big.json') });
    await expect(
      createIpcHandlers(deps)['file:openStream:open']({ filters, maxBytes: 100 }, event),
    ).resolves.toEqual({ status: 'tooLarge', name: 'big.json', sizeBytes: 101, maxBytes: 100 });
    expect(deps.openStreams.openCount()).toBe(0);
  });

  it('answers a cancelled dialog without an open file', async () => {
    const deps = services({ chooseOpenPath: async () => null });
    await expect(
      createIpcHandlers(deps)['file:openStream:open']({ filters, maxBytes: 100 }, event),
    ).resolves.toEqual({ status: 'cancelled' });
    expect(deps.openStreams.openCount()).toBe(0);
  });
});

describe('file:open', () => {
  it('returns the chosen file by name with its bytes', async () => {
    await writeFile(join(folder, 'input.csv'), 'id\n1\n');
    const handlers = createIpcHandlers(services());
    const result = await handlers['file:open']({ filters: [], maxBytes: 1024 }, event);
    expect(result.status).toBe('opened');
    if (result.status !== 'opened') return;
    expect(result.name).toBe('input.csv');
    expect(new TextDecoder().decode(result.content)).toBe('id\n1\n');
  });

  it('refuses a file over the size limit without reading it', async () => {
    await writeFile(join(folder, 'input.csv'), 'x'.repeat(2048));
    const read = vi.fn(async () => new Uint8Array());
    const handlers = createIpcHandlers(services({ readFile: read }));
    await expect(handlers['file:open']({ filters: [], maxBytes: 1024 }, event)).resolves.toEqual({
      status: 'tooLarge',
      name: 'input.csv',
      sizeBytes: 2048,
      maxBytes: 1024,
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('reports a cancelled dialog', async () => {
    const handlers = createIpcHandlers(services({ chooseOpenPath: async () => null }));
    await expect(handlers['file:open']({ filters: [], maxBytes: 10 }, event)).resolves.toEqual({
      status: 'cancelled',
    });
  });
});

describe('view:printToPdf', () => {
  it('renders the view with the requested page setup and saves it as .pdf', async () => {
    const deps = services();
    const handlers = createIpcHandlers(deps);
    const result = await handlers['view:printToPdf'](
      { suggestedName: 'Harbour tender plan', pageSize: 'A4', landscape: true },
      event,
    );
    expect(result).toEqual({ saved: true, fileName: 'Harbour tender plan.pdf' });
    expect(deps.renderPdf).toHaveBeenCalledWith(event, { pageSize: 'A4', landscape: true });
    expect(deps.chooseSavePath).toHaveBeenCalledWith(event, 'Harbour tender plan.pdf', [
      { name: 'PDF', extensions: ['pdf'] },
    ]);
    expect([...(await readFile(join(folder, 'Harbour tender plan.pdf')))]).toEqual([
      37, 80, 68, 70, 45,
    ]);
  });

  it('does not render anything when the user cancels', async () => {
    const deps = services({ chooseSavePath: async () => null });
    const handlers = createIpcHandlers(deps);
    await expect(
      handlers['view:printToPdf'](
        { suggestedName: 'p.pdf', pageSize: 'Letter', landscape: false },
        event,
      ),
    ).resolves.toEqual({ saved: false });
    expect(deps.renderPdf).not.toHaveBeenCalled();
  });
});

describe('automatic backup files', () => {
  const stamp = {
    id: '0b9c6a52-7f0e-4f43-9d4e-1e2f3a4b5c6d',
    createdAt: 1764237600000,
    day: parsePlanDate('2026-11-27'),
    reason: 'on_quit' as const,
    records: 3,
    appVersion: '0.1.0',
  };

  it('writes, lists, reads and deletes through the channels, naming files only', async () => {
    const handlers = createIpcHandlers(services());
    const written = await handlers['backup:write']({ ...stamp, text: '{"a":1}' }, event);
    expect(written).toMatchObject({ reason: 'on_quit', records: 3, bytes: 7 });
    expect(written.id).toBe(
      'pursuit-backup_2026-11-27_1764237600000_on_quit_3_0.1.0_0b9c6a52-7f0e-4f43-9d4e-1e2f3a4b5c6d.json',
    );
    await expect(handlers['backup:list'](undefined, event)).resolves.toEqual({
      folder: join(folder, 'backups'),
      backups: [written],
    });
    await expect(handlers['backup:read']({ id: written.id }, event)).resolves.toEqual({
      found: true,
      text: '{"a":1}',
    });
    await expect(handlers['backup:delete']({ id: written.id }, event)).resolves.toEqual({
      deleted: true,
    });
    await expect(handlers['backup:read']({ id: written.id }, event)).resolves.toEqual({
      found: false,
    });
    await expect(handlers['backup:delete']({ id: written.id }, event)).resolves.toEqual({
      deleted: false,
    });
  });

  it('opens the backups folder, creating it first, and reports a failure', async () => {
    const deps = services();
    const handlers = createIpcHandlers(deps);
    await expect(handlers['backup:openFolder'](undefined, event)).resolves.toEqual({
      opened: true,
    });
    expect(deps.openPath).toHaveBeenCalledWith(join(folder, 'backups'));
    expect((await stat(join(folder, 'backups'))).isDirectory()).toBe(true);
    const failing = createIpcHandlers(services({ openPath: async () => 'No application' }));
    await expect(failing['backup:openFolder'](undefined, event)).resolves.toEqual({
      opened: false,
      error: 'No application',
    });
  });

  it('passes the quit answer on with the window that sent it', async () => {
    const deps = services();
    await createIpcHandlers(deps)['app:quitReady']({ requestId: 3 }, event);
    expect(deps.quitReady).toHaveBeenCalledWith(event, 3);
  });
});
