import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type InvokeChannel } from '@shared/ipc/channels';
import { parsePlanDate } from '@shared/domain/dates';
import {
  MAX_BACKUP_OPEN_BYTES,
  MAX_OPEN_BYTES,
  MAX_SAVE_BYTES,
  MAX_STREAM_PIECE_BYTES,
  MAX_STREAM_PIECE_CHARS,
} from '@shared/ipc/contract';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import {
  IpcRequestRefusedError,
  registerIpcHandlers,
  type GuardedEvent,
  type IpcHandlers,
  type SenderGuard,
} from '../../../electron/main/ipc-guard';
/* eslint-enable no-restricted-imports */
import { appPolicy } from './fakes';

const OWN_WINDOW = 7;
const guard: SenderGuard = { policy: appPolicy, isOwnWebContents: (id) => id === OWN_WINDOW };

type Listener = (event: GuardedEvent, ...args: unknown[]) => Promise<unknown>;

const BACKUP_NAME =
  'pursuit-backup_2026-11-27_1764237600000_scheduled_12_0.1.0_0b9c6a52-7f0e-4f43-9d4e-1e2f3a4b5c6d.json';
const BACKUP_INFO = {
  id: BACKUP_NAME,
  createdAt: 1764237600000,
  day: parsePlanDate('2026-11-27'),
  reason: 'scheduled' as const,
  records: 12,
  bytes: 2048,
  appVersion: '0.1.0',
};

function setup() {
  const listeners = new Map<string, Listener>();
  const handlers = {
    'app:info': vi.fn(async () => ({
      name: 'Pursuit',
      version: '0.1.0',
      platform: 'linux',
      electronVersion: '45.5.0',
      chromeVersion: '140.0.0.0',
      userDataPath: '/home/u/.config/Pursuit',
    })),
    'file:save': vi.fn(async () => ({ saved: true as const, fileName: 'deals.csv' })),
    'file:saveStream:open': vi.fn(async () => ({ opened: false as const })),
    'file:saveStream:append': vi.fn(async () => ({ bytes: 1 })),
    'file:saveStream:finish': vi.fn(async () => ({ saved: true as const, fileName: 'b.json' })),
    'file:saveStream:abort': vi.fn(async () => ({ aborted: true })),
    'file:open': vi.fn(async () => ({ status: 'cancelled' as const })),
    'file:openStream:open': vi.fn(async () => ({ status: 'cancelled' as const })),
    'file:openStream:read': vi.fn(async () => ({ bytes: new Uint8Array([1]) })),
    'file:openStream:close': vi.fn(async () => ({ closed: true })),
    'view:printToPdf': vi.fn(async () => ({ saved: false as const })),
    'backup:write': vi.fn(async () => BACKUP_INFO),
    'backup:list': vi.fn(async () => ({ folder: '/home/u/.config/Pursuit/backups', backups: [] })),
    'backup:read': vi.fn(async () => ({ found: false as const })),
    'backup:delete': vi.fn(async () => ({ deleted: true })),
    'backup:openFolder': vi.fn(async () => ({ opened: true as const })),
    'app:quitReady': vi.fn(async () => undefined),
  } satisfies IpcHandlers<GuardedEvent>;
  registerIpcHandlers<GuardedEvent>(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    handlers,
    guard,
  );
  const invoke = (channel: InvokeChannel, event: GuardedEvent, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  };
  return { listeners, handlers, invoke };
}

const trusted: GuardedEvent = {
  sender: { id: OWN_WINDOW },
  senderFrame: { url: 'app://pursuit/index.html', parent: null },
};

const STREAM_ID = '3f2c1b8e-5d4a-4c3b-9a1f-0e2d3c4b5a69';

const validSave = {
  suggestedName: 'deals.csv',
  content: 'id,name\n1,Harbour tender\n',
  filters: [{ name: 'CSV', extensions: ['csv'] }],
};

describe('IPC registration', () => {
  it('registers exactly the contract channels', () => {
    expect([...setup().listeners.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('passes a valid request from the app window to its handler', async () => {
    const { invoke, handlers } = setup();
    await expect(invoke('file:save', trusted, validSave)).resolves.toEqual({
      saved: true,
      fileName: 'deals.csv',
    });
    expect(handlers['file:save']).toHaveBeenCalledWith(validSave, trusted);
    await expect(invoke('app:info', trusted)).resolves.toMatchObject({ name: 'Pursuit' });
  });
});

describe('IPC sender validation', () => {
  const hostileSenders: [string, GuardedEvent][] = [
    ['another webContents', { ...trusted, sender: { id: 99 } }],
    ['a subframe', { ...trusted, senderFrame: { url: 'app://pursuit/index.html', parent: {} } }],
    ['a null senderFrame (frame gone)', { ...trusted, senderFrame: null }],
    ['a foreign page', { ...trusted, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a look-alike origin', { ...trusted, senderFrame: { url: 'app://evil/', parent: null } }],
    [
      'a userinfo trick',
      { ...trusted, senderFrame: { url: 'app://pursuit@evil.com/', parent: null } },
    ],
    ['a file: page', { ...trusted, senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
  ];

  it.each(hostileSenders)(
    'refuses a request from %s without calling the handler',
    async (_l, event) => {
      const { invoke, handlers } = setup();
      await expect(invoke('file:save', event, validSave)).rejects.toThrow(IpcRequestRefusedError);
      await expect(invoke('app:info', event)).rejects.toThrow(/Pursuit refused the "app:info"/);
      expect(handlers['file:save']).not.toHaveBeenCalled();
      expect(handlers['app:info']).not.toHaveBeenCalled();
    },
  );
});

describe('IPC payload validation', () => {
  const hostilePayloads: [string, InvokeChannel, unknown[], RegExp][] = [
    ['a parent path as backup name', 'backup:read', [{ id: '../../.ssh/id_rsa' }], /automatic/],
    [
      'an absolute path as backup name',
      'backup:delete',
      [{ id: `/etc/${BACKUP_NAME}` }],
      /automatic backup file/,
    ],
    [
      'a backup name hidden behind a traversal',
      'backup:read',
      [{ id: `../${BACKUP_NAME}` }],
      /automatic backup file/,
    ],
    [
      'a backup id with a path',
      'backup:write',
      [
        {
          id: '../x',
          createdAt: 1,
          day: '2026-11-27',
          reason: 'scheduled',
          records: 0,
          appVersion: '0.1.0',
          text: '{}',
        },
      ],
      /id/,
    ],
    [
      'an unknown backup reason',
      'backup:write',
      [
        {
          id: 'a1',
          createdAt: 1,
          day: '2026-11-27',
          reason: 'whenever',
          records: 0,
          appVersion: '0.1.0',
          text: '{}',
        },
      ],
      /reason/,
    ],
    ['a fractional quit request', 'app:quitReady', [{ requestId: 1.5 }], /requestId/],
    ['a string instead of an object', 'file:save', ['deals.csv'], /payload/],
    ['a missing content field', 'file:save', [{ suggestedName: 'a.csv', filters: [] }], /content/],
    ['content of the wrong type', 'file:save', [{ ...validSave, content: 42 }], /content/],
    ['an extra field', 'file:save', [{ ...validSave, path: '/etc/passwd' }], /path/],
    [
      'a path in the file name',
      'file:save',
      [{ ...validSave, suggestedName: '../../.bashrc' }],
      /path separator/,
    ],
    [
      'an absolute Windows path',
      'file:save',
      [{ ...validSave, suggestedName: 'C:\\Users\\me\\evil.bat' }],
      /absolute path/,
    ],
    [
      'a NUL byte in the file name',
      'file:save',
      [{ ...validSave, suggestedName: 'deals.csv\u0000.exe' }],
      /control character/,
    ],
    [
      'a reserved Windows name',
      'view:printToPdf',
      [{ suggestedName: 'CON.pdf', pageSize: 'A4', landscape: false }],
      /reserved on Windows/,
    ],
    [
      'an over-long file name',
      'file:save',
      [{ ...validSave, suggestedName: `${'a'.repeat(300)}.csv` }],
      /longer than/,
    ],
    [
      'oversized text content',
      'file:save',
      [{ ...validSave, content: 'x'.repeat(MAX_SAVE_BYTES + 1) }],
      /limited/,
    ],
    [
      'oversized binary content',
      'file:save',
      [{ ...validSave, content: new Uint8Array(MAX_SAVE_BYTES + 1) }],
      /limited/,
    ],
    [
      'a path as a stream id',
      'file:saveStream:append',
      [{ streamId: '../../etc/passwd', piece: 'x' }],
      /streamId/,
    ],
    ['a missing stream id', 'file:saveStream:finish', [{}], /streamId/],
    [
      'a stream piece of the wrong type',
      'file:saveStream:append',
      [{ streamId: STREAM_ID, piece: [1, 2, 3] }],
      /piece/,
    ],
    [
      'an oversized text piece',
      'file:saveStream:append',
      [{ streamId: STREAM_ID, piece: 'x'.repeat(MAX_STREAM_PIECE_CHARS + 1) }],
      /limited/,
    ],
    [
      'an oversized binary piece',
      'file:saveStream:append',
      [{ streamId: STREAM_ID, piece: new Uint8Array(MAX_STREAM_PIECE_BYTES + 1) }],
      /limited/,
    ],
    [
      'a path in a streamed file name',
      'file:saveStream:open',
      [{ suggestedName: '../backup.json', filters: [] }],
      /path separator/,
    ],
    [
      'a path smuggled into a stream request',
      'file:saveStream:abort',
      [{ streamId: STREAM_ID, path: '/tmp/x' }],
      /path/,
    ],
    [
      'an open size limit above the cap',
      'file:open',
      [{ filters: [], maxBytes: MAX_OPEN_BYTES + 1 }],
      /maxBytes/,
    ],
    ['a fractional size limit', 'file:open', [{ filters: [], maxBytes: 1.5 }], /maxBytes/],
    [
      'a filter extension with a path',
      'file:open',
      [{ filters: [{ name: 'Any', extensions: ['../*'] }], maxBytes: 10 }],
      /extension/,
    ],
    [
      'a read-in-pieces size limit above the backup cap',
      'file:openStream:open',
      [{ filters: [], maxBytes: MAX_BACKUP_OPEN_BYTES + 1 }],
      /maxBytes/,
    ],
    [
      'a path as the id of a file read in pieces',
      'file:openStream:read',
      [{ streamId: '/home/u/backup.json', offset: 0, length: 10 }],
      /streamId/,
    ],
    [
      'a piece read larger than one message',
      'file:openStream:read',
      [{ streamId: STREAM_ID, offset: 0, length: MAX_STREAM_PIECE_BYTES + 1 }],
      /limited/,
    ],
    [
      'a negative read offset',
      'file:openStream:read',
      [{ streamId: STREAM_ID, offset: -1, length: 10 }],
      /offset/,
    ],
    [
      'a path smuggled into a close request',
      'file:openStream:close',
      [{ streamId: STREAM_ID, path: '/tmp/x' }],
      /path/,
    ],
    [
      'an unknown page size',
      'view:printToPdf',
      [{ suggestedName: 'plan.pdf', pageSize: 'A0', landscape: false }],
      /pageSize/,
    ],
    ['a payload where none is expected', 'app:info', [{ path: '/' }], /payload/],
    ['two arguments', 'file:save', [validSave, validSave], /expected one argument, got 2/],
    [
      'a prototype-polluting object',
      'file:save',
      [JSON.parse('{"__proto__":{"x":1}}')],
      /payload|suggestedName/,
    ],
  ];

  it('covers at least ten hostile payloads', () => {
    expect(hostilePayloads.length).toBeGreaterThanOrEqual(10);
  });

  it.each(hostilePayloads)(
    'refuses %s with a clear error',
    async (_label, channel, args, reason) => {
      const { invoke, handlers } = setup();
      const attempt = invoke(channel, trusted, ...args);
      await expect(attempt).rejects.toThrow(IpcRequestRefusedError);
      await expect(attempt).rejects.toThrow(reason);
      await expect(attempt).rejects.toThrow(`Pursuit refused the "${channel}" request`);
      expect(handlers[channel]).not.toHaveBeenCalled();
    },
  );
});

describe('IPC answers', () => {
  it('passes streamed save requests on with their piece intact', async () => {
    const { invoke, handlers } = setup();
    const piece = new Uint8Array([1, 2, 3]);
    await invoke('file:saveStream:append', trusted, { streamId: STREAM_ID, piece });
    expect(handlers['file:saveStream:append']).toHaveBeenCalledWith(
      { streamId: STREAM_ID, piece },
      trusted,
    );
  });

  it('never hands out a stream id that is not opaque', async () => {
    const { invoke, handlers } = setup();
    handlers['file:saveStream:open'].mockResolvedValueOnce({
      opened: true,
      streamId: '/home/u/Documents/backup.json',
    } as never);
    await expect(
      invoke('file:saveStream:open', trusted, { suggestedName: 'b.json', filters: [] }),
    ).rejects.toThrow(/invalid "file:saveStream:open" answer/);
  });

  it('never hands out the id of a file read in pieces that is not opaque', async () => {
    const { invoke, handlers } = setup();
    handlers['file:openStream:open'].mockResolvedValueOnce({
      status: 'opened',
      streamId: '/home/u/Documents/backup.json',
      name: 'backup.json',
      sizeBytes: 10,
    } as never);
    await expect(
      invoke('file:openStream:open', trusted, { filters: [], maxBytes: 100 }),
    ).rejects.toThrow(/invalid "file:openStream:open" answer/);
  });

  it('refuses to answer a read with more than one message may carry', async () => {
    const { invoke, handlers } = setup();
    handlers['file:openStream:read'].mockResolvedValueOnce({
      bytes: new Uint8Array(MAX_STREAM_PIECE_BYTES + 1),
    });
    await expect(
      invoke('file:openStream:read', trusted, { streamId: STREAM_ID, offset: 0, length: 1 }),
    ).rejects.toThrow(/invalid "file:openStream:read" answer/);
  });

  it('refuses to hand the renderer an answer outside the contract (e.g. a full path)', async () => {
    const { invoke, handlers } = setup();
    handlers['file:save'].mockResolvedValueOnce({
      saved: true,
      fileName: '/home/u/Documents/deals.csv',
    });
    await expect(invoke('file:save', trusted, validSave)).rejects.toThrow(
      /invalid "file:save" answer/,
    );
  });
});
