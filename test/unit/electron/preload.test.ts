import { beforeAll, describe, expect, it, vi } from 'vitest';
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
      'getAppInfo',
      'onMenuCommand',
      'openFile',
      'printToPdf',
      'saveFile',
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
    expect(fake.invoke.mock.calls).toEqual([
      ['app:info'],
      ['file:save', save],
      ['file:open', open],
      ['view:printToPdf', print],
    ]);
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
