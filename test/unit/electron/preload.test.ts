import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parsePlanDate } from '@shared/domain/dates';
import type { AppCommand } from '@shared/app/commands';
import type { PursuitBridge } from '@shared/ipc/bridge';

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const invoke = vi.fn(async (..._args: unknown[]) => 'answer');
  const module = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke,
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(channel, new Set([...(listeners.get(channel) ?? []), listener]));
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-event' }, ...args);
  };
  return { exposed, listeners, invoke, module, emit };
});

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

let bridge: PursuitBridge;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  bridge = fake.exposed.get('pursuit') as PursuitBridge;
});

describe('preload bridge', () => {
  it('exposes only window.pursuit with one method per channel, and no ipcRenderer', () => {
    expect([...fake.exposed.keys()]).toEqual(['pursuit']);
    expect(Object.keys(bridge).sort()).toEqual([
      'abortSaveStream',
      'appendSaveStream',
      'closeOpenedFile',
      'deleteAutoBackup',
      'finishSaveStream',
      'getAppInfo',
      'listAutoBackups',
      'onBeforeQuit',
      'onMenuCommand',
      'openBackupFolder',
      'openFile',
      'openFileForReading',
      'openSaveStream',
      'printToPdf',
      'quitReady',
      'readAutoBackup',
      'readOpenedFile',
      'saveFile',
      'writeAutoBackup',
    ]);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('maps each method to its channel and forwards only the request', async () => {
    const save = { suggestedName: 'a.csv', content: 'x', filters: [] };
    const open = { filters: [], maxBytes: 10 };
    const print = { suggestedName: 'a.pdf', pageSize: 'A4', landscape: false } as const;
    await bridge.getAppInfo();
    await bridge.saveFile(save);
    await bridge.openFile(open);
    await bridge.printToPdf(print);
    const streamId = '3f2c1b8e-5d4a-4c3b-9a1f-0e2d3c4b5a69';
    const piece = new Uint8Array([1, 2]);
    await bridge.openSaveStream({ suggestedName: 'b.json', filters: [] });
    await bridge.appendSaveStream({ streamId, piece });
    await bridge.finishSaveStream({ streamId });
    await bridge.abortSaveStream({ streamId });
    await bridge.openFileForReading(open);
    await bridge.readOpenedFile({ streamId, offset: 4, length: 8 });
    await bridge.closeOpenedFile({ streamId });
    const name =
      'pursuit-backup_2026-11-27_1764237600000_on_quit_3_0.1.0_0b9c6a52-7f0e-4f43-9d4e-1e2f3a4b5c6d.json';
    const write = {
      id: 'b1',
      createdAt: 1,
      day: parsePlanDate('2026-11-27'),
      reason: 'on_quit',
      records: 3,
      appVersion: '0.1.0',
      text: '{}',
    } as const;
    await bridge.writeAutoBackup(write);
    await bridge.listAutoBackups();
    await bridge.readAutoBackup({ id: name });
    await bridge.deleteAutoBackup({ id: name });
    await bridge.openBackupFolder();
    await bridge.quitReady({ requestId: 2 });
    expect(fake.invoke.mock.calls).toEqual([
      ['app:info'],
      ['file:save', save],
      ['file:open', open],
      ['view:printToPdf', print],
      ['file:saveStream:open', { suggestedName: 'b.json', filters: [] }],
      ['file:saveStream:append', { streamId, piece }],
      ['file:saveStream:finish', { streamId }],
      ['file:saveStream:abort', { streamId }],
      ['file:openStream:open', open],
      ['file:openStream:read', { streamId, offset: 4, length: 8 }],
      ['file:openStream:close', { streamId }],
      ['backup:write', write],
      ['backup:list'],
      ['backup:read', { id: name }],
      ['backup:delete', { id: name }],
      ['backup:openFolder'],
      ['app:quitReady', { requestId: 2 }],
    ]);
  });

  it('delivers before-quit requests by number only, and unsubscribes', () => {
    const received: number[] = [];
    const unsubscribe = bridge.onBeforeQuit((requestId) => received.push(requestId));
    fake.emit('app:beforeQuit', 5);
    fake.emit('app:beforeQuit', 'not a number');
    unsubscribe();
    fake.emit('app:beforeQuit', 6);
    expect(received).toEqual([5]);
  });

  it('delivers menu commands without the event object, ignores unknown ones, and unsubscribes', () => {
    const received: AppCommand[] = [];
    const unsubscribe = bridge.onMenuCommand((command) => received.push(command));
    fake.emit('menu:command', 'deal.new');
    fake.emit('menu:command', 'app.quit');
    fake.emit('menu:command', { toString: () => 'deal.new' });
    expect(received).toEqual(['deal.new']);
    unsubscribe();
    fake.emit('menu:command', 'help.about');
    expect(received).toEqual(['deal.new']);
    expect(fake.listeners.get('menu:command')?.size).toBe(0);
  });
});
